import ArgumentParser
import NaraVardKit

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a delivery template: an Excel sheet of the rows a period is expected to have, ready to fill in.",
        discussion: """
            Sheet Mall: one row per indicator, municipality and gender (T, K, M) due in the period (an indicator \
            stored only for the county: a row for the county), with the columns ingest reads: Indikator, Område, \
            Period, Kön, Täljare, Nämnare, Värde, Anmärkning. Cells an indicator has no use for are grey; the number \
            cells are validated. Sheet Definitioner: what each indicator counts. Filled in, it loads with \
            `naravard ingest`; a row left empty is stored as reported missing. --area takes municipalities, or a \
            länsdel or the county for all of its municipalities.

            Example:
              naravard template --period 2026Q1 --area ostra --out mall-ostra.xlsx
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "The period to deliver (any input form).") var period: Period
    @Option(help: ArgumentHelp("The workbook to write.", valueName: "FILE.xlsx")) var out: String
    @OptionGroup var output: SummaryOption

    func run() throws {
        let target = try store.outputFile(out)
        let metrics = try store.openForReading()
        let asOf = try reading.asOf.snapshot(in: metrics)
        let catalog = try metrics.catalog(asOf: asOf)
        let (indicators, areas) = try reading.resolve(in: catalog)
        var expected = try metrics.expectedRows(period: period, indicators: indicators, asOf: asOf)
        for index in expected.entries.indices {
            expected.entries[index].areas.removeAll { !reading.admits($0.id, areas, catalog.geography, period) }
        }
        guard expected.entries.contains(where: { !$0.areas.isEmpty }) else {
            throw CommandError.usage("nothing is due in \(period) for the indicators and areas given (an indicator is due only in periods of its frequency)")
        }
        let summary = try TemplateWriter(expected: expected).write(to: target.stagingPath)
        try target.commitStagedFile()
        if output.json {
            printObject(["path": .text(out), "period": .text(period.description), "indicators": .integer(Int64(summary.indicators)),
                         "rows": .integer(Int64(summary.rows))])
        } else {
            print("wrote \(out): \(period), \(summary.indicators) \(summary.indicators == 1 ? "indicator" : "indicators"), \(summary.rows) rows")
        }
    }
}

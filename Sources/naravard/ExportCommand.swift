import ArgumentParser
import Foundation
import NaraVardKit

/// CSV dialect names on the command line.
enum CSVDialectName: String, ExpressibleByArgument, CaseIterable {
    case excel, rfc4180

    var dialect: CSVDialect { self == .excel ? .swedishExcel : .rfc4180 }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored record: long CSV (ingesting it back changes nothing) or a wide Excel workbook.",
        discussion: """
            --format xlsx --layout wide: one sheet per 50 indicators (a row per area, period and gender, a number \
            column per indicator), a summary sheet with line charts of the county values of the first 10 \
            indicators, and a legend (grey: reported missing; yellow: denominator 0, undefined; empty: no record).
            """
    )

    enum FileFormat: String, ExpressibleByArgument, CaseIterable { case csv, xlsx }
    enum Layout: String, ExpressibleByArgument, CaseIterable { case long, wide }

    @OptionGroup var store: StoreOptions
    @OptionGroup var asOf: AsOfOption
    @Option(help: ArgumentHelp("The file to write.", valueName: "FILE.csv|FILE.xlsx")) var out: String
    @Option(help: "csv or xlsx.") var format: FileFormat = .csv
    @Option(help: "long (one record a row; csv) or wide (a column per indicator; xlsx). Default: the format's only layout.")
    var layout: Layout?
    @Option(help: "excel (; decimal comma, BOM) or rfc4180 (, and .); csv only.") var csvDialect: CSVDialectName?
    @OptionGroup var output: SummaryOption

    func validate() throws {
        switch format {
        case .csv where layout == .wide:
            throw ValidationError("--layout wide is written as a workbook: add --format xlsx")
        case .xlsx where layout == .long:
            throw ValidationError("--layout long is only for --format csv (a store has more records than an Excel sheet has rows); use --layout wide with xlsx")
        case .xlsx where csvDialect != nil:
            throw ValidationError("--csv-dialect applies to --format csv only")
        default:
            break
        }
    }

    func run() throws {
        let target = try store.outputFile(out)
        let metrics = try store.openForReading()
        let asOf = try self.asOf.snapshot(in: metrics)
        switch format {
        case .csv: try writeCSV(metrics, asOf: asOf, to: target)
        case .xlsx: try writeWorkbook(metrics, asOf: asOf, to: target)
        }
    }

    private func writeCSV(_ metrics: MetricsStore, asOf: Int64?, to target: OutputTarget) throws {
        let writer = try CSVWriter(target: target, dialect: (csvDialect ?? .excel).dialect)
        try writer.write(["indicator", "area", "period", "gender", "value", "numerator", "denominator", "status", "note"])
        // One indicator at a time, so memory stays flat on a large store.
        var count = 0
        for indicator in try metrics.storedIndicators() {
            var query = ObservationQuery(asOf: asOf)
            query.indicators = [indicator]
            for observation in try metrics.observations(query) {
                try writer.write([
                    .text(observation.indicator), .text(observation.area), .text(observation.period.description),
                    .text(observation.gender.rawValue), .number(observation.value), .number(observation.numerator),
                    .number(observation.denominator), .text(observation.status.rawValue), .text(observation.note),
                ])
                count += 1
            }
        }
        try writer.finish()
        if output.json {
            printObject(["path": .text(out), "records": .integer(Int64(count))])
        } else {
            print("wrote \(count) records to \(out)")
        }
    }

    private func writeWorkbook(_ metrics: MetricsStore, asOf: Int64?, to target: OutputTarget) throws {
        let catalog = try metrics.catalog(asOf: asOf)
        let summary = try WideWorkbookWriter(source: metrics, catalog: catalog, asOf: asOf).write(to: target.stagingPath)
        try target.commitStagedFile()
        guard !output.json else {
            return printObject(["path": .text(out), "indicators": .integer(Int64(summary.indicators)),
                                "sheets": .integer(Int64(summary.valueSheets)), "rows": .integer(Int64(summary.rows)),
                                "values": .integer(Int64(summary.values))])
        }
        let sheets = summary.valueSheets == 1 ? "1 sheet" : "\(summary.valueSheets) sheets"
        print("wrote \(out): \(summary.indicators) indicators on \(sheets), \(summary.rows) rows, \(summary.values) values")
    }
}

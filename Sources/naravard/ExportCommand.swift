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
        abstract: "Write every stored record in the long CSV format (ingesting it back changes nothing)."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Export the store as it was right after this import.", valueName: "IMPORT_ID")) var asOf: Int64?
    @Option(help: ArgumentHelp("The CSV file to write.", valueName: "FILE.csv")) var out: String
    @Option(help: "excel (; decimal comma, BOM) or rfc4180 (, and .).") var csvDialect: CSVDialectName = .excel

    func run() throws {
        let metrics = try store.open()
        let writer = try CSVWriter(url: URL(fileURLWithPath: out), dialect: csvDialect.dialect)
        try writer.write(["indicator", "area", "period", "gender", "value", "numerator", "denominator", "status", "note"])
        // One indicator at a time, so memory stays flat on a large store.
        let asOf = try metrics.snapshot(asOf: self.asOf)
        var count = 0
        for indicator in try metrics.storedIndicators() {
            var query = ObservationQuery(asOf: asOf)
            query.indicators = [indicator]
            for observation in try asUsageError({ try metrics.observations(query) }) {
                try writer.write([
                    .text(observation.indicator), .text(observation.area), .text(observation.period.description),
                    .text(observation.gender.rawValue), .number(observation.value), .number(observation.numerator),
                    .number(observation.denominator), .text(observation.status.rawValue), .text(observation.note),
                ])
                count += 1
            }
        }
        try writer.finish()
        print("wrote \(count) records to \(out)")
    }
}

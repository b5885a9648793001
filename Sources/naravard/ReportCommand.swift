import ArgumentParser
import Foundation
import NaraVardKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the committee follow-up or the Polsam comparison as an Excel workbook (or CSV files).",
        discussion: """
            Definitions in Reports/ are built in; --definition FILE.yaml uses another. Every report is logged in the \
            store, and a value revised since the previous report of the same kind is marked with a comment giving \
            the earlier value. Small numbers are suppressed ("prickad").
            """,
        subcommands: [Committee.self, Polsam.self]
    )

    struct Committee: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The follow-up for Utskott Nära vård: per direction shift, is each indicator improving or worsening?")
        @OptionGroup var options: ReportOptions
        func run() throws { try options.run(.committee) }
    }

    struct Polsam: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The comparison for Polsam: länsdelar and the county side by side, municipalities beneath.")
        @OptionGroup var options: ReportOptions
        func run() throws { try options.run(.polsam) }
    }
}

/// The output of `naravard report`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case xlsx, csv
}

/// The options both reports take.
struct ReportOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(help: "The report period, e.g. 2025Q4 (default: the latest quarter with data).") var period: Period?
    @OptionGroup var asOf: AsOfOption
    @Option(help: ArgumentHelp("The workbook, or for csv the folder (default: <report>-<period>.xlsx).", valueName: "PATH")) var out: String?
    @Option(help: "xlsx or csv.") var format: ReportFormat = .xlsx
    @Option(help: "For csv: excel (; decimal comma, BOM) or rfc4180 (, and .).") var csvDialect: CSVDialectName = .excel
    @Option(help: ArgumentHelp("A report definition instead of the built-in one.", valueName: "FILE.yaml")) var definition: String?
    @OptionGroup var output: SummaryOption

    func run(_ kind: ReportKind) throws {
        let inputs = definition.map { [$0] } ?? []
        // An explicit --out is checked before any work; the default name needs the period of the built report.
        var target = try out.map { try outputTarget($0, inputs: inputs) }
        let metrics = try store.openForWriting()
        _ = try asOf.snapshot(in: metrics)
        var request = ReportRequest(kind: kind, definition: try readDefinition(kind))
        request.period = period
        request.asOf = asOf.id
        let report = try metrics.report(request)
        let name = kind == .committee ? "uppfoljning" : "polsam"
        if target == nil { target = try outputTarget("\(name)-\(report.period)" + (format == .xlsx ? ".xlsx" : ""), inputs: inputs) }
        guard let target else { return }
        let id = try metrics.publish(report, as: format == .xlsx ? .xlsx : .csv(csvDialect.dialect), to: target)
        let output = target.path
        let suppressed = report.values.filter { $0.status == .suppressed }.count
        if self.output.json {
            printObject(["report_id": .integer(id), "title": .text(report.title), "period": .text(report.period.description),
                         "as_of": .integer(report.asOf), "path": .text(output),
                         "values": .integer(Int64(report.values.count)), "suppressed": .integer(Int64(suppressed)),
                         "revised": .integer(Int64(report.revised))])
            return
        }
        print("report \(id): \(report.title), data till och med import \(report.asOf.map(String.init) ?? "-")")
        print("wrote \(output): \(report.values.count) values, \(suppressed) suppressed, \(report.revised) revised since the previous report")
    }

    /// The workbook file, or the folder for CSV files (``OutputTarget``).
    private func outputTarget(_ path: String, inputs: [String]) throws -> OutputTarget {
        switch format {
        case .xlsx: try store.outputFile(path, inputs: inputs)
        case .csv: try OutputTarget.reportFolder(path, store: store.path, inputs: inputs)
        }
    }

    /// The built-in definition, or `--definition` (exit 66 when missing, 65 when invalid).
    private func readDefinition(_ kind: ReportKind) throws -> ReportDefinition {
        guard let definition else { return try ReportDefinition.bundled(kind) }
        return try ReportDefinition.read(contentsOf: URL(fileURLWithPath: definition))
    }
}

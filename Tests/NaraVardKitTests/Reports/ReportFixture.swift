import Foundation
@testable import NaraVardKit
import Testing
import TestSupport

/// Report helpers on top of ``StoreFixture``: the sample data, building, writing and reading back.
extension StoreFixture {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../Examples").standardized
    static let sampleFiles = ["kvartalsdata-kommuner.csv", "kvartalsdata-koder.csv", "arsdata.csv", "kolada.json"]
    /// A fixed generation time, so tests can compare whole workbooks.
    static let generated = Date(timeIntervalSince1970: 1_764_000_000)

    /// A store with the bundled catalogue and every sample file (`Examples/`).
    static func withExamples() throws -> StoreFixture {
        let fixture = try StoreFixture()
        var options = IngestOptions()
        options.ignoreUnknownAreas = true
        let result = try fixture.store.ingest(sampleFiles.map { examples.appending(path: $0) }, options: options)
        #expect(!result.refused, "\(result.diagnostics)")
        return fixture
    }

    /// The sample store with the bundled agreements, the sample activities of 2022 and their spending.
    static func withAgreements() throws -> StoreFixture {
        let fixture = try withExamples()
        try fixture.store.loadAgreements(AgreementBook.bundled())
        try fixture.store.loadAgreements(AgreementBook.read(paths: [examples.appending(path: "overenskommelser/aktiviteter-2022.yaml")]))
        let use = try fixture.store.ingestAgreementUse([examples.appending(path: "overenskommelser/forbrukning-2022.csv")])
        #expect(!use.refused)
        return fixture
    }

    func report(
        _ kind: ReportKind, period: String? = nil, asOf: Int64? = nil, definition: ReportDefinition? = nil,
        generated: Date = StoreFixture.generated
    ) throws -> Report {
        try store.report(ReportRequest(
            kind: kind, definition: try definition ?? .bundled(kind), period: try period.map { try Period(parsing: $0) },
            asOf: asOf, generatedAt: generated))
    }

    /// Writes the report as a workbook, logs it, and reads it back.
    func workbook(_ report: Report, named name: String? = nil, constantMemoryAbove limit: Int = XLSXReportWriter.constantMemoryCells) throws -> XLSXReader {
        let path = directory.path(name ?? "\(report.kind.rawValue)-\(UUID().uuidString).xlsx")
        try XLSXReportWriter.write(report, to: path, constantMemoryAbove: limit)
        try store.finishReportLog(try store.logReport(report, output: path, sha256: ""))
        return try XLSXReader(path: path)
    }
}

/// The sample store with one report written and read back: built once per kind and shared by the tests that
/// only read it (reading is safe from many tests at once; nothing here changes after `init`).
final class SampleReport: @unchecked Sendable {
    let fixture: StoreFixture
    let report: Report
    let workbook: XLSXReader

    static let committee = Result { try SampleReport(.committee) }
    static let polsam = Result { try SampleReport(.polsam) }

    private init(_ kind: ReportKind) throws {
        fixture = try StoreFixture.withExamples()
        report = try fixture.report(kind, period: "2025Q4")
        workbook = try fixture.workbook(report)
    }
}

extension SheetContents {
    /// The zero-based rows whose cells in the given columns hold exactly these strings.
    func rows(where values: [String: String]) -> [Int] {
        let last = cells.keys.compactMap { Int($0.drop { $0.isLetter }) }.max() ?? 0
        return (0..<last).filter { row in values.allSatisfy { self["\($0.key)\(row + 1)"]?.string == $0.value } }
    }

    /// The one row matching, or a test failure.
    func row(where values: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let rows = rows(where: values)
        try #require(rows.count == 1, "rows matching \(values): \(rows)", sourceLocation: sourceLocation)
        return rows[0]
    }

    /// The value in `column` (a letter) of a zero-based row.
    subscript(column: String, row: Int) -> CellValue? { self["\(column)\(row + 1)"] }
}

/// A figure from a sample CSV file: the numerator and denominator of one key.
func sampleCounts(_ file: String, _ indicator: String, _ area: String, _ period: String) throws -> (Double, Double) {
    let text = try String(contentsOf: StoreFixture.examples.appending(path: file), encoding: .utf8)
    for line in text.split(whereSeparator: \.isNewline) {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if fields.count >= 7, fields[0] == indicator, fields[1] == area, fields[2] == period, fields[3] == "T" {
            let numerator = try #require(Double(fields[4])), denominator = try #require(Double(fields[5]))
            return (numerator, denominator)
        }
    }
    throw StoreQueryError(description: "\(indicator) \(area) \(period) is not in \(file)")
}

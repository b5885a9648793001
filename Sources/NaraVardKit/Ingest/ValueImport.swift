import Foundation
import GRDB

extension RawRecord: SourceRow {}

/// A valid record on its way to the database, with where it came from.
struct CheckedRecord {
    var key: StoredKey
    var numbers: StoredNumbers
    var note: String?
    /// Half a unit of the last written decimal of a value given without counts (nil when counts were given).
    var valueTolerance: Double?
    var place: RowPlace
}

/// Indicator values as ``IngestPipeline`` imports them: long CSV, Kolada JSON and `.xlsx` files, each row
/// checked by ``RecordValidator`` and written by ``ObservationWriter``.
final class ValueImport: IngestKind {
    static let figure = "value"
    private let validator: RecordValidator
    private let indicatorForKPI: [String: String]
    private let catalog: Catalog
    private let writer: ObservationWriter
    /// The writer's keys, read by the checking thread.
    private let keys: StoredKeyMaker

    init(catalog: Catalog, writer: ObservationWriter, options: IngestOptions) {
        var indicators: [String: Indicator] = [:]
        var indicatorForKPI: [String: String] = [:]
        for indicator in catalog.indicators {
            indicators[indicator.id] = indicator
            if let kpi = indicator.kolada { indicatorForKPI[kpi] = indicator.id }
        }
        validator = RecordValidator(indicators: indicators, areas: AreaResolver(catalog.geography.areas),
                                    ignoreUnknownAreas: options.ignoreUnknownAreas)
        self.indicatorForKPI = indicatorForKPI
        self.catalog = catalog
        self.writer = writer
        writer.replaceCounts = options.replaceCounts
        keys = writer.keys
    }

    /// Reads a workbook, a Kolada JSON file (whole) or a long CSV file (streamed), by what its bytes say it is.
    func read(_ url: URL, path: String, reader: RowReader<RawRecord>) throws -> ImportedFile {
        let signature = XLSXSource.signature(of: url)
        if let refusal = XLSXSource.unsupported(url, signature: signature) {
            throw InputStopped(diagnostic: Diagnostic(file: path, line: 1, refusal))
        }
        if signature == .zip {
            let data = try Data(contentsOf: url, options: .alwaysMapped)
            do {
                let (problems, rows) = try XLSXSource.read(url, path: path, sheet: reader.options.sheet, warn: reader.warn) { record in
                    try reader.row(record, { record.fields })
                }
                try reader.fileProblems(problems, max(rows, problems.isEmpty ? 0 : 1))
                return ImportedFile(path: path, sha256: StreamingSHA256.hex(of: data), rows: rows)
            } catch let error as XLSXSheetReader.Unreadable {
                throw InputStopped(diagnostic: Diagnostic(file: path, line: 1, error.description))
            }
        }
        if KoladaSource.isJSON(url) {
            let data = try KoladaSource.contents(of: url, path: path)
            let (records, problems) = KoladaSource.read(data: data, path: path, indicatorForKPI: indicatorForKPI)
            for record in records { try reader.row(record, { record.fields }) }
            try reader.fileProblems(problems, problems.count)
            return ImportedFile(path: path, sha256: StreamingSHA256.hex(of: data), rows: records.count)
        }
        var source = try LongCSVSource(url: url, displayPath: path)
        return try reader.readAll(&source, url: url, path: path)
    }

    func check(_ row: RawRecord, at place: RowPlace) -> RowCheck<CheckedRecord> {
        switch validator.validate(row) {
        case .ignored:
            return .ignored
        case .rejected(let reasons):
            return .rejected(reasons)
        case .accepted(let observation, let tolerance):
            guard let key = keys.key(for: observation) else {
                return .rejected(["the period \(observation.period) is outside what the store can hold"])
            }
            return .accepted(CheckedRecord(key: key, numbers: StoredNumbers(observation), note: observation.note,
                                           valueTolerance: tolerance, place: place))
        }
    }

    func key(of record: CheckedRecord) -> StoredKey { record.key }
    func name(of record: CheckedRecord) -> String { name(record.key) }

    /// `PV01 2580 2025Q4 T`: a key as messages name it.
    private func name(_ key: StoredKey) -> String {
        "\(keys.indicatorID(key) ?? "?") \(keys.areaID(key) ?? "?") \(key.period) \(key.gender.rawValue)"
    }

    func write(_ record: CheckedRecord) throws { try writer.write(record) }
    var conflicts: [StoredKey: RowPlace] { writer.conflicts }
    var summary: IngestSummary { writer.summary }

    /// Records the periods written; reports the values given without counts over stored counts they disagree with
    /// (refused, or with `--replace-counts` warned about, naming the aggregates the dropped counts make
    /// uncomputable) and warns of each value that breaks sharply from its own series.
    func finish(_ pipeline: IngestPipeline<ValueImport>) throws {
        try writer.finish()
        for record in writer.countCorrections {
            let area = keys.areaID(record.key).flatMap { catalog.geography[$0] }
            let file = pipeline.files[record.place.file]
            if writer.replaceCounts {
                let aggregates = [area?.lansdel, area?.county].compactMap { $0 }.joined(separator: " and ")
                pipeline.warn([Diagnostic(file: file, line: record.place.line, sheetCell: record.place.sheetCell,
                                          "the value replaces the stored counts of \(name(record.key)): \(aggregates.isEmpty ? "its aggregates" : aggregates) can no longer be computed for \(record.key.period)",
                                          severity: .warning)])
            } else {
                try pipeline.refuse(Diagnostic(
                    file: file, line: record.place.line, sheetCell: record.place.sheetCell,
                    "\(name(record.key)) is stored with counts and the value given disagrees with them: give numerator and denominator (or --replace-counts to drop the counts)"))
            }
        }
        pipeline.warn(writer.seriesBreaks.map { record, found in
            let low = (found.median - found.allowed).rounded(toDecimals: 2).plain, high = (found.median + found.allowed).rounded(toDecimals: 2).plain
            return Diagnostic(
                file: pipeline.files[record.place.file], line: record.place.line, sheetCell: record.place.sheetCell,
                "\(name(record.key)): \(found.value.plain) breaks from its series (median \(found.median.rounded(toDecimals: 2).plain) over the previous \(SeriesBreak.periods) periods; expected \(low) to \(high)): check the value",
                severity: .warning)
        })
    }

    func changes(_ db: Database, importID: Int64) throws -> [RecordChange] {
        try MetricsStore.dryRunChanges(db, importID)
    }
}

import Foundation

/// The one door the fuzz target (`scripts/fuzz`) goes through to the input parsers, so that it keeps
/// compiling whatever their internals become: bytes in, every parser run over them, nothing out.
package enum FuzzEntry {
    /// The bundled catalogue the records are validated against.
    private static let catalog = try? Catalog.bundled()
    /// CSVReader reads files: each input is written here first (one file per process).
    private static let scratch = FileManager.default.temporaryDirectory
        .appending(path: "naravard-fuzz-\(ProcessInfo.processInfo.processIdentifier).csv")

    /// Runs the CSV reader and long-CSV source, the number, period, gender and area parsers (through
    /// the record validator) and the Kolada JSON reader over `data`. Any outcome but a crash is fine.
    package static func parse(_ data: Data) {
        guard let catalog else { fatalError("the bundled catalogue does not load") }
        var indicators: [String: Indicator] = [:]
        var indicatorForKPI: [String: String] = [:]
        for indicator in catalog.indicators {
            indicators[indicator.id] = indicator
            if let kpi = indicator.kolada { indicatorForKPI[kpi] = indicator.id }
        }
        let validator = RecordValidator(indicators: indicators, areas: AreaResolver(catalog.geography.versions), ignoreUnknownAreas: false)
        let (records, _) = KoladaSource.read(data: data, path: "fuzz.json", indicatorForKPI: indicatorForKPI)
        for record in records { _ = validator.validate(record) }
        do {
            try data.write(to: scratch)
            var source = try LongCSVSource(url: scratch, displayPath: "fuzz.csv")
            while let record = try source.next() { _ = validator.validate(record) }
            _ = source.sha256
        } catch {
            // A reader error is an answer, not a finding.
        }
    }
}

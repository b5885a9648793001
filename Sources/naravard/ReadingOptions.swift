import ArgumentParser
import NaraVardKit

/// The level of areas a reading command shows.
enum AreaLevel: String, ExpressibleByArgument, CaseIterable {
    case municipality, lansdel, county, all

    func includes(_ kind: Area.Kind) -> Bool {
        switch self {
        case .all: true
        case .municipality: kind == .municipality
        case .lansdel: kind == .lansdel
        case .county: kind == .county
        }
    }
}

/// Filters shared by the reading commands: `--indicator`, `--area`, `--level`, `--as-of`.
struct ReadingOptions: ParsableArguments {
    @Option(name: .customLong("indicator"), help: "Only this indicator (repeatable).") var indicators: [String] = []
    @Option(name: .customLong("area"), help: "Only this area: id, code or name (repeatable).") var areas: [String] = []
    @Option(help: "municipality, lansdel, county or all.") var level: AreaLevel = .all
    @OptionGroup var asOf: AsOfOption

    /// Checks the indicator and area names against the catalogue and returns the area ids.
    func resolve(in catalog: Catalog) throws -> (indicators: [String], areas: [Area]) {
        for id in indicators where catalog.indicator(id) == nil {
            throw CommandError.unknownIndicator(id)
        }
        let resolver = AreaResolver(catalog.geography.areas)
        let areaList = try areas.map { text in
            guard let id = resolver.resolve(text), let area = catalog.geography[id] else {
                throw CommandError.usage("no area '\(text)' in the geography")
            }
            return area
        }
        return (indicators, areaList)
    }
}

/// `--as-of IMPORT_ID`, shared by every command that can read the store as it was after an import.
struct AsOfOption: ParsableArguments {
    // Unconditional, so that `--as-of -1` is told "there is no import -1" like 0 or 999, not "missing value".
    @Option(name: .customLong("as-of"), parsing: .unconditional,
            help: ArgumentHelp("Read the store as it was right after this import.", valueName: "IMPORT_ID"))
    var id: Int64?

    /// The import to read as of: `--as-of`, else the latest now. An import that is not in the store (0, a
    /// negative or an unknown id) is a usage error (64) with the same message in every command.
    func snapshot(in store: MetricsStore) throws -> Int64? {
        try store.snapshot(asOf: id)
    }
}

/// What a reading command works on: the store as of `--as-of`, its catalogue, and the chosen indicators and areas.
struct Reading {
    let metrics: MetricsStore
    let asOf: Int64?
    let catalog: Catalog
    let indicators: [String]
    let areas: [Area]
    let level: AreaLevel
    private let wanted: Set<String>

    init(_ store: StoreOptions, _ options: ReadingOptions) throws {
        metrics = try store.openForReading()
        asOf = try options.asOf.snapshot(in: metrics)
        let catalog = try metrics.catalog(asOf: asOf)
        self.catalog = catalog
        (indicators, areas) = try options.resolve(in: catalog)
        level = options.level
        wanted = Set(areas.map(\.id))
    }

    /// Whether a row of this area is shown: one of `--area`, else of the `--level` (areas outside the
    /// geography only at level all).
    func shows(_ area: String) -> Bool {
        guard let found = catalog.geography[area] else { return level == .all && wanted.isEmpty }
        return wanted.isEmpty ? level.includes(found.kind) : wanted.contains(area)
    }
}

extension Period: ExpressibleByArgument {
    public init?(argument: String) {
        guard let period = try? Period(parsing: argument) else { return nil }
        self = period
    }
}

extension Gender: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

import Foundation
import Testing
import TestSupport

/// Several naravard processes on one store at once, as analysts run them.
@Suite(.tags(.slow), .slow) struct ConcurrencyTests {
    let cli: CLIFixture
    /// Quarterly rate indicators the made-up files fill: a reader that mixes two imports shows some of them from
    /// one and some from the other.
    static let indicators = ["OV01", "PC05", "PV01", "PV04"]

    init() throws {
        cli = try CLIFixture()
        try cli.run("init")
        for (name, seed) in [("a.csv", 1), ("b.csv", 2)] {
            try Synth.counts(indicators: Self.indicators, quarters: 60, seed: seed, to: cli.directory.url.appending(path: name))
        }
    }

    /// The readers whose output must show one state of the store.
    static let readers: [[String]] = [
        ["values", "--format", "csv"],
        ["trends", "--format", "csv"],
        ["export", "--out", "export.csv", "--csv-dialect", "rfc4180"],
    ]

    /// What a reader printed (for export, the file it wrote).
    static func read(_ index: Int, _ cli: CLIFixture) throws -> String {
        let result = try cli.run(readers[index])
        #expect(result.status == 0, "\(result.stderr)")
        guard readers[index][0] == "export" else { return result.stdout }
        return try String(contentsOfFile: cli.directory.path("export.csv"), encoding: .utf8)
    }

    @Test func readersSeeTheStoreBeforeOrAfterAnImportNeverAMix() async throws {
        var states: [Int: Set<String>] = [:]
        for file in ["a.csv", "b.csv"] {
            #expect(try cli.run("ingest", file).status == 0)
            for index in Self.readers.indices { states[index, default: []].insert(try Self.read(index, cli)) }
        }
        let cli = cli
        let done = Flag()
        // The writer alternates the two files for as long as the reader reads.
        let seen = try await withThrowingTaskGroup(of: [(Int, String)].self) { group in
            group.addTask {
                repeat {
                    for file in ["a.csv", "b.csv"] {
                        let result = try cli.run("ingest", file)
                        #expect(result.status == 0, "\(result.stderr)")
                    }
                } while !done.isSet
                return []
            }
            group.addTask {
                defer { done.set() }
                var seen: [(Int, String)] = []
                for _ in 0..<4 {
                    for index in Self.readers.indices { seen.append((index, try Self.read(index, cli))) }
                }
                return seen
            }
            return try await group.reduce([], +)
        }
        for (index, output) in seen {
            let known = states[index]!.contains(output)
            #expect(known, "\(Self.readers[index][0]) printed a state that is neither import")
        }
    }

    @Test func twoIngestsAtOnceBothLandWhole() async throws {
        let cli = cli
        async let first = cli.run("ingest", "--json", "a.csv")
        async let second = cli.run("ingest", "--json", "--note", "andra", "b.csv")
        let results = try await [first, second]
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let imports = try cli.run("imports", "--format", "json").stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(imports.utf8)) as? [[String: Any]])
        #expect(list.count == 3, "the catalogue and both ingests")
        // Whichever came second found the other's keys: updated, never imported twice.
        let counts = list.dropFirst().map { ($0["imported"] as? Int ?? -1, $0["updated"] as? Int ?? -1) }
        let rows = Self.indicators.count * 14 * 60 * 3  // 14 municipalities, 60 quarters, genders T, K, M
        #expect(counts.first?.0 == rows && counts.last?.0 == 0)
        #expect(try cli.run("check", "--indicator", "PV01").status != 1)
    }
}

/// A flag one task sets and another reads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

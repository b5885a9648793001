import ArgumentParser
import Foundation
import NaraVardKit

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List, show, validate and load indicator definitions and geography.",
        subcommands: [List.self, Show.self, Validate.self, Load.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the indicators in the store.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let catalog = try store.openForReading().catalog()
            let columns = ["id", "shift", "name", "unit", "better", "frequency", "seasonal", "levels", "kolada", "target"]
            let rows: [[Cell]] = catalog.indicators.map { indicator in
                [.text(indicator.id), .number(Double(indicator.shift)), .text(indicator.name), .text(indicator.unit.rawValue),
                 .text(indicator.better.rawValue), .text(indicator.frequency.rawValue), .flag(indicator.seasonal),
                 .text(indicator.levelsText), .text(indicator.kolada), .number(indicator.target)]
            }
            try OutputTable(columns: columns, rows: rows).print(output.format)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one indicator's definition.",
            discussion: "Example: naravard catalog show PV08 --json")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Indicator id, e.g. PV01.") var id: String
        @Flag(help: "Print the definition as one JSON object (the catalogue's field names).") var json = false

        func run() throws {
            let catalog = try store.openForReading().catalog()
            guard let indicator = catalog.indicator(id) else {
                throw CommandError.unknownIndicator(id)
            }
            if json {
                try printJSON(ShownIndicator(indicator))
                return
            }
            let shift = catalog.shift(indicator.shift)
            let lines: [(String, String?)] = [
                ("id", indicator.id), ("name", indicator.name), ("name_en", indicator.nameEn),
                ("shift", "\(indicator.shift)" + (shift.map { " \($0.name)" } ?? "")),
                ("unit", indicator.unit.rawValue), ("better", indicator.better.rawValue),
                ("frequency", indicator.frequency.rawValue), ("seasonal", indicator.seasonal ? "yes" : "no"),
                ("levels", indicator.levelsText), ("definition", indicator.definition),
                ("numerator", indicator.numerator), ("denominator", indicator.denominator),
                ("source", indicator.source), ("notes", indicator.notes), ("kolada", indicator.kolada), ("min_n", indicator.minN.map(String.init)),
                ("target", indicator.target.map { "\($0)" }),
                ("targets", indicator.targets.isEmpty ? nil : indicator.targets.map { "\($0.area) \($0.year): \($0.value)" }.joined(separator: ", ")),
                ("retired", indicator.retired ? "yes" : nil),
            ]
            for case let (key, value?) in lines { print("\(key.padding(toLength: 12, withPad: " ", startingAt: 0)) \(value)") }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check every *.yaml under DIR without loading it (no store needed).")
        @Argument(help: "A folder (or file) of catalogue YAML.") var directory: String

        func run() throws {
            let catalog = try readCatalog(directory)
            print("\(directory): \(catalog.indicators.count) indicators, \(catalog.shifts.count) direction shifts, \(catalog.geography.versions.count) areas: valid")
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or update the definitions of every *.yaml under DIR (recorded as an import).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "A folder (or file) of catalogue YAML.") var directory: String
        @Option(help: "A note for the audit log.") var note: String?
        @OptionGroup var output: SummaryOption

        func run() throws {
            let catalog = try readCatalog(directory)
            let summary: CatalogLoadSummary
            do {
                summary = try store.openForWriting().loadCatalog(catalog, note: note)
            } catch let error as Diagnostics {
                throw CommandError.refused(error, "nothing was loaded")
            }
            try printSummary(summary, json: output.json)
        }
    }
}

/// An indicator as `catalog show --json` prints it: the YAML field names, `seasonal` and `levels` always given.
private struct ShownIndicator: Encodable {
    var id: String, name: String, name_en: String?, shift: Int, unit: String, better: String, frequency: String
    var seasonal: Bool, levels: [String]
    var definition: String?, numerator: String?, denominator: String?, source: String?, notes: String?, kolada: String?
    var min_n: Int?, target: Double?, retired: Bool

    init(_ indicator: Indicator) {
        id = indicator.id; name = indicator.name; name_en = indicator.nameEn; shift = indicator.shift
        unit = indicator.unit.rawValue; better = indicator.better.rawValue; frequency = indicator.frequency.rawValue
        seasonal = indicator.seasonal; levels = indicator.levels.sorted().map(\.rawValue)
        definition = indicator.definition; numerator = indicator.numerator; denominator = indicator.denominator
        source = indicator.source; notes = indicator.notes; kolada = indicator.kolada; min_n = indicator.minN; target = indicator.target
        retired = indicator.retired
    }
}

extension Indicator {
    /// The published levels as the catalogue writes them: `municipality, lansdel, county`.
    var levelsText: String { levels.sorted().map(\.rawValue).joined(separator: ", ") }
}

/// Prints the summary of a catalogue or agreements load: one line, or with `--json` one object
/// (`{"import_id": 3, "imported": 9, "updated": 0, "unchanged": 0}`).
func printSummary(_ summary: CatalogLoadSummary, json: Bool) throws {
    if json {
        try printJSON(summary)
    } else {
        print("import \(summary.importID.map(String.init) ?? "-"): imported \(summary.imported), updated \(summary.updated), unchanged \(summary.unchanged)")
    }
}

/// Reads a catalogue folder, printing every problem as `FILE:LINE:COLUMN: message` (exit 65) or a
/// missing folder (exit 66).
func readCatalog(_ directory: String) throws -> Catalog {
    guard FileManager.default.fileExists(atPath: directory) else { throw CommandError.missing(directory) }
    do {
        let catalog = try Catalog.read(directory: URL(fileURLWithPath: directory))
        for warning in catalog.warnings { printError(warning.description) }
        return catalog
    } catch {
        throw CommandError.refused(error, "\(error.total) problem\(error.total == 1 ? "" : "s") found")
    }
}

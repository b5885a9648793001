import ArgumentParser
import NaraVardKit

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What changed between two states of the store: every key whose record differs, one row per key.",
        discussion: """
            Compares the store as it was right after import --since (0: the empty store) with the store after \
            import --until (default: now). old_* are empty for a key that is new; a key withdrawn by a revert has \
            no new value and the status `absent`; import_id is the last import that changed the key.

            Example:
              naravard changes --since 2 --indicator PV01 --format json
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("The state to compare from: right after this import (0: the empty store).", valueName: "IMPORT_ID"))
    var since: Int64
    @Option(help: ArgumentHelp("The state to compare with: right after this import (default: now).", valueName: "IMPORT_ID"))
    var until: Int64?
    @Option(name: .customLong("indicator"), help: "Only this indicator (repeatable).") var indicators: [String] = []
    @OptionGroup var output: FormatOption

    func validate() throws {
        if since < 0 { throw ValidationError("--since must be 0 (the empty store) or an import id") }
    }

    func run() throws {
        let metrics = try store.openForReading()
        let until = try metrics.snapshot(asOf: self.until)
        let known = Set(try metrics.catalog().indicators.map(\.id)).union(try metrics.storedIndicators())
        for id in indicators where !known.contains(id) {
            throw CommandError.unknownIndicator(id)
        }
        // Streamed in batches (a table waits to align its columns), so a whole store's changes stay flat.
        let printer = RowPrinter(columns: Self.columns, format: output.format)
        var batch: [[Cell]] = []
        var (count, added, withdrawn) = (0, 0, 0)
        try metrics.forEachChange(since: since, until: until, indicators: indicators) { change in
            batch.append(Self.row(change))
            if batch.count == 8192 {
                printer.write(batch)
                batch.removeAll(keepingCapacity: true)
            }
            count += 1
            added += change.old == nil ? 1 : 0
            withdrawn += change.new == nil ? 1 : 0
        }
        printer.write(batch)
        printer.finish()
        printError("\(count) changed after import \(since) up to import \(until.map(String.init) ?? "0"): "
            + "\(added) new, \(count - added - withdrawn) revised, \(withdrawn) withdrawn")
    }
}

extension ChangesCommand {
    static let columns = ["indicator", "area", "period", "gender", "old_value", "new_value", "old_status", "new_status", "import_id"]

    /// One change as `changes` and `ingest --dry-run --changes` print it.
    static func row(_ change: RecordChange) -> [Cell] {
        [.text(change.indicator), .text(change.area), .text(change.period.description), .text(change.gender.rawValue),
         .number(change.old?.value), .number(change.new?.value), .text(change.old?.status),
         .text(change.new?.status ?? "absent"), .integer(change.importID)]
    }
}

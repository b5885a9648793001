import ArgumentParser
import NaraVardKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store and load the bundled catalogue (safe to run again: nothing is lost)."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let metrics = try MetricsStore.create(at: store.path)
        let summary = try metrics.loadCatalog(try Catalog.bundled(), note: "bundled catalogue (naravard init)", onlyAdd: true)
        let catalog = try metrics.catalog()
        print("store \(store.path): schema version \(try metrics.schemaVersion())")
        print("catalogue: \(catalog.indicators.count) indicators, \(catalog.shifts.count) direction shifts, \(catalog.geography.areas.count) areas"
              + (summary.imported > 0 ? " (\(summary.imported) definitions added, import \(summary.importID ?? 0))" : " (nothing to add)"))
    }
}

import ArgumentParser
import NaraVardKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store and load the bundled catalogue (safe to run again: nothing is lost).",
        discussion: """
            Creates a store only at a missing path or in an empty file; a file that is not a naravard store is \
            refused (exit 66) and left as it was. A store made by an earlier naravard is upgraded (every record \
            is kept); one made by a newer naravard is refused.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: SummaryOption

    func run() throws {
        let metrics = try store.create()
        let summary = try metrics.loadCatalog(
            try Catalog.bundled(), agreements: try AgreementBook.bundled(), note: "bundled catalogue and agreements (naravard init)",
            onlyAdd: true)
        let catalog = try metrics.catalog()
        let agreements = try metrics.agreementState()
        let version = try metrics.schemaVersion()
        guard !output.json else {
            return printObject([
                "store": .text(store.path), "schema_version": .integer(Int64(version)), "import_id": .integer(summary.importID),
                "added": .integer(Int64(summary.imported)), "indicators": .integer(Int64(catalog.indicators.count)),
                "shifts": .integer(Int64(catalog.shifts.count)), "areas": .integer(Int64(catalog.geography.areas.count)),
                "agreements": .integer(Int64(agreements.agreements.count)), "activities": .integer(Int64(agreements.activities.count)),
            ])
        }
        print("store \(store.path): schema version \(version)")
        print("catalogue: \(catalog.indicators.count) indicators, \(catalog.shifts.count) direction shifts, \(catalog.geography.areas.count) areas"
              + (summary.imported > 0 ? " (\(summary.imported) definitions added, import \(summary.importID ?? 0))" : " (nothing to add)"))
        let years = agreements.agreements.map(\.year)
        print("agreements: \(agreements.agreements.count) national agreements"
              + (years.isEmpty ? "" : " \(years.min()!)–\(years.max()!)") + ", \(agreements.activities.count) decided activities")
    }
}

import Foundation
import GRDB

extension MetricsStore {
    /// Reads long CSV, Kolada JSON and `.xlsx` files and stores them in one transaction, through ``IngestPipeline``.
    ///
    /// All or nothing by default: if any row is rejected, nothing is written, not even an audit record.
    /// A changed value adds a revision; an identical record is counted as unchanged.
    public func ingest(
        _ urls: [URL], options: IngestOptions = IngestOptions(),
        progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> IngestResult {
        try IngestPipeline<ValueImport>.run(urls, into: dbWriter, options: options, progress: progress) { db, importID in
            let catalog = try Self.catalog(db)
            return ValueImport(catalog: catalog, writer: try ObservationWriter(db: db, importID: importID, catalog: catalog), options: options)
        }
    }
}

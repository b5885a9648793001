import Foundation

/// How an ingest runs.
public struct IngestOptions: Sendable {
    public var dryRun = false
    public var note: String?
    /// Import the valid rows and write the rejected ones to ``rejects`` (not in a dry run, which writes no file).
    public var skipInvalid = false
    public var rejects: OutputTarget?
    /// The sheet of an `.xlsx` input to read (default: the first; a wide export's value sheets are all read).
    public var sheet: String?
    /// Skip (and count as ignored) rows for areas outside the geography.
    public var ignoreUnknownAreas = false
    /// Accept a value given without counts for a record stored with counts it disagrees with: the counts are
    /// dropped, with a warning naming the aggregates that can no longer be computed. Without it such a row is
    /// refused (a value that agrees with the stored counts is `unchanged` either way).
    public var replaceCounts = false
    /// How many problems to keep for printing; the rest are counted.
    public var diagnosticLimit = 200
    /// Reading stops after this many rejected rows when the import is refused anyway (no `--skip-invalid`),
    /// or when no row has been accepted: an endless or wrong input stops instead of being read to its end.
    public var rejectionLimit = 10_000
    /// In a dry run: list in ``IngestResult/changes`` what the import would change, before rolling back.
    package var listChanges = false

    public init() {}
}

/// The import summary: `imported N, updated N, unchanged N, ignored N, rejected N`.
public struct IngestSummary: Sendable, Equatable, CustomStringConvertible {
    /// Nil for a dry run or a refused import.
    public var importID: Int64?
    public var imported = 0
    public var updated = 0
    public var unchanged = 0
    public var ignored = 0
    public var rejected = 0
    /// Warnings printed (values breaking from their series, unused columns, …): they never refuse an import.
    public var warnings = 0

    public init() {}

    /// One JSON object, keys in the documented order: `{"import_id": 12, "imported": n, …}`.
    package var json: String {
        "{\"import_id\": \(importID.map(String.init) ?? "null"), \"imported\": \(imported), \"updated\": \(updated), "
            + "\"unchanged\": \(unchanged), \"ignored\": \(ignored), \"rejected\": \(rejected), \"warnings\": \(warnings)}"
    }

    public var description: String {
        "imported \(imported), updated \(updated), unchanged \(unchanged), ignored \(ignored), rejected \(rejected)"
    }
}

/// What an ingest did, and every problem it found.
public struct IngestResult: Sendable {
    public var summary = IngestSummary()
    /// Problems, capped at ``IngestOptions/diagnosticLimit``.
    public var diagnostics: [Diagnostic] = []
    public var diagnosticCount = 0
    public var warnings: [Diagnostic] = []
    /// True when rows were rejected and so nothing was written.
    public var refused = false
    /// With ``IngestOptions/listChanges`` in a dry run: every key the import would change (`importID` nil).
    package var changes: [RecordChange] = []

    /// Refused by an input that cannot be read on: its problem comes last, and nothing counts as written.
    mutating func stop(_ stop: InputStopped) {
        diagnostics.append(stop.diagnostic)
        diagnosticCount += 1
        if stop.rejectsARecord { summary.rejected += 1 }
        (summary.imported, summary.updated, summary.unchanged) = (0, 0, 0)
        refused = true
    }
}

/// Progress of a long ingest, reported now and then.
public struct IngestProgress: Sendable {
    public var file: String
    public var rows: Int
    public var bytesRead: Int
    public var bytesTotal: Int
}

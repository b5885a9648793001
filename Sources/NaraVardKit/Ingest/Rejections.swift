import Foundation

/// What every kind of ingest (indicator values and money used alike) shares about rejected rows: the rejects
/// file of `--skip-invalid`, the rejection limit and the messages for a key given twice.
extension IngestOptions {
    /// The rejects file of `--skip-invalid`, its header written (nil without one, and in a dry run, which writes no file).
    func openRejects() throws -> CSVWriter? {
        guard skipInvalid, !dryRun, let target = rejects else { return nil }
        let writer = try CSVWriter(target: target, dialect: .swedishExcel)
        try writer.write(["file", "line", "reason", "record"])
        return writer
    }

    /// Whether reading stops after `rejected` rejected rows of `checked` rows read and not ignored: at
    /// ``rejectionLimit`` when the import is refused anyway (no ``skipInvalid``) or no row has been accepted.
    func stopsReading(rejected: Int, checked: Int) -> Bool {
        rejected >= rejectionLimit && (!skipInvalid || rejected == checked)
    }
}

extension InputStopped {
    /// The stop at ``IngestOptions/rejectionLimit``, at the row that reached it.
    static func rejectionLimit(_ rejected: Int, at place: Diagnostic) -> InputStopped {
        InputStopped(diagnostic: Diagnostic(
            file: place.file, line: place.line, sheetCell: place.sheetCell,
            "stopped reading after \(rejected) rejected rows, nothing written: is this the right file?"), rejectsARecord: false)
    }
}

/// The rejection messages for a key given more than once in an import with different figures (`what`: a
/// `value`, an `amount`); `name` names the key, `place` is `FILE:LINE` of another row giving it.
enum RepeatedKey {
    static func givenAgain(_ name: String, at place: String, _ what: String) -> String {
        "\(name) is given again at \(place) with a different \(what)"
    }

    static func alreadyGiven(_ name: String, at place: String, _ what: String) -> String {
        "\(name) was already given at \(place) with a different \(what)"
    }

    static func givenMoreThanOnce(_ name: String, _ what: String) -> String {
        "\(name) is given more than once in this import with different \(what)s"
    }
}

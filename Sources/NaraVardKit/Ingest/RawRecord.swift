/// One input row before validation, whatever file format it came from: texts as written.
struct RawRecord {
    var file: String
    var line: Int
    var indicator: String
    var area: String
    var period: String
    var gender: String?
    var value: String?
    var numerator: String?
    var denominator: String?
    var status: String?
    var note: String?
    /// The original fields, for the rejects file (empty from ``LongCSVSource``, which gives them on request).
    var fields: [String]
    /// In a workbook, the sheet and cell of the row or value (`Blad1!A7`).
    var sheetCell: String? = nil
    /// Why the row's fields do not fit its file's header (too many, or too few), if they do not.
    var shapeProblem: String?
}

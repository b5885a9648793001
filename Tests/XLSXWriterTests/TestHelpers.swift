import Foundation
import Testing
import TestSupport
import XLSXWriter

/// Runs `body` expecting an ``XLSXError`` with `code`, and returns it for further checks.
@discardableResult
func expectXLSXError(
    _ code: XLSXError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> XLSXError? {
    do {
        try body()
        Issue.record("expected XLSXError \(code), but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as XLSXError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected XLSXError \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Writes a small workbook whose only sheet is filled by `body`, then reads it back.
func roundTrip(
    in directory: TemporaryDirectory, sheet name: String = "Blad", _ body: (Worksheet) throws -> Void
) throws -> SheetContents {
    let path = directory.path("round-trip.xlsx")
    try Workbook.write(to: path) { workbook in
        try body(try workbook.addWorksheet(named: name))
    }
    return try XLSXReader(path: path).sheet(named: name)
}

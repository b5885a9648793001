import Foundation
import Testing
import TestSupport
import XLSXWriter

/// openpyxl as an independent reader. Runs when `OPENPYXL_PYTHON` names a Python that has openpyxl
/// (e.g. `OPENPYXL_PYTHON=/tmp/venv/bin/python swift test`); CI sets it after `pip install openpyxl==3.1.5`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] != nil, "set OPENPYXL_PYTHON to run"))
struct OpenpyxlTests {
    @Test func openpyxlLoadsTheFullWorkbook() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("uppfoljning.xlsx")
        try FullWorkbookTests.writeEverything(to: path)
        let (status, output) = try Openpyxl.check(path)
        print(output) // CI logs show what the independent reader found
        #expect(status == 0, "\(output)")
        #expect(output.contains("sheets: ['Sammanfattning', '1 Hälsofrämjande', 'Data', 'Kön']"))
        #expect(output.contains("[1 Hälsofrämjande] dimensions=A1:C9"))
        #expect(output.contains("charts=2"))
        #expect(output.contains("conditional_formats=9"))
        #expect(output.contains("tables=['Data']"))
        #expect(output.contains("A1 = 'Uppföljning Nära vård – 2024 K4' (s)"))
    }

    @Test func openpyxlRejectsAFileThatIsNotAWorkbook() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("trasig.xlsx")
        try Data("inte en zip".utf8).write(to: URL(fileURLWithPath: path))
        let (status, output) = try Openpyxl.check(path)
        #expect(status != 0)
        #expect(output.contains("cannot be loaded"))
    }
}

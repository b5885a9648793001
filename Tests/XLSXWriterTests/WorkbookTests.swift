import Foundation
import Testing
import TestSupport
import XLSXWriter

/// Ownership and lifecycle: nothing is written unless close succeeds, and a closed workbook cannot be used.
@Suite struct WorkbookTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test func scopedWriteClosesAndLeavesOnlyTheFile() throws {
        let path = directory.path("r.xlsx")
        let returned = try Workbook.write(to: path) { workbook in
            let sheet = try workbook.addWorksheet(named: "Blad")
            try sheet.write(1, row: 0, column: 0)
            return "done"
        }
        #expect(returned == "done")
        #expect(try directory.contents() == ["r.xlsx"], "no staging file may remain")
        #expect(try XLSXReader(path: path).sheetNames == ["Blad"])
    }

    @Test func scopedWriteDiscardsWhenBodyThrows() throws {
        struct Stop: Error {}
        let path = directory.path("r.xlsx")
        #expect(throws: Stop.self) {
            try Workbook.write(to: path) { workbook in
                try workbook.addWorksheet(named: "Blad").write("x", row: 0, column: 0)
                throw Stop()
            }
        }
        #expect(try directory.contents().isEmpty)
    }

    @Test func deinitWithoutCloseWritesNothing() throws {
        let path = directory.path("abandoned.xlsx")
        do {
            let workbook = try Workbook(path: path)
            try workbook.addWorksheet(named: "Blad").write(42, row: 0, column: 0)
            #expect(workbook.isOpen)
        }
        #expect(try directory.contents().isEmpty)
    }

    @Test func discardWritesNothingAndClosesTheWorkbook() throws {
        let path = directory.path("discarded.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Blad")
        workbook.discard()
        #expect(!workbook.isOpen)
        expectXLSXError(.workbookClosed) { try sheet.write(1, row: 0, column: 0) }
        expectXLSXError(.workbookClosed) { try workbook.close() }
        #expect(try directory.contents().isEmpty)
    }

    @Test func closeTwiceAndUseAfterCloseThrowWorkbookClosed() throws {
        let path = directory.path("r.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet(named: "Blad")
        try workbook.close()
        #expect(FileManager.default.fileExists(atPath: path))
        let error = expectXLSXError(.workbookClosed) { try workbook.close() }
        #expect(error?.description == "close(\(path)): the workbook for \(path) is already closed or discarded")
        expectXLSXError(.workbookClosed) { try sheet.write("x", row: 0, column: 0) }
        expectXLSXError(.workbookClosed) { _ = try workbook.addWorksheet(named: "Två") }
        expectXLSXError(.workbookClosed) { try sheet.freezePanes(rows: 1) }
    }

    @Test func closingIntoAVanishedDirectoryThrowsTheContextualLibraryError() throws {
        // Removing the directory after the up-front check makes libxlsxwriter's own file creation fail, even
        // when the tests run as root (for whom permission bits would not stop the write).
        let outDirectory = directory.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outDirectory, withIntermediateDirectories: false)
        let path = outDirectory.appendingPathComponent("r.xlsx").path
        let workbook = try Workbook(path: path)
        try workbook.addWorksheet(named: "Blad").write(1, row: 0, column: 0)
        try FileManager.default.removeItem(at: outDirectory)

        let error = expectXLSXError(.library(2)) { try workbook.close() }
        #expect(error?.description
            == "close(\(path)): Error creating output xlsx file. Usually a permissions error. (lxw_error 2)")
        #expect(!workbook.isOpen, "libxlsxwriter frees the workbook even when close fails")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try directory.contents().isEmpty)
    }

    @Test func missingOutputDirectoryIsRefusedUpFront() throws {
        let path = directory.path("no/such/dir/r.xlsx")
        var bodyRan = false
        let error = expectXLSXError(.outputDirectory) {
            try Workbook.write(to: path) { _ in bodyRan = true }
        }
        #expect(!bodyRan)
        #expect(error?.description.contains("does not exist") == true)
        #expect(try directory.contents().isEmpty)
    }

    @Test func outputDirectoryThatIsAFileIsRefused() throws {
        let file = directory.path("plain")
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        expectXLSXError(.outputDirectory) { _ = try Workbook(path: file + "/r.xlsx") }
        expectXLSXError(.outputDirectory) { _ = try Workbook(path: directory.url.path) }
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores permission bits"))
    func readOnlyDirectoryIsRefusedUpFront() throws {
        let locked = directory.url.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        expectXLSXError(.outputDirectory) { _ = try Workbook(path: locked.appendingPathComponent("r.xlsx").path) }
    }

    @Test func successfulCloseReplacesAnExistingFileAtomically() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { try $0.addWorksheet(named: "Först").write(1, row: 0, column: 0) }
        try Workbook.write(to: path) { try $0.addWorksheet(named: "Sedan").write(2, row: 0, column: 0) }
        #expect(try XLSXReader(path: path).sheetNames == ["Sedan"])
        #expect(try directory.contents() == ["r.xlsx"])
    }

    @Test func failedWriteKeepsThePreviousFile() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { try $0.addWorksheet(named: "Först").write(1, row: 0, column: 0) }
        expectXLSXError(.stringTooLong) {
            try Workbook.write(to: path) { workbook in
                try workbook.addWorksheet(named: "Sedan").write(String(repeating: "x", count: 40_000), row: 0, column: 0)
            }
        }
        #expect(try XLSXReader(path: path).sheetNames == ["Först"])
    }

    @Test func formatsAreCachedPerDistinctSpec() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { workbook in
            let sheet = try workbook.addWorksheet(named: "Blad")
            for row in 0..<50 {
                try sheet.write(Double(row), row: row, column: 0, format: .init(numberFormat: "0.0"))
                try sheet.write("r\(row)", row: row, column: 1, format: .init(bold: true))
                try sheet.write(Double(row), row: row, column: 2, format: .init(numberFormat: "0.0"))
            }
            #expect(workbook.formatCount == 2)
        }
        let sheet = try XLSXReader(path: path).sheet(named: "Blad")
        #expect(sheet.styles["A7"]?.numberFormat == "0.0")
        #expect(sheet.styles["C7"]?.numberFormat == "0.0")
        #expect(sheet.styles["B7"]?.bold == true)
    }

    @Test func formatsMadeOnceWriteAsTheirSpecs() throws {
        let path = directory.path("r.xlsx")
        try Workbook.write(to: path) { workbook in
            let sheet = try workbook.addWorksheet(named: "Blad")
            let decimal = try workbook.format(FormatSpec(numberFormat: "0.0"))
            let bold = try workbook.format(FormatSpec(bold: true))
            let fill = try workbook.format(FormatSpec(fillColor: Color(rgb: 0xC6EFCE)))
            try sheet.write(2.25, row: 0, column: 0, format: decimal)
            try sheet.write("fet", row: 0, column: 1, format: bold)
            try sheet.writeBlank(row: 0, column: 2, format: fill)
            // The same spec given as a spec shares the format made for it.
            try sheet.write(3.5, row: 1, column: 0, format: .init(numberFormat: "0.0"))
            #expect(workbook.formatCount == 3)
        }
        let sheet = try XLSXReader(path: path).sheet(named: "Blad")
        #expect(sheet["A1"] == .number(2.25))
        #expect(sheet.styles["A1"]?.numberFormat == "0.0")
        #expect(sheet.styles["A2"]?.numberFormat == "0.0")
        #expect(sheet["B1"] == .string("fet"))
        #expect(sheet.styles["B1"]?.bold == true)
        #expect(sheet.styles["C1"]?.fillColor == "C6EFCE")
    }

    @Test func formatOfAnotherOrClosedWorkbookIsRefused() throws {
        let first = try Workbook(path: directory.path("a.xlsx"))
        let second = try Workbook(path: directory.path("b.xlsx"))
        let format = try first.format(FormatSpec(bold: true))
        let sheet = try second.addWorksheet(named: "Blad")
        let error = expectXLSXError(.invalidArgument) { try sheet.write("x", row: 0, column: 0, format: format) }
        #expect(error?.message == "the format was made by another workbook")
        expectXLSXError(.invalidArgument) { try sheet.write(1, row: 0, column: 0, format: format) }
        expectXLSXError(.invalidArgument) { try sheet.writeBlank(row: 0, column: 0, format: format) }
        let own = try first.addWorksheet(named: "Blad")
        try first.close()
        expectXLSXError(.workbookClosed) { try own.write("x", row: 0, column: 0, format: format) }
        expectXLSXError(.workbookClosed) { _ = try first.format(FormatSpec(italic: true)) }
        second.discard()
    }

    @Test func worksheetLookup() throws {
        let workbook = try Workbook(path: directory.path("r.xlsx"))
        _ = try workbook.addWorksheet(named: "Data")
        _ = try workbook.addWorksheet(named: "Kön")
        #expect(workbook.worksheets.map(\.name) == ["Data", "Kön"])
        #expect(workbook.worksheet(named: "KÖN")?.name == "Kön")
        #expect(workbook.worksheet(named: "Saknas") == nil)
        #expect(workbook.worksheet(named: "Kön")?.quotedName == "Kön")
        workbook.discard()
    }

    @Test func constantMemoryModeWritesLargeSheetsInRowOrder() throws {
        let path = directory.path("big.xlsx")
        try Workbook.write(to: path, constantMemory: true) { workbook in
            let sheet = try workbook.addWorksheet(named: "Data")
            try sheet.writeRow([.string("Område"), .string("Värde")], row: 0)
            for row in 1...2_000 {
                try sheet.writeRow([.string("L\(row % 7)"), .number(Double(row) / 10)], row: row)
            }
            let error = expectXLSXError(.cellOutOfRange) { try sheet.write(1, row: 5, column: 0) }
            #expect(error?.message.contains("constant-memory") == true)
        }
        let sheet = try XLSXReader(path: path).sheet(named: "Data")
        #expect(sheet["B2001"] == .number(200))
        #expect(sheet["A1"] == .string("Område"))
        #expect(sheet.cells.count == 4_002)
    }

    @Test func temporaryDirectoryOptionIsChecked() throws {
        let options = Workbook.Options(temporaryDirectory: directory.path("missing"))
        expectXLSXError(.outputDirectory) { _ = try Workbook(path: directory.path("r.xlsx"), options: options) }
        let good = Workbook.Options(constantMemory: true, temporaryDirectory: directory.url.path)
        try Workbook.write(to: directory.path("r.xlsx"), options: good) { workbook in
            try workbook.addWorksheet(named: "Blad").write("ok", row: 0, column: 0)
        }
        #expect(try XLSXReader(path: directory.path("r.xlsx")).cells(ofSheet: "Blad")["A1"] == .string("ok"))
    }
}

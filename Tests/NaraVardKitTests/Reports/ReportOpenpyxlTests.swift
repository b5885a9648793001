import Foundation
import Testing
import TestSupport

/// openpyxl as an independent reader of both report workbooks. Runs when `OPENPYXL_PYTHON` names a Python
/// that has openpyxl (CI sets it), with `Tests/XLSXWriterTests/openpyxl_check.py`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] != nil, "set OPENPYXL_PYTHON to run"))
struct ReportOpenpyxlTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../XLSXWriterTests/openpyxl_check.py").standardized.path

    @Test func openpyxlLoadsBothReports() throws {
        let committee = try SampleReport.committee.get().workbook.url.path
        let polsam = try SampleReport.polsam.get().workbook.url.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] ?? "python3")
        process.arguments = [Self.script, committee, polsam]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("sheets: ['Sammanfattning', '1 Hälsofrämjande', '2 Personcentrering', '3 Primärvård'"))
        #expect(output.contains("sheets: ['Översikt', '1 Hälsofrämjande'"))
        #expect(output.contains("[Trender]") && output.contains("charts=25"))
        #expect(output.contains("[Data]") && output.contains("tables=['data']"))
    }
}

import Foundation
import Testing
import TestSupport

/// openpyxl as an independent reader of both report workbooks. Runs when `OPENPYXL_PYTHON` names a Python
/// that has openpyxl (CI sets it).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] != nil, "set OPENPYXL_PYTHON to run"))
struct ReportOpenpyxlTests {
    @Test func openpyxlLoadsBothReports() throws {
        let committeeWorkbook = try SampleReport.committee.get().workbook
        let committee = committeeWorkbook.url.path
        // The two readers count the same charts (one per indicator with a county series, CommitteeReportTests).
        let charts = try committeeWorkbook.sheet(named: "Trender").charts.count
        let polsam = try SampleReport.polsam.get().workbook.url.path
        let (status, output) = try Openpyxl.check(committee, polsam)
        #expect(status == 0, "\(output)")
        #expect(output.contains("sheets: ['Sammanfattning', '1 Hälsofrämjande', '2 Personcentrering', '3 Primärvård'"))
        #expect(output.contains("sheets: ['Översikt', '1 Hälsofrämjande'"))
        #expect(charts > 20 && output.contains("[Trender]") && output.contains("charts=\(charts)"), "\(output)")
        #expect(output.contains("[Data]") && output.contains("tables=['data']"))
    }
}

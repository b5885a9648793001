import Foundation
import Testing
import TestSupport
import XLSXWriter

/// `Worksheet.addDataValidation`: what Excel finds in the sheet, and Excel's limits checked before C.
@Suite struct DataValidationTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    @Test func rulesBoundsAndMessagesReachTheSheet() throws {
        let path = directory.path("v.xlsx")
        try Workbook.write(to: path) { workbook in
            let sheet = try workbook.addWorksheet(named: "Blad")
            var percent = DataValidation(.decimal(.between(0, 100)))
            percent.errorStyle = .warning
            percent.errorTitle = "Inte ett tal"
            percent.errorMessage = "Ett värde 0–100."
            percent.inputMessage = "Procent"
            try sheet.addDataValidation(percent, to: CellRange(a1: "B2:B10"))
            try sheet.addDataValidation(DataValidation(.wholeNumber(.atLeast(0))), to: CellRange(a1: "C2:C10"))
            try sheet.addDataValidation(DataValidation(.decimal(.atMost(5))), to: CellRange(a1: "D2"))
        }
        let reader = try XLSXReader(path: path)
        let sheet = try reader.sheet(named: "Blad")
        let validations = try reader.xml(sheet.partName).child("dataValidations")?.children("dataValidation") ?? []
        #expect(validations.map { $0.attribute("sqref") } == ["B2:B10", "C2:C10", "D2"])
        #expect(validations.map { $0.attribute("type") } == ["decimal", "whole", "decimal"])
        #expect(validations.map { $0.attribute("operator") } == [nil, "greaterThanOrEqual", "lessThanOrEqual"])
        #expect(validations[0].attribute("errorStyle") == "warning" && validations[1].attribute("errorStyle") == nil)
        #expect(validations[0].attribute("error") == "Ett värde 0–100." && validations[0].attribute("prompt") == "Procent")
        #expect(validations.map { $0.child("formula1")?.text } == ["0", "0", "5"])
        #expect(validations[0].child("formula2")?.text == "100")
    }

    @Test func excelsLimitsAreCheckedInSwift() throws {
        let path = directory.path("bad.xlsx")
        expectXLSXError(.stringTooLong) {
            try Workbook.write(to: path) { workbook in
                var validation = DataValidation(.decimal(.any))
                validation.errorTitle = String(repeating: "x", count: 33)
                try workbook.addWorksheet(named: "Blad").addDataValidation(validation, to: CellRange(a1: "A1"))
            }
        }
        expectXLSXError(.nonFiniteNumber) {
            try Workbook.write(to: path) { workbook in
                try workbook.addWorksheet(named: "Blad").addDataValidation(DataValidation(.decimal(.atLeast(.nan))), to: CellRange(a1: "A1"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

@testable import NaraVardKit
import Testing

@Suite struct CatalogTests {
    @Test func bundledCatalogueIsComplete() throws {
        let catalog = try Catalog.bundled()
        #expect(catalog.shifts.map(\.id) == [1, 2, 3, 4])
        #expect(catalog.indicators.count >= 24)
        for shift in 1...4 {
            #expect(catalog.indicators.filter { $0.shift == shift }.count >= 5, "shift \(shift)")
        }
        let municipalities = catalog.geography.versions.filter { $0.kind == .municipality }
        #expect(municipalities.count == 14)
        #expect(municipalities.compactMap(\.population).reduce(0, +) == 248_480, "SCB 2023-12-31: the county's population")
        let geography = catalog.geography
        #expect(geography.members(of: try #require(geography["lulea-boden"])) == ["2580", "2582"])
        #expect(geography.members(of: try #require(geography["25"])).count == 14)
        #expect(catalog.warnings.isEmpty, "\(catalog.warnings)")
    }

    @Test(arguments: [
        ("id: PV99\nname: X\nshift: 5\nunit: percent\nbetter: higher\nfrequency: quarter\ndenominator: d\n", 3, 8, "'shift' must be between 1 and 4"),
        ("id: PV99\nname: X\nshift: 3\nunit: procent\nbetter: higher\nfrequency: quarter\ndenominator: d\n", 4, 7, "'unit' must be one of"),
        ("id: PV99\nname: X\nshift: 3\nunit: percent\nbetter: higher\nfrequency: quarter\n", 1, 1, "needs a 'denominator'"),
        ("id: PV99\nname: X\nshift: 3\nunit: count\nbetter: up\nfrequency: quarter\n", 5, 9, "'better' must be one of"),
        ("id: PV99\nname: X\nshift: 3\nunit: count\nbetter: higher\nfrequency: quarter\ntargte: 5\n", 7, 1, "unknown field 'targte'"),
        ("id: PV99\nname: [unclosed\n", 3, 1, "did not find expected"),
    ])
    func errorsCarryFileLineAndColumn(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try Catalog.read(files: [("Indicators/PV99.yaml", text)])
            Issue.record("expected an error")
        } catch {
            let first = error.items.first
            #expect(first?.file == "Indicators/PV99.yaml")
            #expect(first?.line == line)
            #expect(first?.column == column)
            #expect(first?.message.contains(message) == true, "\(error)")
            #expect(first?.description.hasPrefix("Indicators/PV99.yaml:\(line):\(column): ") == true)
        }
    }

    @Test func aDuplicateIdIsReportedWhereItIsDefinedAgain() throws {
        let definition = "id: PV99\nname: X\nshift: 3\nunit: count\nbetter: higher\nfrequency: quarter\n"
        #expect(throws: Diagnostics.self) {
            try Catalog.read(files: [("a/PV99.yaml", definition), ("b/PV99.yaml", definition)])
        }
        do {
            _ = try Catalog.read(files: [("a/PV99.yaml", definition), ("b/PV99.yaml", definition)])
        } catch {
            #expect(error.items.map(\.description) == ["b/PV99.yaml:1:5: indicator 'PV99' is defined more than once"])
        }
    }

    @Test func areaTablesAreGeographyToo() throws {
        let table = "code;name;county;kind\n0025;Region 25;25;county\n2580;Kommun 2580;25;municipality\n"
        let catalog = try Catalog.read(files: [("areas.csv", table)])
        #expect(catalog.geography.versions.map(\.id) == ["25", "2580"])
        #expect(catalog.geography.versions.first?.codes == ["0025"], "Kolada's county code is accepted on input")
        #expect(catalog.geography.versions.last?.county == "25")
    }
}

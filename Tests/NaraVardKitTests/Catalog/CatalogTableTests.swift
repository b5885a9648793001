@testable import NaraVardKit
import Testing

/// The catalogue's load-bearing fields, checked by hand against each indicator's source (issue 17): a later
/// edit of a file that changes its unit, factor, frequency, Kolada id, seasonality or levels fails here and
/// must change this table too, on purpose.
@Suite struct CatalogTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var id: String
        var shift: Int
        var unit: IndicatorUnit
        var factor: Double
        var frequency: Frequency
        var kolada: String?
        var seasonal: Bool
        var levels: Set<Indicator.Level> = Set(Indicator.Level.allCases)
        var retired = false

        var testDescription: String { id }
    }

    static let county: Set<Indicator.Level> = [.county]
    /// Kolada values per municipality and region without counts: no länsdel value can be computed.
    static let noLansdel: Set<Indicator.Level> = [.municipality, .county]

    static let table: [Row] = [
        Row(id: "HF01", shift: 1, unit: .percent, factor: 100, frequency: .year, kolada: "U01405", seasonal: false, levels: noLansdel),
        Row(id: "HF02", shift: 1, unit: .percent, factor: 100, frequency: .year, kolada: "U01760", seasonal: false, levels: noLansdel),
        Row(id: "HF03", shift: 1, unit: .per100000, factor: 100_000, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "HF04", shift: 1, unit: .percent, factor: 100, frequency: .year, kolada: nil, seasonal: false),
        Row(id: "HF05", shift: 1, unit: .per1000, factor: 1_000, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "HF06", shift: 1, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "HF07", shift: 1, unit: .per1000, factor: 1_000, frequency: .quarter, kolada: nil, seasonal: false, retired: true),
        Row(id: "HF08", shift: 1, unit: .per100000, factor: 100_000, frequency: .year, kolada: "N61603", seasonal: false, levels: noLansdel),
        Row(id: "HF09", shift: 1, unit: .per100000, factor: 100_000, frequency: .year, kolada: "N70906", seasonal: false, levels: county),
        Row(id: "PC01", shift: 2, unit: .percent, factor: 100, frequency: .year, kolada: "U70447", seasonal: false, levels: county),
        Row(id: "PC02", shift: 2, unit: .percent, factor: 100, frequency: .year, kolada: nil, seasonal: false, retired: true),
        Row(id: "PC03", shift: 2, unit: .percent, factor: 100, frequency: .year, kolada: "U21505", seasonal: false, levels: noLansdel),
        Row(id: "PC04", shift: 2, unit: .per10000, factor: 10_000, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "PC05", shift: 2, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: false),
        Row(id: "PC06", shift: 2, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: false),
        Row(id: "PC07", shift: 2, unit: .index, factor: 1, frequency: .year, kolada: "N78111", seasonal: false, levels: county),
        Row(id: "PC08", shift: 2, unit: .index, factor: 1, frequency: .year, kolada: "N78114", seasonal: false, levels: county),
        Row(id: "PC09", shift: 2, unit: .index, factor: 1, frequency: .year, kolada: "N78118", seasonal: false, levels: county),
        Row(id: "PV01", shift: 3, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: false),
        Row(id: "PV02", shift: 3, unit: .index, factor: 1, frequency: .quarter, kolada: nil, seasonal: false),
        Row(id: "PV03", shift: 3, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: false),
        Row(id: "PV04", shift: 3, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "PV05", shift: 3, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "PV06", shift: 3, unit: .per100000, factor: 100_000, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "PV07", shift: 3, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "PV08", shift: 3, unit: .days, factor: 1, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "PV09", shift: 3, unit: .per1000, factor: 1_000, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "PV10", shift: 3, unit: .percent, factor: 100, frequency: .year, kolada: nil, seasonal: false),
        Row(id: "PV11", shift: 3, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: false),
        Row(id: "OV01", shift: 4, unit: .percent, factor: 100, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "OV02", shift: 4, unit: .per1000, factor: 1_000, frequency: .quarter, kolada: nil, seasonal: false),
        Row(id: "OV03", shift: 4, unit: .per1000, factor: 1_000, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "OV04", shift: 4, unit: .per100000, factor: 100_000, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "OV05", shift: 3, unit: .percent, factor: 100, frequency: .year, kolada: nil, seasonal: false),
        Row(id: "OV06", shift: 4, unit: .count, factor: 1, frequency: .quarter, kolada: nil, seasonal: true),
        Row(id: "OV07", shift: 4, unit: .percent, factor: 100, frequency: .year, kolada: nil, seasonal: false),
        Row(id: "OV08", shift: 4, unit: .percent, factor: 100, frequency: .year, kolada: "N21701", seasonal: false, levels: noLansdel),
    ]

    /// Every indicator file, read on its own.
    static let files = BundledCatalog.files.filter { $0.path.hasPrefix("indicators/") }.map { ($0.path, $0.text) }

    @Test func theTableListsEveryIndicatorFile() {
        let fileIDs = Self.files.map { String($0.0.dropFirst("indicators/".count).dropLast(".yaml".count)) }
        #expect(fileIDs.sorted() == Self.table.map(\.id).sorted())
    }

    @Test("an indicator file agrees with the checked table", arguments: table)
    func fileAgreesWithTable(_ row: Row) throws {
        let file = try #require(Self.files.first { $0.0 == "indicators/\(row.id).yaml" })
        let indicator = try #require(try Catalog.read(files: [file]).indicators.first)
        #expect(indicator.id == row.id)
        #expect(indicator.shift == row.shift)
        #expect(indicator.unit == row.unit)
        #expect(indicator.unit.factor == row.factor)
        #expect(indicator.frequency == row.frequency)
        #expect(indicator.kolada == row.kolada)
        #expect(indicator.seasonal == row.seasonal)
        #expect(indicator.levels == row.levels)
        #expect(indicator.retired == row.retired)
    }

    /// design.md: a Kolada id only where the frequency matches the KPI's (Kolada periods are years).
    @Test("a Kolada id sits only on a yearly indicator", arguments: table.filter { $0.kolada != nil })
    func koladaOnlyOnYearly(_ row: Row) {
        #expect(row.frequency == .year)
    }

    /// Every file carries where its definition was checked: a source, and notes for the corrected ones.
    @Test("every indicator names its source", arguments: table)
    func namesItsSource(_ row: Row) throws {
        let file = try #require(Self.files.first { $0.0 == "indicators/\(row.id).yaml" })
        let indicator = try #require(try Catalog.read(files: [file]).indicators.first)
        #expect(indicator.source?.isEmpty == false)
        if row.kolada != nil || row.retired { #expect(indicator.notes?.contains(row.kolada ?? "Ersatt av") == true) }
    }
}

import Foundation
import GRDB
@testable import NaraVardKit
import Testing
import TestSupport

/// Agreements, activities and quarterly use in a real store: loads, refusals, revisions, `asOf` and the
/// follow-up sums (expected values worked out by hand from the sample files).
@Suite struct AgreementStoreTests {
    let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture()
        try fixture.store.loadAgreements(AgreementBook.bundled())
    }

    static let activities = StoreFixture.examples.appending(path: "overenskommelser/aktiviteter-2022.yaml")
    static let use = StoreFixture.examples.appending(path: "overenskommelser/forbrukning-2022.csv")

    func loadSamples() throws -> IngestResult {
        try fixture.store.loadAgreements(AgreementBook.read(paths: [Self.activities]))
        return try fixture.store.ingestAgreementUse([Self.use])
    }

    /// `name.csv:LINE: message`, whatever folder the file is in.
    func short(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { URL(fileURLWithPath: $0.file).lastPathComponent + String($0.description.dropFirst($0.file.count)) }
    }

    func useRows() throws -> Int {
        try fixture.store.dbWriter.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM activity_use") ?? -1 }
    }

    @Test func loadingTheSameAgreementsAgainChangesNothing() throws {
        let again = try fixture.store.loadAgreements(AgreementBook.bundled())
        #expect((again.imported, again.updated, again.unchanged) == (0, 0, 13))
        let state = try fixture.store.agreementState()
        #expect(state.agreements.count == 13)
        #expect(state.agreements.first?.year == 2022, "latest year first")
    }

    @Test func followUpOfTheSamples() throws {
        let result = try loadSamples()
        #expect(!result.refused && result.summary.imported == 13 && result.warnings.isEmpty, "\(result.diagnostics) \(result.warnings)")
        let followUp = try fixture.store.agreementFollowUp(year: 2022)
        func line(_ area: String?) throws -> AgreementFollowUp.Line {
            try #require(followUp.lines.first { $0.area?.id == area && (area != nil || $0.agreement.id == "god-och-nara-vard-2022") })
        }
        let nav = try line("pv-som-nav")
        // A22-01 6 000 000 + A22-02 12 500 000 decided; spent 450 000 + 1 380 500,50 + 2 940 000.
        #expect(nav.decided == 18_500_000)
        #expect(nav.spent == 4_770_500.5)
        #expect(nav.remaining == 53_152_850.5)
        #expect(abs(nav.percentUsed! - 100 * 4_770_500.5 / 57_923_351) < 1e-9)
        let whole = try line(nil)
        // Decided in God och nära vård: 6 + 12,5 + 20 + 9 + 2 = 49,5 million.
        #expect(whole.allocated == 121_500_492 && whole.decided == 49_500_000)
        let samsjuklighet = try line("samsjuklighet")
        #expect(samsjuklighet.allocated == 3_635_986 && samsjuklighet.jointAllocated == 7_271_973)
        // Shift 1 (primary): barn och unga 8 131 871 + suicidprevention 2 391 550 + ungdomsmottagningar 1 648 352.
        let shift1 = try #require(followUp.byShift.first { $0.shift == 1 })
        #expect(shift1.allocated == 12_171_773)
        #expect(shift1.decided == 6_500_000 + 1_800_000 + 1_200_000)
        #expect(followUp.byShift.reduce(0) { $0 + $1.allocated } == 121_500_492 + 16_908_860 + 8_175_888,
                "the roll-up adds the parts, not the rounded printed totals")
    }

    @Test func useRevisionsAndAsOf() throws {
        let first = try loadSamples()
        let firstID = try #require(first.summary.importID)
        let same = try fixture.store.ingestAgreementUse([Self.use])
        #expect((same.summary.imported, same.summary.updated, same.summary.unchanged) == (0, 0, 13))

        let corrected = try fixture.file("rattelse.csv", lines: ["aktivitet,period,utfall", "A22-02,2022Q4,3 000 000", "A22-07,2023K1,100000"])
        let second = try fixture.store.ingestAgreementUse([corrected])
        #expect((second.summary.imported, second.summary.updated, second.summary.unchanged) == (1, 1, 0))
        #expect(short(second.warnings) == ["rattelse.csv:3: warning: A22-07 2023Q1: outside the agreement's year 2022"])
        let secondID = try #require(second.summary.importID)

        func spent(_ activity: String, asOf: Int64?) throws -> Double {
            try fixture.store.agreementFollowUp(year: 2022, asOf: asOf).spent(activity) ?? 0
        }
        #expect(try spent("A22-02", asOf: firstID) == 2_940_000)
        #expect(try spent("A22-02", asOf: nil) == 3_000_000)
        #expect(try spent("A22-07", asOf: secondID) == 415_800 + 100_000)
        #expect(try spent("A22-02", asOf: firstID - 1) == 0, "before the use was loaded")
        #expect(throws: StoreQueryError.self) { try fixture.store.agreementFollowUp(asOf: 999) }

        let revert = try fixture.store.revert(secondID).summary
        #expect((revert.updated, revert.unchanged) == (2, 0))
        #expect(try spent("A22-02", asOf: nil) == 2_940_000)
        #expect(try spent("A22-07", asOf: nil) == 415_800)
        #expect(try useRows() == 13 + 2 + 2, "nothing is overwritten: the revert adds revisions")
    }

    @Test func revertKeepsAFigureALaterImportChanged() throws {
        let firstID = try #require(try loadSamples().summary.importID)
        let corrected = try fixture.file("rattelse.csv", lines: ["aktivitet,period,utfall", "A22-02,2022Q4,3 000 000"])
        let secondID = try #require(try fixture.store.ingestAgreementUse([corrected]).summary.importID)
        let revert = try fixture.store.revert(firstID)
        #expect((revert.summary.updated, revert.kept, revert.keptBy) == (12, 1, [secondID]))
        #expect(try fixture.store.agreementFollowUp(year: 2022).spent("A22-02") == 3_000_000, "the later correction stays")
        #expect(try fixture.store.agreementFollowUp(year: 2022).spent("A22-01") ?? 0 == 0, "withdrawn")
    }

    @Test func badRowsRefuseTheWholeImport() throws {
        _ = try loadSamples()
        let before = try useRows()
        let bad = try fixture.file("fel.csv", lines: [
            "aktivitet;period;förbrukat", "A22-01;2023Q1;100", "A22-99;2022Q4;5", "A22-01;2022;5", "A22-01;2022Q2;-5",
            "A22-01;2022Q1;..", "A22-02;2022Q2;7 271 97373",
        ])
        let result = try fixture.store.ingestAgreementUse([bad])
        #expect(result.refused && result.summary.importID == nil)
        #expect(result.summary.rejected == 5)
        #expect(short(result.diagnostics).map { $0.prefix { $0 != " " } } == ["fel.csv:3:", "fel.csv:4:", "fel.csv:5:", "fel.csv:6:", "fel.csv:7:"])
        #expect(result.diagnostics[0].message.contains("unknown activity 'A22-99'"))
        #expect(result.diagnostics[1].message.contains("per quarter"))
        #expect(result.diagnostics[4].message.contains("digit groups must be three digits apart"))
        #expect(try useRows() == before, "nothing written")

        let twice = try fixture.file("twice.csv", lines: ["activity,period,spent", "A22-01,2022Q3,1", "A22-01,2022Q3,2"])
        let conflict = try fixture.store.ingestAgreementUse([twice])
        #expect(conflict.refused && short(conflict.diagnostics).map { $0.prefix { $0 != " " } } == ["twice.csv:2:", "twice.csv:3:"])
    }

    /// A key given three times, the last with another amount: every row of it is rejected and says where the
    /// others are, exactly as for a value given so (one pipeline, one rule); nothing of the key is written.
    @Test func everyRowOfAConflictingKeyIsRejectedAsForValues() throws {
        _ = try loadSamples()
        let use = try fixture.file("tre.csv", lines: ["aktivitet;period;förbrukat", "A22-01;2022Q3;100", "A22-01;2022 kv3;100", "A22-01;2022Q3;200"])
        let values = try fixture.file("tre-v.csv", lines: ["indicator;area;period;gender;value", "PV01;2580;2024Q1;T;50", "PV01;Luleå;2024 kv1;T;50", "PV01;2580;2024Q1;T;25"])
        var options = IngestOptions()
        options.skipInvalid = true
        let results = [(try fixture.store.ingestAgreementUse([use], options: options), use, "A22-01 2022Q3", "amount"),
                       (try fixture.store.ingest([values], options: options), values, "PV01 2580 2024Q1 T", "value")]
        for (result, url, name, what) in results {
            let file = url.relativePath, short = url.lastPathComponent
            #expect(result.summary.rejected == 3 && result.summary.imported + result.summary.updated + result.summary.unchanged == 0, "\(result.summary)")
            #expect(self.short(result.diagnostics) == [
                "\(short):2: \(name) is given again at \(file):4 with a different \(what)",
                "\(short):3: \(name) is given again at \(file):4 with a different \(what)",
                "\(short):4: \(name) was already given at \(file):2 with a different \(what)",
            ])
        }
    }

    @Test func skipInvalidImportsTheValidUseAndWritesTheRejects() throws {
        _ = try loadSamples()
        let mixed = try fixture.file("blandat.csv", lines: [
            "aktivitet;period;förbrukat", "A22-01;2022Q4;100", "A22-99;2022Q4;5", "A22-02;2022Q3;1", "A22-02;2022Q3;2",
        ])
        let rejects = fixture.directory.url.appending(path: "blandat.rejects.csv")
        var options = IngestOptions()
        options.skipInvalid = true
        options.rejects = try OutputTarget.file(rejects.path)
        let result = try fixture.store.ingestAgreementUse([mixed], options: options)
        #expect(!result.refused && result.summary.importID != nil)
        #expect(result.summary.rejected == 3)
        #expect(result.summary.imported + result.summary.updated + result.summary.unchanged == 1, "only A22-01 2022Q4")
        #expect(short(result.diagnostics).map { $0.prefix { $0 != " " } } == ["blandat.csv:3:", "blandat.csv:4:", "blandat.csv:5:"])
        #expect(result.diagnostics[1].message == "A22-02 2022Q3 is given again at \(mixed.relativePath):5 with a different amount")
        let text = try String(contentsOf: rejects, encoding: .utf8)
        #expect(text.hasPrefix("file;line;reason;record"), "\(text)")
        #expect(text.contains("unknown activity 'A22-99'") && text.contains("A22-99;2022Q4;5"), "\(text)")
        #expect(text.contains("A22-02;2022Q3;1") && text.contains("A22-02;2022Q3;2"), "both rows of the conflict: \(text)")
        let importID = try #require(result.summary.importID)
        let rows = try fixture.store.dbWriter.read { try Int.fetchOne($0, sql: "SELECT rows FROM import_file WHERE import_id = ?", arguments: [importID]) }
        #expect(rows == 4, "the audit log records the file as ingest does")
    }

    @Test func useStopsAtTheRejectionLimit() throws {
        _ = try loadSamples()
        let before = try useRows()
        let wrong = try fixture.file("fel.csv", lines: ["aktivitet;period;förbrukat"] + (0..<50).map { "X\($0);2022Q4;5" })
        var options = IngestOptions()
        options.rejectionLimit = 10
        let result = try fixture.store.ingestAgreementUse([wrong], options: options)
        #expect(result.refused && result.summary.rejected == 10)
        #expect(result.diagnostics.last?.line == 11)
        #expect(result.diagnostics.last?.message == "stopped reading after 10 rejected rows, nothing written: is this the right file?")
        options.skipInvalid = true
        let skipped = try fixture.store.ingestAgreementUse([wrong], options: options)
        #expect(skipped.refused && skipped.summary.rejected == 10, "no row accepted: stopped with --skip-invalid too")
        #expect(try useRows() == before, "nothing written")
    }

    @Test func overspendingIsAWarning() throws {
        _ = try loadSamples()
        let over = try fixture.file("over.csv", lines: ["activity,period,spent", "A22-08,2023Q1,1 200 000"])
        let result = try fixture.store.ingestAgreementUse([over])
        #expect(!result.refused)
        // A22-08: 96 000 + 1 200 000 = 1 296 000 against 1 200 000 decided.
        #expect(short(result.warnings).contains("over.csv:2: warning: A22-08: 1 296 000 kr spent in all, 96 000 kr more than the 1 200 000 kr decided"))
    }

    @Test func activityChecks() throws {
        let yaml = """
            activities:
              - id: X1
                name: Utan insatsområde
                agreement: psykisk-halsa-2022
                insatsomrade: finns-inte
                division: Division Nära
                decided: 2022-05-01
                decided_by: Regiondirektören
                amount: 1 000 kr
              - id: X2
                name: Fel år och för mycket
                agreement: psykisk-halsa-2022
                insatsomrade: traumavard
                division: Division Psykiatri
                decided: 2021-12-30
                decided_by: Regiondirektören
                amount: 1 200 000 kr
            """
        let book = try AgreementBook.read(files: [("akt.yaml", yaml)])
        #expect(throws: Diagnostics.self) { try fixture.store.loadAgreements(book) }
        do {
            try fixture.store.loadAgreements(book)
        } catch let problems as Diagnostics {
            #expect(problems.items.map(\.description) == [
                "akt.yaml:2:9: activity 'X1': agreement 'psykisk-halsa-2022' has no insatsområde 'finns-inte' (it has handlingsplaner, "
                    + "kunskapsbaserad-vard, traumavard, barn-och-unga, samsjuklighet, brukarmedverkan, suicidprevention, ungdomsmottagningar)",
            ])
        }
        let valid = try AgreementBook.read(files: [("akt.yaml", yaml.replacingOccurrences(of: "finns-inte", with: "traumavard"))])
        let summary = try fixture.store.loadAgreements(valid)
        #expect(summary.imported == 2)
        // Traumavård has 1 195 775 kr; 1 000 + 1 200 000 = 1 201 000 decided, 5 225 kr more.
        #expect(summary.warnings.map(\.description) == [
            "akt.yaml:10:9: warning: activity 'X2' was decided 2021-12-30, outside the agreement's year 2022",
            "akt.yaml:10:9: warning: the activities decided in 'psykisk-halsa-2022/traumavard' come to 1 201 000 kr, 5 225 kr more than its 1 195 775 kr",
        ])
    }
}

import Foundation
@testable import NaraVardKit
import Testing

/// The shipped agreement figures and the checks of parts against stated totals. Expected sums are worked out
/// by hand from the tables in the source papers (seeds 001, 002, 004), not taken from the code.
@Suite struct AgreementBookTests {
    let book: AgreementBook

    init() throws { book = try AgreementBook.bundled() }

    func agreement(_ id: String) throws -> Agreement {
        try #require(book.agreements.first { $0.id == id })
    }

    @Test func godOchNaraVard2022() throws {
        let gnv = try agreement("god-och-nara-vard-2022")
        #expect(gnv.year == 2022)
        #expect(gnv.total?.kronor == 121_500_492)
        #expect(gnv.municipalities?.kronor == 31_643_907)
        #expect(gnv.areas.map(\.amount.kronor) == [57_923_351, 46_946_134, 9_566_202, 2_391_550, 2_391_550, 2_281_705])
        // 57 923 351 + 46 946 134 + 9 566 202 + 2 391 550 + 2 391 550 + 2 281 705 = 121 500 492 exactly.
        #expect(gnv.areas.reduce(0) { $0 + $1.amount.kronor } == 121_500_492)
        #expect(gnv.allocated == 121_500_492)
        #expect(gnv.areas.allSatisfy { $0.shift != nil }, "every 2022 insatsområde has a primary shift for the roll-up")
    }

    @Test func psykiskHalsa2022WithTheOneKronaRoundings() throws {
        let psh = try agreement("psykisk-halsa-2022")
        #expect(psh.total?.kronor == 25_084_750)
        let region = psh.tables[0], joint = psh.tables[1]
        #expect(region.total?.kronor == 16_908_861)
        #expect(joint.total?.kronor == 8_175_889)
        #expect(joint.jointTotal?.kronor == 16_351_778)
        // 16 908 861 + 8 175 889 = 25 084 750: the stated table totals make the agreement total.
        #expect(region.total!.kronor + joint.total!.kronor == 25_084_750)
        // By hand: 5 189 664 + 2 391 550 + 1 195 775 + 8 131 871 = 16 908 860, one krona under the print.
        #expect(region.areas.reduce(0) { $0 + $1.amount.kronor } == 16_908_860)
        // 3 635 986 + 500 000 + 2 391 550 + 1 648 352 = 8 175 888, one krona under.
        #expect(joint.areas.reduce(0) { $0 + $1.amount.kronor } == 8_175_888)
        // 7 271 973 + 1 000 000 + 4 783 101 + 3 296 704 = 16 351 778 exactly (002's 7 271 973, not 001's misprint).
        #expect(joint.areas.compactMap(\.jointAmount).map(\.kronor) == [7_271_973, 1_000_000, 4_783_101, 3_296_704])
        #expect(joint.areas.reduce(0) { $0 + $1.jointAmount!.kronor } == 16_351_778)

        let warnings = book.warnings.map(\.description)
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.contains("psykisk-halsa-2022.yaml:")
            && $0.contains("sum to 16 908 860 kr, 1 kr under the stated total 16 908 861 kr: within rounding") })
        #expect(warnings.contains { $0.contains("sum to 8 175 888 kr, 1 kr under the stated total 8 175 889 kr: within rounding") })
    }

    @Test func amountsOf2017And2018StatedPerAgreement() throws {
        let expected: [String: Int64] = [
            "professionsmiljarden-2017": 24_000_000, "professionsmiljarden-2018": 23_600_000, "psykisk-halsa-2017": 11_600_000,
            "psykisk-halsa-2018": 22_000_000, "cancervarden-2017": 10_600_000, "cancervarden-2018": 9_700_000,
            "kronisk-sjukdom-2017": 1_300_000, "patientmiljard-2018": 24_300_000, "barnhalsovard-2018": 1_945_000,
            "beredskap-2018": 1_000_000, "forsakringsmedicin-2017": 51_050_000,
        ]
        for (id, kronor) in expected {
            #expect(try agreement(id).allocated == kronor, "\(id)")
        }
        #expect(book.agreements.count == expected.count + 2)
        let professions = try agreement("professionsmiljarden-2017")
        #expect(professions.total?.precision == 100_000, "24,0 mkr is written to a tenth of a million")
        #expect(professions.areas.map(\.amount.kronor) == [7_500_000], "varav 7,5 mkr specialistutbildning")
    }

    // MARK: - Links between insatsområden and indicators

    /// Issue 13, item 7: every link in the bundled agreements says why, citing committee paper 001, on one line.
    @Test func everyLinkHasItsReasonFromPaper001() throws {
        var links = 0
        for agreement in book.agreements {
            for area in agreement.areas {
                for indicator in area.indicators {
                    links += 1
                    let reason = try #require(area.reason(for: indicator), "\(agreement.id)/\(area.id) → \(indicator) has no reason")
                    #expect(reason.hasPrefix("Underlag 001"), "\(agreement.id)/\(area.id) → \(indicator): \(reason)")
                    #expect(!reason.contains("\n") && reason.count <= 200, "one line: \(reason)")
                }
            }
        }
        // 2022: god och nära vård 4 + 2 + 1 + 1 + 1 + 2 = 11; psykisk hälsa 1 + 1 + 0 + 1 + 1 + 1 + 1 + 1 = 7.
        #expect(links == 18)
    }

    /// HF06's health talks are for adults of 40, 50 and 60: not what the money for children and young people or
    /// the youth clinics should move. Both link HF09, self-harm among 0–24-year-olds.
    @Test func youngPeoplesMoneyDoesNotLinkAdultHealthTalks() throws {
        let psh = try agreement("psykisk-halsa-2022")
        for id in ["barn-och-unga", "ungdomsmottagningar"] {
            let area = try #require(psh.area(id))
            #expect(area.indicators == ["HF09"], "\(id)")
            #expect(area.reason(for: "HF09")?.contains("Barn och ungas välmående") == true)
        }
        #expect(!book.agreements.contains { $0.areas.contains { $0.indicators.contains("HF06") } })
    }

    /// A link may be a plain id or a mapping with `id` and `reason`, mixed; a misspelt field is refused where it stands.
    @Test func linksArePlainIdsOrMappingsWithAReason() throws {
        func read(_ indicators: String) -> Result<AgreementBook, Diagnostics> {
            let text = ["id: x", "name: X", "year: 2022", "tables:", "  - name: T", "    insatsomraden:", "      - id: a",
                        "        name: A", "        amount: 1 000 kr", "        indicators:", indicators].joined(separator: "\n")
            return Result { () throws(Diagnostics) in try AgreementBook.read(files: [("x.yaml", text)]) }
        }
        let mixed = try read("          - PV01\n          - id: PV02\n            reason: 'Underlag 001: kontinuitet.'").get()
        let area = try #require(mixed.agreements.first?.areas.first)
        #expect(area.indicators == ["PV01", "PV02"])
        #expect(area.reason(for: "PV01") == nil && area.reason(for: "PV02") == "Underlag 001: kontinuitet.")
        #expect(try read("          - PV01").get().agreements.first?.areas.first?.reasons == nil, "no reasons: stored as before")
        guard case .failure(let problems) = read("          - id: PV02\n            motivation: x") else {
            Issue.record("a misspelt field was accepted"); return
        }
        #expect(problems.items.first?.line == 12 && problems.items.first?.message.contains("unknown field 'motivation'") == true,
                "\(problems)")
    }

    // MARK: - Refusals and rounding

    /// The psykisk hälsa file with one figure replaced, read alone.
    func psykiskHalsa(replacing old: String, with new: String) throws -> (text: String, result: Result<AgreementBook, Diagnostics>) {
        let original = try #require(BundledAgreements.files.first { $0.path.hasSuffix("psykisk-halsa-2022.yaml") }).text
        #expect(original.contains(old))
        let text = original.replacingOccurrences(of: old, with: new)
        return (text, Result { () throws(Diagnostics) in try AgreementBook.read(files: [("psh.yaml", text)]) })
    }

    func line(of fragment: String, in text: String) -> Int {
        (text.components(separatedBy: "\n").firstIndex { $0.contains(fragment) } ?? -2) + 1
    }

    @Test func theMisprintedJointAmountIsRefusedWhereItStands() throws {
        let (text, result) = try psykiskHalsa(replacing: "joint_amount: 7 271 973 kr", with: "joint_amount: 7 271 97373 kr")
        guard case .failure(let problems) = result else { Issue.record("7 271 97373 was accepted"); return }
        let expectedLine = line(of: "joint_amount: 7 271 97373", in: text)
        #expect(problems.items.count == 1, "no sum is made of figures that could not be read: \(problems)")
        #expect(problems.items.first { $0.file == "psh.yaml" && $0.line == expectedLine }?.message
                    .contains("'7 271 97373 kr' is not an amount: '7 271 97373' is not a number: digit groups must be three digits apart") == true,
                "\(problems)")
    }

    @Test func aPartThousandsOfTimesTooLargeBreaksTheSumAndIsRefused() throws {
        let (text, result) = try psykiskHalsa(replacing: "joint_amount: 7 271 973 kr", with: "joint_amount: 727197373 kr")
        guard case .failure(let problems) = result else { Issue.record("727197373 was accepted"); return }
        let problem = try #require(problems.items.first)
        #expect(problems.items.count == 1)
        #expect(problem.line == line(of: "joint_total: 16 351 778 kr", in: text))
        // 727 197 373 + 1 000 000 + 4 783 101 + 3 296 704 = 736 277 178; 736 277 178 − 16 351 778 = 719 925 400.
        #expect(problem.message.contains("sum to 736 277 178 kr, 719 925 400 kr over the stated total 16 351 778 kr"), "\(problem)")
        #expect(problem.message.contains("more than rounding allows"))
    }

    @Test func millionsWithOneDecimalMayDifferByHalfATenthPerPart() throws {
        func read(_ parts: [String]) -> Result<AgreementBook, Diagnostics> {
            let areas = parts.enumerated().map { "      - id: d\($0.offset)\n        name: Del \($0.offset)\n        amount: \($0.element)" }
            let text = (["id: x", "name: X", "year: 2017", "total: 24,0 mkr", "tables:", "  - name: T", "    total: 24,0 mkr",
                         "    insatsomraden:"] + areas).joined(separator: "\n")
            return Result { () throws(Diagnostics) in try AgreementBook.read(files: [("x.yaml", text)]) }
        }
        // 7,5 + 16,6 = 24,1: 0,1 mkr over, within 2 × 0,05 mkr.
        let within = try read(["7,5 mkr", "16,6 mkr"]).get()
        #expect(within.warnings.count == 1, "the table differs; the agreement total equals the table's")
        #expect(within.warnings[0].message.contains("sum to 24 100 000 kr, 100 000 kr over the stated total 24,0 mkr: within rounding"))
        // 7,5 + 16,7 = 24,2: 0,2 mkr over, beyond 0,1 mkr.
        guard case .failure(let problems) = read(["7,5 mkr", "16,7 mkr"]) else { Issue.record("accepted"); return }
        #expect(problems.items.first?.line == 7 && problems.items.first?.message.contains("more than rounding allows") == true)
    }

    @Test func money() throws {
        #expect(try Money(parsing: "57 923 351 kr") == Money(kronor: 57_923_351))
        let tenth = try Money(parsing: "24,0 mkr")
        #expect((tenth.kronor, tenth.precision, tenth.tolerance) == (24_000_000, 100_000, 50_000))
        let thousands = try Money(parsing: "1,945 mkr")
        #expect((thousands.kronor, thousands.precision) == (1_945_000, 1_000))
        #expect(try Money(parsing: "22 mkr").precision == 1_000_000)
        #expect(Money(kronor: 1).tolerance == 1, "whole kronor: one krona per part")
        for bad in ["500000", "12,50 kr", "7 271 97373 kr", "-5 kr", "fem kr"] {
            #expect(throws: Money.ParseError.self, "\(bad)") { try Money(parsing: bad) }
        }
    }
}

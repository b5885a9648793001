import Foundation
import Testing
import TestSupport

/// `naravard report committee|polsam` run as users run it, through ``CLIFixture``.
@Suite struct ReportCLITests {
    let cli: CLIFixture

    init() throws { cli = try CLIFixture.withSamples() }

    @Test func committeeWorkbook() throws {
        let result = try cli.run("report", "committee", "--period", "2025Q4", "--out", "utskott.xlsx")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Uppföljning nära vård – 2025 kvartal 4"))
        let workbook = try XLSXReader(path: cli.directory.path("utskott.xlsx"))
        #expect(workbook.sheetNames.first == "Sammanfattning" && workbook.sheetNames.count == 13, "with Modellområden")
        #expect(workbook.sheetNames.contains("Överenskommelser"), "init loads the bundled agreements")
    }

    @Test func polsamWorkbookByDefaultNameAndPeriod() throws {
        let result = try cli.run("report", "polsam")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(cli.directory.exists("polsam-2025Q4.xlsx"), "the latest quarter with data")
        let workbook = try XLSXReader(path: cli.directory.path("polsam-2025Q4.xlsx"))
        #expect(workbook.sheetNames.first == "Översikt")
    }

    @Test func csvFolderInEitherDialect() throws {
        #expect(try cli.run("report", "committee", "--format", "csv", "--out", "csv").status == 0)
        let data = try Data(contentsOf: cli.directory.url.appending(path: "csv/data.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try cli.run("report", "polsam", "--format", "csv", "--csv-dialect", "rfc4180", "--out", "rfc").status == 0)
        let text = try String(contentsOf: cli.directory.url.appending(path: "rfc/oversikt.csv"), encoding: .utf8)
        #expect(text.hasPrefix("Riktningsförändring,Indikator,Enhet,Period,"))
    }

    @Test func asOfAnEarlierImport() throws {
        let result = try cli.run("report", "committee", "--as-of", "1", "--out", "tom.xlsx")
        #expect(result.status == 64, "import 1 is the catalogue: no values yet")
        #expect(result.stderr.contains("no values"))
        #expect(try cli.run("report", "committee", "--as-of", "2", "--out", "a.xlsx").status == 0)
        #expect(try cli.run("report", "committee", "--as-of", "99", "--out", "b.xlsx").status == 64)
    }

    @Test func exitCodes() throws {
        #expect(try cli.run("report", "committee", "--db", "saknas.sqlite").status == 66)
        #expect(try cli.run("report", "committee", "--period", "2025Q9").status == 64)
        #expect(try cli.run("report", "polsam", "--period", "1999Q1").status == 64)
        // Issue 13: a period after the data, or a month for a catalogue of quarters and years, is refused before
        // anything is written, naming the latest period with data (the sample data end in 2025Q4).
        for (kind, period) in [("committee", "2030Q1"), ("polsam", "2099Q1"), ("committee", "2025-12"), ("polsam", "2025-12")] {
            let refused = try cli.run("report", kind, "--period", period, "--out", "x.xlsx")
            #expect(refused.status == 64 && refused.stderr.contains("2025Q4"), "\(kind) \(period): \(refused.stderr)")
            #expect(period.contains("-") == refused.stderr.contains("no monthly indicators"))
        }
        #expect(!cli.directory.exists("x.xlsx"))
        #expect(try cli.run("report", "committee", "--definition", "saknas.yaml").status == 66)
        try Data("title: X\nindicators: [NOPE]\n".utf8).write(to: cli.directory.url.appending(path: "fel.yaml"))
        let refused = try cli.run("report", "committee", "--definition", "fel.yaml")
        #expect(refused.status == 65 && refused.stderr.contains("fel.yaml:2: indicator 'NOPE'"), "\(refused.stderr)")
        #expect(!cli.directory.exists("uppfoljning-2025Q4.xlsx"), "nothing written")
    }
}

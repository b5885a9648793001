import Foundation
import Testing
import TestSupport

/// `status`, `check --period`, `changes` and `template` as users and scripts run them: exit codes, JSON fields.
@Suite struct DeliveryCLITests {
    let cli: CLIFixture

    init() throws {
        cli = try CLIFixture()
        #expect(try cli.run("init").status == 0)
    }

    static let header = "indicator;area;period;gender;numerator;denominator;value"
    static let municipalities = ["2505", "2506", "2510", "2513", "2514", "2518", "2521", "2523", "2560", "2580", "2581", "2582", "2583", "2584"]

    func ingest(_ name: String, _ lines: [String]) throws -> Int {
        try Data(([Self.header] + lines).joined(separator: "\n").utf8).write(to: cli.directory.url.appending(path: name))
        let result = try cli.run("ingest", "--json", name)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["import_id"] as? Int)
    }

    func json(_ arguments: String...) throws -> [[String: Any]] {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    /// PV01 2026Q1 from 12 municipalities (Pajala 2521 and Haparanda 2583 silent); OV06 from all but Kiruna
    /// (2584), which reports it missing; PV04 from all 14.
    func loadQuarter() throws {
        _ = try ingest("q1.csv", Self.municipalities.flatMap { area -> [String] in
            var lines = ["PV04;\(area);2026Q1;T;5;10;", area == "2584" ? "OV06;2584;2026Q1;T;..;..;.." : "OV06;\(area);2026Q1;T;;;3"]
            if area != "2521" && area != "2583" { lines.append("PV01;\(area);2026Q1;T;40;100;") }
            return lines
        })
    }

    @Test func statusListsEveryMunicipalityAndExitsZero() throws {
        try loadQuarter()
        let run = try cli.run("status", "--indicator", "PV01", "--indicator", "OV06", "--format", "json")
        #expect(run.status == 0, "a listing exits 0 even when something is undelivered")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 28)
        #expect(rows.allSatisfy { Set($0.keys) == ["indicator", "area", "period", "status"] })
        #expect(rows.allSatisfy { $0["period"] as? String == "2026Q1" }, "without --period: the latest period stored")
        #expect(rows.filter { $0["status"] as? String == "not_delivered" }.compactMap { $0["area"] as? String } == ["2521", "2583"])
        #expect(rows.filter { $0["status"] as? String == "reported_missing" }.compactMap { $0["indicator"] as? String } == ["OV06"])
        #expect(run.stderr.contains("PV01 2026Q1: 12 of 14") && run.stderr.contains("OV06 2026Q1: 13 of 14"))

        let reminders = try json("status", "--reminders", "--indicator", "PV01", "--indicator", "OV06", "--format", "json")
        #expect(reminders.compactMap { $0["area"] as? String } == ["2521", "2583", "2584"])
        #expect(reminders.compactMap { $0["name"] as? String } == ["Pajala", "Haparanda", "Kiruna"])
        #expect(reminders[0]["not_delivered"] as? String == "PV01" && reminders[2]["reported_missing"] as? String == "OV06")

        // A länsdel stands for its municipalities: Östra Norrbotten has Haparanda, which has not delivered PV01.
        let ostra = try json("status", "--indicator", "PV01", "--area", "ostra", "--format", "json")
        #expect(ostra.compactMap { $0["area"] as? String } == ["2513", "2514", "2518", "2583"])
        #expect(ostra.compactMap { $0["status"] as? String } == ["received", "received", "received", "not_delivered"])

        // A yearly indicator in a quarter.
        let yearly = try json("status", "--indicator", "HF01", "--period", "2026 kv1", "--format", "json")
        #expect(yearly.count == 14 && yearly.allSatisfy { $0["status"] as? String == "not_expected" })
        #expect(try cli.run("status", "--indicator", "NOPE").status == 64)
        #expect(try cli.run("status", "--period", "2026Q5").status == 64)
    }

    @Test func checkForAPeriodExits65WhenSomethingIsUndelivered() throws {
        try loadQuarter()
        let lacking = try cli.run("check", "--period", "2026Q1", "--indicator", "PV01", "--indicator", "OV06", "--format", "json")
        #expect(lacking.status == 65)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(lacking.stdout.utf8)) as? [[String: Any]])
        #expect(findings.compactMap { $0["area"] as? String }.sorted() == ["2521", "2583", "2584"])
        #expect(try cli.run("check", "--period", "2026Q1", "--indicator", "PV04").status == 0, "all 14 delivered PV04")
        // A period nobody has delivered yet.
        #expect(try cli.run("check", "--period", "2026Q2", "--indicator", "PV04").status == 65)
    }

    @Test func changesAcrossARevisionAndARevert() throws {
        let first = try ingest("a.csv", ["PV01;2580;2025Q4;T;30;100;"])
        let second = try ingest("b.csv", ["PV01;2580;2025Q4;T;31;100;", "PV01;2582;2025Q4;T;5;50;"])
        #expect(try json("changes", "--since", "\(first)", "--until", "\(second)", "--format", "json").count == 2)
        let revert = try cli.run("imports", "revert", "\(second)")
        #expect(revert.status == 0)
        #expect(try json("changes", "--since", "\(first)", "--format", "json").isEmpty, "a revision and its revert: no net change")

        let rows = try json("changes", "--since", "\(second)", "--format", "json")
        #expect(rows.allSatisfy {
            Set($0.keys) == ["indicator", "area", "period", "gender", "old_value", "new_value", "old_status", "new_status", "import_id"]
        })
        let withdrawn = try #require(rows.first { $0["area"] as? String == "2582" })
        #expect(withdrawn["new_status"] as? String == "absent" && withdrawn["new_value"] is NSNull)
        #expect(withdrawn["old_value"] as? Double == 10 && withdrawn["import_id"] as? Int == second + 1)
        let fromEmpty = try json("changes", "--since", "0", "--until", "\(first)", "--format", "json")
        #expect(fromEmpty.count == 1 && fromEmpty[0]["old_status"] is NSNull && fromEmpty[0]["new_value"] as? Double == 30)

        // The same list before anything is written.
        try Data((Self.header + "\nPV01;2580;2025Q4;T;35;100;\n").utf8).write(to: cli.directory.url.appending(path: "c.csv"))
        let dry = try cli.run("ingest", "--dry-run", "--changes", "c.csv")
        #expect(dry.status == 0, "\(dry.stderr)")
        let lines = dry.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(lines.first == ["indicator", "area", "period", "gender", "old_value", "new_value", "old_status", "new_status", "import_id"])
        #expect(lines.dropFirst().first == ["PV01", "2580", "2025Q4", "T", "30", "35", "reported", "reported"], "no import id: nothing written")
        #expect(dry.stdout.contains("dry run, nothing written: imported 0, updated 1"))
        #expect(try json("changes", "--since", "\(second + 1)", "--format", "json").isEmpty)
        #expect(try cli.run("ingest", "--changes", "c.csv").status == 64, "--changes needs --dry-run")

        #expect(try cli.run("changes", "--since", "99").status == 64)
        #expect(try cli.run("changes", "--since", "\(second)", "--until", "\(first)").status == 64)
        #expect(try cli.run("changes", "--since", "-1").status == 64)
        #expect(try cli.run("changes").status == 64, "--since is required")
    }

    @Test func templateWritesThroughTheOutputRules() throws {
        let written = try cli.run("template", "--period", "2026Q1", "--indicator", "PV01", "--area", "ostra", "--out", "mall.xlsx")
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "wrote mall.xlsx: 2026Q1, 1 indicator, 12 rows\n")
        let sheet = try XLSXReader(path: cli.directory.path("mall.xlsx")).sheet(named: "Mall")
        // Östra Norrbotten: Kalix, Överkalix, Övertorneå, Haparanda (by code), T, K and M each.
        #expect((2...13).compactMap { sheet["B\($0)"]?.string }.count == 12)
        #expect(Set((2...13).compactMap { sheet["B\($0)"]?.string }) == ["Överkalix", "Kalix", "Övertorneå", "Haparanda"])
        #expect(sheet["A14"] == nil)

        let store = try Data(contentsOf: cli.directory.url.appending(path: "naravard.sqlite"))
        #expect(try cli.run("template", "--period", "2026Q1", "--out", "naravard.sqlite").status == 64)
        #expect(try Data(contentsOf: cli.directory.url.appending(path: "naravard.sqlite")) == store)
        #expect(try cli.run("template", "--period", "2026-03", "--out", "month.xlsx").status == 64, "no monthly indicators")
        #expect(try cli.run("template", "--out", "x.xlsx").status == 64, "--period is required")
        #expect(!cli.directory.exists("month.xlsx") && !cli.directory.exists("x.xlsx"))
        for command in ["status", "changes", "template"] {
            #expect(try cli.run(command, "--help").stdout.contains("Example:"))
        }
    }
}

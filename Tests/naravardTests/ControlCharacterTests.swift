import Foundation
import Testing
import TestSupport

/// Control characters and bidirectional overrides from input reach the terminal escaped (`\u{1B}`), never raw:
/// in diagnostics on standard error and in tables on standard output.
@Suite struct ControlCharacterTests {
    let cli: CLIFixture

    init() throws {
        cli = try CLIFixture()
        try cli.run("init")
    }

    /// ESC (a terminal escape sequence), BEL, DEL, a C1 CSI, the right-to-left override and an isolate.
    static let hostile: [(name: String, text: String, escaped: String)] = [
        ("ESC", "\u{1B}[2J", "\\u{1B}[2J"), ("BEL", "\u{07}", "\\u{7}"), ("DEL", "\u{7F}", "\\u{7F}"),
        ("C1 CSI", "\u{9B}31m", "\\u{9B}31m"), ("right-to-left override", "\u{202E}", "\\u{202E}"),
        ("first strong isolate", "\u{2068}", "\\u{2068}"),
    ]

    static func isRaw(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x202E, 0x2068].contains(scalar.value))
        }
    }

    @Test(arguments: hostile.map(\.name))
    func diagnosticsAndTablesShowThemEscaped(name: String) throws {
        let (_, text, escaped) = Self.hostile.first { $0.name == name }!
        let file = "indicator;area;period;gender;value\nPV01\(text);2580;2024Q1;T;50\n"
        try Data(file.utf8).write(to: cli.directory.url.appending(path: "in.csv"))
        let refused = try cli.run("ingest", "in.csv")
        #expect(refused.status == 65)
        #expect(!Self.isRaw(refused.stderr), "\(refused.stderr.debugDescription)")
        #expect(refused.stderr.contains("unknown indicator 'PV01\(escaped)'"), "\(refused.stderr.debugDescription)")

        try Data("indicator;area;period;gender;value\nPV01;2580;2024Q1;T;50\n".utf8).write(to: cli.directory.url.appending(path: "ok.csv"))
        #expect(try cli.run("ingest", "ok.csv", "--note", "anteckning \(text) slut").status == 0)
        let table = try cli.run("imports")
        #expect(!Self.isRaw(table.stdout), "\(table.stdout.debugDescription)")
        #expect(table.stdout.contains("anteckning \(escaped) slut"), "\(table.stdout.debugDescription)")

        // A usage error quoting an argument, as the argument parser prints it.
        let usage = try cli.run("values", "--indicator", "PV01\(text)")
        #expect(usage.status == 64)
        #expect(!Self.isRaw(usage.stderr) && usage.stderr.contains("PV01\(escaped)"), "\(usage.stderr.debugDescription)")
    }
}

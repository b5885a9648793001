import ArgumentParser
import Foundation
import NaraVardKit

/// The language of table labels (`--lang sv` for Swedish).
enum Language: String, ExpressibleByArgument, CaseIterable {
    case en, sv
}

/// `--lang en|sv`, shared by the commands whose tables have words to translate.
struct LanguageOption: ParsableArguments {
    @Option(help: "Table labels: en or sv (CSV and JSON keep the English field names and values).") var lang: Language = .en
}

/// Terminal decoration: arrows coloured by good or bad, not by up or down.
enum TrendStyle {
    /// The arrow and the class in the chosen language (`↑ improving`, `↑ förbättras`).
    static func label(_ trend: TrendClass, better: Better, _ language: Language) -> String {
        language == .sv ? ReportText.trend(trend, better: better) : trend.arrow(better: better) + " " + trend.rawValue
    }

    static func label(_ status: ShiftRollup.Status, _ language: Language) -> String {
        language == .sv ? ReportText.rollup(status).lowercased() : status.rawValue
    }

    /// ANSI colour for good (green), bad (red) and no direction (blue); only on a terminal.
    static func colour(_ text: String, good: Bool?) -> String {
        guard isatty(STDOUT_FILENO) == 1, ProcessInfo.processInfo.environment["NO_COLOR"] == nil, let good else { return text }
        return (good ? "\u{1B}[32m" : "\u{1B}[31m") + text + "\u{1B}[0m"
    }

    /// Good, bad or neither for a class.
    static func isGood(_ trend: TrendClass) -> Bool? {
        switch trend {
        case .improving: true
        case .worsening: false
        default: nil
        }
    }
}

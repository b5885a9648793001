import ArgumentParser
import Foundation
import NaraVardKit

/// The language of table labels (`--lang sv` for Swedish).
enum Language: String, ExpressibleByArgument, CaseIterable {
    case en, sv
}

/// Terminal decoration: arrows coloured by good or bad, not by up or down.
enum TrendStyle {
    /// ↑ or ↓ for the direction the series moved, → for no clear change, · for too few points.
    static func arrow(_ trend: TrendClass, better: Better) -> String {
        switch trend {
        case .increasing: "↑"
        case .decreasing: "↓"
        case .improving: better == .lower ? "↓" : "↑"
        case .worsening: better == .lower ? "↑" : "↓"
        case .noClearChange: "→"
        case .tooFewPoints: "·"
        }
    }

    static func label(_ trend: TrendClass, _ language: Language) -> String {
        guard language == .sv else { return trend.rawValue }
        switch trend {
        case .improving: return "förbättras"
        case .worsening: return "försämras"
        case .increasing: return "ökar"
        case .decreasing: return "minskar"
        case .noClearChange: return "ingen tydlig förändring"
        case .tooFewPoints: return "för få punkter"
        }
    }

    static func label(_ status: ShiftRollup.Status, _ language: Language) -> String {
        guard language == .sv else { return status.rawValue }
        switch status {
        case .improving: return "förbättras"
        case .worsening: return "försämras"
        case .mixed: return "blandat"
        case .stable: return "stabilt"
        case .insufficient: return "för få punkter"
        }
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

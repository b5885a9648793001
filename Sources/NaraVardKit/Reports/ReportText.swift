import Foundation

/// The Swedish words and number texts reports use.
package enum ReportText {
    /// `2025 K4`, `2024`, `2025-03`: short, for table cells.
    package static func period(_ period: Period) -> String {
        switch period.kind {
        case .quarter: "\(period.year) K\(period.part)"
        case .year, .month: period.description
        }
    }

    /// `2025 kvartal 4`, `2024`, `mars 2025`: for titles.
    package static func periodTitle(_ period: Period) -> String {
        switch period.kind {
        case .quarter: "\(period.year) kvartal \(period.part)"
        case .year: "\(period.year)"
        case .month: "\(months[period.part - 1]) \(period.year)"
        }
    }

    private static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                 "september", "oktober", "november", "december"]

    /// A number with a decimal comma and Swedish grouping: `31,2`, `-0,5`, `248 480` (a no-break space).
    package static func number(_ value: Double, decimals: Int) -> String {
        let plain = String(format: "%.\(decimals)f", value.rounded(toDecimals: decimals) + 0)
        let sign = plain.hasPrefix("-") ? "-" : ""
        let parts = plain.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        // Swedish grouping: a (no-break) space between groups of three digits, 248 480.
        var digits = Array(parts[0]), grouped = ""
        while digits.count > 3 {
            grouped = "\u{00A0}" + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        return sign + String(digits) + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    /// The arrow and word of a trend class: the arrow shows where the series goes, the word whether that is good.
    package static func trend(_ trend: TrendClass?, better: Better) -> String {
        let trend = trend ?? .tooFewPoints
        return trend.arrow(better: better) + " " + trendWord(trend)
    }

    /// Where an agreement's spending has not been entered.
    package static let notFollowedUp = "ingen uppföljning inlagd"

    /// `PV01 ↑ förbättras, PV05 → ingen tydlig förändring`: the indicators money should move, with their trends.
    package static func linkedTrends(_ trends: [AgreementFollowUp.LinkedTrend]) -> String {
        trends.map { "\($0.indicator) \(trend($0.trend, better: $0.better))" }.joined(separator: ", ")
    }

    /// A trend class in Swedish words.
    package static func trendWord(_ trend: TrendClass) -> String {
        switch trend {
        case .improving: "förbättras"
        case .worsening: "försämras"
        case .increasing: "ökar"
        case .decreasing: "minskar"
        case .noClearChange: "ingen tydlig förändring"
        case .tooFewPoints: "för få punkter"
        }
    }

    /// Every trend text with its colour.
    static let trendLabels: [ConditionalColor.Label] = [
        .init(text: "↑ förbättras", tone: .good), .init(text: "↓ förbättras", tone: .good),
        .init(text: "↑ försämras", tone: .bad), .init(text: "↓ försämras", tone: .bad),
        .init(text: "↑ ökar", tone: .neutral), .init(text: "↓ minskar", tone: .neutral),
        .init(text: "→ ingen tydlig förändring", tone: .muted), .init(text: "· för få punkter", tone: .muted),
    ]

    package static func rollup(_ status: ShiftRollup.Status) -> String {
        switch status {
        case .improving: "Förbättras"
        case .worsening: "Försämras"
        case .mixed: "Blandat"
        case .stable: "Stabilt"
        case .insufficient: "För få punkter"
        }
    }

    static let rollupLabels: [ConditionalColor.Label] = [
        .init(text: "Förbättras", tone: .good), .init(text: "Försämras", tone: .bad),
        .init(text: "Blandat", tone: .mixed), .init(text: "Stabilt", tone: .muted),
        .init(text: "För få punkter", tone: .muted),
    ]

    /// Making Data Count's variation icon in words.
    package static func variation(_ icon: VariationIcon) -> String {
        switch icon {
        case .commonCause: "Normal variation"
        case .improvementHigh: "Förbättring (högt)"
        case .improvementLow: "Förbättring (lågt)"
        case .concernHigh: "Oroande (högt)"
        case .concernLow: "Oroande (lågt)"
        case .neutralHigh: "Särskild orsak (högt)"
        case .neutralLow: "Särskild orsak (lågt)"
        }
    }

    /// The levels an indicator is published for, in words: `kommun, länsdel, län`.
    static func levels(_ levels: Set<Indicator.Level>) -> String {
        levels.sorted().map { level in
            switch level {
            case .municipality: "kommun"
            case .lansdel: "länsdel"
            case .county: "län"
            }
        }.joined(separator: ", ")
    }

    /// What the variation column says for a seasonal indicator, which has no SPC limits.
    package static let seasonal = "Säsongsvarierande"

    /// The variation column of a series: its icon in words, or ``seasonal``.
    package static func variation(_ result: TrendResult) -> String? {
        result.seasonal ? seasonal : result.variation.map(variation)
    }

    static let variationLabels: [ConditionalColor.Label] = [
        .init(text: "Förbättring (högt)", tone: .good), .init(text: "Förbättring (lågt)", tone: .good),
        .init(text: "Oroande (högt)", tone: .bad), .init(text: "Oroande (lågt)", tone: .bad),
        .init(text: "Särskild orsak (högt)", tone: .neutral), .init(text: "Särskild orsak (lågt)", tone: .neutral),
    ]

    /// Making Data Count's assurance icon in words.
    package static func assurance(_ icon: AssuranceIcon) -> String {
        switch icon {
        case .consistentPass: "Når målet"
        case .consistentFail: "Når inte målet"
        case .inconsistent: "Varierar kring målet"
        }
    }

    static let assuranceLabels: [ConditionalColor.Label] = [
        .init(text: "Når målet", tone: .good), .init(text: "Når inte målet", tone: .bad),
    ]

    package static func better(_ better: Better) -> String {
        switch better {
        case .higher: "högre är bättre"
        case .lower: "lägre är bättre"
        case .neutral: "ingen önskad riktning"
        }
    }

    /// `kvartal`, `år`, `månad`: what a period of a kind is called after "per".
    package static func frequencyNoun(_ kind: Period.Kind) -> String {
        switch kind {
        case .quarter: "kvartal"
        case .year: "år"
        case .month: "månad"
        }
    }

    package static func frequency(_ frequency: Frequency) -> String { frequencyNoun(frequency.periodKind) }

    package static func level(_ kind: Area.Kind) -> String {
        switch kind {
        case .country: "riket"
        case .county: "län"
        case .lansdel: "länsdel"
        case .municipality: "kommun"
        case .group: "grupp"
        }
    }

    /// The status column of the Data sheet.
    package static func status(_ status: AreaValue.Status) -> String {
        switch status {
        case .reported: "rapporterad"
        case .missing: "saknas"
        case .computed: "beräknad"
        case .incomplete: "ofullständig"
        case .notAggregable: "ej summerbar"
        case .suppressed: "prickad"
        case .suppressedAtSource: "skyddad av källan"
        }
    }

    /// The verdict against a benchmark in Swedish: `bättre`, `likvärdig`, `sämre`, `högre`, `lägre`, `ej jämförd`.
    package static func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .better: "bättre"
        case .similar: "likvärdig"
        case .worse: "sämre"
        case .higher: "högre"
        case .lower: "lägre"
        case .notCompared: "ej jämförd"
        }
    }

    /// Every verdict text with its colour: only better and worse are coloured.
    static let verdictLabels: [ConditionalColor.Label] = [
        .init(text: verdict(.better), tone: .good), .init(text: verdict(.worse), tone: .bad),
    ]

    /// A 95 % interval as a report shows it: `28,5–57,8`.
    package static func interval(_ interval: ConfidenceInterval, decimals: Int) -> String {
        number(interval.low, decimals: decimals) + "–" + number(interval.high, decimals: decimals)
    }
}

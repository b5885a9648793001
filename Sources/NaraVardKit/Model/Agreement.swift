/// An amount of money as a source writes it: `57 923 351 kr`, `24,0 mkr`, `1,945 mkr`.
///
/// ```swift
/// let money = try Money(parsing: "24,0 mkr")
/// money.kronor      // 24_000_000
/// money.precision   // 100_000: the last written digit is tenths of a million
/// ```
package struct Money: Hashable, Sendable, Codable {
    /// The amount in whole kronor.
    package var kronor: Int64
    /// Kronor per unit of the last written digit: 1 for `57 923 351 kr`, 100 000 for `24,0 mkr`.
    package var precision: Int64
    /// The text as written, for messages.
    package var text: String

    /// How far a part may be from its true value through rounding: half a unit of its last written digit,
    /// and one krona for whole kronor (published kronor are themselves rounded sums of parts).
    package var tolerance: Int64 { precision == 1 ? 1 : precision / 2 }

    /// Amounts from this up are refused: whole kronor below it are exact in a double, and far beyond any budget.
    package static let limit: Double = 1e15

    /// The units money is written in, with their size in kronor.
    static let units: [(name: String, kronor: Int64)] = [
        ("kr", 1), ("kronor", 1), ("tkr", 1_000), ("mkr", 1_000_000), ("mnkr", 1_000_000), ("mdkr", 1_000_000_000),
    ]

    /// Why a text is not an amount.
    package struct ParseError: Error, CustomStringConvertible {
        package var description: String
    }

    package init(kronor: Int64) {
        self.kronor = kronor
        precision = 1
        text = "\(Self.format(kronor)) kr"
    }

    /// Reads a number with a unit (`kr`, `tkr`, `mkr`, `mnkr`, `mdkr`); a number is refused rather than guessed
    /// when its digit groups are not three apart (`7 271 97373`).
    package init(parsing raw: String) throws(ParseError) {
        let text = raw.trimmingWhitespace()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" })
        guard let last = words.last, let unit = Self.units.first(where: { $0.name == last.lowercased() }) else {
            throw ParseError(description: "'\(text)' is not an amount: write it with its unit, like 57 923 351 kr or 24,0 mkr")
        }
        let numberText = String(text.dropLast(last.count)).trimmingWhitespace()
        let number: NumberText
        do {
            number = try NumberText(parsing: numberText)
        } catch {
            throw ParseError(description: "'\(text)' is not an amount: \(error.reason)")
        }
        guard number.value >= 0 else { throw ParseError(description: "'\(text)': an amount cannot be negative") }
        let step = Double(unit.kronor) * pow10(-number.decimals)
        guard step >= 1, step == step.rounded() else {
            throw ParseError(description: "'\(text)' has more decimals than whole kronor")
        }
        guard number.value * Double(unit.kronor) < Self.limit else {
            throw ParseError(description: "'\(text)' is too large: amounts must be below \(Self.format(Int64(Self.limit))) kr")
        }
        kronor = Int64((number.value * Double(unit.kronor)).rounded())
        precision = Int64(step)
        self.text = text
    }

    /// `57 923 351`: kronor with spaces between groups of three digits.
    package static func format(_ kronor: Int64) -> String {
        group(String(kronor.magnitude), negative: kronor < 0)
    }

    /// Whole kronor of a sum that may be beyond `Int64` (many large figures added up), grouped the same way.
    package static func format(_ kronor: Double) -> String {
        let whole = kronor.rounded()
        if let exact = Int64(exactly: whole) { return format(exact) }
        return whole.isFinite ? group(whole.magnitude.plain, negative: whole < 0) : whole.description
    }

    private static func group(_ digits: String, negative: Bool) -> String {
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += " " }
            out.append(digit)
        }
        return (negative ? "-" : "") + out
    }
}

/// A national agreement (överenskommelse) as the region received it: its money per insatsområde.
package struct Agreement: Hashable, Sendable, Codable {
    package var id: String
    package var name: String
    package var year: Int
    /// Who the agreement is with (staten och SKR).
    package var counterpart: String?
    /// Where the figures come from.
    package var source: String?
    package var note: String?
    /// The region's total as stated; nil when the source states only parts.
    package var total: Money?
    /// What the county's municipalities receive under the same agreement (outside the region's total).
    package var municipalities: Money?
    package var tables: [AgreementTable]

    /// The region's money: the stated total, or the sum of the tables.
    package var allocated: Int64 {
        total?.kronor ?? tables.reduce(0) { $0 + ($1.total?.kronor ?? $1.areas.reduce(0) { $0 + $1.amount.kronor }) }
    }

    package var areas: [Insatsomrade] { tables.flatMap(\.areas) }

    package func area(_ id: String) -> Insatsomrade? { areas.first { $0.id == id } }
}

/// One table of insatsområden as a source prints it, with its stated totals.
package struct AgreementTable: Hashable, Sendable, Codable {
    package var name: String
    /// The stated sum of the region's column.
    package var total: Money?
    /// The stated sum of the joint column (region and municipalities together), for joint insatsområden.
    package var jointTotal: Money?
    /// The source names only some parts ("varav …"): the parts may sum to less than the total.
    package var partial: Bool
    package var areas: [Insatsomrade]
}

/// An insatsområde: money for one purpose, tied to the direction shifts and indicators it should move.
package struct Insatsomrade: Hashable, Sendable, Codable {
    /// Unique within its agreement.
    package var id: String
    package var name: String
    /// The region's part ("Summa Region Norrbotten").
    package var amount: Money
    /// For a joint insatsområde: the joint total with the municipalities' part ("Summa gemensamt").
    package var jointAmount: Money?
    /// The direction shift the money is rolled up under.
    package var shift: Int?
    package var otherShifts: [Int]
    /// Indicator ids the money is meant to move.
    package var indicators: [String]
    package var note: String?
    /// Why each indicator is linked (indicator id → one line in Swedish citing the source); nil when no link
    /// gives a reason, so definitions stored before reasons existed read back unchanged.
    package var reasons: [String: String]? = nil

    /// Why `indicator` is linked to this insatsområde, if the agreements file says.
    package func reason(for indicator: String) -> String? { reasons?[indicator] }
}

/// A decided activity (beslutad aktivitet) financed from one insatsområde.
package struct Activity: Hashable, Sendable, Codable {
    package var id: String
    package var name: String
    package var agreement: String
    package var insatsomrade: String
    /// The responsible division.
    package var division: String
    /// The decision date, `YYYY-MM-DD`.
    package var decided: String
    /// Who decided (regiondirektören, regionstyrelsens ordförande, …).
    package var decidedBy: String
    package var amount: Money
    package var shifts: [Int]
    package var note: String?
}

/// Money spent on an activity in one quarter.
package struct ActivityUse: Hashable, Sendable {
    package var activity: String
    package var period: Period
    /// Kronor.
    package var spent: Double
    package var note: String?
}

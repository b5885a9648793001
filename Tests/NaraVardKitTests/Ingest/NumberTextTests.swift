@testable import NaraVardKit
import Testing

@Suite struct NumberTextTests {
    @Test(arguments: [
        ("74,1", 74.1, 1), ("74.1", 74.1, 1), ("79 352", 79352.0, 0), ("79\u{00A0}352", 79352.0, 0),
        ("1 234 567,25", 1234567.25, 2), ("0", 0.0, 0), ("-3,5", -3.5, 1), ("12", 12.0, 0), (" 7,0 ", 7.0, 1),
    ])
    func reads(text: String, value: Double, decimals: Int) throws {
        let number = try NumberText(parsing: text)
        #expect(number.value == value)
        #expect(number.decimals == decimals)
    }

    /// `7 271 97373` is the typesetting error in the committee paper (seeds/README.md): refuse, don't guess.
    @Test(arguments: ["7 271 97373", "1.234,5", "1,234.5", "12a", "1 23", "abc", "1,", ",5", "1e5", "--1"])
    func refusesWhatItWouldHaveToGuess(text: String) {
        #expect(throws: NumberText.ParseError.self) { try NumberText(parsing: text) }
    }

    @Test(arguments: ["", "..", ".", "-", "–", "NA", "na", " .. "])
    func missingMarkers(text: String) {
        #expect(NumberText.isMissingMarker(text))
    }

    @Test func toleranceIsHalfAUnitOfTheLastDecimal() throws {
        #expect(try NumberText(parsing: "74,1").tolerance == 0.05)
        #expect(try NumberText(parsing: "74").tolerance == 0.5)
    }
}

extension NumberTextTests {
    /// The allocation-free path must give exactly the double a correct decimal parser gives.
    @Test func fastPathMatchesTheCorrectlyRoundedParse() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let decimals = Int.random(in: 0...6, using: &generator)
            let integer = Int.random(in: 0...9_999_999, using: &generator)
            let fraction = decimals == 0 ? "" : "." + String((0..<decimals).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            let text = "\(integer)\(fraction)"
            let parsed = try NumberText(parsing: text.replacingOccurrences(of: ".", with: ","))
            #expect(parsed.value == Double(text)!, "\(text)")
            #expect(parsed.decimals == decimals)
        }
    }

    /// What export writes (`Double.plain`) is plain digits that read back as the same double, however small or large.
    @Test(arguments: [1e-5, 1e21, .leastNonzeroMagnitude, 1.7976931348623157e308, -2.5e-7, 123.456, 0.1, 1e15 + 0.5, 9.999999999999999e22])
    func plainTextReadsBackExactly(number: Double) throws {
        let text = number.plain
        #expect(!text.contains("e"), "\(text)")
        #expect(try NumberText(parsing: text).value == number, "\(text)")
        #expect(try NumberText(parsing: text.replacingOccurrences(of: ".", with: ",")).value == number)
    }
}

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

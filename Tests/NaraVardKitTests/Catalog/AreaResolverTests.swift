@testable import NaraVardKit
import Testing

/// Areas as sources write them: ids, codes, names, official names; near misses get a suggestion, never a guess.
@Suite struct AreaResolverTests {
    static let resolver: AreaResolver = {
        let catalog = try! Catalog.bundled()
        return AreaResolver(catalog.geography.versions)
    }()

    @Test(arguments: [
        ("Haparanda stad", "2583"), ("Luleå kommun", "2580"), ("Bodens kommun", "2582"), ("Älvsbyns kommun", "2560"),
        ("Region Norrbotten", "25"), ("0025", "25"), ("luleå", "2580"), ("Kiruna kommun", "2584"),
    ])
    func officialNamesResolve(text: String, id: String) {
        #expect(Self.resolver.resolve(text) == id)
    }

    @Test(arguments: [("Haparnda", "Haparanda"), ("Lulea", "Luleå"), ("Kirna", "Kiruna"), ("Gälivare", "Gällivare")])
    func nearMissesAreSuggested(text: String, name: String) {
        #expect(Self.resolver.resolve(text) == nil, "a near miss is never taken as the area")
        #expect(Self.resolver.suggestion(for: text) == name)
    }

    @Test(arguments: ["Stockholm", "Umeå", "xx", "0180"])
    func farOffNamesGetNoSuggestion(text: String) {
        #expect(Self.resolver.suggestion(for: text) == nil)
    }
}

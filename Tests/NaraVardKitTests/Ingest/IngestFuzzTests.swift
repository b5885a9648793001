import Foundation
@testable import NaraVardKit
import TestSupport
import Testing

/// A short fuzz run: mangled copies of a valid file never crash the importer; each is either refused whole
/// (nothing written) or imported, and importing the same bytes again then changes nothing.
@Suite(.tags(.slow), .slow) struct IngestFuzzTests {
    static let valid = Array("""
        Indikator;Kommun;Period;Kön;Täljare;Nämnare;Värde;Anmärkning
        PV01;Luleå;2024 kv1;T;23 527;79 034;29,8;"citat ""med"" ; semikolon"
        PV01;2582;2024K2;K;100;1000;10,0;
        OV06;Boden;2024Q1;T;12;;12;
        HF04;Kiruna;2023;T;..;..;..;ej levererat

        """.utf8)


    static func mangle(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var generator = SplitMix(seed: seed)
        var out = bytes
        let interesting: [UInt8] = Array(";,\t\"\r\n.-–0123456789 KQ".utf8) + [0x00, 0xC4, 0xE5, 0xF6, 0xFF, 0xEF, 0xBB, 0xBF]
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            guard !out.isEmpty else { break }
            let position = Int.random(in: 0..<out.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: out[position] = interesting.randomElement(using: &generator)!
            case 1: out.insert(interesting.randomElement(using: &generator)!, at: position)
            case 2: out.remove(at: position)
            default: out = Array(out.prefix(position))
            }
        }
        return out
    }

    @Test(arguments: 0..<120)
    func mangledFilesAreRefusedOrImportedWhole(seed: Int) throws {
        let fixture = try StoreFixture()
        let before = try fixture.writtenRows()
        let url = try fixture.file("fuzz.csv", Self.mangle(Self.valid, seed: UInt64(seed)))
        let result = try fixture.ingest(url)
        if result.refused {
            #expect(try fixture.writtenRows() == before, "seed \(seed): a refused import wrote something")
            #expect(!result.diagnostics.isEmpty, "seed \(seed): refused without a reason")
            #expect(result.diagnostics.allSatisfy { $0.file == url.relativePath && $0.line >= 1 })
        } else {
            let again = try fixture.ingest(url)
            #expect(again.summary.imported == 0 && again.summary.updated == 0, "seed \(seed): not idempotent")
            #expect(again.summary.unchanged == result.summary.imported, "seed \(seed)")
        }
    }
}

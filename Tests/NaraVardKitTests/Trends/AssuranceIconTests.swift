import Testing

@testable import NaraVardKit

/// NHSRplotthedots `test-ptd_calculate_assurance_type.R`: target 4 against limits (1, 3), (5, 7), (1, 5).
@Suite("Making Data Count assurance icon")
struct AssuranceIconTests {
    static func limits(_ lcl: Double, _ ucl: Double) -> ControlLimits {
        ControlLimits(centre: (lcl + ucl) / 2, lcl: lcl, ucl: ucl, nearLCL: lcl, nearUCL: ucl, averageMovingRange: 1)
    }

    @Test("NHSRplotthedots cases", arguments: [
        (1.0, 3.0, Better.higher, AssuranceIcon.consistentFail),
        (5, 7, .higher, .consistentPass),
        (1, 5, .higher, .inconsistent),
        (1, 3, .lower, .consistentPass),
        (5, 7, .lower, .consistentFail),
        (1, 5, .lower, .inconsistent),
    ])
    func nhsrCases(_ lcl: Double, _ ucl: Double, _ better: Better, _ expected: AssuranceIcon) {
        #expect(AssuranceIcon(target: 4, limits: Self.limits(lcl, ucl), better: better) == expected)
    }

    @Test("no assurance for a neutral indicator")
    func neutral() {
        #expect(AssuranceIcon(target: 4, limits: Self.limits(1, 3), better: .neutral) == nil)
    }

    /// Spec §6: strict comparisons (NHSRplotthedots), so a target exactly on a limit is "inconsistent".
    @Test("a target on a limit is inconsistent", arguments: [Better.higher, .lower])
    func targetOnLimit(_ better: Better) {
        #expect(AssuranceIcon(target: 3, limits: Self.limits(1, 3), better: better) == .inconsistent)
        #expect(AssuranceIcon(target: 1, limits: Self.limits(1, 3), better: better) == .inconsistent)
    }
}

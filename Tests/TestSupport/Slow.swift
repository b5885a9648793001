import Foundation
import Testing

extension Tag {
    /// Tests that take many seconds each (fuzz cases that each build a store, concurrency and determinism runs):
    /// `NARAVARD_QUICK=1 swift test` leaves them out; `scripts/test` (CI) runs them.
    @Tag public static var slow: Self
}

extension Trait where Self == ConditionTrait {
    /// Skipped when `NARAVARD_QUICK` is set: the quick run of `swift test` while working.
    public static var slow: Self {
        .enabled(if: ProcessInfo.processInfo.environment["NARAVARD_QUICK"] == nil, "a slow test: NARAVARD_QUICK is set")
    }
}

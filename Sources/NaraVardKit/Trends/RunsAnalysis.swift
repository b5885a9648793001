import Foundation

/// Anhøj runs analysis of a run chart (qicharts2 `runs.analysis`, method "anhoej").
package struct RunsAnalysis: Sendable, Equatable {
    /// The centre line the points are compared with (the median of the observed values by default).
    package var centre: Double
    /// Observed points not on the centre line.
    package var usefulCount: Int
    /// Length of the longest run of useful points on one side of the centre.
    package var longestRun: Int
    /// Upper prediction limit for the longest run, round(log2 n) + 3.
    package var longestRunMax: Int
    /// Number of times consecutive useful points change side.
    package var crossings: Int
    /// Lower prediction limit for crossings, qbinom(0.05, n − 1, 0.5).
    package var crossingsMin: Int

    /// Useful points below which the rules are not reported (qicharts2 tabulates from 10).
    package static let minimumUsefulPoints = 10

    /// An unusually long run.
    package var longRunSignal: Bool { longestRun > longestRunMax }
    /// Unusually few crossings.
    package var fewCrossingsSignal: Bool { crossings < crossingsMin }
    /// Either Anhøj rule fires (non-random variation; not directional).
    package var signal: Bool { longRunSignal || fewCrossingsSignal }

    /// Runs analysis around `centre` (default: the median of the observed values); `nil` with no useful point.
    package static func analyze(_ values: [Double?], centre: Double? = nil) -> RunsAnalysis? {
        analyze(observed: TrendMath.observations(values).map(\.y), centre: centre)
    }

    /// Runs analysis of the observed values in time order.
    static func analyze(observed y: [Double], centre: Double? = nil) -> RunsAnalysis? {
        guard let centre = centre ?? TrendMath.median(y) else { return nil }
        let sides = y.map { TrendMath.sign($0 - centre) }.filter { $0 != 0 }
        guard let firstSide = sides.first else { return nil }

        var runs = 1
        var current = 1
        var longest = 1
        var previous = firstSide
        for side in sides.dropFirst() {
            if side == previous {
                current += 1
            } else {
                runs += 1
                current = 1
                previous = side
            }
            longest = max(longest, current)
        }
        return RunsAnalysis(
            centre: centre,
            usefulCount: sides.count,
            longestRun: longest,
            longestRunMax: longestRunMax(usefulCount: sides.count),
            crossings: runs - 1,
            crossingsMin: crossingsMin(usefulCount: sides.count)
        )
    }

    /// round(log2 n) + 3 (Schilling 2012), for n ≥ 1.
    ///
    /// log2 n is never k + ½ for an integer n, so the rounding rule is moot.
    package static func longestRunMax(usefulCount n: Int) -> Int {
        precondition(n > 0, "the longest-run limit needs at least one useful point")
        return Int(log2(Double(n)).rounded()) + 3
    }

    /// The smallest c with P(Bin(n − 1, ½) ≤ c) ≥ 0.05, i.e. R's `qbinom(0.05, n − 1, 0.5)`, in exact integers:
    /// the smallest c with 20·Σ_{k≤c} C(m, k) ≥ 2^m, m = n − 1 (0 when m ≤ 0).
    package static func crossingsMin(usefulCount n: Int) -> Int {
        n < crossingsMinTable.count ? crossingsMinTable[max(n, 0)] : exactCrossingsMin(n)
    }

    /// `crossingsMin` for the usual series lengths, computed once.
    private static let crossingsMinTable = (0..<256).map(exactCrossingsMin)

    private static func exactCrossingsMin(_ n: Int) -> Int {
        let m = n - 1
        guard m > 0 else { return 0 }
        let threshold = Natural.powerOfTwo(m)
        var binomial = Natural(1)  // C(m, 0)
        var cumulative = Natural(1)
        var c = 0
        while cumulative.times(20) < threshold {
            binomial = binomial.times(UInt32(m - c)).dividedExactly(by: UInt32(c + 1))  // C(m, c + 1)
            cumulative = cumulative.plus(binomial)
            c += 1
        }
        return c
    }
}

/// A non-negative integer of any size, with just the arithmetic `crossingsMin` needs.
private struct Natural: Comparable {
    /// Base-2^32 digits, least significant first, without leading zero digits.
    private var digits: [UInt32]

    init(_ value: UInt32) {
        digits = value == 0 ? [] : [value]
    }

    private init(digits: [UInt32]) {
        var digits = digits
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
    }

    static func powerOfTwo(_ exponent: Int) -> Natural {
        var digits = [UInt32](repeating: 0, count: exponent / 32 + 1)
        digits[exponent / 32] = 1 << UInt32(exponent % 32)
        return Natural(digits: digits)
    }

    func plus(_ other: Natural) -> Natural {
        var result: [UInt32] = []
        var carry: UInt64 = 0
        for index in 0..<max(digits.count, other.digits.count) {
            let sum = UInt64(digit(index)) + UInt64(other.digit(index)) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        result.append(UInt32(carry))
        return Natural(digits: result)
    }

    func times(_ factor: UInt32) -> Natural {
        var result: [UInt32] = []
        var carry: UInt64 = 0
        for digit in digits {
            let product = UInt64(digit) * UInt64(factor) + carry
            result.append(UInt32(truncatingIfNeeded: product))
            carry = product >> 32
        }
        result.append(UInt32(carry))
        return Natural(digits: result)
    }

    /// Division by a divisor known to divide the value exactly.
    func dividedExactly(by divisor: UInt32) -> Natural {
        var result = [UInt32](repeating: 0, count: digits.count)
        var remainder: UInt64 = 0
        for index in digits.indices.reversed() {
            let current = remainder << 32 | UInt64(digits[index])
            result[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        return Natural(digits: result)
    }

    private func digit(_ index: Int) -> UInt32 {
        index < digits.count ? digits[index] : 0
    }

    static func < (lhs: Natural, rhs: Natural) -> Bool {
        if lhs.digits.count != rhs.digits.count { return lhs.digits.count < rhs.digits.count }
        for index in lhs.digits.indices.reversed() where lhs.digits[index] != rhs.digits[index] {
            return lhs.digits[index] < rhs.digits[index]
        }
        return false
    }
}

/// p- and u-chart limits for counts with varying denominators, optionally with Laney's correction
/// (p′/u′), as qicharts2 `qic.p`, `qic.u`, `qic.pp` and `qic.up`.
package struct AttributeChart: Sendable, Equatable {
    /// Proportions (events out of trials, limits clipped to [0, 1]) or rates (events per exposure, clipped at 0).
    package enum Kind: Sendable, Equatable {
        case proportion, rate
    }

    /// One period's value and limits.
    package struct Point: Sendable, Equatable {
        /// events / denominator.
        package var value: Double
        package var lcl: Double
        package var ucl: Double
        /// 2-sigma limits.
        package var nearLCL: Double
        package var nearUCL: Double

        /// Whether the value lies strictly outside the 3-sigma limits.
        package var isOutside: Bool { value > ucl || value < lcl }
    }

    package var kind: Kind
    /// Σ events / Σ denominators over the complete rows.
    package var centre: Double
    /// One per period; `nil` where the events or the denominator is missing or the denominator ≤ 0.
    package var points: [Point?]

    /// Limits per period.
    /// - Parameters:
    ///   - events: numerators, one per period.
    ///   - denominators: trials (proportion) or exposure (rate), same count as `events`.
    ///   - laney: multiply the sigma by Laney's σ_z, the screened average moving range of the z-scores / 1.128.
    ///   - screening: drop z moving ranges not strictly below 3.267 times their mean (qicharts2 default).
    /// - Returns: `nil` without a complete row, or for Laney without two adjacent complete rows.
    package static func limits(
        _ kind: Kind, events: [Double?], denominators: [Double?], laney: Bool = false, screening: Bool = true
    ) -> AttributeChart? {
        precondition(events.count == denominators.count, "one denominator per period")
        let rows: [(x: Double, n: Double)?] = zip(events, denominators).map { x, n in
            guard let x, let n, x.isFinite, n.isFinite, n > 0 else { return nil }
            return (x, n)
        }
        let complete = rows.compactMap { $0 }
        let totalSize = complete.reduce(0) { $0 + $1.n }
        guard totalSize > 0 else { return nil }
        let centre = complete.reduce(0) { $0 + $1.x } / totalSize
        let spread = kind == .proportion ? centre * (1 - centre) : centre
        let sigma: (Double) -> Double = { n in (spread / n).squareRoot() }

        var sigmaZ = 1.0
        if laney, spread > 0 {
            let z: [Double?] = rows.map { row in row.map { ($0.x / $0.n - centre) / sigma($0.n) } }
            var ranges: [Double] = []
            for (previous, current) in zip(z, z.dropFirst()) {
                if let previous, let current { ranges.append(abs(current - previous)) }
            }
            guard var amr = TrendMath.mean(ranges) else { return nil }
            if screening, amr > 0 {
                let cutoff = ControlLimits.screeningFactor * amr
                amr = TrendMath.mean(ranges.filter { $0 < cutoff }) ?? amr
            }
            sigmaZ = amr / 1.128
        }

        let upperBound = kind == .proportion ? 1.0 : .infinity
        let points: [Point?] = rows.map { row in
            row.map { x, n in
                let sd = sigma(n) * sigmaZ
                return Point(
                    value: x / n,
                    lcl: max(0, centre - 3 * sd),
                    ucl: min(upperBound, centre + 3 * sd),
                    nearLCL: max(0, centre - 2 * sd),
                    nearUCL: min(upperBound, centre + 2 * sd)
                )
            }
        }
        return AttributeChart(kind: kind, centre: centre, points: points)
    }
}

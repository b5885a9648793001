/// Individuals (xmR) chart limits from the average moving range.
public struct ControlLimits: Sendable, Equatable {
    /// Mean of the observed values.
    public var centre: Double
    /// Lower process limit, centre − F·amr.
    public var lcl: Double
    /// Upper process limit, centre + F·amr.
    public var ucl: Double
    /// Lower "near" (2-sigma) limit, centre − (2/3)·F·amr.
    public var nearLCL: Double
    /// Upper "near" (2-sigma) limit, centre + (2/3)·F·amr.
    public var nearUCL: Double
    /// Average moving range after screening.
    public var averageMovingRange: Double

    /// F of Making Data Count and NHSRplotthedots.
    package static let mdcFactor = 2.66
    /// F of qicharts2, 3/d2 with d2 = 1.128.
    package static let qichartsFactor = 3 / 1.128
    /// Nelson's (1982) screening limit for moving ranges, as a multiple of their mean.
    package static let screeningFactor = 3.267

    /// |y_t − y_{t−1}| for every pair of adjacent periods that are both observed (gap-spanning pairs skipped).
    package static func movingRanges(_ values: [Double?]) -> [Double] {
        movingRanges(TrendMath.observations(values))
    }

    static func movingRanges(_ points: [TrendMath.Observation]) -> [Double] {
        zip(points, points.dropFirst()).compactMap { previous, current in
            current.t == previous.t + 1 ? abs(current.y - previous.y) : nil
        }
    }

    /// xmR limits; `nil` when no two adjacent periods are observed.
    ///
    /// With `screening`, moving ranges not strictly below 3.267·amr are dropped and amr recomputed.
    /// A flat series keeps amr = 0 (limits equal to the centre) where the anchors give NaN.
    package static func xmR(_ values: [Double?], factor: Double = mdcFactor, screening: Bool = true) -> ControlLimits? {
        xmR(TrendMath.observations(values), factor: factor, screening: screening)
    }

    /// xmR limits of the observed points in time order.
    static func xmR(_ points: [TrendMath.Observation], factor: Double = mdcFactor, screening: Bool = true) -> ControlLimits? {
        let ranges = movingRanges(points)
        guard var amr = TrendMath.mean(ranges),
              let centre = TrendMath.mean(points.map(\.y))
        else { return nil }
        if screening, amr > 0 {
            let cutoff = screeningFactor * amr
            amr = TrendMath.mean(ranges.filter { $0 < cutoff }) ?? amr
        }
        return ControlLimits(
            centre: centre,
            lcl: centre - factor * amr,
            ucl: centre + factor * amr,
            nearLCL: centre - 2 * (factor / 3) * amr,
            nearUCL: centre + 2 * (factor / 3) * amr,
            averageMovingRange: amr
        )
    }

    /// Whether a value lies strictly outside the process limits.
    package func isOutside(_ y: Double) -> Bool {
        y > ucl || y < lcl
    }

    /// Whether a value lies strictly beyond a near limit but not outside the process limits.
    package func isClose(_ y: Double) -> Bool {
        !isOutside(y) && (y > nearUCL || y < nearLCL)
    }
}

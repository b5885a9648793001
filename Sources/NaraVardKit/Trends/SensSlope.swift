/// Sen's slope (Theil–Sen estimator) over the real time index, and the Conover intercept
/// (as `pymannkendall.sens_slope`, which keeps missing periods and so their spacing).
package struct SensSlope: Sendable, Equatable {
    /// Median of the pairwise slopes (y_j − y_i)/(t_j − t_i), per period.
    package var slope: Double
    /// median(observed y) − median(observed t) · slope, with t = 0 at the first array position.
    package var intercept: Double

    /// Estimates the slope from all pairs of observed values; `nil` below 2 observed values.
    package static func estimate(_ values: [Double?]) -> SensSlope? {
        let points = TrendMath.observations(values)
        guard let slope = slope(points),
              let medianY = TrendMath.median(points.map(\.y)),
              let medianT = TrendMath.median(points.map { Double($0.t) })
        else { return nil }
        return SensSlope(slope: slope, intercept: medianY - medianT * slope)
    }

    /// The median of the pairwise slopes of observed points in time order; `nil` below 2 points.
    static func slope(_ points: [TrendMath.Observation]) -> Double? {
        guard points.count >= 2 else { return nil }
        var slopes = [Double](unsafeUninitializedCapacity: points.count * (points.count - 1) / 2) { slopes, count in
            points.withUnsafeBufferPointer { points in
                for i in points.indices {
                    for j in (i + 1)..<points.count {
                        slopes[count] = (points[j].y - points[i].y) / Double(points[j].t - points[i].t)
                        count += 1
                    }
                }
            }
        }
        return TrendMath.median(inPlace: &slopes)
    }
}

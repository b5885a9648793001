/// Changes between periods of one series.
public enum PeriodChange {
    /// The latest value against the value one year (`periodsPerYear` positions) earlier.
    ///
    /// `nil` when either value is missing; `percent` is `change / |earlier| · 100`, `nil` when the earlier value is 0.
    public static func yearOnYear(_ values: [Double?], periodsPerYear: Int) -> (change: Double, percent: Double?)? {
        guard periodsPerYear > 0, values.count > periodsPerYear,
              let latest = values[values.count - 1], latest.isFinite,
              let earlier = values[values.count - 1 - periodsPerYear], earlier.isFinite
        else { return nil }
        let change = latest - earlier
        return (change, earlier == 0 ? nil : change / abs(earlier) * 100)
    }
}

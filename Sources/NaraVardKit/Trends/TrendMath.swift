/// Small numeric helpers shared by the trend methods.
enum TrendMath {
    /// One observed (non-missing, finite) value and its position in the series.
    struct Observation: Equatable {
        var t: Int
        var y: Double
    }

    /// The observed values in time order with their time index; `nil` and non-finite values are missing.
    static func observations(_ values: [Double?]) -> [Observation] {
        values.enumerated().compactMap { t, value in
            guard let value, value.isFinite else { return nil }
            return Observation(t: t, y: value)
        }
    }

    /// Arithmetic mean with one correction pass (as R's `mean`), so a constant list returns that constant.
    static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let count = Double(values.count)
        let first = values.reduce(0, +) / count
        return first + values.reduce(0) { $0 + ($1 - first) } / count
    }

    /// Median; an even count gives the mean of the two middle values.
    ///
    /// Selects the middle value in place (Hoare's quickselect, linear on average) instead of sorting,
    /// since Sen's slope takes the median of n(n−1)/2 slopes for every series.
    static func median(_ values: [Double]) -> Double? {
        var values = values
        return median(inPlace: &values)
    }

    /// The median of `values`, reordering them instead of copying them first.
    static func median(inPlace values: inout [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        select(middle, in: &values)
        guard values.count.isMultiple(of: 2) else { return values[middle] }
        // After selection everything before `middle` is ≤ values[middle]; the lower middle is their maximum.
        return (values[..<middle].max()! + values[middle]) / 2
    }

    /// Reorders `values` so that `values[k]` is the k-th smallest, with no larger value before it
    /// and no smaller value after it.
    ///
    /// Lomuto partitions around a median-of-three pivot, written without data-dependent branches (slopes
    /// fall on either side of the pivot at random, which a branching partition mispredicts half the
    /// time). A round that puts nothing below the pivot (many equal values) sorts the rest instead.
    private static func select(_ k: Int, in values: inout [Double]) {
        values.withUnsafeMutableBufferPointer { buffer in
            var low = 0
            var high = buffer.count - 1
            while low < high {
                let middle = low + (high - low) / 2
                if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
                if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
                if buffer[middle] < buffer[high] { buffer.swapAt(middle, high) }
                let pivot = buffer[high]  // the median of the three
                var store = low
                for index in low..<high {
                    let value = buffer[index]
                    buffer[index] = buffer[store]
                    buffer[store] = value
                    store += value < pivot ? 1 : 0
                }
                buffer.swapAt(store, high)
                if store == k { return }
                if store == low {
                    buffer[low...high].sort()
                    return
                }
                if k < store { high = store - 1 } else { low = store + 1 }
            }
        }
    }

    /// −1, 0 or +1.
    static func sign(_ x: Double) -> Int {
        x > 0 ? 1 : (x < 0 ? -1 : 0)
    }
}

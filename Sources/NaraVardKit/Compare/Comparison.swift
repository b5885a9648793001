/// What a comparison with the benchmark says (comparisons.md §3).
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// Beyond the interval, the better way.
    case better
    /// The benchmark lies inside the interval: chance explains the difference (*likvärdig*).
    case similar
    /// Beyond the interval, the wrong way.
    case worse
    /// Beyond the interval, above the benchmark, for an indicator without a better direction.
    case higher
    /// Beyond the interval, below the benchmark, for an indicator without a better direction.
    case lower
    case notCompared = "not_compared"
}

/// Why a value is not compared.
public enum NotComparedReason: String, Sendable, Codable, CaseIterable {
    /// A value given without counts (or no value at all).
    case noCounts = "no_counts"
    /// Days, index and kronor have no interval.
    case unitNotCompared = "unit_not_compared"
    case zeroDenominator = "zero_denominator"
    /// The area is the benchmark.
    case isBenchmark = "is_benchmark"
    /// The benchmark has no value for the same indicator, period and gender.
    case benchmarkMissing = "benchmark_missing"
    /// A count indicator whose area has no population in the geography.
    case noPopulation = "no_population"
}

/// The value a comparison is about, with its intervals: the value itself, or per 1 000 invånare for a count.
public struct ComparedValue: Hashable, Sendable {
    /// The value compared; nil when there is nothing to compare.
    public var value: Double?
    /// The population a count is divided by (count indicators only).
    public var population: Int?
    public var ci95: ConfidenceInterval?
    public var ci998: ConfidenceInterval?
    public var method: ConfidenceInterval.Method
    /// Why there is no interval (nil when there is one).
    public var reason: NotComparedReason?

    /// Counts are compared per 1 000 inhabitants.
    package static let countFactor = 1_000.0

    /// The compared value and intervals of one value of an indicator in the given unit.
    ///
    /// - Parameters:
    ///   - value: the value as `values` shows it (stored or aggregated); a suppressed value has no number and
    ///     so gets no interval.
    ///   - population: the area's population in the period (used for count indicators only).
    package init(_ value: AreaValue, unit: IndicatorUnit, population: Int?) {
        self.population = unit == .count ? population : nil
        method = .none
        switch unit {
        case .days, .index, .sek:
            self.value = value.value
            reason = .unitNotCompared
        case .count:
            let observed = value.value == nil ? nil : value.numerator ?? value.value
            guard let observed else { reason = .noCounts; return }
            guard let population, population > 0 else { reason = .noPopulation; return }
            self.value = Self.countFactor * observed / Double(population)
            setPoisson(observed, over: Double(population), factor: Self.countFactor)
        case .percent, .per1000, .per10000, .per100000:
            self.value = value.value
            guard let observed = value.numerator, let n = value.denominator, value.status != .suppressed else {
                reason = .noCounts
                return
            }
            guard n > 0 else { reason = .zeroDenominator; return }
            if unit == .percent {
                ci95 = .wilson(observed, of: n, level: .ci95)
                ci998 = .wilson(observed, of: n, level: .ci998)
                method = .wilson
            } else {
                setPoisson(observed, over: n, factor: unit.factor)
            }
        }
    }

    private mutating func setPoisson(_ observed: Double, over n: Double, factor: Double) {
        ci95 = .poisson(observed, over: n, factor: factor, level: .ci95)
        ci998 = .poisson(observed, over: n, factor: factor, level: .ci998)
        method = ConfidenceInterval.poissonLimits(observed, level: .ci95).method
    }
}

/// One value compared with its benchmark: the row of `naravard compare` and the colour of a report cell.
public struct Comparison: Sendable {
    public var value: AreaValue
    public var compared: ComparedValue
    /// The benchmark area id.
    public var benchmark: String
    /// The benchmark's compared value for the same indicator, period and gender (nil when it has none).
    public var benchmarkValue: Double?
    public var verdict: Verdict
    public var verdict998: Verdict
    public var reason: NotComparedReason?
    /// The classification of the value's series (nil when there is none).
    public var trend: TrendClass?

    /// Worse than the benchmark and worsening over time (comparisons.md §4).
    public var attention: Bool { verdict == .worse && trend == .worsening }

    /// Compares a value with the benchmark's compared value.
    ///
    /// ```swift
    /// let verdict = Comparison(value, compared: ComparedValue(value, unit: .percent, population: nil),
    ///                          benchmark: "25", benchmarkValue: 34.1, better: .higher, trend: .worsening)
    /// ```
    package init(
        _ value: AreaValue, compared: ComparedValue, benchmark: String, benchmarkValue: Double?, better: Better,
        trend: TrendClass?
    ) {
        self.value = value
        self.compared = compared
        self.benchmark = benchmark
        self.benchmarkValue = benchmarkValue
        self.trend = trend
        let reason: NotComparedReason? = if compared.reason == .unitNotCompared {
            .unitNotCompared
        } else if value.area == benchmark {
            .isBenchmark
        } else if let own = compared.reason {
            own
        } else if benchmarkValue == nil {
            .benchmarkMissing
        } else {
            nil
        }
        self.reason = reason
        guard reason == nil, let benchmarkValue else {
            verdict = .notCompared
            verdict998 = .notCompared
            return
        }
        verdict = Self.verdict(compared.ci95, benchmarkValue, better)
        verdict998 = Self.verdict(compared.ci998, benchmarkValue, better)
    }

    /// `similar` when the benchmark lies in the interval, else better or worse by the indicator's direction
    /// (higher or lower when it has none).
    package static func verdict(_ interval: ConfidenceInterval?, _ benchmark: Double, _ better: Better) -> Verdict {
        guard let interval else { return .notCompared }
        if interval.contains(benchmark) { return .similar }
        let above = interval.low > benchmark
        switch better {
        case .higher: return above ? .better : .worse
        case .lower: return above ? .worse : .better
        case .neutral: return above ? .higher : .lower
        }
    }
}

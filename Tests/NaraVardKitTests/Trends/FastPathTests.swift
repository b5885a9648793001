import Testing
import TestSupport

@testable import NaraVardKit

/// The engine's fast Mann–Kendall and Sen (one branch-free pass for S and the ties, slopes selected in place)
/// against the textbook computation on seeded random series with ties, gaps, ±0 and non-finite values:
/// every figure must be the same to the last bit (but for the sign of a zero median: −0 and 0 are equal
/// slopes, and which of them sorting or selection puts in the middle is the method's own choice).
@Suite("Trend fast path against the definitions")
struct FastPathTests {
    /// S = Σ sign(y_j − y_i) over i < j.
    static func referenceS(_ y: [Double]) -> Int {
        var s = 0
        for i in y.indices {
            for j in y.indices where j > i {
                if y[j] > y[i] { s += 1 } else if y[j] < y[i] { s -= 1 }
            }
        }
        return s
    }

    /// var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, the tied groups counted by sorting.
    static func referenceVariance(_ y: [Double]) -> Double {
        func term(_ t: Int) -> Int { t * (t - 1) * (2 * t + 5) }
        let sorted = y.sorted()
        var ties = 0, start = 0
        for index in sorted.indices.dropFirst() where sorted[index] != sorted[start] {
            ties += term(index - start)
            start = index
        }
        ties += term(sorted.count - start)
        return Double(term(y.count) - ties) / 18
    }

    /// The median of every pairwise slope over the time index, by sorting them all.
    static func referenceSen(_ points: [(t: Int, y: Double)]) -> Double {
        var slopes: [Double] = []
        for i in points.indices {
            for j in points.indices where j > i {
                slopes.append((points[j].y - points[i].y) / Double(points[j].t - points[i].t))
            }
        }
        slopes.sort()
        let middle = slopes.count / 2
        return slopes.count.isMultiple(of: 2) ? (slopes[middle - 1] + slopes[middle]) / 2 : slopes[middle]
    }

    /// A series of `count` periods: values on a coarse grid (many ties), −0 beside 0, about one gap in six,
    /// now and then a NaN or an infinity (missing to the engine).
    static func randomSeries(_ count: Int, _ random: inout SplitMix) -> [Double?] {
        (0..<count).map { _ in
            switch random.next() % 48 {
            case 0..<8: return nil
            case 8: return .nan
            case 9: return -.infinity
            case 10: return -0.0
            case 11: return 0.0
            default: return Double(Int(random.next() % 17) - 6) / 4
            }
        }
    }

    static func observed(_ values: [Double?]) -> [(t: Int, y: Double)] {
        values.indices.compactMap { t in values[t].flatMap { $0.isFinite ? (t, $0) : nil } }
    }

    @Test("S, var(S), z, p, tau and Sen's slope equal the definitions")
    func plainTest() throws {
        var random = SplitMix(seed: 14)
        var tested = 0
        for round in 0..<3000 {
            let values = Self.randomSeries(Int(random.next() % 61), &random)
            let points = Self.observed(values)
            let y = points.map(\.y)
            guard y.count >= 2 else {
                #expect(MannKendall.test(values) == nil && SensSlope.estimate(values) == nil)
                continue
            }
            let expected = MannKendall(s: Self.referenceS(y), varS: Self.referenceVariance(y), pairs: y.count * (y.count - 1) / 2)
            #expect(MannKendall.test(values) == expected, "round \(round): \(values)")
            let sen = Self.referenceSen(points)
            #expect(try #require(SensSlope.estimate(values)).slope == sen, "round \(round)")
            let result = TrendEngine.analyze(values, better: .higher)
            #expect(result.n == y.count)
            if y.count >= TrendEngine.minimumPoints {
                #expect(result.mannKendall == expected)
                #expect(result.senSlope == sen)
                tested += 1
            }
        }
        #expect(tested > 2000)
    }

    @Test("the seasonal test sums the seasons' definitions")
    func seasonalTest() throws {
        var random = SplitMix(seed: 15)
        var tested = 0
        for _ in 0..<1000 {
            let values = Self.randomSeries(12 + Int(random.next() % 37), &random)
            let seasons = Seasons(period: 4, first: Int(random.next() % 4))
            var bySeason = [[(t: Int, y: Double)]](repeating: [], count: 4)
            for point in Self.observed(values) {
                let position = seasons.first + point.t
                bySeason[position % 4].append((position / 4, point.y))
            }
            guard let result = SeasonalKendall.test(values, seasons: seasons) else {
                #expect(bySeason.contains { $0.count < SeasonalKendall.minimumPerSeason })
                continue
            }
            let ys = bySeason.map { $0.map(\.y) }
            let expected = MannKendall(
                s: ys.map(Self.referenceS).reduce(0, +), varS: ys.map(Self.referenceVariance).reduce(0, +),
                pairs: ys.map { $0.count * ($0.count - 1) / 2 }.reduce(0, +))
            #expect(result.test == expected)
            var slopes: [Double] = []
            for season in bySeason {
                for i in season.indices {
                    for j in season.indices where j > i {
                        slopes.append((season[j].y - season[i].y) / Double(season[j].t - season[i].t))
                    }
                }
            }
            slopes.sort()
            let middle = slopes.count / 2
            let median = slopes.count.isMultiple(of: 2) ? (slopes[middle - 1] + slopes[middle]) / 2 : slopes[middle]
            #expect(result.senSlope == median / 4)
            tested += 1
        }
        #expect(tested > 100)
    }

    /// A series that drifts (up, down or not) with noise on a coarse grid, so that trends, shifts and
    /// 2-of-3 runs occur, with gaps and ties.
    static func driftingSeries(_ count: Int, _ random: inout SplitMix) -> [Double?] {
        let drift = Double(Int(random.next() % 5) - 2) / 4
        return (0..<count).map { t in
            random.next() % 7 == 0 ? nil : drift * Double(t) + Double(Int(random.next() % 9) - 4) / 4
        }
    }

    @Test("the latest point's label equals the last of all the points' labels")
    func lastLabel() {
        var random = SplitMix(seed: 17)
        var seen = Set<SpecialCauseType>()
        for round in 0..<2000 {
            let values = round.isMultiple(of: 2)
                ? Self.driftingSeries(13 + Int(random.next() % 48), &random)
                : Self.randomSeries(13 + Int(random.next() % 48), &random)
            guard let limits = ControlLimits.xmR(values) else { continue }
            let y = Self.observed(values).map(\.y)
            // Every prefix of the series as a series of its own, against the labels of all its points.
            for end in y.indices {
                let prefix = Array(y[...end])
                let expected = SpecialCause.types(observed: prefix, limits: limits).last
                #expect(SpecialCause.lastType(prefix, limits: limits) == expected, "round \(round), point \(end)")
                expected.map { _ = seen.insert($0) }
            }
        }
        // Every rule fired somewhere, so each branch was compared.
        #expect(seen.count == 9, "\(seen)")
    }

    /// The engine hands each method the observed values once; each must say what it says on the whole series.
    @Test("the engine's SPC results equal the methods' on the series, and its class the one `classify` gives")
    func engineMatchesMethods() {
        var random = SplitMix(seed: 16)
        for round in 0..<2000 {
            let values = round.isMultiple(of: 2)
                ? Self.driftingSeries(Int(random.next() % 61), &random)
                : Self.randomSeries(Int(random.next() % 61), &random)
            let result = TrendEngine.analyze(values, better: .lower, target: 0.5)
            #expect(TrendEngine.classify(values, better: .lower) == result.classification)
            let seasons = Seasons(period: 4, first: round % 4)
            #expect(TrendEngine.classify(values, better: .neutral, seasons: seasons)
                == TrendEngine.analyze(values, better: .neutral, seasons: seasons).classification)
            let limits = result.n >= SpecialCause.minimumPoints ? ControlLimits.xmR(values) : nil
            #expect(result.limits == limits)
            #expect(result.variation == limits.flatMap { SpecialCause.types(values, limits: $0).last.map { VariationIcon($0, better: .lower) } })
            let runs = RunsAnalysis.analyze(values)
            #expect(result.runsSignal == runs.flatMap { $0.usefulCount >= RunsAnalysis.minimumUsefulPoints ? $0.signal : nil })
        }
    }
}

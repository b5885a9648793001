import Testing

@testable import NaraVardKit

@Suite("Anhøj runs analysis")
struct RunsAnalysisTests {
    /// The table of spec §5 (n_useful: longest_run_max / crossings_min).
    @Test("critical values: spec §5 table",
          arguments: [(10, 6, 2), (12, 7, 3), (14, 7, 4), (16, 7, 4), (18, 7, 5), (20, 7, 6), (24, 8, 8), (30, 8, 10),
                      (40, 8, 14)])
    func specTable(_ n: Int, _ longestRunMax: Int, _ crossingsMin: Int) {
        #expect(RunsAnalysis.longestRunMax(usefulCount: n) == longestRunMax)
        #expect(RunsAnalysis.crossingsMin(usefulCount: n) == crossingsMin)
    }

    /// R's round(log2(n)) + 3 and qbinom(0.05, n − 1, 0.5) for n = 1…200 (exact binomial sums, checked against
    /// scipy binom.ppf, in the reference script).
    @Test("critical values: n = 1…200 as R", arguments: 1...200)
    func referenceTable(_ n: Int) {
        #expect(RunsAnalysis.longestRunMax(usefulCount: n) == ReferenceVectors.longestRunMax[n - 1])
        #expect(RunsAnalysis.crossingsMin(usefulCount: n) == ReferenceVectors.crossingsMin[n - 1])
    }

    /// Long series beyond the precomputed range (exact sums in the reference script, checked against scipy).
    @Test("critical values: long series",
          arguments: ReferenceVectors.crossingsMinLarge.sorted { $0.key < $1.key })
    func longSeries(_ n: Int, _ crossingsMin: Int) {
        #expect(RunsAnalysis.crossingsMin(usefulCount: n) == crossingsMin)
    }

    /// Hand computation: 1…12, median 6.5: six points below then six above, one crossing.
    /// longest run 6 ≤ 7 = round(log2 12) + 3; crossings 1 < 3 = qbinom(0.05, 11, 0.5).
    @Test("few crossings")
    func fewCrossings() throws {
        let runs = try #require(RunsAnalysis.analyze((1...12).map(Double.init)))
        #expect(runs.centre == 6.5)
        #expect(runs.usefulCount == 12 && runs.longestRun == 6 && runs.crossings == 1)
        #expect(!runs.longRunSignal && runs.fewCrossingsSignal && runs.signal)
    }

    /// Hand computation: below = 1…10, above = 11…20, median 10.5; sides − − − + − − − + − − (+ × 8) − −:
    /// 7 runs, 6 crossings ≥ 6 = qbinom(0.05, 19, 0.5); longest run 8 > 7 = round(log2 20) + 3.
    @Test("long run")
    func longRun() throws {
        let values: [Double?] = [1, 2, 3, 11, 4, 5, 6, 12, 7, 8, 13, 14, 15, 16, 17, 18, 19, 20, 9, 10]
        let runs = try #require(RunsAnalysis.analyze(values))
        #expect(runs.centre == 10.5)
        #expect(runs.usefulCount == 20 && runs.longestRun == 8 && runs.crossings == 6)
        #expect(runs.longRunSignal && !runs.fewCrossingsSignal && runs.signal)
    }

    /// Hand computation: 11 values with median 6; the 6 is dropped (10 useful) and the rest alternate sides:
    /// 10 runs of 1, 9 crossings ≥ 2, longest 1 ≤ 6: no signal.
    @Test("points on the median neither break nor add to a run")
    func pointsOnMedianDropped() throws {
        let runs = try #require(RunsAnalysis.analyze([3, 9, 6, 1, 11, 4, 8, 2, 10, 5, 7]))
        #expect(runs.centre == 6)
        #expect(runs.usefulCount == 10 && runs.longestRun == 1 && runs.crossings == 9)
        #expect(!runs.signal)
    }

    /// Hand computation: [1, 1, 5, 1, 1, 5] has median 1, so only the two 5s are useful: one run of 2.
    @Test("ties at the median are dropped")
    func tiesAtMedian() throws {
        let runs = try #require(RunsAnalysis.analyze([1, 1, 5, 1, 1, 5]))
        #expect(runs.usefulCount == 2 && runs.longestRun == 2 && runs.crossings == 0)
    }

    /// Spec §5: with a median centre and no ties at it, the rules cannot signal for n ≤ 9.
    /// Hand computation for 1…9: median 5 dropped, 4 below then 4 above: longest 4 ≤ 6, crossings 1 ≥ 1.
    @Test("a monotone series of 9 cannot signal")
    func nineCannotSignal() throws {
        let runs = try #require(RunsAnalysis.analyze((1...9).map(Double.init)))
        #expect(runs.usefulCount == 8 && runs.longestRun == 4)
        #expect(runs.crossings == 1 && runs.crossingsMin == 1)
        #expect(!runs.signal)
    }

    /// Hand computation: sides against a given centre 0 are + − + − + − + − then + × 8: 9 runs, 8 crossings ≥ 4,
    /// longest run 8 > 7 (n = 16).
    @Test("explicit centre line (control-chart variant)")
    func explicitCentre() throws {
        let values: [Double?] = [1, -1, 1, -1, 1, -1, 1, -1] + Array(repeating: 1, count: 8)
        let runs = try #require(RunsAnalysis.analyze(values, centre: 0))
        #expect(runs.usefulCount == 16 && runs.longestRun == 8 && runs.crossings == 8)
        #expect(runs.longRunSignal && !runs.fewCrossingsSignal)
    }

    /// Missing periods are skipped: the long-run example with gaps inserted gives the same statistics.
    @Test("missing periods are skipped")
    func gapsSkipped() throws {
        let values: [Double?] = [
            nil, 1, 2, 3, 11, nil, 4, 5, 6, 12, 7, 8, 13, 14, nil, nil, 15, 16, 17, 18, 19, 20, 9, 10,
        ]
        let runs = try #require(RunsAnalysis.analyze(values))
        #expect(runs.usefulCount == 20 && runs.longestRun == 8 && runs.crossings == 6)
    }

    @Test("no useful point: nil", arguments: [[], [nil, nil], [4, 4, 4, 4]] as [[Double?]])
    func noUsefulPoint(_ values: [Double?]) {
        #expect(RunsAnalysis.analyze(values) == nil)
    }
}

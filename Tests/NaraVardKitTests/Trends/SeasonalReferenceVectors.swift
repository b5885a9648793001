import Testing

@testable import NaraVardKit

// Reference vectors for the seasonal Kendall test (trend-methods.md §7b). Every number below is printed by the
// Python script in this comment, from pymannkendall 1.4.3 (`seasonal_test`: S, var(S), z, p, Tau;
// `seasonal_sens_slope`: the per-year slope, which naravard reports per period). The script also checks the
// slope against the median of every season's pairwise slopes written out independently, and that every
// season has the 3 values naravard needs. To regenerate: copy the script to seasonal_reference_vectors.py and
// run it in a throwaway venv (see its header).
/*
# Reference vectors for the seasonal Kendall tests (trend-methods.md §7b), from pymannkendall 1.4.3
# `seasonal_test` and `seasonal_sens_slope`. Run in a throwaway venv:
#   python3 -m venv /tmp/pmk && /tmp/pmk/bin/pip install pymannkendall==1.4.3
#   /tmp/pmk/bin/python seasonal_reference_vectors.py
# It prints the Swift literals pasted below this comment. Not run by CI.
#
# pymannkendall pads a series only at its end, so a series that starts mid-year is given to it with missing
# values in front (`first` of them), which keeps its columns calendar seasons; naravard gets the series as
# stored (from its first value) and the season of that value. The Sen slope naravard reports is per quarter
# (or month): pymannkendall's per-year slope divided by the period.
import math
import numpy as np
import pymannkendall as mk

def fmt(v):
    return "nil" if v is None else repr(float(v))

def season_series(seed, years, period, trend, swing, first=0, gaps=(), decimals=1, tail=0):
    rng = np.random.default_rng(seed)
    count = years * period - first - tail
    values = []
    for k in range(count):
        t = first + k
        pattern = swing * math.cos(2 * math.pi * (t % period) / period)
        values.append(round(10 + trend * t + pattern + rng.normal(), decimals))
    for g in gaps:
        values[g] = None
    return values

cases = [
    # name, period, first season (0-based), values
    ("q1_start_trend_19", 4, 0, season_series(1, 5, 4, 0.1, 2.0, tail=1)),
    ("q1_start_no_trend_20", 4, 0, season_series(2, 5, 4, 0.0, 2.0)),
    ("q3_start_trend_18", 4, 2, season_series(3, 5, 4, -0.15, 2.0, first=2)),
    ("q2_start_gaps_22", 4, 1, season_series(4, 6, 4, 0.2, 1.5, first=1, gaps=(3, 10, 15), tail=1)),
    ("q1_start_ties_24", 4, 0, season_series(5, 6, 4, 0.3, 2.0, decimals=0)),
    ("q4_start_heavy_ties_gaps_21", 4, 3, season_series(6, 6, 4, 0.5, 3.0, first=3, decimals=0, gaps=(0, 9))),
    ("q1_start_constant_seasons_16", 4, 0, [5.0, 3.0, 1.0, 4.0] * 4),
    ("month_start_march_40", 12, 2, season_series(7, 4, 12, 0.05, 2.0, first=2, gaps=(1, 15), tail=6)),
]

print("    static let seasonal: [SeasonalReference] = [")
for name, period, first, values in cases:
    padded = np.array([np.nan] * first + [np.nan if v is None else v for v in values])
    result = mk.seasonal_test(padded, period=period)
    slope, _ = mk.seasonal_sens_slope(padded, period=period)
    assert slope == result.slope
    # independent check of the slope: median over each season's pairs of observed values, per year
    cols = {}
    for i, v in enumerate(padded):
        if not np.isnan(v):
            cols.setdefault(i % period, []).append((i // period, v))
    pairs = [(b[1] - a[1]) / (b[0] - a[0]) for col in cols.values() for k, a in enumerate(col) for b in col[k + 1:]]
    assert abs(float(np.median(pairs)) - slope) < 1e-12
    print(f"        SeasonalReference(")
    print(f"            name: \"{name}\", period: {period}, first: {first},")
    print(f"            values: [" + ", ".join(fmt(v) for v in values) + "],")
    counts = [sum(1 for i, v in enumerate(padded) if i % period == s and not np.isnan(v)) for s in range(period)]
    assert min(counts) >= 3, (name, counts)
    print(f"            s: {int(result.s)}, varS: {fmt(result.var_s)}, z: {fmt(result.z)}, p: {fmt(result.p)}, tau: {fmt(result.Tau)},")
    print(f"            senSlope: {fmt(slope / period)}),")
print("    ]")
*/

/// One seasonal case: the series from its first value, the season of that value, and pymannkendall's figures.
struct SeasonalReference: Sendable, CustomTestStringConvertible {
    var name: String
    var period: Int
    var first: Int
    var values: [Double?]
    var s: Int
    var varS: Double
    var z: Double
    var p: Double
    var tau: Double
    /// pymannkendall's seasonal slope ÷ period.
    var senSlope: Double

    var testDescription: String { name }
}

extension ReferenceVectors {
    static let seasonal: [SeasonalReference] = [
        SeasonalReference(
            name: "q1_start_trend_19", period: 4, first: 0,
            values: [12.3, 10.9, 8.5, 9.0, 13.3, 10.9, 8.1, 11.3, 13.2, 11.2, 9.0, 11.6, 12.5, 11.1, 8.9, 12.1, 13.6, 11.4, 9.0],
            s: 22, varS: 56.666666666666664, z: 2.7896868894513003, p: 0.005275903703109153, tau: 0.6111111111111112,
            senSlope: 0.03958333333333326),
        SeasonalReference(
            name: "q1_start_no_trend_20", period: 4, first: 0,
            values: [12.2, 9.5, 7.6, 7.6, 13.8, 11.1, 7.7, 10.8, 12.3, 9.4, 9.0, 9.7, 11.7, 9.2, 8.5, 9.9, 12.5, 9.4, 8.1, 9.1],
            s: -1, varS: 65.66666666666667, z: 0.0, p: 1.0, tau: -0.025,
            senSlope: -0.003124999999999989),
        SeasonalReference(
            name: "q3_start_trend_18", period: 4, first: 2,
            values: [9.7, 7.0, 11.8, 8.7, 6.6, 8.7, 8.8, 8.4, 5.6, 11.7, 10.4, 7.7, 5.6, 7.1, 8.5, 7.1, 5.8, 6.9],
            s: -17, varS: 49.66666666666667, z: -2.27032209523393, p: 0.023188047406855983, tau: -0.53125,
            senSlope: -0.1416666666666666),
        SeasonalReference(
            name: "q2_start_gaps_22", period: 4, first: 1,
            values: [9.5, 8.7, 12.3, nil, 9.4, 9.7, 10.8, 13.2, 10.2, 10.7, nil, 15.5, 12.9, 11.8, 11.5, nil, 11.5, 13.2, 13.5, 14.6, 13.5, 12.2],
            s: 27, varS: 69.0, z: 3.1300321802299993, p: 0.001747871545042079, tau: 0.6923076923076923,
            senSlope: 0.2),
        SeasonalReference(
            name: "q1_start_ties_24", period: 4, first: 0,
            values: [11.0, 9.0, 8.0, 11.0, 14.0, 12.0, 9.0, 11.0, 15.0, 14.0, 11.0, 12.0, 15.0, 16.0, 12.0, 13.0, 17.0, 14.0, 13.0, 15.0, 17.0, 17.0, 15.0, 16.0],
            s: 54, varS: 109.33333333333333, z: 5.068734868853539, p: 4.0046860272369145e-07, tau: 0.9,
            senSlope: 0.3125),
        SeasonalReference(
            name: "q4_start_heavy_ties_gaps_21", period: 4, first: 3,
            values: [nil, 17.0, 10.0, 10.0, 15.0, 18.0, 15.0, 13.0, 16.0, nil, 17.0, 13.0, 17.0, 21.0, 18.0, 17.0, 21.0, 25.0, 20.0, 19.0, 21.0],
            s: 34, varS: 56.666666666666664, z: 4.383793683423472, p: 1.1663023611996337e-05, tau: 0.9444444444444444,
            senSlope: 0.5),
        SeasonalReference(
            name: "q1_start_constant_seasons_16", period: 4, first: 0,
            values: [5.0, 3.0, 1.0, 4.0, 5.0, 3.0, 1.0, 4.0, 5.0, 3.0, 1.0, 4.0, 5.0, 3.0, 1.0, 4.0],
            s: 0, varS: 0.0, z: 0.0, p: 1.0, tau: 0.0,
            senSlope: 0.0),
        SeasonalReference(
            name: "month_start_march_40", period: 12, first: 2,
            values: [11.1, nil, 8.9, 7.6, 7.8, 7.6, 9.5, 11.8, 11.0, 11.7, 13.1, 12.7, 11.8, 9.8, 9.8, nil, 7.6, 8.8, 8.1, 9.8, 10.3, 12.6, 11.9, 13.3, 12.5, 11.2, 7.9, 9.2, 9.5, 9.9, 9.1, 11.2, 11.7, 12.7, 14.9, 12.8, 12.9, 12.8, 10.4, 10.2],
            s: 22, varS: 53.999999999999986, z: 2.8577380332470415, p: 0.00426672482217616, tau: 0.5238095238095238,
            senSlope: 0.05833333333333331),
    ]
}

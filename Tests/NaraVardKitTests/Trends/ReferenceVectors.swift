import Testing

@testable import NaraVardKit

// Reference vectors for the trend tests. Every number below is printed by the Python script in this comment,
// from pymannkendall 1.4.3 (`original_test`; S, var(S), z, p, tau), scipy 1.17.1 (`norm.sf` for the far-tail p,
// `binom.ppf` to cross-check the crossings table) and a few lines that write out the spec's formulas
// independently of the Swift code (gap-aware Sen slope, exact binomial sums, p/u/p′/u′ limits).
// pymannkendall's `sens_slope` keeps NaN and so the real time spacing, exactly as the spec: the script
// asserts that it agrees with the independent gap-aware Sen slope on every case.
// To regenerate: copy the script to reference_vectors.py and run it in a throwaway venv (see its header).
/*
# Reference vectors for the trend-engine tests (pymannkendall 1.4.3, scipy, and independent re-implementations
# of the spec formulas). Run in a throwaway venv:
#   python3 -m venv /tmp/mkvenv && /tmp/mkvenv/bin/pip install pymannkendall==1.4.3
#   /tmp/mkvenv/bin/python reference_vectors.py
# It prints the Swift literals pasted below this comment. Not run by CI.
import math, statistics
import numpy as np
import pymannkendall as mk
from scipy.stats import binom, norm

def fmt(v):
    return "nil" if v is None else repr(float(v))

def series(values):
    return "[" + ", ".join(fmt(v) for v in values) + "]"

def noisy(seed, n, f):
    rng = np.random.default_rng(seed)
    return [round(f(t) + rng.normal(), 1) for t in range(n)]

cases = {
    "n2": [1.0, 2.0],
    "n3_mixed": [3.0, 1.0, 2.0],
    "n4_monotone_p089": [1.0, 2.0, 3.0, 4.0],
    "n5_monotone_up": [1.0, 2.0, 3.0, 4.0, 5.0],
    "n5_monotone_down": [10.2, 9.8, 9.1, 8.7, 8.0],
    "n5_one_swap": [1.0, 3.0, 2.0, 4.0, 5.0],
    "ties_light": [3.1, 4.0, 3.1, 5.2, 4.8, 6.0, 5.2, 7.1, 6.9, 8.3],
    "ties_heavy": [1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0],
    "ties_ratio_doubles": [1 / 3, 2 / 6, 0.5, 3 / 9, 0.6, 0.7],
    "all_equal": [2.5] * 8,
    "missing_middle": [10.0, 11.2, None, 12.1, 11.8, None, 13.4, 14.0],
    "missing_edges": [None, None, 5.0, 4.2, 4.4, 3.9, 3.1, None],
    "missing_alternating": [1.0, None, 2.0, None, 2.5, None, 4.0, None, 3.8, None, 5.0],
    "n4_observed_in_6_periods": [2.0, None, 3.0, 4.0, None, 5.0],
    "steady_trend_12": noisy(1, 12, lambda t: 20 + 0.5 * t),
    "step_change_16": noisy(2, 16, lambda t: 10 if t < 8 else 12),
    "noise_20": noisy(3, 20, lambda t: 50),
    "decreasing_lower_better_14": noisy(4, 14, lambda t: 30 - 0.6 * t),
    "ties_sen_zero_but_significant": [0.0] * 9 + [1.0, 1.0],
    "monotone_40": [float(t) for t in range(40)],
}

def sen_gap_aware(values):
    """Spec §7 Sen slope and intercept written out independently: t = array position, pairs of observed values."""
    pts = [(t, y) for t, y in enumerate(values) if y is not None]
    slopes = [(yj - yi) / (tj - ti) for k, (ti, yi) in enumerate(pts) for (tj, yj) in pts[k + 1:]]
    slope = statistics.median(slopes)
    return slope, statistics.median([y for _, y in pts]) - statistics.median([t for t, _ in pts]) * slope

print("    static let mannKendall: [MannKendallCase] = [")
for name, values in cases.items():
    x = np.array([np.nan if v is None else v for v in values], dtype=float)
    r = mk.original_test(x)
    slope, intercept = sen_gap_aware(values)
    assert math.isclose(slope, r.slope, rel_tol=1e-12, abs_tol=1e-15), (name, slope, r.slope)
    assert math.isclose(intercept, r.intercept, rel_tol=1e-9, abs_tol=1e-12), (name, intercept, r.intercept)
    # pymannkendall's p is 2*(1 - cdf): exact to ~1e-16 absolutely, not relatively in the far tail.
    # norm.sf is accurate relatively; both are printed, the tests use the one that fits the tolerance.
    p_tail = 2 * norm.sf(abs(r.z))
    print(f"        .init(\"{name}\", {series(values)},")
    print(f"              s: {int(r.s)}, varS: {fmt(r.var_s)}, z: {fmt(r.z)}, p: {fmt(r.p)}, pTail: {fmt(p_tail)},")
    print(f"              tau: {fmt(r.Tau)}, sen: {fmt(slope)}, intercept: {fmt(intercept)}, trend: \"{r.trend}\"),")
print("    ]")

# Anhøj critical values, n_useful = 1...200: R's round(log2(n)) + 3 and qbinom(0.05, n - 1, 0.5).
longest, crossings = [], []
for n in range(1, 201):
    m = n - 1
    exact = next(c for c in range(m + 1) if 20 * sum(math.comb(m, k) for k in range(c + 1)) >= 2 ** m)
    assert exact == int(binom.ppf(0.05, m, 0.5)) or m == 0, n
    longest.append(int(np.round(np.log2(n))) + 3)
    crossings.append(exact)
print("    static let longestRunMax: [Int] = " + str(longest))
print("    static let crossingsMin: [Int] = " + str(crossings))
# A few long series, beyond any precomputed table.
large = {}
for n in (256, 300, 1000):
    m = n - 1
    total, c = 1, 0
    while 20 * total < 2 ** m:
        c += 1
        total += math.comb(m, c)
    assert c == int(binom.ppf(0.05, m, 0.5)), n
    large[n] = c
print("    static let crossingsMinLarge: [Int: Int] = " + str(large).replace("{", "[").replace("}", "]"))

# Attribute charts (spec §4) written out from the formulas; rows with a missing or non-positive denominator excluded.
def attribute(kind, x, n, laney=False, screening=True):
    rows = [(a, b) if a is not None and b is not None and b > 0 else None for a, b in zip(x, n)]
    xs = sum(r[0] for r in rows if r); ns = sum(r[1] for r in rows if r)
    bar = xs / ns
    spread = bar * (1 - bar) if kind == "p" else bar
    sigma_z = 1.0
    if laney:
        z = [None if r is None else (r[0] / r[1] - bar) / math.sqrt(spread / r[1]) for r in rows]
        mr = [abs(b - a) for a, b in zip(z, z[1:]) if a is not None and b is not None]
        amr = sum(mr) / len(mr)
        if screening:
            kept = [m for m in mr if m < 3.267 * amr]
            print(f"    // {len(mr) - len(kept)} z moving range(s) screened out")
            amr = sum(kept) / len(kept)
        sigma_z = amr / 1.128
    out = []
    for r in rows:
        if r is None:
            out.append(None); continue
        sd = math.sqrt(spread / r[1]) * sigma_z
        top = 1.0 if kind == "p" else math.inf
        out.append((r[0] / r[1], max(0, bar - 3 * sd), min(top, bar + 3 * sd), max(0, bar - 2 * sd), min(top, bar + 2 * sd)))
    return bar, out

attribute_cases = {
    # row 7: missing numerator, row 8: zero denominator (both excluded); row 9: n = 1 clips the UCL at 1
    "p_varying_denominators": ("p", [12, 15, 9, 30, 14, 11, None, 13, 1], [100, 120, 80, 110, 95, 105, 90, 0, 1],
                               False, True),
    "u_varying_exposure": ("u", [3, 7, 2, 5, 12, 4], [1.5, 2.0, 0.8, 1.2, 2.2, 1.0], False, True),
    # large denominators (over-dispersion); the step at row 7 gives one z moving range the screening removes
    "p_prime_laney": ("p", [5210, 5420, 5105, 5230, 5190, 5260, 7010, 7255, 7080, 7150, 6990, 7120],
                      [10000, 10400, 9800, 10500, 10100, 9700, 10300, 10050, 10200, 9900, 10000, 10150], True, True),
    "p_prime_laney_unscreened": ("p", [5210, 5420, 5105, 5230, 5190, 5260, 7010, 7255, 7080, 7150, 6990, 7120],
                                 [10000, 10400, 9800, 10500, 10100, 9700, 10300, 10050, 10200, 9900, 10000, 10150], True, False),
    "u_prime_laney": ("u", [410, 455, 380, 520, None, 470, 395, 610], [1000, 1100, 950, 1200, 1000, 1050, 990, 1150],
                      True, True),
}
print("    static let attributeCharts: [AttributeCase] = [")
for name, (kind, x, n, laney, screening) in attribute_cases.items():
    bar, out = attribute(kind, x, n, laney, screening)
    kind_swift = ".proportion" if kind == "p" else ".rate"
    print(f"        .init(\"{name}\", {kind_swift}, laney: {str(laney).lower()}, screening: {str(screening).lower()},")
    print(f"              events: {series(x)},")
    print(f"              denominators: {series(n)}, centre: {fmt(bar)}, points: [")
    for p in out:
        print("            nil," if p is None else "            .init(" + ", ".join(
            "infinity" if math.isinf(v) else fmt(v) for v in p) + "),")
    print("        ]),")
print("    ]")

# Strict MR screening: moving ranges 1, 1, 1, b with b == 3.267 * mean(1, 1, 1, b) exactly in Double arithmetic,
# the mean taken as the engine takes it (Σ/n, then one correction pass). Searched among the few doubles around
# the real solution b = 3.267 · 3 / (4 − 3.267).
def mean_two_pass(v):
    first = sum(v) / len(v)
    return first + sum(x - first for x in v) / len(v)
b0 = 3.267 * 3 / (4 - 3.267)
b = next(c for c in (b0 + k * math.ulp(b0) for k in range(-40, 41)) if 3.267 * mean_two_pass([1, 1, 1, c]) == c)
print(f"    // strict screening case: b = {b!r}")
*/

/// One Mann–Kendall / Sen reference case.
struct MannKendallCase: Sendable, CustomTestStringConvertible {
    var name: String
    var values: [Double?]
    var s: Int
    var varS: Double
    var z: Double
    /// pymannkendall's p, 2·(1 − Φ(|z|)): accurate absolutely, not relatively in the far tail.
    var p: Double
    /// scipy's 2·norm.sf(|z|): accurate relatively.
    var pTail: Double
    var tau: Double
    var sen: Double
    var intercept: Double
    /// pymannkendall's verdict at α = 0.05: "increasing", "decreasing" or "no trend".
    var trend: String
    var testDescription: String { name }

    init(
        _ name: String, _ values: [Double?], s: Int, varS: Double, z: Double, p: Double, pTail: Double,
        tau: Double, sen: Double, intercept: Double, trend: String
    ) {
        (self.name, self.values, self.s, self.varS, self.z) = (name, values, s, varS, z)
        (self.p, self.pTail, self.tau, self.sen, self.intercept, self.trend) = (p, pTail, tau, sen, intercept, trend)
    }
}

/// One p/u/p′/u′ chart reference case.
struct AttributeCase: Sendable, CustomTestStringConvertible {
    /// Expected value and limits of one period.
    struct Point: Sendable {
        var value, lcl, ucl, nearLCL, nearUCL: Double
        init(_ value: Double, _ lcl: Double, _ ucl: Double, _ nearLCL: Double, _ nearUCL: Double) {
            (self.value, self.lcl, self.ucl, self.nearLCL, self.nearUCL) = (value, lcl, ucl, nearLCL, nearUCL)
        }
    }

    var name: String
    var kind: AttributeChart.Kind
    var laney: Bool
    var screening: Bool
    var events: [Double?]
    var denominators: [Double?]
    var centre: Double
    var points: [Point?]
    var testDescription: String { name }

    init(
        _ name: String, _ kind: AttributeChart.Kind, laney: Bool, screening: Bool, events: [Double?],
        denominators: [Double?], centre: Double, points: [Point?]
    ) {
        (self.name, self.kind, self.laney, self.screening) = (name, kind, laney, screening)
        (self.events, self.denominators, self.centre, self.points) = (events, denominators, centre, points)
    }
}

private let infinity = Double.infinity

/// Output of the script above, pasted unchanged.
enum ReferenceVectors {
    static let mannKendall: [MannKendallCase] = [
        .init("n2", [1.0, 2.0],
              s: 1, varS: 1.0, z: 0.0, p: 1.0, pTail: 1.0,
              tau: 1.0, sen: 1.0, intercept: 1.0, trend: "no trend"),
        .init("n3_mixed", [3.0, 1.0, 2.0],
              s: -1, varS: 3.6666666666666665, z: 0.0, p: 1.0, pTail: 1.0,
              tau: -0.3333333333333333, sen: -0.5, intercept: 2.5, trend: "no trend"),
        .init("n4_monotone_p089", [1.0, 2.0, 3.0, 4.0],
              s: 6, varS: 8.666666666666666, z: 1.6984155512168937, p: 0.08942935902899363, pTail: 0.08942935902899353,
              tau: 1.0, sen: 1.0, intercept: 1.0, trend: "no trend"),
        .init("n5_monotone_up", [1.0, 2.0, 3.0, 4.0, 5.0],
              s: 10, varS: 16.666666666666668, z: 2.2045407685048604, p: 0.0274863361115103, pTail: 0.02748633611151033,
              tau: 1.0, sen: 1.0, intercept: 1.0, trend: "increasing"),
        .init("n5_monotone_down", [10.2, 9.8, 9.1, 8.7, 8.0],
              s: -10, varS: 16.666666666666668, z: -2.2045407685048604, p: 0.0274863361115103, pTail: 0.02748633611151033,
              tau: -1.0, sen: -0.5499999999999998, intercept: 10.2, trend: "decreasing"),
        .init("n5_one_swap", [1.0, 3.0, 2.0, 4.0, 5.0],
              s: 8, varS: 16.666666666666668, z: 1.7146428199482247, p: 0.08641073297370006, pTail: 0.0864107329737,
              tau: 0.8, sen: 1.0, intercept: 1.0, trend: "no trend"),
        .init("ties_light", [3.1, 4.0, 3.1, 5.2, 4.8, 6.0, 5.2, 7.1, 6.9, 8.3],
              s: 35, varS: 123.0, z: 3.06567675786927, p: 0.0021717796556988134, pTail: 0.002171779655698856,
              tau: 0.7777777777777778, sen: 0.5375000000000001, intercept: 2.78125, trend: "increasing"),
        .init("ties_heavy", [1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0],
              s: 33, varS: 109.0, z: 3.0650441127076844, p: 0.0021763789422184487, pTail: 0.0021763789422183915,
              tau: 0.7333333333333333, sen: 0.25, intercept: 0.875, trend: "increasing"),
        .init("ties_ratio_doubles", [0.3333333333333333, 0.3333333333333333, 0.5, 0.3333333333333333, 0.6, 0.7],
              s: 10, varS: 24.666666666666668, z: 1.8121213490778656, p: 0.06996744829844559, pTail: 0.06996744829844559,
              tau: 0.6666666666666666, sen: 0.07333333333333333, intercept: 0.23333333333333328, trend: "no trend"),
        .init("all_equal", [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5],
              s: 0, varS: 0.0, z: 0.0, p: 1.0, pTail: 1.0,
              tau: 0.0, sen: 0.0, intercept: 2.5, trend: "no trend"),
        .init("missing_middle", [10.0, 11.2, nil, 12.1, 11.8, nil, 13.4, 14.0],
              s: 13, varS: 28.333333333333332, z: 2.2544074479065386, p: 0.024170547174545254, pTail: 0.024170547174545247,
              tau: 0.8666666666666667, sen: 0.4750000000000001, intercept: 10.2875, trend: "increasing"),
        .init("missing_edges", [nil, nil, 5.0, 4.2, 4.4, 3.9, 3.1, nil],
              s: -8, varS: 16.666666666666668, z: -1.7146428199482247, p: 0.08641073297370006, pTail: 0.0864107329737,
              tau: -0.8, sen: -0.42083333333333334, intercept: 5.883333333333334, trend: "no trend"),
        .init("missing_alternating", [1.0, nil, 2.0, nil, 2.5, nil, 4.0, nil, 3.8, nil, 5.0],
              s: 13, varS: 28.333333333333332, z: 2.2544074479065386, p: 0.024170547174545254, pTail: 0.024170547174545247,
              tau: 0.8666666666666667, sen: 0.375, intercept: 1.275, trend: "increasing"),
        .init("n4_observed_in_6_periods", [2.0, nil, 3.0, 4.0, nil, 5.0],
              s: 6, varS: 8.666666666666666, z: 1.6984155512168937, p: 0.08942935902899363, pTail: 0.08942935902899353,
              tau: 1.0, sen: 0.6333333333333333, intercept: 1.9166666666666667, trend: "no trend"),
        .init("steady_trend_12", [20.3, 21.3, 21.3, 20.2, 22.9, 22.9, 22.5, 24.1, 24.4, 24.8, 25.0, 26.0],
              s: 54, varS: 210.66666666666666, z: 3.6515559367882715, p: 0.0002606563091740455, pTail: 0.0002606563091741007,
              tau: 0.8181818181818182, sen: 0.5, intercept: 20.15, trend: "increasing"),
        .init("step_change_16", [10.2, 9.5, 9.6, 7.6, 11.8, 11.1, 9.7, 10.8, 12.3, 11.4, 13.0, 11.7, 11.7, 11.2, 12.5, 11.9],
              s: 61, varS: 492.3333333333333, z: 2.704093038425341, p: 0.006849110907603206, pTail: 0.006849110907603269,
              tau: 0.5083333333333333, sen: 0.17417582417582422, intercept: 9.993681318681318, trend: "increasing"),
        .init("noise_20", [52.0, 47.4, 50.4, 49.4, 49.5, 49.8, 48.0, 49.8, 49.1, 53.3, 50.2, 49.6, 49.7, 49.3, 48.9, 49.6, 50.5, 49.8, 51.0, 49.8],
              s: 23, varS: 940.3333333333334, z: 0.7174336870793402, p: 0.4731065398536267, pTail: 0.4731065398536266,
              tau: 0.12105263157894737, sen: 0.02403846153846116, intercept: 49.52163461538462, trend: "no trend"),
        .init("decreasing_lower_better_14", [29.3, 29.2, 30.5, 28.9, 26.0, 27.0, 25.8, 25.9, 23.6, 24.8, 24.2, 25.0, 23.1, 22.7],
              s: -73, varS: 333.6666666666667, z: -3.9416320904497844, p: 8.092904639855902e-05, pTail: 8.092904639865503e-05,
              tau: -0.8021978021978022, sen: -0.5499999999999998, intercept: 29.425, trend: "decreasing"),
        .init("ties_sen_zero_but_significant", [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0],
              s: 18, varS: 72.0, z: 2.003469213361885, p: 0.04512694888867608, pTail: 0.045126948888676105,
              tau: 0.32727272727272727, sen: 0.0, intercept: 0.0, trend: "increasing"),
        .init("monotone_40", [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0, 32.0, 33.0, 34.0, 35.0, 36.0, 37.0, 38.0, 39.0],
              s: 780, varS: 7366.666666666667, z: 9.076155922792513, p: 0.0, pTail: 1.124771839571784e-19,
              tau: 1.0, sen: 1.0, intercept: 0.0, trend: "increasing"),
    ]
    static let longestRunMax: [Int] = [3, 4, 5, 5, 5, 6, 6, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11]
    static let crossingsMin: [Int] = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 14, 14, 14, 15, 15, 16, 16, 17, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25, 25, 26, 26, 27, 27, 28, 28, 29, 29, 29, 30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 34, 35, 35, 36, 36, 37, 37, 38, 38, 39, 39, 39, 40, 40, 41, 41, 42, 42, 43, 43, 44, 44, 45, 45, 45, 46, 46, 47, 47, 48, 48, 49, 49, 50, 50, 51, 51, 51, 52, 52, 53, 53, 54, 54, 55, 55, 56, 56, 57, 57, 57, 58, 58, 59, 59, 60, 60, 61, 61, 62, 62, 63, 63, 64, 64, 64, 65, 65, 66, 66, 67, 67, 68, 68, 69, 69, 70, 70, 71, 71, 71, 72, 72, 73, 73, 74, 74, 75, 75, 76, 76, 77, 77, 78, 78, 79, 79, 79, 80, 80, 81, 81, 82, 82, 83, 83, 84, 84, 85, 85, 86, 86, 86, 87, 87, 88]
    static let crossingsMinLarge: [Int: Int] = [256: 114, 300: 135, 1000: 474]
    static let attributeCharts: [AttributeCase] = [
        .init("p_varying_denominators", .proportion, laney: false, screening: true,
              events: [12.0, 15.0, 9.0, 30.0, 14.0, 11.0, nil, 13.0, 1.0],
              denominators: [100.0, 120.0, 80.0, 110.0, 95.0, 105.0, 90.0, 0.0, 1.0], centre: 0.15057283142389524, points: [
            .init(0.12, 0.04328322872410059, 0.2578624341236899, 0.07904642962403215, 0.22209923322375835),
            .init(0.125, 0.05263127211648741, 0.24851439073130308, 0.08527845855229002, 0.21586720429550046),
            .init(0.1125, 0.030619408966052364, 0.2705262538817381, 0.07060388311866665, 0.23054177972912382),
            .init(0.2727272727272727, 0.048276209034618156, 0.25286945381317233, 0.08237508316437718, 0.2187705796834133),
            .init(0.14736842105263157, 0.04049602165008902, 0.26064964119770145, 0.07718829157469109, 0.2239573712730994),
            .init(0.10476190476190476, 0.04586890032254651, 0.255276762525244, 0.08077021068966275, 0.22037545215812773),
            nil,
            nil,
            .init(1.0, 0.0, 1.0, 0.0, 0.8658368494225261),
        ]),
        .init("u_varying_exposure", .rate, laney: false, screening: true,
              events: [3.0, 7.0, 2.0, 5.0, 12.0, 4.0],
              denominators: [1.5, 2.0, 0.8, 1.2, 2.2, 1.0], centre: 3.7931034482758625, points: [
            .init(2.0, 0.0, 8.563703063592074, 0.6127037047317221, 6.9735031918200026),
            .init(3.5, 0.0, 7.9245639064239715, 1.0387964761771231, 6.547410420374602),
            .init(2.5, 0.0, 10.325516003611254, 0.0, 8.14804515183279),
            .init(4.166666666666667, 0.0, 9.126795964916559, 0.23730843718206485, 7.348898459369661),
            .init(5.454545454545454, 0.0, 7.732296434067539, 1.1669747910814112, 6.419232105470314),
            .init(4.0, 0.0, 9.635870860597079, 0.0, 7.688281723156674),
        ]),
    // 1 z moving range(s) screened out
        .init("p_prime_laney", .proportion, laney: true, screening: true,
              events: [5210.0, 5420.0, 5105.0, 5230.0, 5190.0, 5260.0, 7010.0, 7255.0, 7080.0, 7150.0, 6990.0, 7120.0],
              denominators: [10000.0, 10400.0, 9800.0, 10500.0, 10100.0, 9700.0, 10300.0, 10050.0, 10200.0, 9900.0, 10000.0, 10150.0], centre: 0.6112303881090009, points: [
            .init(0.521, 0.558321494661898, 0.6641392815561038, 0.5759577924775989, 0.6465029837404028),
            .init(0.5211538461538462, 0.5593489496225817, 0.66311182659542, 0.5766427624513881, 0.6458180137666136),
            .init(0.5209183673469387, 0.557784334763968, 0.6646764414540337, 0.575599685878979, 0.6468610903390227),
            .init(0.4980952380952381, 0.5595965951343469, 0.6628641810836549, 0.5768078594592316, 0.6456529167587701),
            .init(0.5138613861386139, 0.5585840714362759, 0.6638767047817259, 0.5761328436605175, 0.6463279325574842),
            .init(0.5422680412371134, 0.5575095460460217, 0.6649512301719801, 0.5754164934003481, 0.6470442828176537),
            .init(0.6805825242718446, 0.5590977063202954, 0.6633630698977063, 0.5764752669165306, 0.6459855093014711),
            .init(0.7218905472636816, 0.5584532729323918, 0.66400750328561, 0.5760456446579281, 0.6464151315600737),
            .init(0.6941176470588235, 0.5588427772607373, 0.6636179989572645, 0.5763053142101584, 0.6461554620078434),
            .init(0.7222222222222222, 0.5580549494311421, 0.6644058267868597, 0.575780095657095, 0.6466806805609068),
            .init(0.699, 0.558321494661898, 0.6641392815561038, 0.5759577924775989, 0.6465029837404028),
            .init(0.7014778325123153, 0.5587139022545627, 0.663746873963439, 0.5762193975393755, 0.6462413786786263),
        ]),
        .init("p_prime_laney_unscreened", .proportion, laney: true, screening: false,
              events: [5210.0, 5420.0, 5105.0, 5230.0, 5190.0, 5260.0, 7010.0, 7255.0, 7080.0, 7150.0, 6990.0, 7120.0],
              denominators: [10000.0, 10400.0, 9800.0, 10500.0, 10100.0, 9700.0, 10300.0, 10050.0, 10200.0, 9900.0, 10000.0, 10150.0], centre: 0.6112303881090009, points: [
            .init(0.521, 0.5296921373509099, 0.6927686388670918, 0.5568715542702736, 0.6655892219477282),
            .init(0.5211538461538462, 0.5312755550859765, 0.6911852211320253, 0.5579271660936512, 0.6645336101243505),
            .init(0.5209183673469387, 0.5288643166273791, 0.6935964595906227, 0.5563196737879197, 0.6661411024300821),
            .init(0.4980952380952381, 0.5316572032460841, 0.6908035729719176, 0.5581815982003897, 0.664279178017612),
            .init(0.5138613861386139, 0.5300967961800326, 0.6923639800379692, 0.557141326823022, 0.6653194493949798),
            .init(0.5422680412371134, 0.5284408378900698, 0.694019938327932, 0.5560373546297135, 0.6664234215882883),
            .init(0.6805825242718446, 0.530888362346752, 0.6915724138712498, 0.557669037600835, 0.6647917386171668),
            .init(0.7218905472636816, 0.5298952217279199, 0.6925655544900818, 0.5570069438549469, 0.6654538323630549),
            .init(0.6941176470588235, 0.5304954894622612, 0.6919652867557405, 0.5574071223445077, 0.665053653873494),
            .init(0.7222222222222222, 0.5292813627070314, 0.6931794135109703, 0.5565977045076879, 0.6658630717103139),
            .init(0.699, 0.5296921373509099, 0.6927686388670918, 0.5568715542702736, 0.6655892219477282),
            .init(0.7014778325123153, 0.5302968793253773, 0.6921638968926245, 0.5572747155865851, 0.6651860606314166),
        ]),
    // 0 z moving range(s) screened out
        .init("u_prime_laney", .rate, laney: true, screening: true,
              events: [410.0, 455.0, 380.0, 520.0, nil, 470.0, 395.0, 610.0],
              denominators: [1000.0, 1100.0, 950.0, 1200.0, 1000.0, 1050.0, 990.0, 1150.0], centre: 0.43548387096774194, points: [
            .init(0.41, 0.31136067545578605, 0.5596070664796978, 0.35273507395977133, 0.5182326679757125),
            .init(0.41363636363636364, 0.3171370475894756, 0.5538306943460083, 0.35658598871556435, 0.5143817532199195),
            .init(0.4, 0.30813615938084205, 0.5628315825546418, 0.35058539657647536, 0.5203823453590085),
            .init(0.43333333333333335, 0.32217541414853823, 0.5487923277869456, 0.3599448997549395, 0.5110228421805444),
            nil,
            .init(0.44761904761904764, 0.31435203541301915, 0.5566157065224647, 0.35472931393126006, 0.5162384280042238),
            .init(0.398989898989899, 0.3107353657274138, 0.5602323762080701, 0.3523182008075232, 0.5186495411279607),
            .init(0.5304347826086957, 0.31973839433869056, 0.5512293475967933, 0.3583202198817077, 0.5126475220537762),
        ]),
    ]
    // strict screening case: b = 13.37107776261936
}

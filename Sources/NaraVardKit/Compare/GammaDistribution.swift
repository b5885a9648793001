import Foundation

/// The gamma and chi-squared distributions' CDF and quantile, for the exact Poisson limits of comparisons.md §2.
///
/// ```swift
/// GammaDistribution.chiSquaredQuantile(0.975, degreesOfFreedom: 8)   // 17.534546…
/// GammaDistribution.quantile(0.025, shape: 3)                        // 0.618672…: the exact lower limit of O = 3
/// ```
///
/// The regularised incomplete gamma function is a power series below `x = a + 1` and Lentz's continued
/// fraction above it (Numerical Recipes §6.2); the quantile is Newton's method on the CDF, kept inside a
/// bracket that bisection narrows whenever a Newton step would leave it, to a relative 1e-15.
package enum GammaDistribution {
    /// P(a, x) = γ(a, x) / Γ(a), the CDF of Gamma(a, 1) at x.
    package static func lowerRegularized(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x)
    }

    /// Q(a, x) = 1 − P(a, x), computed directly so that the upper tail keeps its precision.
    package static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x)
    }

    /// The q-quantile of Gamma(shape, 1): the x with P(shape, x) = q. 0 for q = 0, +∞ for q = 1.
    package static func quantile(_ q: Double, shape a: Double) -> Double {
        precondition(a > 0 && q >= 0 && q <= 1, "quantile(\(q), shape: \(a))")
        if q == 0 { return 0 }
        if q == 1 { return .infinity }
        // Solve in whichever tail is smaller, so that neither side loses digits to 1 − q.
        let upper = q > 0.5
        let target = upper ? 1 - q : q
        func f(_ x: Double) -> Double { upper ? target - upperRegularized(a, x) : lowerRegularized(a, x) - target }
        // A bracket [low, high] with f(low) < 0 < f(high), widened until it holds the root.
        var low = 0.0, high = max(1, a)
        while f(high) < 0 { low = high; high *= 2 }
        var x = wilsonHilferty(q, a).clamped(low, high)
        let logGammaA = logGamma(a)
        for _ in 0..<200 {
            let fx = f(x)
            if fx == 0 { return x }
            if fx < 0 { low = x } else { high = x }
            let density = exp((a - 1) * log(x) - x - logGammaA)
            var next = x - fx / density
            if !(next > low && next < high) || density == 0 || !density.isFinite { next = (low + high) / 2 }
            if abs(next - x) <= 1e-15 * max(abs(next), Double.leastNormalMagnitude) || high - low <= 1e-15 * high {
                return next
            }
            x = next
        }
        return x
    }

    /// The q-quantile of the chi-squared distribution with k degrees of freedom: 2 · Gamma(k/2, 1).quantile(q).
    package static func chiSquaredQuantile(_ q: Double, degreesOfFreedom k: Double) -> Double {
        2 * quantile(q, shape: k / 2)
    }

    /// The CDF of the chi-squared distribution with k degrees of freedom at x.
    package static func chiSquaredCDF(_ x: Double, degreesOfFreedom k: Double) -> Double {
        lowerRegularized(k / 2, x / 2)
    }

    // MARK: - Pieces

    /// ln Γ(x) from the C library (the overload that returns only the value).
    private static func logGamma(_ x: Double) -> Double {
        let value: Double = lgamma(x)
        return value
    }

    private static func series(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a, sum = term, n = a
        for _ in 0..<10_000 {
            n += 1
            term *= x / n
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * exp(-x + a * log(x) - logGamma(a))
    }

    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-17 { break }
        }
        return exp(-x + a * log(x) - logGamma(a)) * h
    }

    /// A first guess: the Wilson–Hilferty approximation with the normal quantile of Acklam's algorithm.
    private static func wilsonHilferty(_ q: Double, _ a: Double) -> Double {
        let z = normalQuantile(q)
        let c = 1 / (9 * a)
        let guess = a * pow(1 - c + z * c.squareRoot(), 3)
        return guess > 0 ? guess : a * 1e-3
    }

    /// The standard normal quantile to about 1e-9 (Acklam), enough for a starting point.
    static func normalQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        func tail(_ p: Double) -> Double {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p < 0.02425 { return tail(p) }
        if p > 1 - 0.02425 { return -tail(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}

extension Double {
    fileprivate func clamped(_ low: Double, _ high: Double) -> Double {
        guard self > low, self < high else { return (low + high) / 2 }
        return self
    }
}

import Dispatch
import Foundation
import NaraVardKit
import TestSupport

// The trend engine alone over a national-scale store's worth of series: 300 indicators × 311 areas ×
// 3 genders = 279 900 series of 40 quarters, with gaps and a target on half of them, on every core.
// Run by hand: swift run -c release --package-path Benchmarks trend-engine-benchmark


let seriesCount = 300 * 311 * 3
var generator = SplitMix(seed: 2026)
let templates: [[Double?]] = (0..<2000).map { _ in
    let slope = Double.random(in: -0.3...0.3, using: &generator)
    return (0..<40).map { quarter in
        if Int.random(in: 0..<20, using: &generator) == 0 { return nil }
        let value = 50 + slope * Double(quarter) + Double.random(in: -5...5, using: &generator)
        return (value * 10).rounded() / 10
    }
}

let start = Date()
var classes = [TrendClass?](repeating: nil, count: seriesCount)
classes.withUnsafeMutableBufferPointer { buffer in
    nonisolated(unsafe) let slots = buffer
    DispatchQueue.concurrentPerform(iterations: seriesCount) { index in
        let values = templates[index % templates.count]
        let result = TrendEngine.analyze(values, better: index % 3 == 0 ? .lower : .higher, target: index % 2 == 0 ? 52 : nil)
        _ = PeriodChange.yearOnYear(values, periodsPerYear: 4)
        slots[index] = result.classification
    }
}
let elapsed = Date().timeIntervalSince(start)
let improving = classes.filter { $0 == .improving }.count
print(String(format: "%d series × 40 quarters: %.2f s on %d cores (%.1f µs a series; %d improving)",
             seriesCount, elapsed, ProcessInfo.processInfo.activeProcessorCount, elapsed / Double(seriesCount) * 1e6 * Double(ProcessInfo.processInfo.activeProcessorCount), improving))

import Dispatch
import Foundation
import NaraVardKit

// The trend engine alone over every series of a long CSV that `Generator/synth.py bench` wrote, on every core;
// reading the file is not timed. The national preset is a national-scale store's worth of series: 300 indicators
// × 311 areas × 3 genders = 279 900 series of 40 quarters. Run by hand:
//   python3 Generator/synth.py bench --preset national --out .build/bench-data/national.csv   (or scripts/bench)
//   swift run -c release --package-path Benchmarks trend-engine-benchmark [FILE]   (default that file)

let path = CommandLine.arguments.dropFirst().first ?? ".build/bench-data/national.csv"
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("\(path): cannot be read; write it with Generator/synth.py bench\n".utf8))
    exit(66)
}

/// The series of the file in the order of their first rows: key `indicator;area;gender`, values in the file's row
/// order (period order, as synth.py writes them); an empty value is a gap.
func readSeries(_ data: Data) -> [[Double?]] {
    let (newline, semicolon) = (UInt8(ascii: "\n"), UInt8(ascii: ";"))
    var index: [String: Int] = [:]
    var series: [[Double?]] = []
    data.withUnsafeBytes { bytes in
        var lineStart = (bytes.firstIndex(of: newline) ?? bytes.count) + 1  // after the header
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            let fields = bytes[lineStart..<lineEnd].split(separator: semicolon, omittingEmptySubsequences: false)
            lineStart = lineEnd + 1
            let key = [0, 1, 3].map { String(decoding: fields[$0], as: UTF8.self) }.joined(separator: ";")
            let value = Double(String(decoding: fields[6], as: UTF8.self).replacingOccurrences(of: ",", with: "."))
            if let slot = index[key] {
                series[slot].append(value)
            } else {
                index[key] = series.count
                series.append([value])
            }
        }
    }
    return series
}

let allSeries = readSeries(data)
let start = Date()
var classes = [TrendClass?](repeating: nil, count: allSeries.count)
classes.withUnsafeMutableBufferPointer { buffer in
    nonisolated(unsafe) let slots = buffer
    DispatchQueue.concurrentPerform(iterations: allSeries.count) { index in
        let values = allSeries[index]
        // A target (the series' first value) on half of them.
        let result = TrendEngine.analyze(values, better: index % 3 == 0 ? .lower : .higher,
                                         target: index % 2 == 0 ? values.first ?? nil : nil)
        _ = PeriodChange.yearOnYear(values, periodsPerYear: 4)
        slots[index] = result.classification
    }
}
let elapsed = Date().timeIntervalSince(start)
let improving = classes.filter { $0 == .improving }.count
let longest = allSeries.map(\.count).max() ?? 0
print(String(format: "%d series × %d quarters: %.2f s on %d cores (%.1f µs a series; %d improving)",
             allSeries.count, longest, elapsed, ProcessInfo.processInfo.activeProcessorCount,
             elapsed / Double(max(allSeries.count, 1)) * 1e6 * Double(ProcessInfo.processInfo.activeProcessorCount), improving))

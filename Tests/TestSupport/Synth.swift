import Foundation

/// The project's one data generator, `Generator/synth.py`, run with the `python3` on the `PATH`.
///
/// ```swift
/// try Synth.counts(indicators: ["PV01", "OV01"], quarters: 40, seed: 7, to: directory.url.appending(path: "extra.csv"))
/// ```
public enum Synth {
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../Generator/synth.py").standardized.path

    /// Writes made-up but valid counts (`synth.py counts`): for each indicator, municipality of the bundled
    /// geography and quarter from 1901Q1, rows T, K and M with numerator and denominator, T = K + M.
    public static func counts(indicators: [String], quarters: Int, seed: Int, to url: URL) throws {
        try python([script, "counts", "--indicators", indicators.joined(separator: ","), "--quarters", "\(quarters)",
                    "--seed", "\(seed)", "--out", url.path])
    }

    /// Runs `python3 arguments…` and returns its standard output; its standard error goes to the test log.
    @discardableResult public static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(arguments: arguments, status: process.terminationStatus) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether that Python can import `module` (numpy for `synth.py bench`, yaml for `synth.py samples`).
    public static func has(_ module: String) -> Bool {
        (try? python(["-c", "import importlib.util, sys; sys.exit(importlib.util.find_spec(sys.argv[1]) is None)", module])) != nil
    }

    /// A Python run that exited with a failure.
    public struct Failed: Error, CustomStringConvertible {
        public let arguments: [String]
        public let status: Int32
        public var description: String { "python3 \(arguments.joined(separator: " ")): exit \(status)" }
    }
}

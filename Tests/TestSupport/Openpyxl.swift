import Foundation

/// openpyxl as an independent reader of workbooks: runs `Tests/XLSXWriterTests/openpyxl_check.py` with the
/// Python named by `OPENPYXL_PYTHON` (suites that use it are enabled only when that is set; CI sets it).
public enum Openpyxl {
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../XLSXWriterTests/openpyxl_check.py").standardized.path

    /// The script's exit status and its output (standard output and error together) for `paths`.
    public static func check(_ paths: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] ?? "python3")
        process.arguments = [script] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs a Python script (`python -c script arguments…`) with that Python, to write or edit a workbook as another
    /// program would; returns its exit status.
    public static func run(_ script: String, _ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["OPENPYXL_PYTHON"] ?? "python3")
        process.arguments = ["-c", script] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

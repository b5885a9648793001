internal import CXLSXWriter

/// An error from the XLSXWriter layer: an `lxw_error` returned by libxlsxwriter, or a check made in Swift
/// before any C function was called.
///
/// Its description names the operation, the library's `lxw_strerror` text and the code, in GRDB's style:
///
/// ```swift
/// do {
///     try workbook.close()
/// } catch {
///     print(error)
///     // close(/out/r.xlsx): Error creating output xlsx file. Usually a permissions error. (lxw_error 2)
///     if error.code == .library(2) { … }
/// }
/// ```
public struct XLSXError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong, independent of where.
    public enum Code: Hashable, Sendable {
        /// libxlsxwriter returned this `lxw_error` value.
        case library(Int)
        /// A sheet name Excel would reject: blank, over 31 characters, one of `[ ] : * ? / \`, a leading or
        /// trailing apostrophe, or the reserved name "History".
        case invalidSheetName
        /// A sheet name already used in the workbook (compared case-insensitively, as Excel does).
        case duplicateSheetName
        /// A row or column outside Excel's 1,048,576 × 16,384 grid, or a row written out of order in
        /// constant-memory mode.
        case cellOutOfRange
        /// A string longer than Excel's limit for where it goes (32,767 characters in a cell).
        case stringTooLong
        /// NaN, ±infinity, or a magnitude beyond Excel's largest number (9.99999999999999E+307): Excel has no
        /// such numbers. Write a blank cell instead.
        case nonFiniteNumber
        /// An argument that is out of its valid range or inconsistent (for example a table whose header count
        /// differs from its width, or overlapping merged ranges).
        case invalidArgument
        /// The workbook was already closed (or discarded); its C memory is gone.
        case workbookClosed
        /// The output directory is missing, not a directory, or not writable.
        case outputDirectory
        /// Moving the finished file into place failed.
        case fileSystem
    }

    /// What went wrong.
    public let code: Code
    /// Human-readable text: `lxw_strerror` for library errors, our own explanation otherwise.
    public let message: String
    /// The operation and its target, e.g. `close(/out/r.xlsx)` or `write_string(Data!B3)`.
    public let operation: String

    /// Creates an error; library errors are normally made from an `lxw_error` internally.
    public init(code: Code, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    /// `operation: message (lxw_error N)` for library errors, `operation: message` for Swift-side checks.
    public var description: String {
        switch code {
        case .library(let raw): "\(operation): \(message) (lxw_error \(raw))"
        default: "\(operation): \(message)"
        }
    }
}

// MARK: - Internal construction

extension XLSXError {
    /// Wraps an `lxw_error` with the `lxw_strerror` text and our context.
    init(_ error: lxw_error, operation: String) {
        let text: String
        if let cText = lxw_strerror(error) {
            text = String(cString: cText)
        } else {
            text = "Unknown libxlsxwriter error."
        }
        self.init(code: .library(Int(error.rawValue)), message: text, operation: operation)
    }

    /// Throws unless `error` is `LXW_NO_ERROR`.
    static func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXError) {
        guard error != LXW_NO_ERROR else { return }
        throw XLSXError(error, operation: operation())
    }

    static func invalid(_ message: String, _ operation: String) -> XLSXError {
        XLSXError(code: .invalidArgument, message: message, operation: operation)
    }
}

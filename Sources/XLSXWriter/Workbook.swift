internal import CXLSXWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `.xlsx` file being written: the one owner of a libxlsxwriter workbook.
///
/// Nothing appears at ``path`` until ``close()`` succeeds. libxlsxwriter writes into a temporary file beside
/// `path`, which is renamed into place only when the whole file has been written; a workbook released without
/// `close()` is discarded and writes nothing. Prefer the scoped ``write(to:constantMemory:_:)``:
///
/// ```swift
/// try Workbook.write(to: "/out/rapport.xlsx") { workbook in
///     let sheet = try workbook.addWorksheet(named: "Sammanfattning")
///     try sheet.write("Primärvård", row: 0, column: 0, format: .init(bold: true))
///     try sheet.write(0.82, row: 0, column: 1, format: .init(numberFormat: "0.0%"))
/// }
/// ```
///
/// A workbook and the ``Worksheet`` and ``Chart`` values it hands out hold C pointers; use them from one task.
public final class Workbook {
    /// Options fixed when the workbook is created.
    public struct Options: Hashable, Sendable {
        /// libxlsxwriter's `constant_memory` mode: each row is flushed to a temporary file when the next row is
        /// started, so memory stays flat for very large sheets. Rows must then be written in order, and
        /// libxlsxwriter warns that "`worksheet_merge_range()` and some other row based functionality doesn't
        /// work in this mode."
        public var constantMemory: Bool
        /// Where libxlsxwriter keeps its temporary files ("If the default temporary directory isn't accessible
        /// to your application, or doesn't contain enough space, you can specify an alternative location").
        public var temporaryDirectory: String?
        /// ZIP64 extensions for files or parts over 4 GB.
        public var useZip64: Bool

        public init(constantMemory: Bool = false, temporaryDirectory: String? = nil, useZip64: Bool = false) {
            self.constantMemory = constantMemory
            self.temporaryDirectory = temporaryDirectory
            self.useZip64 = useZip64
        }
    }

    /// The C workbook; `nil` once closed or discarded.
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Where the finished file goes.
    public let path: String
    /// The options the workbook was created with.
    public let options: Options
    /// The file libxlsxwriter writes; renamed to `path` after a successful close.
    let stagingPath: String

    // Swift-side state for checks libxlsxwriter does not make (or makes without context).
    var sheets: [SheetState] = []
    var formats: [FormatSpec: UnsafeMutablePointer<lxw_format>] = [:]
    var tableNames: Set<String> = []
    var chartSheetReferences: [(sheet: String, operation: String)] = []

    /// Creates an empty workbook that will be written to `path` on ``close()``.
    ///
    /// The output directory is checked now, because libxlsxwriter only creates the file at close.
    ///
    /// - Parameters:
    ///   - path: Destination of the `.xlsx` file. An existing file there is replaced on successful close.
    ///   - options: Constant-memory mode, temporary directory, ZIP64.
    /// - Throws: ``XLSXError/Code/outputDirectory`` if the directory is missing or not writable.
    public init(path: String, options: Options = Options()) throws(XLSXError) {
        let operation = "Workbook(path: \(path))"
        let directory = try Workbook.checkOutputDirectory(for: path, operation)
        if let temporaryDirectory = options.temporaryDirectory {
            try Workbook.checkDirectory(temporaryDirectory, role: "temporary directory", operation)
        }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let stagingPath = directory + "/." + base + "." + token + ".tmp"

        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.use_zip64 = options.useZip64 ? 1 : 0
        // libxlsxwriter copies the file name and `tmpdir` (`workbook->options.tmpdir = lxw_strdup(options->tmpdir)`),
        // so the C strings only need to live for this call.
        let created: UnsafeMutablePointer<lxw_workbook>? = stagingPath.withCString { file in
            if let temporaryDirectory = options.temporaryDirectory {
                return temporaryDirectory.withCString { tmpdir in
                    cOptions.tmpdir = UnsafeMutablePointer(mutating: tmpdir)
                    return workbook_new_opt(file, &cOptions)
                }
            }
            return workbook_new_opt(file, &cOptions)
        }
        guard let created else {
            throw XLSXError(LXW_ERROR_MEMORY_MALLOC_FAILED, operation: operation)
        }
        self.handle = created
        self.path = path
        self.options = options
        self.stagingPath = stagingPath
    }

    /// Discards the workbook without writing anything.
    ///
    /// `lxw_workbook_free()` is exported by `workbook.h` without a doc comment; it is the teardown that
    /// `workbook_close()` itself ends with (`mem_error: lxw_packager_free(packager); lxw_workbook_free(self);`).
    /// Called alone it frees the workbook and everything it owns (sheets, formats, charts) and creates no
    /// file, because libxlsxwriter only creates the file while closing.
    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    /// Whether the workbook can still be changed (not yet closed or discarded).
    public var isOpen: Bool { handle != nil }

    /// Writes the file and releases the C workbook.
    ///
    /// libxlsxwriter: "The `workbook_close()` function closes a Workbook object, writes the Excel file to disk,
    /// frees any memory allocated internally to the Workbook and frees the object itself." It frees even when
    /// writing fails, so the handle is cleared *before* the call and the workbook cannot be used afterwards.
    /// The file is written beside ``path`` and renamed into place only on success.
    ///
    /// - Throws: The library's error with context, e.g.
    ///   `close(/out/r.xlsx): Error creating output xlsx file. Usually a permissions error. (lxw_error 2)`;
    ///   ``XLSXError/Code/workbookClosed`` if already closed; ``XLSXError/Code/invalidArgument`` if a chart
    ///   refers to a sheet that does not exist.
    public func close() throws(XLSXError) {
        let operation = "close(\(path))"
        let workbook = try liveHandle(operation)
        let sheetNames = Set(sheets.map(\.name))
        if let missing = chartSheetReferences.first(where: { !sheetNames.contains($0.sheet) }) {
            discard()
            throw XLSXError.invalid(
                "\(missing.operation) refers to sheet \"\(missing.sheet)\", which is not in the workbook; nothing was written",
                operation)
        }
        handle = nil
        formats.removeAll()
        let result = CloseLock.shared.withLock { workbook_close(workbook) }
        guard result == LXW_NO_ERROR else {
            removeStagingFile()
            throw XLSXError(result, operation: operation)
        }
        guard rename(stagingPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            removeStagingFile()
            throw XLSXError(code: .fileSystem, message: "could not move the written file into place: \(reason)",
                            operation: operation)
        }
    }

    /// Frees the C workbook now without writing anything (what `deinit` does). Later calls throw
    /// ``XLSXError/Code/workbookClosed``.
    public func discard() {
        guard let workbook = handle else { return }
        handle = nil
        formats.removeAll()
        lxw_workbook_free(workbook)
    }

    /// Creates a workbook, runs `body`, and closes it; if `body` throws, the workbook is discarded and nothing
    /// is written. Because the file is written beside `path` and renamed into place, nothing half-written ever
    /// appears at `path`.
    ///
    /// ```swift
    /// try Workbook.write(to: outputPath) { workbook in
    ///     let sheet = try workbook.addWorksheet(named: "Data")
    ///     try sheet.write(42, row: 0, column: 0)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - path: Destination file. Its directory must exist and be writable; this is checked before `body` runs.
    ///   - constantMemory: libxlsxwriter's constant-memory mode (rows must be written in order).
    ///   - body: Fills the workbook. The workbook must not escape it.
    /// - Returns: What `body` returns.
    /// - Throws: Whatever `body` throws, or an ``XLSXError`` from creating or closing the workbook.
    public static func write<Result>(
        to path: String, constantMemory: Bool = false, _ body: (Workbook) throws -> Result
    ) throws -> Result {
        try write(to: path, options: Options(constantMemory: constantMemory), body)
    }

    /// ``write(to:constantMemory:_:)`` with all ``Options``.
    public static func write<Result>(
        to path: String, options: Options, _ body: (Workbook) throws -> Result
    ) throws -> Result {
        let workbook = try Workbook(path: path, options: options)
        let result: Result
        do {
            result = try body(workbook)
        } catch {
            workbook.discard()
            throw error
        }
        try workbook.close()
        return result
    }

    // MARK: - Sheets

    /// Adds a worksheet at the end of the workbook.
    ///
    /// The name is checked in Swift against Excel's rules (libxlsxwriter: "The name is less than or equal to 31
    /// UTF-8 characters. The name doesn't contain any of the characters: `[ ] : * ? / \` The name doesn't start
    /// or end with an apostrophe. The name isn't already in use. (Case insensitive)."), with a full Unicode
    /// case-insensitive duplicate check, and then by `workbook_validate_sheet_name()`.
    ///
    /// - Throws: ``XLSXError/Code/invalidSheetName`` or ``XLSXError/Code/duplicateSheetName``.
    public func addWorksheet(named name: String) throws(XLSXError) -> Worksheet {
        let operation = "addWorksheet(named: \"\(name)\")"
        let workbook = try liveHandle(operation)
        try Validate.sheetName(name, existing: sheets.map(\.name), operation)
        try XLSXError.check(workbook_validate_sheet_name(workbook, name), operation)
        // The worksheet belongs to the workbook: workbook_close()/lxw_workbook_free() free it with the workbook.
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXError(LXW_ERROR_MEMORY_MALLOC_FAILED, operation: operation)
        }
        let state = SheetState(name: name, pointer: sheet)
        sheets.append(state)
        return Worksheet(workbook: self, state: state)
    }

    /// The worksheets, in order.
    public var worksheets: [Worksheet] {
        sheets.map { Worksheet(workbook: self, state: $0) }
    }

    /// The worksheet with this name (case-insensitive), if any.
    public func worksheet(named name: String) -> Worksheet? {
        let folded = name.lowercased()
        return sheets.first { $0.name.lowercased() == folded }.map { Worksheet(workbook: self, state: $0) }
    }

    // MARK: - Internal

    /// The live C handle, or ``XLSXError/Code/workbookClosed``.
    func liveHandle(_ operation: @autoclosure () -> String) throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        try ensureOpen(operation())
        guard let handle else {
            throw XLSXError(code: .workbookClosed, message: "the workbook is closed", operation: operation())
        }
        return handle
    }

    /// Throws ``XLSXError/Code/workbookClosed`` unless the workbook is still open.
    func ensureOpen(_ operation: @autoclosure () -> String) throws(XLSXError) {
        guard handle == nil else { return }
        throw XLSXError(
            code: .workbookClosed,
            message: "the workbook for \(path) is already closed or discarded", operation: operation())
    }

    private func removeStagingFile() {
        // Best effort: after a failed close the staging file may or may not exist.
        if unlink(stagingPath) != 0, errno != ENOENT {
            // Nothing more to do: the error being thrown already explains the failure.
        }
    }

    private static func checkOutputDirectory(for path: String, _ operation: String) throws(XLSXError) -> String {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw XLSXError(code: .outputDirectory, message: "\"\(path)\" is not a file path", operation: operation)
        }
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        try checkDirectory(directory, role: "output directory", operation)
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw XLSXError(code: .outputDirectory, message: "\(path) is a directory", operation: operation)
        }
        return directory
    }

    private static func checkDirectory(_ directory: String, role: String, _ operation: String) throws(XLSXError) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw XLSXError(code: .outputDirectory, message: "\(role) \(directory) does not exist", operation: operation)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw XLSXError(code: .outputDirectory, message: "\(role) \(directory) is not a directory", operation: operation)
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw XLSXError(code: .outputDirectory, message: "\(role) \(directory) is not writable", operation: operation)
        }
    }
}

@available(*, unavailable)
extension Workbook: Sendable {}

/// Swift-side bookkeeping for one worksheet.
final class SheetState {
    let name: String
    let pointer: UnsafeMutablePointer<lxw_worksheet>
    var mergedRanges: [CellRange] = []
    var tableRanges: [CellRange] = []
    /// The highest row written so far (used in constant-memory mode, where rows must come in order).
    var currentRow = -1

    init(name: String, pointer: UnsafeMutablePointer<lxw_worksheet>) {
        self.name = name
        self.pointer = pointer
    }
}

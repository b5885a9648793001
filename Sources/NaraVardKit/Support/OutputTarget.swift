import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file or report folder a command was asked to write, checked before any work is done, so that naravard
/// never replaces what it was not asked to write.
///
/// A file target may be a new file in an existing folder or an existing regular file. A symbolic link is
/// followed: the file it points to is replaced in place and the link stays. Refused (``OutputRefusal``):
/// a folder, a device, FIFO or socket, a dangling link, and any file the command protects (the store and its
/// `-wal`, `-shm` and `-journal` files, the command's inputs). The bytes are written to a staging file beside
/// the destination (`.NAME.PID.tmp`) and renamed over it, so a reader sees the old file or the new, never a mix;
/// staging files of runs that were killed are removed by the next run.
///
/// ```swift
/// let target = try OutputTarget.file("alla.csv", store: store.path, inputs: inputs)
/// let writer = try CSVWriter(target: target, dialect: .swedishExcel)
/// ```
public struct OutputTarget: Sendable {
    /// The path as the user gave it, for messages.
    public let path: String
    /// Where the bytes go: ``path`` with its folder and any symbolic link resolved.
    public let destination: String

    /// The staging path of this process beside ``destination``.
    package var stagingPath: String { Self.staging(for: destination, suffix: "tmp") }

    /// A single file to write, never `store` (nor the files SQLite keeps beside it) or one of `inputs`.
    public static func file(_ path: String, store: String? = nil, inputs: [String] = []) throws(OutputRefusal) -> OutputTarget {
        let destination = try resolve(path, wantsFolder: false)
        try refuseProtected(path, destination: destination, store: store, inputs: inputs)
        removeStaleStaging(of: destination)
        return OutputTarget(path: path, destination: destination)
    }

    /// A report folder: missing, empty, or one naravard wrote for a report (it holds ``folderMarker`` and
    /// nothing but `.csv` files); it is replaced whole by ``replaceFolder(with:)``.
    public static func reportFolder(_ path: String, store: String? = nil, inputs: [String] = []) throws(OutputRefusal) -> OutputTarget {
        let destination = try resolve(path, wantsFolder: true)
        try refuseProtected(path, destination: destination, store: store, inputs: inputs)
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: destination), !entries.isEmpty {
            let ours = entries.contains(folderMarker) && entries.allSatisfy { $0 == folderMarker || $0.hasSuffix(".csv") }
            guard ours else {
                throw OutputRefusal(path, "the folder holds files naravard did not write for a report; give a new or empty folder")
            }
        }
        removeStaleStaging(of: destination)
        return OutputTarget(path: path, destination: destination)
    }

    /// The file in a report folder that says naravard wrote it.
    package static let folderMarker = ".naravard-report"

    /// Moves the finished staging file into place (``stagingPath`` → ``destination``).
    package func commitStagedFile() throws(OutputRefusal) {
        guard rename(stagingPath, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(stagingPath)
            throw OutputRefusal(path, "could not be moved into place (\(reason))", exitCode: 1)
        }
    }

    /// Puts the finished folder `staged` at ``destination``: an earlier report folder is renamed aside first and
    /// removed after, so the files of one report appear together.
    package func replaceFolder(with staged: String) throws(OutputRefusal) {
        let aside = Self.staging(for: destination, suffix: "old")
        let hadFolder = access(destination, F_OK) == 0
        if hadFolder, rename(destination, aside) != 0 {
            throw OutputRefusal(path, "could not be replaced (\(String(cString: strerror(errno))))", exitCode: 1)
        }
        guard rename(staged, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadFolder { rename(aside, destination) }
            throw OutputRefusal(path, "could not be moved into place (\(reason))", exitCode: 1)
        }
        if hadFolder { try? FileManager.default.removeItem(atPath: aside) }
    }

    /// Removes the staging file or folder of this process, if any.
    package func discardStaging() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    // MARK: - Checks

    private static func resolve(_ path: String, wantsFolder: Bool) throws(OutputRefusal) -> String {
        let what = wantsFolder ? "report folder" : "file"
        guard !path.isEmpty else { throw OutputRefusal(path, "an empty path is not a \(what)") }
        let trimmed = wantsFolder && path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let (_, name) = split(trimmed)
        if trimmed.hasSuffix("/") || name.isEmpty || name == "." || name == ".." {
            throw OutputRefusal(path, wantsFolder ? "give the report folder by name, not as . or .." : "is a folder; give a file name")
        }
        var info = stat()
        guard lstat(trimmed, &info) == 0 else {
            guard errno == ENOENT else { throw OutputRefusal(path, "cannot be checked (\(String(cString: strerror(errno))))", exitCode: 1) }
            return try newPath(trimmed, name: name, shown: path)
        }
        var destination = trimmed
        if (info.st_mode & S_IFMT) == S_IFLNK {
            if wantsFolder { throw OutputRefusal(path, "is a symbolic link; give the report folder itself") }
            guard let real = realpath(trimmed, nil) else {
                throw OutputRefusal(path, "is a symbolic link to a file that does not exist; naravard does not create files through links")
            }
            destination = String(cString: real)
            free(real)
            stat(destination, &info)
        } else {
            destination = try newPath(trimmed, name: name, shown: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG where !wantsFolder, S_IFDIR where wantsFolder: return destination
        case S_IFDIR: throw OutputRefusal(path, "is a folder; give a file name")
        case S_IFREG: throw OutputRefusal(path, "is a file; give a folder for the report's CSV files")
        case S_IFCHR, S_IFBLK: throw OutputRefusal(path, "is a device; naravard writes only regular files")
        case S_IFIFO: throw OutputRefusal(path, "is a FIFO; naravard writes only regular files")
        case S_IFSOCK: throw OutputRefusal(path, "is a socket; naravard writes only regular files")
        default: throw OutputRefusal(path, "is not a regular file")
        }
    }

    /// `path` with its folder resolved (``canonical(_:)`` of a file to create); the folder must exist and be writable.
    private static func newPath(_ path: String, name: String, shown: String) throws(OutputRefusal) -> String {
        let shownFolder = split(path).folder
        guard let real = realpath(shownFolder, nil) else {
            let reason = errno == ENOTDIR ? "is not a folder" : "does not exist"
            throw OutputRefusal(shown, "the folder \(shownFolder) \(reason)", exitCode: 1)
        }
        defer { free(real) }
        let resolvedFolder = String(cString: real)
        guard access(resolvedFolder, W_OK | X_OK) == 0 else {
            throw OutputRefusal(shown, "the folder \(shownFolder) is not writable (permission denied)", exitCode: 1)
        }
        return (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + name
    }

    private static func refuseProtected(_ path: String, destination: String, store: String?, inputs: [String]) throws(OutputRefusal) {
        var target = stat()
        let targetExists = stat(destination, &target) == 0
        let storeFiles = store.map { store in ["", "-wal", "-shm", "-journal"].map { (store + $0, "the store \(store) or a file SQLite keeps beside it") } } ?? []
        for (protected, role) in storeFiles + inputs.map({ ($0, "an input of this command") }) {
            var info = stat()
            let sameFile = targetExists && stat(protected, &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino
            guard sameFile || canonical(protected) == destination || isInside(protected, folder: destination) else {
                continue
            }
            throw OutputRefusal(path, "is \(role); naravard never writes over it")
        }
    }

    /// Whether `path` lies inside the folder `folder` (a report folder), both as the file system resolves them.
    private static func isInside(_ path: String, folder: String) -> Bool {
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, let resolvedFolder = canonical(folder),
              let resolvedPath = canonical(path) else { return false }
        return resolvedPath.hasPrefix(resolvedFolder + "/")
    }

    /// The path as the file system resolves it: links and `..` followed; for a file that does not exist yet,
    /// its folder resolved and its name kept. Nil when its folder does not exist.
    private static func canonical(_ path: String) -> String? {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let (folder, name) = split(path)
        guard let real = realpath(folder, nil) else { return nil }
        defer { free(real) }
        let resolvedFolder = String(cString: real)
        return (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + name
    }

    // MARK: - Staging

    /// The folder (`.` when none is written) and the last component of a path.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = path[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
    }

    private static func staging(for destination: String, suffix: String) -> String {
        let (folder, name) = split(destination)
        return "\(folder)/.\(name).\(getpid()).\(suffix)"
    }

    /// Removes `.NAME.PID.tmp` and `.NAME.PID.old` files and folders (and a workbook's own `..NAME.PID.tmp.…`
    /// staging) left by runs whose process no longer exists.
    private static func removeStaleStaging(of destination: String) {
        let (folder, name) = split(destination)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries {
            let rest: Substring
            if entry.hasPrefix(".\(name).") {
                rest = entry.dropFirst(name.count + 2)
            } else if entry.hasPrefix("..\(name).") {
                rest = entry.dropFirst(name.count + 3)
            } else {
                continue
            }
            let parts = rest.split(separator: ".", maxSplits: 1)
            guard parts.count == 2, let pid = Int32(parts[0]), parts[1].hasPrefix("tmp") || parts[1] == "old",
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + entry)
        }
    }
}

/// An output target naravard will not write: one line, and the exit code (64 refused by rule, 1 when the system
/// cannot write there).
public struct OutputRefusal: Error, CustomStringConvertible {
    public let description: String
    package let exitCode: Int32

    init(_ path: String, _ reason: String, exitCode: Int32 = 64) {
        description = "\(path.isEmpty ? "''" : path): \(reason); nothing was written"
        self.exitCode = exitCode
    }
}

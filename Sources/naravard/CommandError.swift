import Foundation
import NaraVardKit

/// Why a command failed, in the shape of ``XLSXError``: a kind (which README's exit code it gives) and the text
/// to tell, with what it is about. Commands throw it, and errors of NaraVardKit are turned into it in one place
/// (``init(_:store:)``); only `Naravard.main` prints it (one line on standard error, or for a refused input one
/// line per problem) and exits with its code.
///
/// ```swift
/// throw CommandError.usage("the store has no values yet: give --period")
/// // Error: the store has no values yet: give --period   (exit 64, nothing else on standard error)
/// ```
struct CommandError: Error, CustomStringConvertible {
    /// What went wrong, and so the exit code README documents.
    enum Kind: Sendable {
        /// A request the store cannot answer as asked (an unknown indicator, area or import, a period without
        /// data) or an output target refused by rule: 64.
        case usage
        /// An input refused, nothing written (a bad data file, catalogue or definition), or `check` found
        /// something: 65.
        case refusedInput
        /// An input file or folder missing or unreadable: 66.
        case missingInput
        /// The store missing, not a naravard store, of a newer naravard, or (for a reader) in need of an upgrade: 66.
        case notAStore
        /// Anything else: the disk full, a locked or read-only store, an output that cannot be written: 1.
        case system

        var exitCode: Int32 {
            switch self {
            case .usage: 64
            case .refusedInput: 65
            case .missingInput, .notAStore: 66
            case .system: 1
            }
        }
    }

    let kind: Kind
    /// What is told on standard error; nil when the command has already told its outcome (an ingest's summary,
    /// `check`'s findings) and only the exit code is left.
    let message: String?
    /// What the message is about: a file or the store, or `Error` for the request itself (as ArgumentParser
    /// writes its usage errors).
    let context: String?

    init(_ kind: Kind, _ message: String?, context: String? = nil) {
        self.kind = kind
        self.message = message
        self.context = context
    }

    /// The message, after its context where it has one.
    var description: String {
        guard let message else { return "" }
        return context.map { "\($0): \(message)" } ?? message
    }

    /// A request the store cannot answer, told as ArgumentParser tells a usage error (`Error: …`) but without
    /// the usage text.
    static func usage(_ message: String) -> CommandError {
        CommandError(.usage, message, context: "Error")
    }

    /// An indicator id the catalogue does not have: the same line in every command.
    static func unknownIndicator(_ id: String) -> CommandError {
        .usage("no indicator '\(id)' in the catalogue (see `naravard catalog list`)")
    }

    /// An input file or folder that is not there.
    static func missing(_ path: String) -> CommandError {
        CommandError(.missingInput, "no such file or folder", context: path)
    }

    /// An input refused with every problem as `FILE:LINE[:COLUMN]: message`, then what that means (`outcome`).
    static func refused(_ diagnostics: Diagnostics, _ outcome: String) -> CommandError {
        CommandError(.refusedInput, diagnostics.description + "\n" + outcome)
    }

    /// An outcome already printed that exits with the code of `kind`.
    static func told(_ kind: Kind) -> CommandError {
        CommandError(kind, nil)
    }
}

extension CommandError {
    /// The error a failure of NaraVardKit, SQLite or the file system stands for, or nil for an error of no
    /// known kind (ArgumentParser's own, or a fault that is not ours to explain).
    ///
    /// - Parameters:
    ///   - error: What a command threw.
    ///   - store: The `--db` path, named in the store's failures (locked, read-only, disk full).
    init?(_ error: any Error, store: String) {
        switch error {
        case let error as CommandError:
            self = error
        case let error as StoreQueryError:
            self = .usage(error.description)
        case let error as OutputRefusal:
            self.init(error.exitCode == Kind.usage.exitCode ? .usage : .system, error.description)
        case let error as MetricsStore.OpenError:
            self.init(.notAStore, error.reason, context: error.path)
        case let error as InputFileError:
            self.init(.missingInput, error.reason, context: error.path)
        case let error as Diagnostics:
            self.init(.refusedInput, error.description)
        default:
            guard let failure = SystemFailure(error, store: store) else { return nil }
            self.init(failure.storeUnreadable ? .notAStore : .system, failure.description)
        }
    }
}

/// A command that names the store (`--db`), so that a failure of the store can name its path.
protocol StoreCommand {
    var store: StoreOptions { get }
}

import ArgumentParser
import FactStore
import Foundation

/// `heapsight prune`: deletes old runs and reclaims the space.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete old runs (keeping labelled ones) and reclaim the space.",
        discussion: "Run numbers are never reused after a prune.")

    @OptionGroup var store: HistoryStoreOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Keep the newest N runs.", valueName: "N"))
    var keep: Int?

    @Option(help: ArgumentHelp("Delete runs started before this UTC date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS).", valueName: "DATE"))
    var before: String?

    @Flag(name: .customLong("include-labelled"), help: "Also delete labelled runs.")
    var includeLabelled = false

    @Flag(name: .customLong("dry-run"), help: "Only list what would be deleted.")
    var dryRun = false

    func validate() throws {
        if keep == nil && before == nil { throw ValidationError("give --keep N or --before DATE (or both)") }
        if let keep, keep < 0 { throw ValidationError("--keep must be 0 or more") }
        if let before, DateArgument.parse(before) == nil {
            throw ValidationError("--before '\(before)' is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (UTC)")
        }
    }

    func run() throws {
        try runReportingErrors {
            let db = try StoreAccess.openExistingForWriting(try store.location())
            let outcome = try Prune.run(db, keep: keep, before: before.flatMap(DateArgument.parse),
                                        includeLabelled: includeLabelled, dryRun: dryRun)
            let verb = dryRun ? "would delete" : "deleted"
            print("\(verb) \(outcome.deleted.count) \(outcome.deleted.count == 1 ? "run" : "runs")\(RunList.describe(outcome.deleted)); kept \(outcome.kept.count)")
            if !dryRun && !outcome.deleted.isEmpty {
                print("database: \(ByteCount.describe(outcome.bytesBefore)) → \(ByteCount.describe(outcome.bytesAfter))")
            }
        }
    }
}

/// Parsing of user-given dates.
enum DateArgument {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[Z]`, in UTC.
    static func parse(_ text: String) -> Date? { RunDateParser.parse(text) }
}

/// Compact descriptions of run number lists: ` (1–3, 7)`.
enum RunList {
    /// The ranges of `ids`, or "" when empty.
    static func describe(_ ids: [Int64]) -> String {
        guard !ids.isEmpty else { return "" }
        var parts: [String] = []
        var start = ids[0], prev = ids[0]
        for id in ids.dropFirst() + [Int64.min] {
            if id == prev + 1 { prev = id; continue }
            parts.append(start == prev ? "\(start)" : "\(start)–\(prev)")
            start = id; prev = id
        }
        return " (\(parts.joined(separator: ", ")))"
    }
}

/// Human byte counts.
enum ByteCount {
    /// `812 KB`, `12.3 MB`.
    static func describe(_ n: Int64) -> String {
        if n < 1_000_000 { return "\((n + 999) / 1000) KB" }
        return String(format: "%.1f MB", Double(n) / 1_000_000)
    }
}

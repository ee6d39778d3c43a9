import Foundation

/// Deletes old runs with everything that hangs off them, then reclaims the space.
public enum Prune {
    /// What a prune did.
    public struct Outcome: Sendable, Hashable {
        /// Run numbers deleted, ascending.
        public var deleted: [Int64]
        /// Run numbers kept, ascending.
        public var kept: [Int64]
        /// Database size in bytes before and after (main file plus WAL).
        public var bytesBefore: Int64
        /// Size after the vacuum.
        public var bytesAfter: Int64
    }

    /// Deletes runs beyond the newest `keep`, and/or runs started before `before`. Labelled
    /// runs are kept unless `includeLabelled`. With neither limit nothing is deleted.
    public static func run(_ store: FactStore, keep: Int?, before: Date?, includeLabelled: Bool,
                           dryRun: Bool = false) throws -> Outcome {
        let runs = try store.runs()
        let newestFirst = runs.sorted { $0.id > $1.id }
        var doomed = Set<Int64>()
        if let keep {
            for r in newestFirst.dropFirst(max(keep, 0)) { doomed.insert(r.id) }
        }
        if let before {
            for r in runs where r.record.startedAt < before { doomed.insert(r.id) }
        }
        if !includeLabelled {
            for r in runs where r.record.label != nil { doomed.remove(r.id) }
        }
        let deleted = doomed.sorted()
        let kept = runs.map(\.id).filter { !doomed.contains($0) }
        let bytesBefore = store.fileSize()
        if dryRun || deleted.isEmpty {
            return Outcome(deleted: dryRun ? deleted : [], kept: dryRun ? kept : runs.map(\.id), bytesBefore: bytesBefore, bytesAfter: bytesBefore)
        }
        try store.deleteRuns(deleted)
        return Outcome(deleted: deleted, kept: kept, bytesBefore: bytesBefore, bytesAfter: store.fileSize())
    }
}

extension FactStore {
    /// Tables with a `run_id` column, children first.
    static let runTables = ["profile_sites", "profiles", "function_metrics", "package_metrics", "facts", "functions", "files", "packages", "diagnostics",
                            "directives", "pass_executions"]

    /// Deletes runs in one transaction, drops unused function names, then returns the space.
    func deleteRuns(_ ids: [Int64]) throws {
        guard !isReadOnly else { throw FactStoreError.writeRefused(sql: "prune") }
        try locked {
            try db.writeTransaction {
                for id in ids {
                    for table in Self.runTables { try db.run("DELETE FROM \(table) WHERE run_id = ?1", [.int(id)]) }
                    try db.run("DELETE FROM runs WHERE id = ?1", [.int(id)])
                }
                try db.execute("""
                    DELETE FROM function_names WHERE NOT EXISTS (
                      SELECT 1 FROM function_metrics m WHERE m.function_id = function_names.function_id)
                    """)
            }
            try db.reclaimSpace()
        }
    }

    /// Bytes the store occupies: the database file plus its WAL for SQLite, the database's
    /// size on the server for PostgreSQL.
    public func fileSize() -> Int64 {
        (try? locked { db.storageSize() }) ?? 0
    }
}

import Foundation
import PassKit

extension FactStore {
    static let runColumns = """
        r.id, r.started_at, r.finished_at, r.roots, r.git_commit, r.git_branch, r.git_dirty, r.label, r.engine,
        r.tool_version, r.go_version, r.goroot, r.goos, r.goarch, r.config_hash, r.status, r.skipped,
        r.package_count, r.function_count, r.fact_count, r.diagnostic_count, r.git_committed_at
        """

    static func storedRun(_ s: any StoreRow) -> StoredRun {
        let record = RunRecord(
            startedAt: Timestamp.parse(s.text(1)) ?? Date(timeIntervalSince1970: 0),
            finishedAt: Timestamp.parse(s.text(2)) ?? Date(timeIntervalSince1970: 0),
            roots: JSONText.decode(s.text(3)), gitCommit: s.optionalText(4), gitBranch: s.optionalText(5),
            gitDirty: s.isNull(6) ? nil : s.int(6) != 0, gitCommittedAt: s.optionalText(21).flatMap(Timestamp.parse), label: s.optionalText(7), engine: s.text(8),
            toolVersion: s.text(9), goVersion: s.optionalText(10), goroot: s.optionalText(11), goos: s.text(12),
            goarch: s.text(13), configHash: s.text(14), status: s.text(15), skipped: JSONText.decode(s.text(16)))
        return StoredRun(id: s.int64(0), record: record, packageCount: s.int(17), functionCount: s.int(18),
                         factCount: s.int(19), diagnosticCount: s.int(20))
    }

    /// The columns `fact(_:)` reads, in its order.
    static let factColumns = "kind, file, line, col, subject, detail, function_id, explanation, external"

    /// A fact from a row of (kind, file, line, col, subject, detail, function_id, explanation, external).
    static func fact(_ s: any StoreRow) -> Fact {
        Fact(kind: FactKind(rawValue: s.text(0)) ?? .alloc, file: s.text(1), line: s.int(2), column: s.int(3),
             subject: s.text(4), detail: s.text(5), function: s.optionalText(6),
             explanation: JSONText.decode(s.text(7)), external: s.int(8) != 0)
    }

    /// All runs, oldest first.
    public func runs() throws -> [StoredRun] {
        try locked { try db.rows("SELECT \(Self.runColumns) FROM runs r ORDER BY r.id", map: Self.storedRun) }
    }

    /// One run, or nil when there is no run with this number.
    public func run(id: Int64) throws -> StoredRun? {
        try locked { try db.rows("SELECT \(Self.runColumns) FROM runs r WHERE r.id = ?1", [.int(id)], map: Self.storedRun).first }
    }

    /// The run's facts in canonical order (`Fact.canonicalOrder`); facts outside the scanned
    /// tree only when asked.
    public func facts(run: Int64, includeExternal: Bool = false) throws -> [Fact] {
        let facts = try locked {
            try db.rows("""
                SELECT kind, file, line, col, subject, detail, function_id, explanation, external
                FROM facts WHERE run_id = ?1 AND (?2 = 1 OR external = 0)
                ORDER BY file, line, col, kind, subject, detail, function_id, external
                """, [.int(run), .bool(includeExternal)], map: Self.fact)
        }
        // SQLite's byte order is the canonical order for all but exotic Unicode; the (stable,
        // run-detecting) sort then costs one pass and settles any difference.
        return facts.sorted(by: Fact.canonicalOrder)
    }

    /// The run's functions, ordered by file, position and id.
    public func functions(run: Int64) throws -> [FunctionRecord] {
        try locked {
            try db.rows("""
                SELECT function_id, package, receiver, name, file, line, col, start_line, start_col, end_line, end_col,
                  line_count, statement_count, directives, is_literal, parent
                FROM functions WHERE run_id = ?1 ORDER BY file, start_line, start_col, function_id
                """, [.int(run)]) { s in
                FunctionRecord(id: s.text(0), package: s.text(1), receiver: s.text(2), name: s.text(3), file: s.text(4),
                               line: s.int(5), column: s.int(6), startLine: s.int(7), startColumn: s.int(8),
                               endLine: s.int(9), endColumn: s.int(10), lineCount: s.int(11),
                               statementCount: s.int(12), directives: JSONText.decode(s.text(13)),
                               isLiteral: s.int(14) != 0, parent: s.optionalText(15))
            }
        }
    }

    /// The run's diagnostics, ordered by file, line, column, source, message.
    public func diagnostics(run: Int64) throws -> [Diagnostic] {
        try locked {
            try db.rows("""
                SELECT severity, source, file, line, col, message, package FROM diagnostics WHERE run_id = ?1
                ORDER BY file, line, col, source, message
                """, [.int(run)]) { s in
                Diagnostic(severity: Diagnostic.Severity(rawValue: s.text(0)) ?? .error, source: s.text(1),
                           file: s.text(2), line: s.int(3), column: s.int(4), message: s.text(5),
                           package: s.optionalText(6))
            }
        }
    }

    /// The run's packages, ordered by import path.
    public func packages(run: Int64) throws -> [PackageRecord] {
        try locked {
            try db.rows("""
                SELECT import_path, name, directory, is_standard, failed FROM packages WHERE run_id = ?1 ORDER BY import_path
                """, [.int(run)]) { s in
                PackageRecord(importPath: s.text(0), name: s.text(1), directory: s.text(2),
                              isStandard: s.int(3) != 0, failed: s.int(4) != 0)
            }
        }
    }

    /// The run's files, ordered by path.
    public func files(run: Int64) throws -> [FileRecord] {
        try locked {
            try db.rows("SELECT path, package, sha256, bytes, lines FROM files WHERE run_id = ?1 ORDER BY path",
                        [.int(run)]) { s in
                FileRecord(path: s.text(0), package: s.text(1), sha256: s.text(2), bytes: s.int(3), lines: s.int(4))
            }
        }
    }
}

import Foundation
import PassKit

extension FactStore {
    /// Records a run and everything in it in one transaction, materializes its metrics, and
    /// returns its number. On any error nothing of the run is left in the database.
    @discardableResult
    public func record(_ content: RunContent) throws -> Int64 {
        try record(content, origin: nil)
    }

    /// Records a run; a copied run (`origin`) keeps its number when no run at or above it was
    /// ever recorded here, and keeps whether its directives and passes were recorded.
    func record(_ content: RunContent, origin: RunOrigin?) throws -> Int64 {
        guard !isReadOnly else { throw FactStoreError.writeRefused(sql: "record run") }
        guard RunRecord.statuses.contains(content.run.status) else {
            throw FactStoreError.invalidRun(reason: "status '\(content.run.status)' is not one of \(RunRecord.statuses.joined(separator: ", "))")
        }
        let factPackages = RunWriter.packages(ofFactsIn: content)
        // The metrics need only the content: computed on another core while the rows are written.
        let metrics = ConcurrentValue { RunMetrics(content, packages: factPackages) }
        return try locked {
            try db.writeTransaction {
                let id = try RunWriter(db: db).write(content, factPackages: factPackages, origin: origin)
                try metrics.value.write(run: id, content: content, on: db)
                try ProfileWriter.materialize(run: id, on: db)
                return id
            }
        }
    }
}

/// Inserts the rows of one run with reused prepared statements.
struct RunWriter {
    let db: any StoreConnection

    /// The package each fact is stored with (`FactPackages`, the whole run as one part).
    static func packages(ofFactsIn content: RunContent) -> [String?] {
        var packages = FactPackages()
        return packages.add(files: content.files, functions: content.functions, facts: content.facts)
    }

    /// Writes all rows and returns the new run id; `factPackages` is `packages(ofFactsIn:)`.
    func write(_ content: RunContent, factPackages: [String?], origin: RunOrigin? = nil) throws -> Int64 {
        let id = try insertRun(content.run, origin: origin)
        var rows = try PackageRows(db: db, run: id)
        try rows.add(packages: content.packages)
        try rows.add(files: content.files)
        try rows.add(functions: content.functions)
        try rows.add(facts: content.facts, packages: factPackages, explanations: content.explanationTexts)
        try writeRest(content, run: id)
        return id
    }

    /// The `runs` columns a run record sets, in the order of `insertRun`'s statement.
    private static let runColumns = ["started_at", "finished_at", "roots", "git_commit", "git_branch", "git_dirty",
                                     "label", "engine", "tool_version", "go_version", "goroot", "goos", "goarch",
                                     "config_hash", "status", "skipped", "git_committed_at"]

    /// A run record's values for `runColumns`.
    private static func runValues(_ r: RunRecord) -> [SQLValue] {
        [.text(Timestamp.format(r.startedAt)), .text(Timestamp.format(r.finishedAt)),
         .text(JSONText.encode(r.roots)), .optional(r.gitCommit), .optional(r.gitBranch),
         .bool(r.gitDirty), .optional(r.label), .text(r.engine), .text(r.toolVersion),
         .optional(r.goVersion), .optional(r.goroot), .text(r.goos), .text(r.goarch),
         .text(r.configHash), .text(r.status), .text(JSONText.encode(r.skipped)),
         .optional(r.gitCommittedAt.map(Timestamp.format))]
    }

    /// Inserts the `runs` row and returns its id: the copied run's number when `origin` has one
    /// no run at or above was ever given, else the next.
    func insertRun(_ r: RunRecord, origin: RunOrigin?) throws -> Int64 {
        var number: Int64? = nil
        if let wanted = origin?.id, wanted > (try db.lastRunID()) { number = wanted }
        let columns = Self.runColumns + ["directives_recorded", "passes_recorded"] + (number == nil ? [] : ["id"])
        let values = Self.runValues(r) + [.bool(origin?.directivesRecorded ?? true), .bool(origin?.passesRecorded ?? true)]
            + (number.map { [SQLValue.int($0)] } ?? [])
        let id = try db.insertReturningID("""
            INSERT INTO runs(\(columns.joined(separator: ", ")))
            VALUES(\((1...values.count).map { "?\($0)" }.joined(separator: ", ")))
            """, values)
        if let number { try db.claimRunID(number) }
        return id
    }

    /// Sets every column of run `id` that a run record holds (a run recorded while it was
    /// produced is inserted before its end, status and git state are known).
    func updateRun(_ id: Int64, to r: RunRecord) throws {
        let assignments = Self.runColumns.enumerated().map { "\($1) = ?\($0 + 2)" }.joined(separator: ", ")
        try db.run("UPDATE runs SET \(assignments) WHERE id = ?1", [.int(id)] + Self.runValues(r))
    }

    /// Writes the rows that follow the packages' own: diagnostics, directives, pass
    /// executions and profiles.
    func writeRest(_ content: RunContent, run id: Int64) throws {
        let diag = try db.inserter("""
            INSERT INTO diagnostics(run_id, severity, source, file, line, col, message, package)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
        for d in content.diagnostics {
            try diag.add([.int(id), .text(d.severity.rawValue), .text(d.source), .text(d.file), .integer(d.line),
                           .integer(d.column), .text(d.message), .optional(d.package)])
        }
        try writeDirectives(content.directives, run: id)
        let pass = try db.inserter("""
            INSERT INTO pass_executions(run_id, package, pass, status, reason, fact_kinds) VALUES(?1, ?2, ?3, ?4, ?5, ?6)
            """)
        for p in content.passes {
            try pass.add([.int(id), .text(p.package), .text(p.pass), .text(p.status.rawValue), .text(p.reason),
                           .text(JSONText.encode(p.factKinds.map(\.rawValue)))])
        }
        try ProfileWriter(db: db).write(content.profiles, run: id)
    }

    /// One row per directive comment: placed ones with their verb and target, invalid ones and
    /// notes with their message.
    private func writeDirectives(_ found: SourceDirectives, run id: Int64) throws {
        let row = try db.inserter("""
            INSERT INTO directives(run_id, file, line, col, text, status, namespace, verb, rule, reason, function_id,
              target_line, message)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """)
        for d in found.directives {
            var targetLine: SQLValue = .null
            if case .statement(_, let line) = d.target { targetLine = .integer(line) }
            try row.add([.int(id), .text(d.file), .integer(d.line), .integer(d.column), .text(d.text), .text("placed"),
                          .text(d.namespace), .text(d.verb.rawValue), .optional(d.rule), .optional(d.reason),
                          .text(d.function), targetLine, .null])
        }
        for p in found.problems {
            try row.add([.int(id), .text(p.file), .integer(p.line), .integer(p.column), .text(p.text), .text("invalid"),
                          .null, .null, .null, .null, .optional(p.function), .null, .text(p.message)])
        }
        for n in found.notes {
            try row.add([.int(id), .text(n.file), .integer(n.line), .integer(n.column), .text(n.text), .text("note"),
                          .null, .null, .null, .null, .null, .null, .text(n.message)])
        }
    }

}

extension FactStore {
    /// Sets the git commit, branch and commit date of a recorded run where given (used by
    /// `backfill`, which scans detached worktrees and knows the branch and date the scan itself
    /// cannot see).
    public func annotate(run id: Int64, gitCommit: String? = nil, gitBranch: String?, gitCommittedAt: Date?) throws {
        guard !isReadOnly else { throw FactStoreError.writeRefused(sql: "annotate run") }
        try locked {
            try db.writeTransaction {
                try db.run("""
                    UPDATE runs SET git_branch = COALESCE(?2, git_branch), git_committed_at = COALESCE(?3, git_committed_at),
                      git_commit = COALESCE(?4, git_commit)
                    WHERE id = ?1
                    """, [.int(id), .optional(gitBranch), .optional(gitCommittedAt.map(Timestamp.format)), .optional(gitCommit)])
            }
        }
    }

    /// The newest run recorded for a commit, if any.
    public func run(commit: String) throws -> Int64? {
        try locked { try db.scalarInt("SELECT max(id) FROM runs WHERE git_commit = ?1", [.text(commit)]) }
    }
}

import Foundation
import PassKit

extension FactStore {
    /// Records a run and everything in it in one transaction, materializes its metrics, and
    /// returns its number. On any error nothing of the run is left in the database.
    @discardableResult
    public func record(_ content: RunContent) throws -> Int64 {
        guard !isReadOnly else { throw FactStoreError.writeRefused(sql: "record run") }
        guard RunRecord.statuses.contains(content.run.status) else {
            throw FactStoreError.invalidRun(reason: "status '\(content.run.status)' is not one of \(RunRecord.statuses.joined(separator: ", "))")
        }
        return try locked {
            try WriteTransaction.run(db, path: path) {
                let id = try RunWriter(db: db).write(content)
                try MetricsMaterializer.materialize(run: id, on: db)
                try MetricsMaterializer.fingerprint(run: id, on: db)
                try ProfileWriter.materialize(run: id, on: db)
                return id
            }
        }
    }
}

/// Inserts the rows of one run with reused prepared statements.
struct RunWriter {
    let db: SQLiteConnection

    /// Writes all rows and returns the new run id.
    func write(_ content: RunContent) throws -> Int64 {
        let r = content.run
        try db.run("""
            INSERT INTO runs(started_at, finished_at, roots, git_commit, git_branch, git_dirty, label, engine,
              tool_version, go_version, goroot, goos, goarch, config_hash, status, skipped, git_committed_at,
              directives_recorded, passes_recorded)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 1, 1)
            """, [.text(Timestamp.format(r.startedAt)), .text(Timestamp.format(r.finishedAt)),
                  .text(JSONText.encode(r.roots)), .optional(r.gitCommit), .optional(r.gitBranch),
                  .bool(r.gitDirty), .optional(r.label), .text(r.engine), .text(r.toolVersion),
                  .optional(r.goVersion), .optional(r.goroot), .text(r.goos), .text(r.goarch),
                  .text(r.configHash), .text(r.status), .text(JSONText.encode(r.skipped)),
                  .optional(r.gitCommittedAt.map(Timestamp.format))])
        let id = db.lastInsertRowID

        let pkg = try db.cached("INSERT INTO packages(run_id, import_path, name, directory, is_standard, failed) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        for p in content.packages {
            try pkg.bind([.int(id), .text(p.importPath), .text(p.name), .text(p.directory), .bool(p.isStandard), .bool(p.failed)])
            try finish(pkg)
        }

        let file = try db.cached("INSERT INTO files(run_id, path, package, sha256, bytes, lines) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        var packageOfFile: [String: String] = [:]
        for f in content.files {
            packageOfFile[f.path] = f.package
            try file.bind([.int(id), .text(f.path), .text(f.package), .text(f.sha256), .integer(f.bytes), .integer(f.lines)])
            try finish(file)
        }

        let fn = try db.cached("""
            INSERT INTO functions(run_id, function_id, package, receiver, name, file, line, col, start_line, start_col,
              end_line, end_col, line_count, statement_count, directives, is_literal, parent)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """)
        let name = try db.cached("INSERT OR IGNORE INTO function_names(function_id) VALUES(?1)")
        var packageOfFunction: [String: String] = [:]
        for f in content.functions {
            packageOfFunction[f.id] = f.package
            try fn.bind([.int(id), .text(f.id), .text(f.package), .text(f.receiver), .text(f.name), .text(f.file),
                         .integer(f.line), .integer(f.column), .integer(f.startLine), .integer(f.startColumn),
                         .integer(f.endLine), .integer(f.endColumn), .integer(f.lineCount),
                         .integer(f.statementCount), .text(JSONText.encode(f.directives)), .bool(f.isLiteral),
                         .optional(f.parent)])
            try finish(fn)
            try name.bind([.text(f.id)])
            try finish(name)
        }

        let fact = try db.cached("""
            INSERT INTO facts(run_id, kind, file, line, col, subject, detail, function_id, package, explanation, external)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """)
        for f in content.facts {
            let package = f.function.flatMap { packageOfFunction[$0] } ?? packageOfFile[f.file]
            try fact.bind([.int(id), .text(f.kind.rawValue), .text(f.file), .integer(f.line), .integer(f.column),
                           .text(f.subject), .text(f.detail), .optional(f.function), .optional(package),
                           .text(JSONText.encode(f.explanation)), .bool(f.external)])
            try finish(fact)
            if let function = f.function, packageOfFunction[function] == nil {
                try name.bind([.text(function)])
                try finish(name)
            }
        }

        let diag = try db.cached("""
            INSERT INTO diagnostics(run_id, severity, source, file, line, col, message, package)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """)
        for d in content.diagnostics {
            try diag.bind([.int(id), .text(d.severity.rawValue), .text(d.source), .text(d.file), .integer(d.line),
                           .integer(d.column), .text(d.message), .optional(d.package)])
            try finish(diag)
        }
        try writeDirectives(content.directives, run: id)
        let pass = try db.cached("""
            INSERT INTO pass_executions(run_id, package, pass, status, reason, fact_kinds) VALUES(?1, ?2, ?3, ?4, ?5, ?6)
            """)
        for p in content.passes {
            try pass.bind([.int(id), .text(p.package), .text(p.pass), .text(p.status.rawValue), .text(p.reason),
                           .text(JSONText.encode(p.factKinds.map(\.rawValue)))])
            try finish(pass)
        }
        try ProfileWriter(db: db).write(content.profiles, run: id)
        return id
    }

    /// One row per directive comment: placed ones with their verb and target, invalid ones and
    /// notes with their message.
    private func writeDirectives(_ found: SourceDirectives, run id: Int64) throws {
        let row = try db.cached("""
            INSERT INTO directives(run_id, file, line, col, text, status, namespace, verb, rule, reason, function_id,
              target_line, message)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """)
        for d in found.directives {
            var targetLine: SQLiteValue = .null
            if case .statement(_, let line) = d.target { targetLine = .integer(line) }
            try row.bind([.int(id), .text(d.file), .integer(d.line), .integer(d.column), .text(d.text), .text("placed"),
                          .text(d.namespace), .text(d.verb.rawValue), .optional(d.rule), .optional(d.reason),
                          .text(d.function), targetLine, .null])
            try finish(row)
        }
        for p in found.problems {
            try row.bind([.int(id), .text(p.file), .integer(p.line), .integer(p.column), .text(p.text), .text("invalid"),
                          .null, .null, .null, .null, .optional(p.function), .null, .text(p.message)])
            try finish(row)
        }
        for n in found.notes {
            try row.bind([.int(id), .text(n.file), .integer(n.line), .integer(n.column), .text(n.text), .text("note"),
                          .null, .null, .null, .null, .null, .null, .text(n.message)])
            try finish(row)
        }
    }

    private func finish(_ stmt: SQLiteStatement) throws {
        while try stmt.step() {}
        stmt.reset()
    }
}

extension FactStore {
    /// Sets the git commit, branch and commit date of a recorded run where given (used by
    /// `backfill`, which scans detached worktrees and knows the branch and date the scan itself
    /// cannot see).
    public func annotate(run id: Int64, gitCommit: String? = nil, gitBranch: String?, gitCommittedAt: Date?) throws {
        guard !isReadOnly else { throw FactStoreError.writeRefused(sql: "annotate run") }
        try locked {
            try WriteTransaction.run(db, path: path) {
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

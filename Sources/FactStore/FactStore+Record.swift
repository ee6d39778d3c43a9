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

    /// The package each fact is stored with (`facts.package`): its function's, else its file's.
    static func packages(ofFactsIn content: RunContent) -> [String?] {
        var packageOfFile: [String: String] = [:], packageOfFunction: [String: String] = [:]
        for f in content.files { packageOfFile[f.path] = f.package }
        for f in content.functions { packageOfFunction[f.id] = f.package }
        return content.facts.map { f in f.function.flatMap { packageOfFunction[$0] } ?? packageOfFile[f.file] }
    }

    /// Writes all rows and returns the new run id; `factPackages` is `packages(ofFactsIn:)`.
    func write(_ content: RunContent, factPackages: [String?], origin: RunOrigin? = nil) throws -> Int64 {
        let r = content.run
        var number: Int64? = nil
        if let wanted = origin?.id, wanted > (try db.lastRunID()) { number = wanted }
        let id = try db.insertReturningID("""
            INSERT INTO runs(started_at, finished_at, roots, git_commit, git_branch, git_dirty, label, engine,
              tool_version, go_version, goroot, goos, goarch, config_hash, status, skipped, git_committed_at,
              directives_recorded, passes_recorded\(number == nil ? "" : ", id"))
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19\(number == nil ? "" : ", ?20"))
            """, [.text(Timestamp.format(r.startedAt)), .text(Timestamp.format(r.finishedAt)),
                  .text(JSONText.encode(r.roots)), .optional(r.gitCommit), .optional(r.gitBranch),
                  .bool(r.gitDirty), .optional(r.label), .text(r.engine), .text(r.toolVersion),
                  .optional(r.goVersion), .optional(r.goroot), .text(r.goos), .text(r.goarch),
                  .text(r.configHash), .text(r.status), .text(JSONText.encode(r.skipped)),
                  .optional(r.gitCommittedAt.map(Timestamp.format)),
                  .bool(origin?.directivesRecorded ?? true), .bool(origin?.passesRecorded ?? true)]
                 + (number.map { [SQLValue.int($0)] } ?? []))
        if let number { try db.claimRunID(number) }

        let pkg = try db.inserter("INSERT INTO packages(run_id, import_path, name, directory, is_standard, failed) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        for p in content.packages {
            try pkg.add([.int(id), .text(p.importPath), .text(p.name), .text(p.directory), .bool(p.isStandard), .bool(p.failed)])
        }

        let file = try db.inserter("INSERT INTO files(run_id, path, package, sha256, bytes, lines) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        for f in content.files {
            try file.add([.int(id), .text(f.path), .text(f.package), .text(f.sha256), .integer(f.bytes), .integer(f.lines)])
        }

        let fn = try db.inserter("""
            INSERT INTO functions(run_id, function_id, package, receiver, name, file, line, col, start_line, start_col,
              end_line, end_col, line_count, statement_count, directives, is_literal, parent)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """)
        let name = try db.inserter("INSERT INTO function_names(function_id) VALUES(?1) ON CONFLICT DO NOTHING")
        var recordedFunctions = Set<String>()
        for f in content.functions {
            recordedFunctions.insert(f.id)
            try fn.add([.int(id), .text(f.id), .text(f.package), .text(f.receiver), .text(f.name), .text(f.file),
                         .integer(f.line), .integer(f.column), .integer(f.startLine), .integer(f.startColumn),
                         .integer(f.endLine), .integer(f.endColumn), .integer(f.lineCount),
                         .integer(f.statementCount), .text(JSONText.encode(f.directives)), .bool(f.isLiteral),
                         .optional(f.parent)])
            try name.add([.text(f.id)])
        }

        let fact = try db.inserter("""
            INSERT INTO facts(run_id, kind, file, line, col, subject, detail, function_id, package, explanation, external)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """)
        let encoded = content.explanationTexts.flatMap { $0.count == content.facts.count ? $0 : nil }
        for (i, f) in content.facts.enumerated() {
            let explanation = encoded?[i] ?? JSONText.encode(f.explanation)
            try fact.add([.int(id), .text(f.kind.rawValue), .text(f.file), .integer(f.line), .integer(f.column),
                           .text(f.subject), .text(f.detail), .optional(f.function), .optional(factPackages[i]),
                           .text(explanation), .bool(f.external)])
            if let function = f.function, recordedFunctions.insert(function).inserted {
                try name.add([.text(function)])
            }
        }

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
        return id
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

import PassKit

/// Inserts the rows a run holds per package — packages, files, functions (with their names)
/// and facts — through statements prepared once. A whole run's rows go through it at once
/// (`RunWriter.write`), or package by package as a scan finishes them (`RunRecording`); both
/// give every table the same rows in the same order.
struct PackageRows {
    let run: Int64
    private let package, file, function, name, fact: any RowInserter
    /// Function ids whose `function_names` row this run wrote already.
    private var named = Set<String>()

    init(db: any StoreConnection, run: Int64) throws {
        self.run = run
        package = try db.inserter("INSERT INTO packages(run_id, import_path, name, directory, is_standard, failed) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        file = try db.inserter("INSERT INTO files(run_id, path, package, sha256, bytes, lines) VALUES(?1, ?2, ?3, ?4, ?5, ?6)")
        function = try db.inserter("""
            INSERT INTO functions(run_id, function_id, package, receiver, name, file, line, col, start_line, start_col,
              end_line, end_col, line_count, statement_count, directives, is_literal, parent)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """)
        name = try db.inserter("INSERT INTO function_names(function_id) VALUES(?1) ON CONFLICT DO NOTHING")
        fact = try db.inserter("""
            INSERT INTO facts(run_id, kind, file, line, col, subject, detail, function_id, package, explanation, external)
            VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """)
    }

    mutating func add(packages: [PackageRecord]) throws {
        for p in packages {
            try package.add([.int(run), .text(p.importPath), .text(p.name), .text(p.directory), .bool(p.isStandard), .bool(p.failed)])
        }
    }

    mutating func add(files: [FileRecord]) throws {
        for f in files {
            try file.add([.int(run), .text(f.path), .text(f.package), .text(f.sha256), .integer(f.bytes), .integer(f.lines)])
        }
    }

    mutating func add(functions: [FunctionRecord]) throws {
        for f in functions {
            try function.add([.int(run), .text(f.id), .text(f.package), .text(f.receiver), .text(f.name), .text(f.file),
                              .integer(f.line), .integer(f.column), .integer(f.startLine), .integer(f.startColumn),
                              .integer(f.endLine), .integer(f.endColumn), .integer(f.lineCount),
                              .integer(f.statementCount), .text(JSONText.encode(f.directives)), .bool(f.isLiteral),
                              .optional(f.parent)])
            if named.insert(f.id).inserted { try name.add([.text(f.id)]) }
        }
    }

    /// Adds facts with the package each is stored with; `explanations` are their encoded
    /// explanations when the producer made them (`RunContent.explanationTexts`), used only when
    /// there is one per fact.
    mutating func add(facts: [Fact], packages: [String?], explanations: [[UInt8]]?) throws {
        let encoded = explanations.flatMap { $0.count == facts.count ? $0 : nil }
        for (i, f) in facts.enumerated() {
            let explanation = encoded.map { SQLValue.utf8($0[i]) } ?? .text(JSONText.encode(f.explanation))
            try fact.add([.int(run), .text(f.kind.rawValue), .text(f.file), .integer(f.line), .integer(f.column),
                          .text(f.subject), .text(f.detail), .optional(f.function), .optional(packages[i]),
                          explanation, .bool(f.external)])
            if let function = f.function, named.insert(function).inserted {
                try name.add([.text(function)])
            }
        }
    }
}

/// The package each fact is stored with (`facts.package`): its function's, else its file's,
/// learnt part by part (a whole run is one part): a fact's function or file belongs to its own
/// part's package or to one recorded before it.
struct FactPackages {
    private var ofFile: [String: String] = [:], ofFunction: [String: String] = [:]

    /// Learns a part's files and functions and returns its facts' packages.
    mutating func add(files: [FileRecord], functions: [FunctionRecord], facts: [Fact]) -> [String?] {
        for f in files { ofFile[f.path] = f.package }
        for f in functions { ofFunction[f.id] = f.package }
        return facts.map { f in f.function.flatMap { ofFunction[$0] } ?? ofFile[f.file] }
    }
}

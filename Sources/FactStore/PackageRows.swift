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
    /// Ids met by the current `add` and not named yet: written sorted, so that the table's
    /// index is appended to instead of being inserted into at random places.
    private var unnamed: [String] = []

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
        // Rows are read where they are (by index): a copy of each retains and releases every
        // string it holds.
        for i in functions.indices {
            try function.add([.int(run), .text(functions[i].id), .text(functions[i].package), .text(functions[i].receiver),
                              .text(functions[i].name), .text(functions[i].file), .integer(functions[i].line),
                              .integer(functions[i].column), .integer(functions[i].startLine),
                              .integer(functions[i].startColumn), .integer(functions[i].endLine),
                              .integer(functions[i].endColumn), .integer(functions[i].lineCount),
                              .integer(functions[i].statementCount), .text(JSONText.encode(functions[i].directives)),
                              .bool(functions[i].isLiteral), .optional(functions[i].parent)])
            if named.insert(functions[i].id).inserted { unnamed.append(functions[i].id) }
        }
        try writeNames()
    }

    /// Writes the `function_names` rows of the ids collected since the last call, in byte order
    /// (the order of the table's key).
    private mutating func writeNames() throws {
        unnamed.sort(by: UTF8Order.precedes)
        for id in unnamed { try name.add([.text(id)]) }
        unnamed.removeAll(keepingCapacity: true)
    }

    /// Adds facts with the package each is stored with; `explanations` are their encoded
    /// explanations when the producer made them (`RunContent.explanationTexts`), used only when
    /// there is one per fact.
    mutating func add(facts: [Fact], packages: [String?], explanations: [[UInt8]]?) throws {
        let encoded = explanations.flatMap { $0.count == facts.count ? $0 : nil }
        for i in facts.indices {
            let explanation = encoded.map { SQLValue.utf8($0[i]) } ?? .text(JSONText.encode(facts[i].explanation))
            try fact.add([.int(run), .text(facts[i].kind.rawValue), .text(facts[i].file), .integer(facts[i].line),
                          .integer(facts[i].column), .text(facts[i].subject), .text(facts[i].detail),
                          .optional(facts[i].function), .optional(packages[i]), explanation, .bool(facts[i].external)])
            if let function = facts[i].function, named.insert(function).inserted { unnamed.append(function) }
        }
        try writeNames()
    }
}

/// The package each fact is stored with (`facts.package`): its function's, else its file's,
/// learnt part by part (a whole run is one part): a fact's function or file belongs to its own
/// part's package or to one recorded before it.
struct FactPackages {
    private var ofFile: [String: String] = [:], ofFunction: [String: String] = [:]

    /// Learns a part's files and functions and returns its facts' packages.
    mutating func add(files: [FileRecord], functions: [FunctionRecord], facts: [Fact]) -> [String?] {
        for i in files.indices { ofFile[files[i].path] = files[i].package }
        ofFunction.reserveCapacity(ofFunction.count + functions.count)
        for i in functions.indices { ofFunction[functions[i].id] = functions[i].package }
        return facts.indices.map { i in facts[i].function.flatMap { ofFunction[$0] } ?? ofFile[facts[i].file] }
    }
}

import PassKit

/// Finds the innermost function (declaration or literal) whose source range holds a position.
/// Facts from the compiler carry no function; passes give them one through this index over the
/// `functions` pass's records.
public struct EnclosingFunctionIndex: Sendable {
    private var byFile: [String: [FunctionRecord]] = [:]

    /// Indexes function records (any order).
    public init(_ records: [FunctionRecord]) {
        for record in records { byFile[record.file, default: []].append(record) }
        for key in byFile.keys {
            byFile[key]!.sort { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }
        }
    }

    /// The innermost record holding (file, line, column): of all records that contain the
    /// position, the one that starts last. Nil outside every function (package-level code,
    /// external files, unpositioned facts).
    public func function(file: String, line: Int, column: Int) -> FunctionRecord? {
        guard line > 0, let records = byFile[file] else { return nil }
        var best: FunctionRecord?
        for record in records {
            if (record.startLine, record.startColumn) > (line, column) { break }
            if record.contains(line: line, column: column) { best = record }
        }
        return best
    }

    /// The function a fact belongs to. A closure's own record is allocated by the function
    /// that creates it, so the escape verdict of a `func literal` at the literal's `func`
    /// keyword belongs to the enclosing function, not to the literal.
    public func owner(of fact: Fact) -> FunctionRecord? {
        guard !fact.external, let record = function(file: fact.file, line: fact.line, column: fact.column) else { return nil }
        if record.isLiteral, fact.subject == "func literal", fact.kind == .escapes || fact.kind == .noEscape,
           record.startLine == fact.line, record.startColumn == fact.column {
            let outer = function(file: fact.file, line: fact.line, column: fact.column, excluding: record.id)
            return outer ?? record
        }
        return record
    }

    /// The innermost record holding the position other than `excluded`.
    private func function(file: String, line: Int, column: Int, excluding excluded: String) -> FunctionRecord? {
        guard let records = byFile[file] else { return nil }
        var best: FunctionRecord?
        for record in records where record.id != excluded {
            if (record.startLine, record.startColumn) > (line, column) { break }
            if record.contains(line: line, column: column) { best = record }
        }
        return best
    }

    /// The facts with `function` set to their owner's id (left nil when none).
    public func attribute(_ facts: [Fact]) -> [Fact] {
        facts.map { fact in
            var f = fact
            if let record = owner(of: f) { f.function = record.id }
            return f
        }
    }
}

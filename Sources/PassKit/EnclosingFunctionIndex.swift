/// Finds the innermost function (declaration or literal) whose source range holds a position.
/// This is the one lookup from a position to its function: facts from the compiler carry no
/// function and get one here, and source directives are placed on a function here. Positions
/// are compared by line and byte column, so a function literal that shares a line with its
/// parent's statement owns only the columns between its `func` keyword and closing brace.
public struct EnclosingFunctionIndex: Sendable {
    private var byFile: [String: [FunctionRecord]] = [:]
    /// Per file, for each record (same order) the index of the innermost record that holds its
    /// start, or -1: function ranges nest or are disjoint, so these form the nesting tree.
    private var parents: [String: [Int]] = [:]

    /// Indexes function records (any order).
    public init(_ records: [FunctionRecord]) {
        for record in records { byFile[record.file, default: []].append(record) }
        for key in byFile.keys {
            byFile[key]!.sort { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }
            let sorted = byFile[key]!
            var parent = [Int](repeating: -1, count: sorted.count)
            var open: [Int] = []
            for (i, r) in sorted.enumerated() {
                while let top = open.last, !sorted[top].contains(line: r.startLine, column: r.startColumn) { open.removeLast() }
                parent[i] = open.last ?? -1
                open.append(i)
            }
            parents[key] = parent
        }
    }

    /// The innermost record holding (file, line, column): of all records that contain the
    /// position, the one that starts last. Nil outside every function (package-level code,
    /// external files, unpositioned facts).
    public func function(file: String, line: Int, column: Int) -> FunctionRecord? {
        guard line > 0 else { return nil }
        return function(file: file, line: line, column: column, excluding: nil)
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

    /// The innermost record holding the position other than `excluded`. Records are sorted by
    /// start; the last one starting at or before the position is found by binary search. Any
    /// earlier record that holds the position also holds that one's start, so it is one of its
    /// enclosing records: the answer is the first record holding the position on the way up
    /// the nesting from there. A lookup costs the logarithm of the file's functions plus the
    /// nesting depth.
    private func function(file: String, line: Int, column: Int, excluding excluded: String?) -> FunctionRecord? {
        guard let records = byFile[file], let parent = parents[file] else { return nil }
        var low = 0, high = records.count
        while low < high {
            let mid = (low + high) / 2
            if (records[mid].startLine, records[mid].startColumn) <= (line, column) { low = mid + 1 } else { high = mid }
        }
        var i = low - 1
        while i >= 0 {
            if records[i].id != excluded, records[i].contains(line: line, column: column) { return records[i] }
            i = parent[i]
        }
        return nil
    }

    /// The facts with `function` set to their owner's id (left nil when none).
    public func attribute(_ facts: [Fact]) -> [Fact] {
        facts.map { fact in
            var f = fact
            if let record = owner(of: f) { f.function = record.id }
            return f
        }
    }

    /// The facts whose `function` is still nil given the innermost function holding them.
    public func assignUnattributed(_ facts: [Fact]) -> [Fact] {
        facts.map { fact in
            guard fact.function == nil else { return fact }
            var f = fact
            f.function = function(file: f.file, line: f.line, column: f.column)?.id
            return f
        }
    }
}

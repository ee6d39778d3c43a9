/// Finds the innermost function (declaration or literal) whose source range holds a position.
/// This is the one lookup from a position to its function: facts from the compiler carry no
/// function and get one here, and source directives are placed on a function here. Positions
/// are compared by line and byte column, so a function literal that shares a line with its
/// parent's statement owns only the columns between its `func` keyword and closing brace.
public struct EnclosingFunctionIndex: Sendable {
    /// The records, as given (the index refers to them by position; none is copied).
    private let records: [FunctionRecord]
    /// Per file, its records' ranges sorted by start, and the nesting tree over them.
    private var byFile: [String: FileIndex] = [:]

    /// The ranges of one file's records, sorted by start, as plain numbers: a lookup's binary
    /// search reads these, not the records (each a dozen fields, strings among them).
    private struct FileIndex: Sendable {
        var spans: [Span] = []
        /// For each span (same order) the index of the innermost span that holds its start, or
        /// -1: function ranges nest or are disjoint, so these form the nesting tree.
        var parents: [Int32] = []
        /// For each span, its record's position in `records`.
        var records: [Int32] = []
    }

    private struct Span: Sendable {
        var startLine: Int, startColumn: Int, endLine: Int, endColumn: Int

        init(_ r: FunctionRecord) {
            startLine = r.startLine; startColumn = r.startColumn; endLine = r.endLine; endColumn = r.endColumn
        }

        /// `FunctionRecord.contains(line:column:)` on the span.
        func contains(line l: Int, column c: Int) -> Bool {
            if l < startLine || l > endLine { return false }
            if l == startLine && c < startColumn { return false }
            if l == endLine && c > endColumn { return false }
            return true
        }
    }

    /// Indexes function records (any order).
    public init(_ records: [FunctionRecord]) {
        self.records = records
        // Record positions grouped by file; records come mostly file by file, so the last
        // file's group is tried before the table.
        var groups: [String: [Int32]] = [:]
        var lastFile: String? = nil
        var current: [Int32] = []
        for i in records.indices {
            if records[i].file != lastFile {
                if let file = lastFile { groups[file, default: []].append(contentsOf: current) }
                lastFile = records[i].file
                current = groups.removeValue(forKey: records[i].file) ?? []
            }
            current.append(Int32(i))
        }
        if let file = lastFile { groups[file, default: []].append(contentsOf: current) }
        for (file, members) in groups {
            var order = members
            order.sort { (records[Int($0)].startLine, records[Int($0)].startColumn) < (records[Int($1)].startLine, records[Int($1)].startColumn) }
            var index = FileIndex()
            index.spans = order.map { Span(records[Int($0)]) }
            index.records = order
            index.parents = [Int32](repeating: -1, count: order.count)
            var open: [Int] = []
            for (k, span) in index.spans.enumerated() {
                while let top = open.last, !index.spans[top].contains(line: span.startLine, column: span.startColumn) {
                    open.removeLast()
                }
                index.parents[k] = Int32(open.last ?? -1)
                open.append(k)
            }
            byFile[file] = index
        }
    }

    /// The innermost record holding (file, line, column): of all records that contain the
    /// position, the one that starts last. Nil outside every function (package-level code,
    /// external files, unpositioned facts).
    public func function(file: String, line: Int, column: Int) -> FunctionRecord? {
        guard line > 0, let i = innermost(file: file, line: line, column: column, excluding: -1) else { return nil }
        return records[i]
    }

    /// The function a fact belongs to. A closure's own record is allocated by the function
    /// that creates it, so the escape verdict of a `func literal` at the literal's `func`
    /// keyword belongs to the enclosing function, not to the literal.
    public func owner(of fact: Fact) -> FunctionRecord? {
        ownerIndex(of: fact).map { records[$0] }
    }

    /// `owner(of:)` as a position in `records`.
    private func ownerIndex(of fact: Fact) -> Int? {
        guard !fact.external, fact.line > 0,
              let i = innermost(file: fact.file, line: fact.line, column: fact.column, excluding: -1) else { return nil }
        if records[i].isLiteral, fact.subject == "func literal", fact.kind == .escapes || fact.kind == .noEscape,
           records[i].startLine == fact.line, records[i].startColumn == fact.column {
            return innermost(file: fact.file, line: fact.line, column: fact.column, excluding: i) ?? i
        }
        return i
    }

    /// The position in `records` of the innermost record holding the position other than
    /// record `excluded` (and other than any record with its id). Spans are sorted by start;
    /// the last one starting at or before the position is found by binary search. Any earlier
    /// span that holds the position also holds that one's start, so it is one of its
    /// enclosing spans: the answer is the first span holding the position on the way up the
    /// nesting from there. A lookup costs the logarithm of the file's functions plus the
    /// nesting depth.
    private func innermost(file: String, line: Int, column: Int, excluding excluded: Int) -> Int? {
        guard let index = byFile[file] else { return nil }
        return index.spans.withUnsafeBufferPointer { spans -> Int? in
            var low = 0, high = spans.count
            while low < high {
                let mid = (low + high) / 2
                if (spans[mid].startLine, spans[mid].startColumn) <= (line, column) { low = mid + 1 } else { high = mid }
            }
            var k = low - 1
            while k >= 0 {
                let r = Int(index.records[k])
                if spans[k].contains(line: line, column: column),
                   excluded < 0 || (r != excluded && records[r].id != records[excluded].id) { return r }
                k = Int(index.parents[k])
            }
            return nil
        }
    }

    /// The facts with `function` set to their owner's id (left nil when none). Changed in
    /// place when the caller hands over its only reference (a fresh array, or `consume`).
    public func attribute(_ facts: consuming [Fact]) -> [Fact] {
        var out = facts
        for k in out.indices {
            if let i = ownerIndex(of: out[k]) { out[k].function = records[i].id }
        }
        return out
    }

    /// The facts whose `function` is still nil given the innermost function holding them.
    /// Changed in place when the caller hands over its only reference.
    public func assignUnattributed(_ facts: consuming [Fact]) -> [Fact] {
        var out = facts
        for k in out.indices where out[k].function == nil {
            guard out[k].line > 0 else { continue }
            if let i = innermost(file: out[k].file, line: out[k].line, column: out[k].column, excluding: -1) {
                out[k].function = records[i].id
            }
        }
        return out
    }
}

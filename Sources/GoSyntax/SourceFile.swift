/// A Go source file: its path, bytes, line table and `//line` directives.
public struct SourceFile: Sendable {
    /// The path the file was read from (as given by the caller).
    public let path: String
    /// The file's bytes.
    public let bytes: [UInt8]
    /// Offsets at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int32]
    /// `//line` directives in offset order (filled by the parser).
    public internal(set) var lineDirectives: [LineDirective] = []

    /// Creates a source file and builds its line table.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts: [Int32] = [0]
        starts.reserveCapacity(bytes.count / 28 + 1)
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            // Like go/token, a newline that ends the file starts no line: the EOF position is
            // reported on the last line, after its newline.
            while i < n {
                if p[i] == 10 && i + 1 < n { starts.append(Int32(i + 1)) }
                i += 1
            }
        }
        self.lineStarts = starts
    }

    /// Number of bytes.
    public var count: Int { bytes.count }

    /// The 0-based index of the line holding `offset`.
    @inline(__always)
    func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        let o = Int32(truncatingIfNeeded: offset)
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The physical 1-based line of `offset`.
    public func line(of offset: Int) -> Int { lineIndex(of: offset) + 1 }

    /// The position of a byte offset: physical line and column, and the `//line`-adjusted one.
    public func position(of offset: Int) -> SourcePosition {
        let li = lineIndex(of: offset)
        let line = li + 1
        let column = offset - Int(lineStarts[li]) + 1
        var pos = SourcePosition(offset: offset, line: line, column: column,
                                 adjustedFile: path, adjustedLine: line, adjustedColumn: column)
        guard !lineDirectives.isEmpty else { return pos }
        // Last directive at or before offset.
        var lo = 0, hi = lineDirectives.count - 1, found = -1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            if lineDirectives[mid].offset <= offset { found = mid; lo = mid + 1 } else { hi = mid - 1 }
        }
        guard found >= 0 else { return pos }
        let d = lineDirectives[found]
        let base = lineIndex(of: d.offset) + 1
        let delta = line - base
        pos.adjustedFile = d.filename
        pos.adjustedLine = d.line + delta
        if d.column == 0 {
            pos.adjustedColumn = 0
        } else if delta == 0 {
            pos.adjustedColumn = d.column + (offset - d.offset)
        }
        return pos
    }

    /// The bytes in `start..<end` as a string (invalid UTF-8 repaired), cut to the file: the
    /// range of a node the parser closed at a broken spot may reach past the last byte.
    public func text(_ start: Int, _ end: Int) -> String {
        let lower = min(max(0, start), bytes.count)
        return String(decoding: bytes[lower..<min(max(lower, end), bytes.count)], as: UTF8.self)
    }
}

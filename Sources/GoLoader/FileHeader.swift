import Foundation

/// What the loader needs from the top of a Go file: the `//go:build` line, the package clause and
/// the imports. Everything after the imports is left to the parser.
public struct FileHeader: Sendable, Hashable {
    /// One import of the file.
    public struct Import: Sendable, Hashable {
        /// The import path.
        public var path: String
        /// 1-based line of the path literal.
        public var line: Int
    }

    /// Package name, nil when the file has no readable package clause.
    public var packageName: String?
    /// The text after `//go:build`, when the file has such a line before the package clause.
    public var buildExpression: String?
    /// The expressions of the legacy `// +build` lines that constrain the file (they count
    /// only when there is no `//go:build` line).
    public var plusBuildLines: [String] = []
    /// Imports in source order.
    public var imports: [Import]
    /// True when the file imports "C" (a cgo file).
    public var usesCgo: Bool { imports.contains { $0.path == "C" } }

    /// Reads the header of a file: comments, the package clause and import declarations,
    /// stopping at the first other declaration, as `go/build` reads only imports. The loader
    /// decides from headers which files take part in a build, so excluded files are never fully
    /// parsed; the driver then parses the accepted files once with GoSyntax. The tests check
    /// that this reader and GoSyntax agree on every file of the standard library.
    public static func read(_ bytes: [UInt8]) -> FileHeader {
        // A leading UTF-8 byte-order mark is not part of the source, as for the go tool.
        let body = bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(byteOrderMark.count)) : bytes
        var reader = HeaderScanner(bytes: body)
        var header = reader.scan()
        if header.buildExpression == nil { header.plusBuildLines = plusBuildLines(body) }
        return header
    }

    /// The UTF-8 byte-order mark, which go/build and the compiler skip at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}

/// A byte scanner for the header grammar: comments, `package NAME`, `import` specs.
struct HeaderScanner {
    let bytes: [UInt8]
    var i = 0
    var line = 1

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func scan() -> FileHeader {
        var header = FileHeader(packageName: nil, buildExpression: nil, imports: [])
        // Comments before the package clause may hold //go:build.
        while true {
            skipSpace()
            guard i < bytes.count else { return header }
            if startsWith("//") {
                let text = takeLineComment()
                if header.buildExpression == nil, text.hasPrefix("//go:build"),
                   text.count > 10, text.utf8.dropFirst(10).first == UInt8(ascii: " ") || text.utf8.dropFirst(10).first == UInt8(ascii: "\t") {
                    header.buildExpression = String(text.dropFirst(10)).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r"))
                }
                continue
            }
            if startsWith("/*") { skipBlockComment(); continue }
            break
        }
        guard takeKeyword("package") else { return header }
        skipSpaceAndComments(stopAtNewline: false)
        guard let name = takeIdentifier() else { return header }
        header.packageName = name
        while true {
            skipSpaceAndComments(stopAtNewline: false)
            if i < bytes.count && bytes[i] == UInt8(ascii: ";") { i += 1; continue }
            guard takeKeyword("import") else { break }
            skipSpaceAndComments(stopAtNewline: false)
            if i < bytes.count && bytes[i] == UInt8(ascii: "(") {
                i += 1
                while true {
                    skipSpaceAndComments(stopAtNewline: false)
                    guard i < bytes.count else { return header }
                    if bytes[i] == UInt8(ascii: ")") { i += 1; break }
                    if bytes[i] == UInt8(ascii: ";") { i += 1; continue }
                    guard let spec = takeImportSpec() else { return header }
                    header.imports.append(spec)
                }
            } else {
                guard let spec = takeImportSpec() else { return header }
                header.imports.append(spec)
            }
        }
        return header
    }

    // ImportSpec = [ "." | "_" | identifier ] ImportPath .
    mutating func takeImportSpec() -> FileHeader.Import? {
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") { i += 1 }
        else if i < bytes.count && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "`") {
            guard takeIdentifier() != nil else { return nil }
        }
        skipSpaceAndComments(stopAtNewline: false)
        let at = line
        guard let path = takeStringLiteral() else { return nil }
        return FileHeader.Import(path: path, line: at)
    }

    func startsWith(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return i + u.count <= bytes.count && Array(bytes[i..<(i + u.count)]) == u
    }

    mutating func skipSpace() {
        while i < bytes.count, [9, 10, 13, 32].contains(bytes[i]) {
            if bytes[i] == 10 { line += 1 }
            i += 1
        }
    }

    mutating func skipSpaceAndComments(stopAtNewline: Bool) {
        while i < bytes.count {
            skipSpace()
            if startsWith("//") { _ = takeLineComment() }
            else if startsWith("/*") { skipBlockComment() }
            else { return }
        }
    }

    mutating func takeLineComment() -> String {
        let start = i
        while i < bytes.count && bytes[i] != 10 { i += 1 }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    mutating func skipBlockComment() {
        i += 2
        while i < bytes.count && !startsWith("*/") {
            if bytes[i] == 10 { line += 1 }
            i += 1
        }
        i = min(bytes.count, i + 2)
    }

    static func isIdentByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95 || b >= 0x80
    }

    mutating func takeIdentifier() -> String? {
        let start = i
        while i < bytes.count && HeaderScanner.isIdentByte(bytes[i]) { i += 1 }
        guard i > start, !(bytes[start] >= 48 && bytes[start] <= 57) else { i = start; return nil }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    mutating func takeKeyword(_ word: String) -> Bool {
        let save = i
        guard let id = takeIdentifier(), id == word else { i = save; return false }
        return true
    }

    mutating func takeStringLiteral() -> String? {
        guard i < bytes.count else { return nil }
        let quote = bytes[i]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") else { return nil }
        i += 1
        var out: [UInt8] = []
        while i < bytes.count && bytes[i] != quote {
            if bytes[i] == 10 { if quote == UInt8(ascii: "\"") { return nil }; line += 1 }
            if quote == UInt8(ascii: "\"") && bytes[i] == UInt8(ascii: "\\") && i + 1 < bytes.count {
                i += 1
            }
            out.append(bytes[i]); i += 1
        }
        guard i < bytes.count else { return nil }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }
}

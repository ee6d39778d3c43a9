/// What heapsight reads from a `go.mod`: the module path, the `go` version line, and the
/// `require` and `replace` directives that say where imported modules come from.
public struct ModuleFile: Sendable, Hashable {
    /// The module path (`example.com/m`; `std` for the standard library).
    public var path: String
    /// The `go` line (`1.22`, `1.27`), which changes language semantics such as loop variables.
    public var goVersion: String?
    /// Required modules and their versions, in file order.
    public var requires: [Requirement] = []
    /// Replacements, in file order.
    public var replacements: [Replacement] = []

    /// One `require` line: a module at a version.
    public struct Requirement: Sendable, Hashable {
        /// Module path.
        public var path: String
        /// Version (`v1.2.3`, pseudo-versions, `+incompatible`).
        public var version: String
        /// Creates a requirement.
        public init(path: String, version: String) {
            self.path = path
            self.version = version
        }
    }

    /// One `replace` line: a module (at one version, or all when `version` is nil) stands
    /// for another module at a version, or for a directory when `newVersion` is nil.
    public struct Replacement: Sendable, Hashable {
        /// The replaced module path.
        public var path: String
        /// The replaced version, nil for every version.
        public var version: String?
        /// The replacement: a module path, or a directory (`./x`, `../x`, `/x`).
        public var newPath: String
        /// The replacement module's version; nil when `newPath` is a directory.
        public var newVersion: String?
        /// Creates a replacement.
        public init(path: String, version: String?, newPath: String, newVersion: String?) {
            self.path = path
            self.version = version
            self.newPath = newPath
            self.newVersion = newVersion
        }
    }

    /// Creates a module description.
    public init(path: String, goVersion: String? = nil, requires: [Requirement] = [], replacements: [Replacement] = []) {
        self.path = path
        self.goVersion = goVersion
        self.requires = requires
        self.replacements = replacements
    }

    /// Parses `go.mod` text; nil when it has no `module` line.
    public static func parse(_ text: String) -> ModuleFile? {
        var path: String?
        var version: String?
        var requires: [Requirement] = []
        var replacements: [Replacement] = []
        var block: String? = nil
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = ModuleFile.stripComment(raw)
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { ModuleFile.unquote(String($0)) }
            guard !words.isEmpty else { continue }
            if let b = block {
                if words == [")"] { block = nil; continue }
                words.insert(b, at: 0)
            } else if words.count == 2 && words[1] == "(" {
                block = words[0]
                continue
            }
            guard words.count >= 2 else { continue }
            switch words[0] {
            case "module": path = words[1]
            case "go": version = words[1]
            case "require" where words.count >= 3:
                requires.append(Requirement(path: words[1], version: words[2]))
            case "replace":
                guard let arrow = words.firstIndex(of: "=>"), arrow >= 2, arrow + 1 < words.count else { continue }
                replacements.append(Replacement(path: words[1], version: arrow == 3 ? words[2] : nil,
                                                newPath: words[arrow + 1],
                                                newVersion: arrow + 2 < words.count ? words[arrow + 2] : nil))
            default: break
            }
        }
        guard let path, !path.isEmpty else { return nil }
        return ModuleFile(path: path, goVersion: version, requires: requires, replacements: replacements)
    }

    /// The minor version of the `go` line (`1.22.3` gives 22), when there is one.
    public var goMinor: Int? {
        guard let v = goVersion else { return nil }
        let parts = v.split(separator: ".")
        guard parts.count >= 2, parts[0] == "1" else { return nil }
        return Int(parts[1].prefix(while: { $0.isNumber }))
    }

    static func stripComment(_ line: Substring) -> Substring {
        if let r = line.range(of: "//") { return line[..<r.lowerBound] }
        return line
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, (s.hasPrefix("\"") && s.hasSuffix("\"")) || (s.hasPrefix("`") && s.hasSuffix("`")) {
            return String(s.dropFirst().dropLast())
        }
        return s
    }
}

/// What heapsight reads from a `go.work`: its `go` line and the module directories it uses.
public struct WorkspaceFile: Sendable, Hashable {
    /// The `go` line.
    public var goVersion: String?
    /// Directories from `use` directives, relative to the go.work file as written.
    public var uses: [String]

    /// Parses `go.work` text (single `use` lines and `use ( ... )` blocks).
    public static func parse(_ text: String) -> WorkspaceFile {
        var version: String?
        var uses: [String] = []
        var inUseBlock = false
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let words = ModuleFile.stripComment(raw).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            if inUseBlock {
                if words[0] == ")" { inUseBlock = false } else { uses.append(ModuleFile.unquote(words[0])) }
                continue
            }
            if words[0] == "go", words.count >= 2 { version = words[1] }
            if words[0] == "use" {
                if words.count >= 2 && words[1] == "(" { inUseBlock = true }
                else if words.count >= 2 { uses.append(ModuleFile.unquote(words[1])) }
            }
        }
        return WorkspaceFile(goVersion: version, uses: uses)
    }
}

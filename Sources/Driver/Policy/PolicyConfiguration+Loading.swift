import Reports
import Yams

/// A `policy:` or `report:` key that is unknown or has a value of the wrong shape.
public struct PolicyConfigurationError: Error, CustomStringConvertible, Equatable {
    /// Key path, e.g. `policy.budgets[0].max-heap-sites`.
    public let path: String
    /// What is wrong.
    public let message: String
    /// The configuration file the key was read from.
    public var file: String = "heapsight.yml"
    /// `FILE: KEY: MESSAGE`.
    public var description: String { "\(file): \(path): \(message)" }
}

extension PolicyConfiguration {
    /// Reads the `policy:` section (nil or empty gives the defaults); unknown keys are errors.
    public init(node: Node?) throws {
        self.init()
        guard let node, let map = try PolicyNode.mapping(node, "policy",
            allowed: ["budgets", "must-inline", "regressions", "directives", "inline-budget"]) else { return }
        for (key, value) in map {
            let path = "policy.\(key)"
            switch key {
            case "budgets":
                guard let seq = value.sequence else {
                    if PolicyNode.isNull(value) { continue }
                    throw PolicyConfigurationError(path: path, message: "must be a list of budget entries")
                }
                budgets = try seq.enumerated().map { try PolicyConfiguration.budget($0.element, "\(path)[\($0.offset)]") }
            case "must-inline":
                mustInline = try PolicyNode.strings(value, path).map(GlobPattern.init)
            case "regressions":
                guard let r = try PolicyNode.mapping(value, path,
                    allowed: ["no-new-escapes", "no-lost-inlining", "max-heap-site-growth"]) else { continue }
                for (k, v) in r {
                    switch k {
                    case "no-new-escapes": regressions.noNewEscapes = try PolicyNode.bool(v, "\(path).\(k)")
                    case "no-lost-inlining": regressions.noLostInlining = try PolicyNode.bool(v, "\(path).\(k)")
                    default: regressions.maxHeapSiteGrowth = try PolicyNode.optionalInt(v, "\(path).\(k)")
                    }
                }
            case "directives":
                directives = try PolicyNode.bool(value, path)
            default:
                inlineBudget = try PolicyNode.int(value, path)
            }
        }
    }

    static func budget(_ node: Node, _ path: String) throws -> Budget {
        var b = Budget()
        guard let map = try PolicyNode.mapping(node, path, allowed: ["packages", "functions", "max-heap-sites",
                                                                     "max-heap-sites-in-loops", "max-moved-to-heap",
                                                                     "max-hot-share"]) else { return b }
        for (key, value) in map {
            let p = "\(path).\(key)"
            switch key {
            case "packages": b.packages = GlobPattern(try PolicyNode.scalar(value, p))
            case "functions": b.functions = GlobPattern(try PolicyNode.scalar(value, p))
            case "max-heap-sites": b.maxHeapSites = try PolicyNode.int(value, p)
            case "max-heap-sites-in-loops": b.maxHeapSitesInLoops = try PolicyNode.int(value, p)
            case "max-hot-share": b.maxHotShare = try PolicyNode.int(value, p)
            default: b.maxMovedToHeap = try PolicyNode.int(value, p)
            }
        }
        return b
    }
}

extension ReportConfiguration {
    /// Reads the `report:` section (nil or empty gives the defaults); unknown keys are errors.
    public init(node: Node?) throws {
        self.init()
        guard let node, let map = try PolicyNode.mapping(node, "report",
            allowed: ["output", "junit", "formats", "almost-inlinable-margin"]) else { return }
        for (key, value) in map {
            let path = "report.\(key)"
            switch key {
            case "output": output = try PolicyNode.scalar(value, path)
            case "junit":
                junit = try PolicyNode.scalar(value, path)
                guard ["strict", "extended"].contains(junit) else {
                    throw PolicyConfigurationError(path: path, message: "must be `strict` or `extended`, not `\(junit)`")
                }
            case "formats":
                formats = try PolicyNode.strings(value, path)
                let known = ReportFormat.allCases.map(\.rawValue)
                for f in formats where !known.contains(f) {
                    throw PolicyConfigurationError(path: path, message: "unknown format `\(f)` (\(known.joined(separator: ", ")))")
                }
            default:
                let s = try PolicyNode.scalar(value, path)
                guard let d = Double(s), d >= 0, d <= 1 else {
                    throw PolicyConfigurationError(path: path, message: "must be a number between 0 and 1, not `\(s)`")
                }
                almostInlinableMargin = d
            }
        }
    }
}

/// Shape checks over YAML nodes with key paths in every error.
enum PolicyNode {
    static func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar?.string else { return false }
        return s.isEmpty || s == "~" || s == "null"
    }

    static func mapping(_ node: Node, _ path: String, allowed: [String]) throws -> [(String, Node)]? {
        if isNull(node) { return nil }
        guard let map = node.mapping else { throw PolicyConfigurationError(path: path, message: "must be a mapping of keys to values") }
        var out: [(String, Node)] = []
        for (k, v) in map {
            guard let key = k.scalar?.string else { throw PolicyConfigurationError(path: path, message: "keys must be plain words") }
            guard allowed.contains(key) else {
                throw PolicyConfigurationError(path: "\(path).\(key)", message: "unknown key (known: \(allowed.joined(separator: ", ")))")
            }
            out.append((key, v))
        }
        return out
    }

    static func scalar(_ node: Node, _ path: String) throws -> String {
        guard let s = node.scalar?.string else { throw PolicyConfigurationError(path: path, message: "must be a single value") }
        return s
    }

    static func int(_ node: Node, _ path: String) throws -> Int {
        let s = try scalar(node, path)
        guard let n = Int(s), n >= 0 else { throw PolicyConfigurationError(path: path, message: "must be a whole number ≥ 0, not `\(s)`") }
        return n
    }

    static func optionalInt(_ node: Node, _ path: String) throws -> Int? {
        isNull(node) ? nil : try int(node, path)
    }

    static func bool(_ node: Node, _ path: String) throws -> Bool {
        switch try scalar(node, path).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let s: throw PolicyConfigurationError(path: path, message: "must be true or false, not `\(s)`")
        }
    }

    static func strings(_ node: Node, _ path: String) throws -> [String] {
        if isNull(node) { return [] }
        if let s = node.scalar?.string { return [s] }
        guard let seq = node.sequence else { throw PolicyConfigurationError(path: path, message: "must be a list of strings") }
        return try seq.enumerated().map { try scalar($0.element, "\(path)[\($0.offset)]") }
    }
}

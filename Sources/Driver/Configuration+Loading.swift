import Foundation
import enum GoSyntax.SHA256
import PassKit
import Yams

extension Configuration {
    /// Top-level keys and what they are for (the reference is `config/heapsight.yml`).
    static let topLevelKeys = ["engine", "go", "goos", "goarch", "passes", "plugins", "policy", "report", "profiles", "store"]

    /// The configuration a command working on `roots` uses: `--config FILE` when given, else
    /// `heapsight.yml` in the first root (the root itself when it is a folder, the folder holding
    /// it when it is a file), else the defaults. Scan, check and report all find it this way.
    public static func discover(configPath: String?, roots: [String]) throws -> Configuration {
        if let configPath { return try load(path: configPath) }
        guard let first = roots.first else { return Configuration() }
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory) && !isDirectory.boolValue
            ? (first as NSString).deletingLastPathComponent : first
        let candidate = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("heapsight.yml")
        guard FileManager.default.fileExists(atPath: candidate) else { return Configuration() }
        return try load(path: candidate)
    }

    /// Loads and checks a configuration file.
    public static func load(path: String) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, keyPath: "", message: "cannot read the configuration file; check the path given to --config")
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    /// Parses configuration text; `file` names it in messages.
    public static func parse(bytes: [UInt8], file: String) throws -> Configuration {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(file: file, keyPath: "", message: "not UTF-8 text")
        }
        var config = Configuration()
        config.path = file
        config.hash = SHA256.hex(of: bytes)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: file, keyPath: "", message: "not valid YAML: \(error)")
        }
        guard let root else { return config }
        let reader = ConfigReader(file: file)
        let top = try reader.mapping(root, at: "", allowed: topLevelKeys)
        for (key, value) in top {
            switch key {
            case "engine":
                let s = try reader.scalar(value, at: key)
                guard let e = EngineKind(rawValue: s) else {
                    throw reader.error(key, "must be one of \(EngineKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(s)'")
                }
                config.engine = e
            case "goos": config.goos = try reader.optionalScalar(value, at: key)
            case "goarch": config.goarch = try reader.optionalScalar(value, at: key)
            case "go": config.go = try reader.goSettings(value)
            case "passes":
                for (name, node) in try reader.mapping(value, at: key, allowed: nil) {
                    config.passes[name] = try reader.passSettings(node, at: "passes.\(name)")
                }
            case "plugins": config.plugins = try reader.plugins(value)
            case "policy": config.policy = value
            case "profiles": config.profiles = try reader.strings(value, at: key)
            case "report": config.report = value
            case "store": config.store = try reader.storeLocation(value, configurationFile: file)
            default: break
            }
        }
        // One validation for every command: `scan` checks the policy and report sections as
        // strictly as `check` and `report` read them, so no command accepts what another rejects.
        do {
            _ = try CheckSettings(configuration: config)
        } catch let error as PolicyConfigurationError {
            throw ConfigurationError(file: file, keyPath: error.path, message: error.message)
        }
        return config
    }

    /// Checks `passes.*` against the registered passes and their declared keys.
    public func validate(passes known: [AnyPass]) throws {
        let names = Set(known.map(\.name))
        let file = path ?? "heapsight.yml"
        for (name, settings) in passes.sorted(by: { $0.key < $1.key }) {
            guard let pass = known.first(where: { $0.name == name }) else {
                throw ConfigurationError(file: file, keyPath: "passes.\(name)",
                                         message: "unknown pass; known passes: \(names.sorted().joined(separator: ", "))")
            }
            let keys = Set(pass.configKeys.map(\.name))
            for key in settings.settings.keys.sorted() where !keys.contains(key) {
                let allowed = (["enabled"] + keys.sorted()).joined(separator: ", ")
                throw ConfigurationError(file: file, keyPath: "passes.\(name).\(key)",
                                         message: "unknown key; pass \(name) understands: \(allowed)")
            }
        }
        var seen = names
        for plugin in plugins {
            guard seen.insert(plugin.name).inserted else {
                throw ConfigurationError(file: file, keyPath: "plugins.\(plugin.name)",
                                         message: "a pass with this name already exists; choose another name")
            }
        }
    }

    /// Whether a pass is enabled (passes are on unless `enabled: false`).
    public func isEnabled(_ pass: String) -> Bool { passes[pass]?.enabled ?? true }
}

/// Walks the YAML tree, checking types and keys, and builds errors that name the key path.
struct ConfigReader {
    let file: String

    func error(_ path: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, keyPath: path, message: message)
    }

    func mapping(_ node: Node, at path: String, allowed: [String]?) throws -> [(String, Node)] {
        if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
        guard let map = node.mapping else { throw error(path, "must be a mapping of keys to values") }
        var out: [(String, Node)] = []
        for (k, v) in map {
            guard let key = k.string else { throw error(path, "keys must be plain strings") }
            let full = path.isEmpty ? key : "\(path).\(key)"
            if let allowed, !allowed.contains(key) {
                throw error(full, "unknown key; allowed here: \(allowed.joined(separator: ", "))")
            }
            out.append((key, v))
        }
        return out
    }

    func scalar(_ node: Node, at path: String) throws -> String {
        guard let s = node.scalar?.string else { throw error(path, "must be a single value") }
        return s
    }

    func optionalScalar(_ node: Node, at path: String) throws -> String? {
        let s = try scalar(node, at: path)
        return s.isEmpty || s == "~" || s == "null" ? nil : s
    }

    func bool(_ node: Node, at path: String) throws -> Bool {
        switch try scalar(node, at: path).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error(path, "must be true or false, not '\(other)'")
        }
    }

    func number(_ node: Node, at path: String) throws -> Double {
        let s = try scalar(node, at: path)
        guard let d = Double(s), d > 0 else { throw error(path, "must be a positive number, not '\(s)'") }
        return d
    }

    func strings(_ node: Node, at path: String) throws -> [String] {
        if let s = node.scalar?.string { return s.isEmpty ? [] : [s] }
        guard let seq = node.sequence else { throw error(path, "must be a list of strings") }
        return try seq.enumerated().map { try scalar($0.element, at: "\(path)[\($0.offset)]") }
    }

    func stringMap(_ node: Node, at path: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in try mapping(node, at: path, allowed: nil) {
            if let seq = v.sequence {
                out[k] = try seq.enumerated().map { try scalar($0.element, at: "\(path).\(k)[\($0.offset)]") }
                    .joined(separator: ",")
            } else {
                out[k] = try scalar(v, at: "\(path).\(k)")
            }
        }
        return out
    }

    func goSettings(_ node: Node) throws -> Configuration.GoSettings {
        var go = Configuration.GoSettings()
        for (key, value) in try mapping(node, at: "go", allowed: ["command", "goroot", "tags", "cgo"]) {
            switch key {
            case "command": go.command = try scalar(value, at: "go.command")
            case "goroot": go.goroot = try optionalScalar(value, at: "go.goroot")
            case "tags": go.tags = try strings(value, at: "go.tags")
            case "cgo": go.cgo = try bool(value, at: "go.cgo")
            default: break
            }
        }
        return go
    }

    func passSettings(_ node: Node, at path: String) throws -> Configuration.PassSettings {
        var settings = Configuration.PassSettings()
        for (key, value) in try mapping(node, at: path, allowed: nil) {
            if key == "enabled" { settings.enabled = try bool(value, at: "\(path).enabled") }
            else if let seq = value.sequence {
                settings.settings[key] = try seq.enumerated()
                    .map { try scalar($0.element, at: "\(path).\(key)[\($0.offset)]") }.joined(separator: ",")
            } else {
                settings.settings[key] = try scalar(value, at: "\(path).\(key)")
            }
        }
        return settings
    }

    func plugins(_ node: Node) throws -> [Configuration.PluginSettings] {
        if case .scalar(let s) = node, s.string.isEmpty || s.string == "null" || s.string == "~" { return [] }
        guard let seq = node.sequence else { throw error("plugins", "must be a list of plugins") }
        var out: [Configuration.PluginSettings] = []
        for (i, entry) in seq.enumerated() {
            let path = "plugins[\(i)]"
            var name: String?
            var command: [String] = []
            var plugin = Configuration.PluginSettings(name: "", command: [])
            for (key, value) in try mapping(entry, at: path, allowed: ["name", "command", "timeout", "enabled", "settings", "doc"]) {
                switch key {
                case "name": name = try scalar(value, at: "\(path).name")
                case "command": command = try strings(value, at: "\(path).command")
                case "timeout": plugin.timeout = try number(value, at: "\(path).timeout")
                case "enabled": plugin.enabled = try bool(value, at: "\(path).enabled")
                case "settings": plugin.settings = try stringMap(value, at: "\(path).settings")
                case "doc": plugin.doc = try scalar(value, at: "\(path).doc")
                default: break
                }
            }
            guard let name, !name.isEmpty,
                  name.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }) else {
                throw error("\(path).name", "required: a lower-case name (letters, digits, '-')")
            }
            guard !command.isEmpty else { throw error("\(path).command", "required: the executable to run, with its arguments") }
            plugin.name = name
            plugin.command = command
            out.append(plugin)
        }
        return out
    }
}

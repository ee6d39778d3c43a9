import Foundation
import enum GoSyntax.SHA256
import PassKit
import Yams

/// The settings of a scan, read from `heapsight.yml`. Every key is documented in
/// `config/heapsight.yml`; an unknown key is an error naming its path.
public struct Configuration: @unchecked Sendable {
    /// Engine for compiler decisions.
    public var engine: EngineKind = .native
    /// The Go toolchain and build settings.
    public var go = GoSettings()
    /// Target OS; nil means the host's.
    public var goos: String?
    /// Target architecture; nil means the host's.
    public var goarch: String?
    /// Per-pass settings by pass name.
    public var passes: [String: PassSettings] = [:]
    /// External passes.
    public var plugins: [PluginSettings] = []
    /// `profiles:` pprof files to attribute to the scan, relative to the configuration file's
    /// folder (added to `scan --profile`).
    public var profiles: [String] = []
    /// `store:` the store runs are recorded in and read from, a SQLite file (relative to the
    /// configuration file's folder, already resolved here) or a `postgres://` URL; nil when the
    /// file does not name one. `--db` and `HEAPSIGHT_DB` take precedence (`StoreLocation`).
    public var store: String?
    /// The `policy` section, left to the policy module to interpret.
    public var policy: Node?
    /// The `report` section, left to the report renderers to interpret.
    public var report: Node?
    /// The file this came from; nil for the built-in defaults.
    public var path: String?
    /// SHA-256 (hex) of the file's bytes; of the empty string for the defaults.
    public var hash: String = SHA256.hex(of: [])

    /// The built-in defaults.
    public init() {}

    /// `go:` settings.
    public struct GoSettings: Sendable, Hashable {
        /// The `go` command (engine gc, GOROOT discovery).
        public var command: String = "go"
        /// GOROOT to use when neither `$GOROOT` nor `go env GOROOT` gives one.
        public var goroot: String?
        /// Extra build tags.
        public var tags: [String] = []
        /// Whether cgo files take part.
        public var cgo: Bool = false
    }

    /// `passes.NAME:` settings.
    public struct PassSettings: Sendable, Hashable {
        /// Whether the pass runs; nil means its default (on).
        public var enabled: Bool?
        /// Other keys, as strings, checked against the pass's declared config keys.
        public var settings: [String: String] = [:]
    }

    /// One entry of `plugins:`: an external pass run as a subprocess.
    public struct PluginSettings: Sendable, Hashable {
        /// The pass name (lower-case letters, digits and `-`).
        public var name: String
        /// Executable and arguments; a relative executable path is resolved against the
        /// directory of the configuration file.
        public var command: [String]
        /// Seconds the plugin may take per package before it is stopped.
        public var timeout: Double = 30
        /// Whether the plugin runs.
        public var enabled: Bool = true
        /// Settings passed to the plugin verbatim.
        public var settings: [String: String] = [:]
        /// One-line description shown by `heapsight passes`.
        public var doc: String = ""
    }
}

/// Why a configuration cannot be used; `path` is the YAML key path (`passes.inlining.budget`).
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The file.
    public let file: String
    /// The key path, empty for the whole file.
    public let keyPath: String
    /// What is wrong and what to do.
    public let message: String

    public var description: String {
        keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)"
    }
}

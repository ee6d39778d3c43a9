import FactStore
import Foundation

/// Where a command's store is, and what chose it. The order is the one a user expects, the most
/// specific first: `--db` on the command line, else the `HEAPSIGHT_DB` environment variable (an
/// empty value counts as unset), else `store:` in the configuration file, else
/// `reports/heapsight.db`. A configuration file is read for it only when neither of the first
/// two names a store, so a broken `heapsight.yml` never stands in the way of `--db`. Every
/// value is checked for form (`FactStore.checkLocationForm`) and a bad one is refused naming
/// where it came from.
public struct StoreLocation: Sendable, Equatable {
    /// What chose the store.
    public enum Source: Sendable, Equatable {
        /// `--db`.
        case flag
        /// `HEAPSIGHT_DB`.
        case environment
        /// `store:` in this configuration file.
        case configuration(file: String)
        /// Nothing did: `defaultPath`.
        case builtInDefault
    }

    /// The store when nothing names one, relative to the current folder.
    public static let defaultPath = "reports/heapsight.db"
    /// The environment variable that names the store when `--db` is not given.
    public static let environmentVariable = "HEAPSIGHT_DB"

    /// A SQLite file or a `postgres://` URL.
    public var location: String
    /// What chose it.
    public var source: Source

    /// Creates a location chosen by `source`.
    public init(_ location: String, source: Source) {
        self.location = location
        self.source = source
    }

    /// Whether a scan may create the missing folder of a SQLite file: for the default and for a
    /// configuration's `store:` (written once for every clone of a repository), not for a path
    /// typed by the user, where a missing folder is more likely a typo.
    public var mayCreateFolder: Bool {
        switch source {
        case .builtInDefault, .configuration: return true
        case .flag, .environment: return false
        }
    }

    /// The store named by `flag`, else `environment`'s `HEAPSIGHT_DB`, else the `store:` of the
    /// configuration `configuration` loads (called only then), else the default.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               configuration: () throws -> Configuration) throws -> StoreLocation {
        if let flag { return try checked(flag, source: .flag, name: "--db") }
        if let value = environment[environmentVariable], !value.isEmpty {
            return try checked(value, source: .environment, name: environmentVariable)
        }
        let config = try configuration()
        if let store = config.store {
            return StoreLocation(store, source: .configuration(file: config.path ?? "heapsight.yml"))
        }
        return StoreLocation(defaultPath, source: .builtInDefault)
    }

    /// The configuration file every command that scans nothing reads `store:` from when it is
    /// given no `--config`: this name in the current folder.
    public static let currentFolderConfiguration = "heapsight.yml"

    /// The store a command uses when its configuration file is `--config` (`configPath`), else
    /// `heapsight.yml` in the first of `roots` as `Configuration.discover` finds it, or in the
    /// current folder for a command that scans nothing (`roots` empty).
    public static func resolve(flag: String?, configPath: String?, roots: [String],
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreLocation {
        try resolve(flag: flag, environment: environment) {
            if !roots.isEmpty || configPath != nil { return try Configuration.discover(configPath: configPath, roots: roots) }
            let local = currentFolderConfiguration
            return FileManager.default.fileExists(atPath: local) ? try Configuration.load(path: local) : Configuration()
        }
    }

    /// `value` when its form is usable; otherwise the error, prefixed with where it came from.
    private static func checked(_ value: String, source: Source, name: String) throws -> StoreLocation {
        do {
            try FactStore.checkLocationForm(value)
        } catch let failure as FactStoreError {
            throw StoreLocationError(message: "\(name): \(failure.description)")
        }
        return StoreLocation(value, source: source)
    }
}

/// A `--db` or `HEAPSIGHT_DB` value that can never name a store.
public struct StoreLocationError: Error, CustomStringConvertible, Equatable {
    /// What is wrong, starting with the option or variable that gave the value.
    public let message: String
    public var description: String { message }
}

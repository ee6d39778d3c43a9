import Foundation

// Cross-package summaries.
//
// A pass that learns something about a package's functions which its importers need (whether
// a function can be inlined and at what cost; how a parameter leaks) exports it as a summary:
// one value per package and summary kind, written when the pass runs on the package and read
// by the same or another pass running on a package that imports it. This is the model of
// go/analysis' package facts. Packages run bottom-up (`PackageScheduler`: a package starts
// after the scanned packages it imports), so an import's summaries are complete when a
// dependent reads them; a package that was not scanned (GOROOT outside a std scan, a module
// dependency) has none, and the reader says so with `nil`.
//
// Summaries are kept encoded (JSON with sorted keys, `EncodedSummary`) with their kind's name
// and version. The encoded form is what a store can cache by content hash; the version is
// checked on every read, so a summary written by an older format is rejected
// (`SummaryError.versionMismatch`), never decoded into the new type. A kind changes its
// version whenever its value type changes shape or meaning.

/// One kind of per-package summary: its name, its format version and the type of its value.
public struct SummaryKind<Value: Codable & Sendable>: Sendable {
    /// Stable name (`inlining.decisions`), unique among the kinds a run uses.
    public let name: String
    /// Format version; a summary of another version is never read as this kind.
    public let version: Int

    /// Declares a kind.
    public init(name: String, version: Int) {
        self.name = name
        self.version = version
    }

    /// The encoded form of a value, ready for `PassOutput.summaries`.
    public func encode(_ value: Value) throws -> EncodedSummary {
        if let direct = value as? any DirectJSONEncoding, let bytes = direct.sortedKeysJSON() {
            return EncodedSummary(name: name, version: version, bytes: bytes, value: value)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return EncodedSummary(name: name, version: version, bytes: Array(try encoder.encode(value)), value: value)
    }

    /// The value of an encoded summary of this kind; `package` names it in errors.
    public func decode(_ encoded: EncodedSummary, package: String) throws -> Value {
        guard encoded.name == name else {
            throw SummaryError.wrongKind(package: package, expected: name, found: encoded.name)
        }
        guard encoded.version == version else {
            throw SummaryError.versionMismatch(name: name, package: package, found: encoded.version, expected: version)
        }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(encoded.bytes))
        } catch {
            throw SummaryError.undecodable(name: name, package: package, reason: "\(error)")
        }
    }
}

/// A summary as stored: its kind's name and version, and the value's JSON.
public struct EncodedSummary: Sendable, Hashable, Codable {
    /// The kind's name.
    public let name: String
    /// The kind's version when the summary was written.
    public let version: Int
    /// The value, JSON-encoded with sorted keys (deterministic for equal values).
    public let bytes: [UInt8]
    /// The value itself when this process encoded it (`SummaryKind.encode`): the run's readers
    /// take it as it is instead of decoding the bytes (every package's summaries were encoded
    /// and decoded again once per run). Neither stored nor compared.
    let value: (any Sendable)?

    private enum CodingKeys: String, CodingKey { case name, version, bytes }

    /// Creates an encoded summary (a store restoring a cached one uses this).
    public init(name: String, version: Int, bytes: [UInt8]) {
        self.init(name: name, version: version, bytes: bytes, value: nil)
    }

    init(name: String, version: Int, bytes: [UInt8], value: (any Sendable)?) {
        self.name = name
        self.version = version
        self.bytes = bytes
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), version: try c.decode(Int.self, forKey: .version),
                  bytes: try c.decode([UInt8].self, forKey: .bytes))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(version, forKey: .version)
        try c.encode(bytes, forKey: .bytes)
    }

    public static func == (a: EncodedSummary, b: EncodedSummary) -> Bool {
        a.name == b.name && a.version == b.version && a.bytes == b.bytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(version)
        hasher.combine(bytes)
    }
}

/// Why a summary could not be read.
public enum SummaryError: Error, Equatable, CustomStringConvertible {
    /// The summary was written by another format version of its kind.
    case versionMismatch(name: String, package: String, found: Int, expected: Int)
    /// The summary is of another kind than the one asked for.
    case wrongKind(package: String, expected: String, found: String)
    /// The bytes do not decode as the kind's value.
    case undecodable(name: String, package: String, reason: String)

    public var description: String {
        switch self {
        case .versionMismatch(let name, let package, let found, let expected):
            return "summary \(name) of package \(package) has format version \(found), this heapsight reads version \(expected); rescan the package"
        case .wrongKind(let package, let expected, let found):
            return "summary of package \(package) is \(found), not \(expected)"
        case .undecodable(let name, let package, let reason):
            return "summary \(name) of package \(package) cannot be read: \(reason)"
        }
    }
}

/// The summaries every analysed package exported in this run, by package and kind. Written by
/// the driver after each pass, read by passes on dependent packages from several threads.
public final class PackageSummaries: @unchecked Sendable {
    private let lock = NSLock()
    private var byPackage: [String: [String: EncodedSummary]] = [:]
    /// Values already decoded, by package and `name#version`: every importer of a package reads
    /// its summaries, and decoding them once per reader cost a std scan an eighth of its CPU.
    private var decoded: [String: [String: any Sendable]] = [:]

    /// An empty set.
    public init() {}

    /// Records a package's summaries (a later summary of the same kind replaces the earlier).
    public func record(_ summaries: [EncodedSummary], for package: String) {
        guard !summaries.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        for summary in summaries {
            if let replaced = byPackage[package]?[summary.name] {
                decoded[package]?.removeValue(forKey: "\(replaced.name)#\(replaced.version)")
            }
            byPackage[package, default: [:]][summary.name] = summary
            // A value this process encoded is read back as it is; another is decoded when read.
            if let value = summary.value { decoded[package, default: [:]]["\(summary.name)#\(summary.version)"] = value }
        }
    }

    /// The encoded summary of a kind for a package, if the package exported one.
    public func encoded(named name: String, for package: String) -> EncodedSummary? {
        lock.lock()
        defer { lock.unlock() }
        return byPackage[package]?[name]
    }

    /// The summary of `kind` for `package`: nil when the package exported none (it was not
    /// analysed in this run); throws when the stored summary is of another version.
    /// Each summary is decoded once per kind and version; later reads return that value.
    public func summary<Value>(_ kind: SummaryKind<Value>, for package: String) throws -> Value? {
        let key = "\(kind.name)#\(kind.version)"
        lock.lock()
        let cached = decoded[package]?[key] as? Value
        let encoded = byPackage[package]?[kind.name]
        lock.unlock()
        if let cached { return cached }
        guard let encoded else { return nil }
        let value = try kind.decode(encoded, package: package)
        lock.lock()
        if byPackage[package]?[kind.name] == encoded { decoded[package, default: [:]][key] = value }
        lock.unlock()
        return value
    }
}

import Foundation
import enum GoSyntax.SHA256

// Summaries cached across scans.
//
// A package's summaries are a function of what the analysis read: the package's files, its
// dependencies (their files, transitively: an importer inlines their bodies and reads their
// summaries), the target (GOOS/GOARCH) and the analysis itself (the heapsight build). The
// content hash (`contentHash`) folds all of it into one key, so a summary cached under it is
// the summary a fresh analysis would compute, and a change anywhere below a package (one byte
// of one file of a dependency) gives the package a new key. Dependencies enter by their own
// content hashes, not by their summaries' bytes: the importer reads more of a dependency than
// its summaries (the inline bodies), so a dependency's new body must reach the key even when
// its summary is unchanged.
//
// The store keeps one row per package, content hash, kind and version; a scan reads the rows
// of the kinds it uses once (`load`, on first use) and writes the summaries it computed that
// the store lacked (`newSummaries`). A row that does not decode (corrupt, written by a broken
// build) is never used: the analysis runs again, the rejection is listed (`rejections`) for
// the run's diagnostics, and the fresh summary replaces the row.

/// One summary as a store caches it: the package, the content hash it was computed for, and
/// the encoded value (kind name, version, JSON).
public struct CachedSummary: Sendable, Hashable {
    /// The package's import path.
    public var package: String
    /// `SummaryCache.contentHash` of the package when the summary was computed.
    public var contentHash: String
    /// The summary.
    public var summary: EncodedSummary

    /// A cached summary.
    public init(package: String, contentHash: String, summary: EncodedSummary) {
        self.package = package
        self.contentHash = contentHash
        self.summary = summary
    }
}

/// The summaries a store holds for a scan, and those the scan computed that it lacks. Read and
/// written from the analysis (one package at a time or from several threads).
public final class SummaryCache: @unchecked Sendable {
    /// What besides the packages' content decides their summaries: the heapsight build and
    /// the target. Part of every content hash.
    public let salt: String
    private let lock = NSLock()
    private let load: @Sendable () -> Result<[CachedSummary], any Error>
    private var stored: [Key: EncodedSummary]?
    private var fresh: [Key: CachedSummary] = [:]
    private var counts = Statistics()
    private var rejected: [String] = []

    private struct Key: Hashable {
        var package: String
        var contentHash: String
        var name: String
        var version: Int
    }

    /// How a scan used the cache.
    public struct Statistics: Sendable, Equatable {
        /// Summaries read from the store instead of analysing the package.
        public var hits = 0
        /// Summaries looked up and not found (the package was analysed).
        public var misses = 0
        /// Stored summaries that could not be read (the package was analysed instead).
        public var rejected = 0
        /// Summaries computed that the store lacked (written after the scan).
        public var computed = 0
        /// Summaries computed at all (one per package analysed), the store's or not.
        public var analysed = 0
    }

    /// A cache whose stored summaries `load` reads (once, on first use). A failing `load`
    /// leaves the cache empty: every package is analysed, and the failure is listed in
    /// `rejections`.
    public init(salt: String, load: @escaping @Sendable () -> Result<[CachedSummary], any Error>) {
        self.salt = salt
        self.load = load
    }

    /// The content hash of a package: SHA-256 over the salt, the import path, each file's
    /// name and bytes (by name), and the content hashes of the packages it imports (sorted).
    /// Lower-case hex.
    public func contentHash(package: String, files: [(name: String, bytes: [UInt8])], dependencies: [String]) -> String {
        var manifest = "heapsight package content 1\n\(salt)\n\(package)\n"
        for f in files.sorted(by: { $0.name < $1.name }) {
            manifest += "file \(f.name) \(f.bytes.count) \(SHA256.hex(of: f.bytes))\n"
        }
        for d in dependencies.sorted() { manifest += "import \(d)\n" }
        return SHA256.hex(of: Array(manifest.utf8))
    }

    /// The cached summary of `kind` for the package at `contentHash`; nil when the store has
    /// none or has one that does not decode (then listed in `rejections`).
    public func summary<Value>(_ kind: SummaryKind<Value>, package: String, contentHash: String) -> Value? {
        let key = Key(package: package, contentHash: contentHash, name: kind.name, version: kind.version)
        lock.lock()
        let encoded = storedSummaries()[key]
        lock.unlock()
        guard let encoded else {
            count { $0.misses += 1 }
            return nil
        }
        do {
            let value = try kind.decode(encoded, package: package)
            count { $0.hits += 1 }
            return value
        } catch {
            lock.lock()
            counts.rejected += 1
            rejected.append("cached \(error); analysed the package again and replaced the cached copy")
            lock.unlock()
            return nil
        }
    }

    /// Records a summary the analysis computed for the package at `contentHash`; it is among
    /// `newSummaries` unless the store holds the same bytes already.
    public func record(_ summary: EncodedSummary, package: String, contentHash: String) {
        let key = Key(package: package, contentHash: contentHash, name: summary.name, version: summary.version)
        lock.lock()
        defer { lock.unlock() }
        counts.analysed += 1
        if storedSummaries()[key] == summary || fresh[key] != nil { return }
        fresh[key] = CachedSummary(package: package, contentHash: contentHash, summary: summary)
        counts.computed += 1
    }

    /// The summaries computed in this scan that the store lacks (or holds unreadable), in
    /// package, hash and kind order.
    public var newSummaries: [CachedSummary] {
        lock.lock()
        defer { lock.unlock() }
        return fresh.sorted { a, b in
            (a.key.package, a.key.contentHash, a.key.name, a.key.version) < (b.key.package, b.key.contentHash, b.key.name, b.key.version)
        }.map(\.value)
    }

    /// How the scan used the cache so far.
    public var statistics: Statistics {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// What could not be read, one sentence each: stored summaries that did not decode, and a
    /// store that could not be read at all.
    public var rejections: [String] {
        lock.lock()
        defer { lock.unlock() }
        return rejected
    }

    /// The stored summaries, loaded on first use (the lock held).
    private func storedSummaries() -> [Key: EncodedSummary] {
        if let stored { return stored }
        var table: [Key: EncodedSummary] = [:]
        switch load() {
        case .success(let rows):
            for r in rows {
                table[Key(package: r.package, contentHash: r.contentHash, name: r.summary.name, version: r.summary.version)] = r.summary
            }
        case .failure(let error):
            rejected.append("the store's cached summaries cannot be read (\(error)); every package is analysed")
        }
        stored = table
        return table
    }

    private func count(_ change: (inout Statistics) -> Void) {
        lock.lock()
        change(&counts)
        lock.unlock()
    }
}

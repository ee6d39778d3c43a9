import FactStore
import Foundation
import PassKit

/// The store-backed summary cache of a native scan (`SummaryCache`): what it reads, what it
/// hashes besides the packages' files, and how its new summaries reach the store.
enum SummaryCacheSetup {
    /// The summary kinds a scan caches (name and version).
    static let kinds: [(name: String, version: Int)] = [(LeakTagSummary.kind.name, LeakTagSummary.kind.version)]

    /// The salt of every content hash: the heapsight build and the target. A summary computed
    /// by another build is never read (its rules may differ), nor one for another GOOS/GOARCH.
    static func salt(goos: String, goarch: String) -> String {
        "heapsight \(ToolVersion.current) build \(buildIdentity) target \(goos)/\(goarch)"
    }

    /// The running executable's size and modification time: a rebuilt heapsight has another.
    static let buildIdentity: String = {
        let candidates: [String?] = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, Bundle.main.executablePath]
        for case let path? in candidates {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let size = attributes[.size] as? NSNumber,
                  let modified = attributes[.modificationDate] as? Date else { continue }
            return "\(size.int64Value)@\(Int64(modified.timeIntervalSince1970 * 1000))"
        }
        return "unknown-\(ProcessInfo.processInfo.processIdentifier)-\(Date().timeIntervalSince1970)"
    }()

    /// A cache over the store that `store` yields (waited for on first use).
    static func cache(goos: String, goarch: String, store: @escaping @Sendable () -> Result<FactStore, any Error>) -> SummaryCache {
        SummaryCache(salt: salt(goos: goos, goarch: goarch)) {
            Result { try store().get().cachedSummaries(kinds: kinds) }
        }
    }

    /// Writes the scan's new summaries; a failure is a warning (the run is recorded already,
    /// the next scan analyses those packages again).
    static func write(_ cache: SummaryCache, to store: FactStore) -> [Diagnostic] {
        do {
            try store.recordSummaries(cache.newSummaries)
            return []
        } catch {
            return [Diagnostic(severity: .warning, source: "summaries",
                               message: "the scan's package summaries could not be cached in the store (\(error)); the next scan analyses those packages again")]
        }
    }
}

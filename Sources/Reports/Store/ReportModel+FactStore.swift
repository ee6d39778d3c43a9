import FactStore
import Foundation
import PassKit

extension ReportRun {
    /// The report view of a stored run.
    public init(_ stored: StoredRun) {
        let r = stored.record
        self.init(id: stored.id, startedAt: r.startedAt, engine: r.engine, toolVersion: r.toolVersion, goVersion: r.goVersion,
                  goos: r.goos, goarch: r.goarch, gitCommit: r.gitCommit, gitBranch: r.gitBranch, label: r.label,
                  status: r.status, skipped: r.skipped)
    }
}

extension ReportModel {
    /// Why a model cannot be built.
    public struct LoadError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// Builds a model from the store: the run's packages, files, functions, facts (inside the
    /// scanned tree), diagnostics, directives, the trend over every stored run, and the diff
    /// against a baseline run when one is given. `readSource` returns a file's bytes when they are
    /// still the bytes the run scanned (nil when the file is gone or changed); such files are left
    /// out of the annotated source, and `unavailableSources` lists them.
    public static func load(store: FactStore, run id: Int64, baseline baselineID: Int64? = nil,
                            readSource: (FileRecord) -> [UInt8]? = { _ in nil }) throws -> ReportModel {
        guard let stored = try store.run(id: id) else { throw LoadError(description: "run \(id) is not in the store") }
        let packages = try store.packages(run: id).map {
            ReportPackage(importPath: $0.importPath, name: $0.name, directory: $0.directory, isStandard: $0.isStandard, failed: $0.failed)
        }
        let standard = Set(packages.filter(\.isStandard).map(\.importPath))
        let files = try store.files(run: id)
        var sources: [String: [UInt8]] = [:]
        var filePackages: [String: String] = [:]
        var unavailable: [String] = []
        for f in files {
            filePackages[f.path] = f.package
            guard !standard.contains(f.package) else { continue }
            guard let bytes = readSource(f) else { unavailable.append(f.path); continue }
            sources[f.path] = bytes
        }
        var diff: BaselineDiff?
        if let b = baselineID {
            guard let baseRun = try store.run(id: b) else { throw LoadError(description: "baseline run \(b) is not in the store") }
            diff = BaselineDiff(baseline: ReportRun(baseRun), baselineFacts: try store.facts(run: b), currentFacts: try store.facts(run: id),
                                baselinePasses: try store.passExecutions(run: b))
        }
        var model = ReportModel(run: ReportRun(stored), packages: packages, functions: try store.functions(run: id),
                                facts: try store.facts(run: id), diagnostics: try store.diagnostics(run: id),
                                baseline: diff, trend: try trend(store: store), sources: sources, filePackages: filePackages,
                                passes: try store.passExecutions(run: id))
        model.unavailableSources = unavailable.sorted()
        model.directives = try store.directives(run: id)
        model.profiles = try store.profiles(run: id)
        model.profileSites = try store.profileSites(run: id)
        return model
    }

    /// One point per stored run from the metrics tables (no fact scan).
    public static func trend(store: FactStore) throws -> [TrendPoint] {
        let result = try store.query("""
            SELECT r.id, r.label, coalesce(sum(m.heap_sites), 0), coalesce(sum(m.moved_to_heap), 0),
                   coalesce(sum(m.inlinable), 0), coalesce(sum(m.facts), 0)
            FROM runs r LEFT JOIN package_metrics m ON m.run_id = r.id
            GROUP BY r.id ORDER BY r.id
            """)
        var starts: [Int64: Date] = [:]
        for r in try store.runs() { starts[r.id] = r.record.startedAt }
        return result.rows.compactMap { row in
            guard let id = row[0].flatMap({ Int64($0) }) else { return nil }
            func int(_ i: Int) -> Int { row[i].flatMap { Int($0) } ?? 0 }
            return TrendPoint(run: id, startedAt: starts[id] ?? Date(timeIntervalSince1970: 0), label: row[1],
                              heapSites: int(2), movedToHeap: int(3), inlinable: int(4), facts: int(5))
        }
    }
}

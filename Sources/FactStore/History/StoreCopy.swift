import Foundation
import PassKit

/// Copies the runs of one store into another, SQLite or PostgreSQL in either direction
/// (`heapsight store copy`), so that a team can move the history it has into a shared store.
///
/// Each run is read whole (record, packages, files, functions, every fact, diagnostics,
/// directives, pass executions, profiles with their sites) and recorded in the destination in
/// one transaction, as `record` writes a scan; the destination computes metrics and
/// fingerprints itself, from the same facts, so every history query gives the same answer.
/// A run already present is skipped: present means a run with the same start and finish times,
/// commit, engine, configuration hash, roots and label (a copy, not a second scan). A run keeps
/// its number when the destination never handed out that number or a higher one (always, for a
/// copy into a new store); otherwise it gets the destination's next number.
public enum StoreCopy {
    /// A run copied: its number in the source and in the destination.
    public struct CopiedRun: Sendable, Hashable {
        /// The run's number in the source store.
        public var source: Int64
        /// The run's number in the destination store.
        public var destination: Int64
    }

    /// What a copy did.
    public struct Outcome: Sendable, Hashable {
        /// The runs copied, oldest first.
        public var copied: [CopiedRun]
        /// Source run numbers skipped because the destination has them.
        public var skipped: [Int64]
    }

    /// Copies every run of `source` missing from `destination`, oldest first; `progress` hears
    /// one line per run.
    public static func run(from source: FactStore, to destination: FactStore,
                           progress: (String) -> Void = { _ in }) throws -> Outcome {
        var present = Set(try destination.runs().map(RunIdentity.init))
        var outcome = Outcome(copied: [], skipped: [])
        for run in try source.runs() {
            let identity = RunIdentity(run)
            if present.contains(identity) {
                outcome.skipped.append(run.id)
                progress("run \(run.id) already present")
                continue
            }
            let (content, origin) = try source.copyableContent(of: run)
            let id = try destination.record(content, origin: origin)
            present.insert(identity)
            outcome.copied.append(CopiedRun(source: run.id, destination: id))
            progress("run \(run.id) copied as run \(id)")
        }
        return outcome
    }
}

/// What makes two recorded runs the same run.
struct RunIdentity: Hashable {
    let startedAt: String, finishedAt: String, commit: String?, engine: String, configHash: String
    let roots: [String], label: String?

    init(_ run: StoredRun) {
        let r = run.record
        startedAt = Timestamp.format(r.startedAt)
        finishedAt = Timestamp.format(r.finishedAt)
        commit = r.gitCommit
        engine = r.engine
        configHash = r.configHash
        roots = r.roots
        label = r.label
    }
}

/// How a copied run differs from a new scan: its number, and whether its directives and pass
/// executions were recorded (runs from before schema versions 4 and 6 have them unknown).
struct RunOrigin {
    /// The run's number in the source store.
    var id: Int64
    /// False for a run whose directives are unknown.
    var directivesRecorded: Bool
    /// False for a run whose pass executions are unknown.
    var passesRecorded: Bool
}

extension FactStore {
    /// Everything recorded of one run, as `record` takes it.
    func copyableContent(of run: StoredRun) throws -> (RunContent, RunOrigin) {
        let directives = try self.directives(run: run.id)
        let passes = try passExecutions(run: run.id)
        var content = RunContent(run: run.record, packages: try packages(run: run.id), files: try files(run: run.id),
                                 functions: try functions(run: run.id), facts: try facts(run: run.id, includeExternal: true),
                                 diagnostics: try diagnostics(run: run.id), directives: directives ?? SourceDirectives(),
                                 passes: passes ?? [])
        content.profiles = try profiles(run: run.id).map { stored in
            var profile = stored.record
            profile.sites = try sites(ofProfile: stored.id)
            return profile
        }
        return (content, RunOrigin(id: run.id, directivesRecorded: directives != nil, passesRecorded: passes != nil))
    }

    /// The sites of one profile as recorded, in the order they were written.
    func sites(ofProfile id: Int64) throws -> [ProfileSite] {
        try locked {
            try db.rows("""
                SELECT file, line, symbol, function_id, inlined, status, alloc_objects, alloc_bytes, inuse_objects,
                  inuse_bytes, cpu_ns, call_file, call_line
                FROM profile_sites WHERE profile_id = ?1 ORDER BY id
                """, [.int(id)]) { s in
                ProfileSite(row: s)
            }
        }
    }
}

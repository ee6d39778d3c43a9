import FactStore
import Foundation
import GoLoader

/// What to backfill: which history, how densely, and how to scan each commit.
public struct BackfillRequest: Sendable {
    /// A folder inside the git checkout; the same folder is scanned in each past commit.
    public var path: String
    /// The first commit (commit-ish, included) or a date (`YYYY-MM-DD`, commits after it).
    public var since: String
    /// Scan every Nth commit of the first-parent history (the newest is always scanned).
    public var every: Int
    /// The scan settings (paths and git details are set per commit; `dbPath` made absolute).
    public var scan: ScanRequest

    /// Creates a request.
    public init(path: String = ".", since: String, every: Int = 1, scan: ScanRequest) {
        self.path = path
        self.since = since
        self.every = every
        self.scan = scan
    }
}

/// What a backfill did, per commit, oldest first.
public struct BackfillOutcome: Sendable {
    /// One commit's result.
    public struct Step: Sendable, Hashable {
        /// Full commit hash.
        public var commit: String
        /// The run recorded for it (or found already recorded).
        public var runID: Int64?
        /// True when the commit already had a run and was not scanned again.
        public var alreadyRecorded: Bool
        /// The scan's error message when it failed.
        public var error: String?
    }
    /// The commits considered.
    public var steps: [Step]
}

/// Scans past commits of a git repository, each in a temporary detached worktree that is
/// removed afterwards, so that a team gets a trend from day one. The user's checkout (its
/// files, index, HEAD and branch) is never touched. Commits that already have a run are skipped,
/// so a backfill can be resumed. Each run records the commit, the branch that was checked out
/// when backfill ran, and the commit's date (so trends by commit or day put it in its place), all
/// in the run's one transaction; the recorded root is the path the user named, not the worktree.
public func runBackfill(_ request: BackfillRequest,
                        scan: (ScanRequest) throws -> ScanOutcome = runScan,
                        progress: (String) -> Void = { _ in }) throws -> BackfillOutcome {
    InterruptWatch.install()
    guard request.every >= 1 else { throw BackfillError.invalidEvery(request.every) }
    let repo = try GitRepository(containing: request.path)
    let all = try repo.commits(since: request.since)
    var chosen = stride(from: 0, to: all.count, by: request.every).map { all[$0] }
    if let last = all.last, chosen.last != last { chosen.append(last) }
    let branch = repo.currentBranch()
    let dbPath = FactStore.isServerLocation(request.scan.dbPath)
        ? request.scan.dbPath : URL(fileURLWithPath: request.scan.dbPath).standardizedFileURL.path
    var steps: [BackfillOutcome.Step] = []
    for sha in chosen {
        if let existing = try FactStore.open(path: dbPath).run(commit: sha) {
            progress("\(sha.prefix(12)) already recorded as run \(existing)")
            steps.append(.init(commit: sha, runID: existing, alreadyRecorded: true, error: nil))
            continue
        }
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-backfill-\(UUID().uuidString)")
        let tree = temp.appendingPathComponent("src").path
        // Removed after the scan, and on an interrupt (SIGINT, SIGTERM) during it, so the user's
        // repository never keeps a registered worktree of ours.
        let cleanup = InterruptCleanup.register { discardWorktree(repo, tree: tree, temp: temp) }
        defer {
            // Still registered while it runs: an interrupt meanwhile finishes it before exiting.
            discardWorktree(repo, tree: tree, temp: temp)
            InterruptCleanup.unregister(cleanup)
        }
        // Nothing is made while an interrupt is handled (its cleanup may have listed what to
        // remove before this commit's removal was registered), and the folder only once its
        // removal is registered.
        InterruptWatch.holdIfInterrupted()
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        try repo.addWorktree(at: tree, commit: sha)
        var scanRequest = request.scan
        scanRequest.dbPath = dbPath
        scanRequest.paths = [repo.prefix.isEmpty ? tree : tree + "/" + repo.prefix]
        do {
            scanRequest.provenance = ScanProvenance(roots: [request.path], gitCommit: sha, gitBranch: branch,
                                                    gitCommittedAt: try repo.commitDate(sha))
            let outcome = try scan(scanRequest)
            progress("\(sha.prefix(12)) run \(outcome.runID) (\(outcome.status))")
            steps.append(.init(commit: sha, runID: outcome.runID, alreadyRecorded: false, error: nil))
        } catch {
            progress("\(sha.prefix(12)) failed: \(error)")
            steps.append(.init(commit: sha, runID: nil, alreadyRecorded: false, error: "\(error)"))
        }
    }
    return BackfillOutcome(steps: steps)
}

/// Removes a backfill worktree, its registration and its temporary folder. Tried again for a
/// moment while either is still there: a `git worktree add` killed by an interrupt may leave a
/// child process that is still writing files into the folder.
func discardWorktree(_ repo: GitRepository, tree: String, temp: URL) {
    for _ in 0..<discardAttempts {
        repo.removeWorktree(at: tree)
        try? FileManager.default.removeItem(at: temp)
        if !FileManager.default.fileExists(atPath: temp.path) && !repo.hasWorktree(at: tree) { return }
        usleep(discardRetryMicroseconds)
    }
}

/// How often `discardWorktree` tries, and how long it waits between tries.
let discardAttempts = 20
let discardRetryMicroseconds: useconds_t = 100_000

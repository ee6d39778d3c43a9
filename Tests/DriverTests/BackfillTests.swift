import Driver
import FactStore
import Foundation
import PassKit
import TestSupport
import XCTest

/// Backfill over a small git repository built by the test: the right commits are scanned in
/// temporary worktrees, runs carry their commit, branch and date, and the user's checkout is
/// left exactly as it was.
final class BackfillTests: XCTestCase {
    private var repo: URL!
    private var commits: [String] = []

    private func git(_ args: [String], in dir: URL? = nil, date: Int? = nil) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_NAME"] = "t"; env["GIT_AUTHOR_EMAIL"] = "t@example.com"
        env["GIT_COMMITTER_NAME"] = "t"; env["GIT_COMMITTER_EMAIL"] = "t@example.com"
        if let date {
            env["GIT_AUTHOR_DATE"] = "\(date) +0000"; env["GIT_COMMITTER_DATE"] = "\(date) +0000"
        }
        let r = try TestSupport.run("/usr/bin/env", ["git", "-C", (dir ?? repo).path] + args, environment: env)
        XCTAssertEqual(r.status, 0, "git \(args): \(r.err)")
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Four commits; commit k has k `new(T)` calls in service/s.go.
    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-backfill-test-\(UUID().uuidString)")
        repo = base.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("service"), withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
        _ = try git(["init", "-q", "-b", "main"])
        try "module example.com/bf\n\ngo 1.22\n".write(to: repo.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        for k in 1...4 {
            let body = (0..<k).map { "\tp\($0) := new(T)\n\t_ = p\($0)\n" }.joined()
            try "package service\n\ntype T struct{ n int }\n\nfunc Work() {\n\(body)}\n"
                .write(to: repo.appendingPathComponent("service/s.go"), atomically: true, encoding: .utf8)
            _ = try git(["add", "-A"])
            _ = try git(["commit", "-q", "-m", "commit \(k)"], date: 1_767_225_600 + k * 86_400)
            commits.append(try git(["rev-parse", "HEAD"]))
        }
        // The user's checkout has work in progress: a modified file and an untracked one.
        try "package service\n\n// edited, not committed\n".write(to: repo.appendingPathComponent("service/s.go"), atomically: true, encoding: .utf8)
        try "scratch\n".write(to: repo.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    }

    /// A stand-in for the driver's scan: one `alloc` fact per `new(` in the tree it is given,
    /// recorded through FactStore with the request's provenance, like a real scan would.
    private func fakeScan(seen: @escaping (String) -> Void) -> (ScanRequest) throws -> ScanOutcome {
        return { request in
            let root = request.paths[0]
            seen(root)
            let rootURL = URL(fileURLWithPath: root)
            let file = rootURL.lastPathComponent == "service" ? rootURL.appendingPathComponent("s.go")
                : rootURL.appendingPathComponent("service/s.go")
            let text = try String(contentsOf: file, encoding: .utf8)
            let count = text.components(separatedBy: "new(").count - 1
            let facts = (0..<count).map { i in
                Fact(kind: .alloc, file: "service/s.go", line: 6 + 2 * i, column: 8, subject: "new(T)",
                     detail: "new heap depth=0", function: "example.com/bf/service.Work")
            }
            let now = Date(timeIntervalSince1970: 1_790_000_000)
            let origin = request.provenance
            let run = RunRecord(startedAt: now, finishedAt: now, roots: origin?.roots ?? [root],
                                gitCommit: origin?.gitCommit, gitBranch: origin?.gitBranch,
                                gitCommittedAt: origin?.gitCommittedAt, engine: "gc", toolVersion: "test",
                                goos: "linux", goarch: "amd64", configHash: "t")
            let id = try FactStore.open(path: request.dbPath).record(RunContent(run: run, facts: facts))
            return ScanOutcome(runID: id, packageCount: 1, fileCount: 1, functionCount: 1,
                               factsByKind: ["alloc": count], failedPackages: [], skipped: [], diagnostics: [],
                               seconds: 0, status: "ok")
        }
    }

    private func checkoutState() throws -> [String] {
        [try git(["rev-parse", "HEAD"]), try git(["symbolic-ref", "HEAD"]), try git(["status", "--porcelain"]),
         try git(["worktree", "list", "--porcelain"]), try git(["stash", "list"]),
         try String(contentsOf: repo.appendingPathComponent("service/s.go"), encoding: .utf8)]
    }

    func testBackfillScansEachCommitInATemporaryWorktree() throws {
        let db = repo.deletingLastPathComponent().appendingPathComponent("h.db").path
        let before = try checkoutState()
        var scanned: [String] = []
        let request = BackfillRequest(path: repo.appendingPathComponent("service").path, since: commits[0],
                                      scan: ScanRequest(dbPath: db))
        let outcome = try runBackfill(request, scan: fakeScan { scanned.append($0) })
        XCTAssertEqual(outcome.steps.map(\.commit), commits)
        XCTAssertEqual(outcome.steps.compactMap(\.error), [])
        XCTAssertEqual(outcome.steps.compactMap(\.runID), [1, 2, 3, 4])
        XCTAssertEqual(try checkoutState(), before)
        for path in scanned {
            XCTAssertFalse(path.hasPrefix(repo.path), path)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "worktree left behind: \(path)")
        }

        let store = try FactStore.openReadOnly(path: db)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.record.gitCommit), commits)
        XCTAssertEqual(Set(runs.map(\.record.gitBranch)), ["main"])
        XCTAssertEqual(Set(runs.map(\.record.roots)), [[request.path]], "runs record the user's root, not the worktree")
        XCTAssertEqual(runs.map { $0.record.gitCommittedAt?.timeIntervalSince1970 },
                       (1...4).map { Double(1_767_225_600 + $0 * 86_400) })
        XCTAssertEqual(try store.trend(TrendQuery(metric: .heapSites, grouping: .commit)).map(\.value), [1, 2, 3, 4])

        // Running it again scans nothing: every commit already has a run.
        let again = try runBackfill(request, scan: fakeScan { _ in XCTFail("scanned again") })
        XCTAssertTrue(again.steps.allSatisfy(\.alreadyRecorded))
        XCTAssertEqual(try checkoutState(), before)
    }

    func testEveryNthCommitAlwaysIncludesTheNewest() throws {
        let db = repo.deletingLastPathComponent().appendingPathComponent("every.db").path
        let outcome = try runBackfill(BackfillRequest(path: repo.path, since: commits[0], every: 2, scan: ScanRequest(dbPath: db)),
                                      scan: fakeScan { _ in })
        XCTAssertEqual(outcome.steps.map(\.commit), [commits[0], commits[2], commits[3]])
        let byDate = try runBackfill(BackfillRequest(path: repo.path, since: "2026-01-03", every: 1, scan: ScanRequest(dbPath: db)),
                                     scan: fakeScan { _ in })
        XCTAssertEqual(byDate.steps.map(\.commit), [commits[1], commits[2], commits[3]])
        XCTAssertEqual(byDate.steps.map(\.alreadyRecorded), [false, true, true])
    }

    func testBadInputGivesActionableErrors() throws {
        let db = repo.deletingLastPathComponent().appendingPathComponent("e.db").path
        XCTAssertThrowsError(try runBackfill(BackfillRequest(path: repo.path, since: "no-such-tag", scan: ScanRequest(dbPath: db)),
                                             scan: fakeScan { _ in })) { error in
            XCTAssertEqual(error as? BackfillError, .unknownRef(ref: "no-such-tag"))
        }
        let outside = repo.deletingLastPathComponent().appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        XCTAssertThrowsError(try runBackfill(BackfillRequest(path: outside.path, since: "HEAD", scan: ScanRequest(dbPath: db)),
                                             scan: fakeScan { _ in })) { error in
            guard case BackfillError.notARepository = error else { return XCTFail("\(error)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
    }
}

import FactStore
import Foundation
import TestSupport
import XCTest

/// `heapsight backfill` with the real scan over a git repository built by the test.
final class BackfillCommandTests: XCTestCase {
    private func git(_ repo: URL, _ args: [String], date: Int? = nil) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["GIT_AUTHOR_NAME"] = "t"; env["GIT_AUTHOR_EMAIL"] = "t@example.com"
        env["GIT_COMMITTER_NAME"] = "t"; env["GIT_COMMITTER_EMAIL"] = "t@example.com"
        if let date { env["GIT_AUTHOR_DATE"] = "\(date) +0000"; env["GIT_COMMITTER_DATE"] = "\(date) +0000" }
        let r = try TestSupport.run("/usr/bin/env", ["git", "-C", repo.path] + args, environment: env)
        XCTAssertEqual(r.status, 0, "git \(args): \(r.err)")
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testBackfillRecordsOneRunPerCommitAndLeavesTheCheckoutAlone() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-bf-e2e-\(UUID().uuidString)")
        let repo = base.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
        _ = try git(repo, ["init", "-q", "-b", "trunk"])
        try "module example.com/bf\n\ngo 1.22\n".write(to: repo.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        var commits: [String] = []
        for k in 1...3 {
            let funcs = (1...k).map { "func F\($0)() int { return \($0) }\n" }.joined(separator: "\n")
            try "package bf\n\n\(funcs)".write(to: repo.appendingPathComponent("bf.go"), atomically: true, encoding: .utf8)
            _ = try git(repo, ["add", "-A"])
            _ = try git(repo, ["commit", "-q", "-m", "step \(k)"], date: 1_767_225_600 + k * 3_600)
            commits.append(try git(repo, ["rev-parse", "HEAD"]))
        }
        try "package bf\n\nfunc Unfinished() {}\n".write(to: repo.appendingPathComponent("bf.go"), atomically: true, encoding: .utf8)
        func state() throws -> [String] {
            [try git(repo, ["rev-parse", "HEAD"]), try git(repo, ["symbolic-ref", "HEAD"]),
             try git(repo, ["status", "--porcelain"]), try git(repo, ["worktree", "list"])]
        }
        let before = try state()
        let db = base.appendingPathComponent("out/h.db").path

        let r = try TestSupport.run(HistoryCommandTests.heapsight,
                                    ["backfill", "--since", String(commits[0].prefix(8)), "--db", db, "--quiet", repo.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "backfill: 3 scanned, 0 already recorded, 0 failed, of 3 commits\n")
        XCTAssertEqual(try state(), before)

        let store = try FactStore.openReadOnly(path: db)
        let runs = try store.runs()
        XCTAssertEqual(runs.map(\.record.gitCommit), commits)
        XCTAssertEqual(runs.map(\.record.gitBranch), ["trunk", "trunk", "trunk"])
        XCTAssertEqual(runs.map(\.record.roots), Array(repeating: [repo.path], count: 3))
        XCTAssertEqual(runs.map { $0.record.gitCommittedAt?.timeIntervalSince1970 },
                       (1...3).map { Double(1_767_225_600 + $0 * 3_600) })
        XCTAssertEqual(runs.map(\.functionCount), [1, 2, 3])
        XCTAssertEqual(try store.trend(TrendQuery(metric: .functions, grouping: .commit)).map(\.value), [1, 2, 3])
        XCTAssertEqual(try store.resolveRun("trunk"), 3)

        let again = try TestSupport.run(HistoryCommandTests.heapsight,
                                        ["backfill", "--since", commits[0], "--every", "2", "--db", db, repo.path])
        XCTAssertEqual(again.status, 0, again.err)
        XCTAssertTrue(again.out.hasSuffix("backfill: 0 scanned, 2 already recorded, 0 failed, of 2 commits\n"), again.out)

        let bad = try TestSupport.run(HistoryCommandTests.heapsight, ["backfill", "--since", "v9.9", "--db", db, repo.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("heapsight: error: --since 'v9.9' names no commit"), bad.err)
    }
}

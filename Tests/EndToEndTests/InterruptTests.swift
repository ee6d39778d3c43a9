import Foundation
import TestSupport
import XCTest

/// An interrupted run leaves no debris: SIGTERM during a gc scan leaves no temporary folder and
/// no run, SIGINT during a backfill removes the worktree it registered in the user's repository;
/// both exit with the shell's code for the signal.
final class InterruptTests: XCTestCase {
    /// Starts `heapsight ARGS` with its own temporary folder; returns the running process.
    func start(_ cli: CLI, _ args: [String], temp: String, environment extra: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.currentDirectoryURL = cli.directory
        var env = ProcessInfo.processInfo.environment
        env["TMPDIR"] = temp
        env["PATH"] = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        for (k, v) in extra { env[k] = v }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits up to `seconds` for `condition`.
    func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    func entries(_ folder: String, prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(prefix) }
    }

    func testSIGTERMDuringAGCScanLeavesNothingBehind() throws {
        let cli = try CLI(self)
        try FileManager.default.copyItem(atPath: CLI.examples, toPath: cli.path("Examples"))
        let temp = cli.path("tmp")
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        // An empty build cache of its own: the compiler then builds Examples and what it imports
        // for several seconds (a warm cache replays the compiler's output in a fraction of one).
        let scan = try start(cli, ["scan", "Examples", "--engine", "gc", "--db", "h.db", "--quiet"], temp: temp,
                             environment: ["GOCACHE": cli.path("gocache")])
        // Interrupt the scan while the compiler runs.
        usleep(300_000)
        guard scan.isRunning else { return XCTFail("the scan finished before it could be interrupted") }
        kill(scan.processIdentifier, SIGTERM)
        scan.waitUntilExit()
        XCTAssertEqual(scan.terminationStatus, 143)
        XCTAssertEqual(entries(temp, prefix: "heapsight-"), [], "a temporary folder was left behind")
        if FileManager.default.fileExists(atPath: cli.path("h.db")) {
            let runs = try cli.run(["query", "select count(*) from runs", "--db", "h.db"]).out
            XCTAssertEqual(runs, "0\n", "an interrupted scan records nothing")
        }
    }

    func testSIGINTDuringABackfillRemovesItsWorktree() throws {
        let cli = try CLI(self)
        let repo = cli.directory.appendingPathComponent("repo")
        let git = TestSupport.which("git") ?? "/usr/bin/git"
        func run(_ args: [String]) throws -> String {
            let r = try TestSupport.run(git, ["-c", "user.email=t@example.com", "-c", "user.name=t"] + args, cwd: repo)
            XCTAssertEqual(r.status, 0, r.err)
            return r.out
        }
        try cli.write("repo/go.mod", "module example.com/r\n\ngo 1.27\n")
        _ = try run(["init", "-q", "-b", "main"])
        for i in 0..<6 {
            try cli.write("repo/f\(i).go", "package r\n\nfunc F\(i)() *int { x := \(i); return &x }\n")
            _ = try run(["add", "."])
            _ = try run(["commit", "-q", "-m", "c\(i)"])
        }
        let temp = cli.path("tmp")
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        // Polled while the backfill adds a worktree: git may then fail to read the one half made
        // (exit 128), which counts as not added yet, not as a failure.
        let worktrees = { () -> Int in
            guard let r = try? TestSupport.run(git, ["worktree", "list", "--porcelain"], cwd: repo), r.status == 0 else { return 0 }
            return r.out.components(separatedBy: "worktree ").count
        }
        XCTAssertEqual(worktrees(), 2, "one worktree (the checkout) before")
        let first = try run(["rev-list", "--max-parents=0", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The gc engine with an empty build cache of its own: the first commit's scan compiles the
        // runtime and what it imports for several seconds, so the SIGINT lands while a worktree
        // is registered (the native engine scans six tiny commits faster than this test polls).
        let backfill = try start(cli, ["backfill", "repo", "--since", first, "--db", "h.db", "--engine", "gc"],
                                 temp: temp, environment: ["GOCACHE": cli.path("gocache")])
        XCTAssertTrue(waitFor(60) { worktrees() > 2 || !backfill.isRunning }, "backfill never added a worktree")
        guard backfill.isRunning else { return XCTFail("the backfill finished before it could be interrupted") }
        kill(backfill.processIdentifier, SIGINT)
        backfill.waitUntilExit()
        XCTAssertEqual(backfill.terminationStatus, 130)
        let list = try run(["worktree", "list"])
        XCTAssertEqual(worktrees(), 2, "a worktree of the backfill is still registered: \(list)")
        XCTAssertEqual(entries(temp, prefix: "heapsight-backfill-"), [], "the backfill's folder was left behind")
        XCTAssertEqual(try run(["status", "--porcelain"]), "", "the user's checkout changed")
    }
}

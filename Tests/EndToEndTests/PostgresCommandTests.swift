import Foundation
import TestSupport
import XCTest

/// Every store-using command with a `postgres://` store, as the built binary: a history scanned
/// into a file and copied to PostgreSQL reads back byte for byte the same through every reading
/// command, the writing commands work on the server, and `store copy` goes both ways. Needs the
/// server named by HEAPSIGHT_TEST_POSTGRES (`.ci/run` starts one); fails without it under CI.
final class PostgresCommandTests: XCTestCase {
    static let module = "module example.com/user\n\ngo 1.21\n"
    static let first = "package user\n\n// Keep returns a pointer.\nfunc Keep() *int {\n\tx := 1\n\treturn &x\n}\n"
    static let second = first + "\n// Grow allocates a slice.\nfunc Grow(n int) []int {\n\treturn make([]int, n)\n}\n"

    /// A new database on the test server, dropped at teardown.
    func database() throws -> String { try serverDatabase() }

    /// The scratch folder with `tree/` (a git repository, two commits) scanned into `h.db`.
    func prepare() throws -> CLI {
        let cli = try CLI(self)
        try cli.write("tree/go.mod", Self.module)
        let git = TestSupport.which("git") ?? "/usr/bin/git"
        let author = ["-c", "user.email=t@example.com", "-c", "user.name=t"]
        func commit(_ source: String, _ message: String) throws {
            try cli.write("tree/user.go", source)
            for args in [author + ["add", "."], author + ["commit", "-q", "-m", message]] {
                let r = try TestSupport.run(git, args, cwd: cli.directory.appendingPathComponent("tree"))
                XCTAssertEqual(r.status, 0, r.err)
            }
        }
        XCTAssertEqual(try TestSupport.run(git, ["init", "-q", "-b", "main"], cwd: cli.directory.appendingPathComponent("tree")).status, 0)
        try commit(Self.first, "first")
        XCTAssertEqual(try cli.run(["scan", "tree", "--db", "h.db", "--label", "v1", "--quiet"]).status, 0)
        try commit(Self.second, "second")
        XCTAssertEqual(try cli.run(["scan", "tree", "--db", "h.db", "--quiet"]).status, 0)
        return cli
    }

    func testEveryCommandReadsAPostgresStoreAsItReadsAFile() throws {
        let url = try database()
        let cli = try prepare()
        let copy = try cli.run(["store", "copy", "--from", "h.db", "--to", url])
        XCTAssertEqual(copy.status, 0, copy.err)
        XCTAssertTrue(copy.out.hasSuffix("copied 2 runs (1–2), skipped 0 already present\n"), copy.out)
        let reads: [[String]] = [
            ["runs"], ["export", "--run", "latest"], ["export", "--run", "v1", "--format", "json"],
            ["query", "--header", "select kind, count(*) as n from facts group by kind order by kind"],
            ["trend"], ["trend", "--by", "commit", "--format", "csv"], ["trend", "--metric", "inlinable", "--function", "*.G*", "--format", "json"],
            ["diff", "v1", "latest"], ["compare", "1", "2"], ["report", "--format", "text"], ["report", "--format", "sarif", "--run", "1"],
            ["prune", "--keep", "1", "--dry-run"],
        ]
        for args in reads {
            let file = try cli.run(args + ["--db", "h.db"])
            let server = try cli.run(args + ["--db", url])
            XCTAssertEqual(file.status, 0, "\(args): \(file.err)")
            XCTAssertEqual(server.status, file.status, "\(args): \(server.err)")
            XCTAssertEqual(server.out, file.out, "\(args)")
        }
        // HEAPSIGHT_DB names the store when --db is not given.
        var environment = ProcessInfo.processInfo.environment
        environment["HEAPSIGHT_DB"] = url
        XCTAssertEqual(try cli.run(["runs"], environment: environment).out, try cli.run(["runs", "--db", "h.db"]).out)
        // A query that writes is refused by the server, and the store is unchanged.
        let write = try cli.run(["query", "delete from facts", "--db", url])
        XCTAssertEqual(write.status, 2)
        XCTAssertTrue(write.err.contains("read-only"), write.err)
        XCTAssertEqual(try cli.run(["query", "select count(*) from facts", "--db", url]).out,
                       try cli.run(["query", "select count(*) from facts", "--db", "h.db"]).out)
    }

    func testWritingCommandsWorkOnPostgresAndCopyBack() throws {
        let url = try database()
        let cli = try prepare()
        let scan = try cli.run(["scan", "tree", "--db", url])
        XCTAssertEqual(scan.status, 0, scan.err)
        XCTAssertTrue(scan.out.contains("run 1 (ok) recorded in postgres://"), scan.out)
        let check = try cli.run(["check", "tree", "--db", url])
        let checkFile = try cli.run(["check", "tree", "--db", "h.db"])
        XCTAssertEqual(check.status, checkFile.status, check.err)
        let backfill = try cli.run(["backfill", "tree", "--since", "HEAD~1", "--db", url])
        XCTAssertEqual(backfill.status, 0, backfill.err)
        XCTAssertTrue(backfill.out.contains("backfill: 1 scanned, 1 already recorded, 0 failed, of 2 commits"), backfill.out)
        let runs = try cli.run(["runs", "--db", url])
        XCTAssertEqual(runs.out.split(separator: "\n").count, 4, runs.out)  // header and three runs
        let back = try cli.run(["store", "copy", "--from", url, "--to", "back.db"])
        XCTAssertEqual(back.status, 0, back.err)
        XCTAssertEqual(try cli.run(["runs", "--db", "back.db"]).out, runs.out)
        XCTAssertEqual(try cli.run(["trend", "--by", "commit", "--db", "back.db"]).out, try cli.run(["trend", "--by", "commit", "--db", url]).out)
        let prune = try cli.run(["prune", "--keep", "1", "--db", url])
        XCTAssertEqual(prune.status, 0, prune.err)
        XCTAssertTrue(prune.out.hasPrefix("deleted 2 runs (1–2); kept 1"), prune.out)
        XCTAssertEqual(try cli.run(["store", "copy", "--from", url, "--to", "back.db"]).out, "run 3 already present\ncopied 0 runs, skipped 1 already present\n")
        // A password in the URL is refused before anything connects, and never echoed.
        let secret = try cli.run(["runs", "--db", url.replacingOccurrences(of: "://heapsight@", with: "://heapsight:hunter2@")])
        XCTAssertEqual(secret.status, 2)
        XCTAssertFalse(secret.err.contains("hunter2"), secret.err)
    }
}

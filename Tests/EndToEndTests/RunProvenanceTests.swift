import Foundation
import TestSupport
import XCTest

/// What a run records about where and how it was made: the checkout of the scanned roots
/// (never the current directory's), and the Go release once, as `go env GOVERSION` names it.
final class RunProvenanceTests: XCTestCase {
    func git(_ args: [String], in dir: URL) throws {
        let git = TestSupport.which("git") ?? "/usr/bin/git"
        let r = try TestSupport.run(git, ["-c", "user.email=t@example.com", "-c", "user.name=t"] + args, cwd: dir)
        XCTAssertEqual(r.status, 0, r.err)
    }

    func testFoldersOutsideAnyCheckoutRecordNoCommit() throws {
        let cli = try CLI(self)
        try cli.write("go.mod", "module example.com/here\n\ngo 1.27\n")
        try git(["init", "-q", "-b", "trunk"], in: cli.directory)
        try git(["add", "."], in: cli.directory)
        try git(["commit", "-q", "-m", "here"], in: cli.directory)
        // Two module folders outside any git checkout, scanned from inside one.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-outside-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: outside) }
        for name in ["a", "b"] {
            let dir = outside.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data("module example.com/\(name)\n\ngo 1.27\n".utf8).write(to: dir.appendingPathComponent("go.mod"))
            try Data("package \(name)\n\nfunc F() {}\n".utf8).write(to: dir.appendingPathComponent("\(name).go"))
        }
        let probe = try TestSupport.run(TestSupport.which("git") ?? "/usr/bin/git", ["-C", outside.path, "rev-parse", "HEAD"])
        try XCTSkipIf(probe.status == 0, "the temporary folder is inside a git checkout here")
        let scan = try cli.run(["scan", outside.appendingPathComponent("a").path, outside.appendingPathComponent("b").path,
                                "--db", "h.db"])
        XCTAssertEqual(scan.status, 0, scan.err)
        XCTAssertEqual(try cli.run(["query", "select git_commit, git_branch from runs", "--db", "h.db"]).out, "NULL\tNULL\n")
        // A root inside the checkout still records it.
        try cli.write("sub/s.go", "package here\n\nfunc S() {}\n")
        XCTAssertEqual(try cli.run(["scan", ".", "--db", "h.db"]).status, 0)
        XCTAssertEqual(try cli.run(["query", "select git_branch from runs where id = 2", "--db", "h.db"]).out, "trunk\n")
    }

    func testTheGoReleaseIsRecordedOnceAsGoNamesIt() throws {
        let go = TestSupport.goToolchain
        let version = try TestSupport.run(go.go, ["env", "GOVERSION"], environment: go.environment())
        let release = version.out.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(release.hasPrefix("go1."), release)
        let cli = try CLI(self)
        try cli.write("m/go.mod", "module example.com/m\n\ngo 1.27\n")
        try cli.write("m/m.go", "package m\n\nfunc F() int { return 1 }\n")
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (go.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        XCTAssertEqual(try cli.run(["scan", "m", "--engine", "gc", "--db", "h.db"], environment: env).status, 0)
        XCTAssertEqual(try cli.run(["query", "select go_version from runs", "--db", "h.db"]).out, release + "\n")
        let header = try cli.run(["report", "--db", "h.db"]).out.split(separator: "\n").first.map(String.init) ?? ""
        let platform = try XCTUnwrap(header.split(separator: " ").last.map(String.init))
        XCTAssertTrue(header.hasSuffix("engine gc · \(release) \(platform)"), header)
        XCTAssertEqual(header.components(separatedBy: platform).count, 2, "the platform is printed once: \(header)")
    }
}

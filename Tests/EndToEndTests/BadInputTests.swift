import Foundation
import TestSupport
import XCTest

/// Bad input gets one clear message and the right exit code, and never damages a database.
final class BadInputTests: XCTestCase {
    let module = "module example.com/bad\n\ngo 1.27\n"
    let good = "package bad\n\n// Good is fine.\nfunc Good() *int {\n\tx := 1\n\treturn &x\n}\n"

    /// A scratch folder with one good scan recorded in `h.db`, so every failure below has an
    /// existing database to (not) damage.
    func prepared() throws -> (CLI, Data) {
        let cli = try CLI(self)
        try cli.write("tree/go.mod", module)
        try cli.write("tree/good.go", good)
        let r = try cli.run(["scan", "tree", "--db", "h.db", "--quiet"])
        XCTAssertEqual(r.status, 0, r.err)
        return (cli, try cli.bytes("h.db"))
    }

    func assertError(_ r: TestSupport.ProcessResult, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 2, r.err, file: file, line: line)
        XCTAssertTrue(r.err.hasPrefix("heapsight: error: "), r.err, file: file, line: line)
        XCTAssertTrue(r.err.contains(fragment), "expected '\(fragment)' in: \(r.err)", file: file, line: line)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one message: \(r.err)", file: file, line: line)
    }

    /// Every command that needs an existing store goes through one opening path: a missing
    /// database gets one message that says what to do, exit 2, and no file is created; a file
    /// that is not a heapsight store, or a run that does not exist, is refused and left as it was.
    func testCommandsThatNeedAStoreRefuseAMissingOrForeignOneAndLeaveItUntouched() throws {
        let (cli, db) = try prepared()
        try cli.write("notes.db", "not a database\n")
        let notes = try cli.bytes("notes.db")
        let commands: [[String]] = [["report"], ["compare", "1", "2"], ["prune", "--keep", "0"], ["diff", "1", "2"],
                                    ["trend"], ["runs"], ["export"], ["query", "select 1"]]
        for command in commands {
            assertError(try cli.run(command + ["--db", "none.db"]),
                        "no heapsight database at none.db; run `heapsight scan` first, or pass --db FILE")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("none.db")), "\(command) created a database")
            assertError(try cli.run(command + ["--db", "notes.db"]), "notes.db is not a SQLite database")
            XCTAssertEqual(try cli.bytes("notes.db"), notes, "\(command) changed a file that is not a store")
        }
        for command in [["report", "--run", "9"], ["compare", "1", "9"], ["diff", "1", "9"]] {
            assertError(try cli.run(command + ["--db", "h.db"]), "no run matches '9'")
        }
        XCTAssertEqual(try cli.bytes("h.db"), db)
    }

    func testNonexistentPath() throws {
        let (cli, db) = try prepared()
        assertError(try cli.run(["scan", "no/such/dir", "--db", "h.db"]), "no/such/dir: no such file or directory")
        XCTAssertEqual(try cli.bytes("h.db"), db)
    }

    func testFileThatIsNotGoAsRoot() throws {
        let (cli, db) = try prepared()
        try cli.write("notes.txt", "hello")
        assertError(try cli.run(["scan", "notes.txt", "--db", "h.db"]), "not a Go source file")
        XCTAssertEqual(try cli.bytes("h.db"), db)
    }

    func testNonUTF8AndNonGoFilesInATreeAreDiagnosticsAndTheRestIsScanned() throws {
        let (cli, _) = try prepared()
        try cli.write("tree/binary.go", Data([0x70, 0x61, 0x63, 0xff, 0xfe, 0x00, 0x01]))
        try cli.write("tree/prose.go", "Dear reader, this is not Go.\n")
        let r = try cli.run(["scan", "tree", "--db", "h.db"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("binary.go: file skipped: not valid UTF-8"), r.err)
        XCTAssertTrue(r.err.contains("prose.go:1: file skipped: no package clause"), r.err)
        XCTAssertTrue(r.out.contains("run 2 (partial)"), r.out)
        XCTAssertEqual(try cli.run(["query", "--db", "h.db", "select path from files where run_id = 2"]).out, "good.go\n")
    }

    func testSyntaxErrorIsADiagnosticForThatFileAndTheRestOfThePackageIsAnalysed() throws {
        let (cli, _) = try prepared()
        try cli.write("tree/broken.go", "package bad\n\nfunc Broken( {\n\treturn\n}\n\nfunc AfterBroken() {}\n")
        let r = try cli.run(["scan", "tree", "--db", "h.db"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("(partial)"), r.out)
        let diags = try cli.run(["query", "--db", "h.db", "select file, line, source from diagnostics where run_id = 2 and severity = 'error'"])
        XCTAssertTrue(diags.out.hasPrefix("broken.go\t3\tsyntax"), diags.out)
        let functions = try cli.run(["query", "--db", "h.db", "select function_id from functions where run_id = 2 order by function_id"])
        XCTAssertTrue(functions.out.contains("example.com/bad.Good\n"), functions.out)
    }

    func testUnreadableDirectory() throws {
        try XCTSkipUnless(CLI.canDropPrivileges, "running as root without setpriv: root reads any directory")
        let (cli, db) = try prepared()
        try cli.write("tree/secret/s.go", "package secret\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: cli.path("."))
        _ = try TestSupport.run("/bin/chmod", ["-R", "a+rwX", cli.path(".")])
        _ = try TestSupport.run("/bin/chmod", ["000", cli.path("tree/secret")])
        // An unreadable folder inside the tree is skipped with a warning; the rest is scanned.
        let inside = try cli.run(["scan", "tree", "--db", "h.db"], unprivileged: true)
        XCTAssertEqual(inside.status, 0, inside.err)
        XCTAssertTrue(inside.err.contains("secret: directory skipped: cannot read it"), inside.err)
        XCTAssertTrue(inside.out.contains("(partial)"), inside.out)
        // An unreadable root is an error and the database is untouched.
        let before = try cli.bytes("h.db")
        assertError(try cli.run(["scan", "tree/secret", "--db", "h.db"], unprivileged: true), "tree/secret: cannot read")
        XCTAssertEqual(try cli.bytes("h.db"), before)
        XCTAssertNotEqual(db, before)
    }

    func testSymlinkLoop() throws {
        let (cli, db) = try prepared()
        try FileManager.default.createSymbolicLink(atPath: cli.path("loop"), withDestinationPath: cli.path("loop"))
        assertError(try cli.run(["scan", "loop", "--db", "h.db"]), "symbolic link loop")
        XCTAssertEqual(try cli.bytes("h.db"), db)
    }

    func testDatabaseInMissingDirectory() throws {
        let (cli, _) = try prepared()
        assertError(try cli.run(["scan", "tree", "--db", "missing/dir/h.db"]), "does not exist")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("missing")))
    }

    func testDatabaseInReadOnlyDirectory() throws {
        try XCTSkipUnless(CLI.canDropPrivileges, "running as root without setpriv: root writes any directory")
        let (cli, _) = try prepared()
        try FileManager.default.createDirectory(atPath: cli.path("ro"), withIntermediateDirectories: true)
        _ = try TestSupport.run("/bin/chmod", ["-R", "a+rwX", cli.path(".")])
        _ = try TestSupport.run("/bin/chmod", ["555", cli.path("ro")])
        assertError(try cli.run(["scan", "tree", "--db", "ro/h.db"], unprivileged: true), "not writable")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("ro/h.db")))
    }

    func testFileThatIsNotADatabase() throws {
        let (cli, _) = try prepared()
        let text = Data("these are my notes, not a database\n".utf8)
        try cli.write("notes.db", text)
        assertError(try cli.run(["scan", "tree", "--db", "notes.db"]), "not a SQLite database")
        assertError(try cli.run(["runs", "--db", "notes.db"]), "not a SQLite database")
        assertError(try cli.run(["query", "--db", "notes.db", "select 1"]), "not a SQLite database")
        XCTAssertEqual(try cli.bytes("notes.db"), text)
    }

    func testDatabaseFromANewerHeapsight() throws {
        let (cli, _) = try prepared()
        _ = try TestSupport.run("/usr/bin/env", ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("insert into schema_version(version, applied_at, description) values (99, '2030-01-01', 'future')")
            c.commit(); c.close()
            """, cli.path("h.db")])
        let future = try cli.bytes("h.db")
        assertError(try cli.run(["scan", "tree", "--db", "h.db"]), "schema version 99")
        assertError(try cli.run(["runs", "--db", "h.db"]), "upgrade heapsight")
        assertError(try cli.run(["export", "--db", "h.db"]), "schema version 99")
        XCTAssertEqual(try cli.bytes("h.db"), future)
    }

    func testBadConfiguration() throws {
        let (cli, db) = try prepared()
        try cli.write("bad.yml", "engine: native\npasses:\n  functions:\n    enabeld: true\n")
        assertError(try cli.run(["scan", "tree", "--db", "h.db", "--config", "bad.yml"]), "passes.functions.enabeld: unknown key")
        try cli.write("typo.yml", "engnie: gc\n")
        assertError(try cli.run(["scan", "tree", "--db", "h.db", "--config", "typo.yml"]), "engnie: unknown key")
        assertError(try cli.run(["scan", "tree", "--db", "h.db", "--config", "nope.yml"]), "cannot read the configuration file")
        XCTAssertEqual(try cli.bytes("h.db"), db)
    }

    func testUsageErrorsExitTwo() throws {
        let cli = try CLI(self)
        for args in [["scan", "--jobs", "0"], ["scan", "--engine", "turbo"], ["frobnicate"], ["export", "--format", "xml"], ["query"]] {
            let r = try cli.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.err)")
            XCTAssertFalse(r.err.isEmpty, "\(args)")
        }
        let missing = try cli.run(["runs"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("no heapsight database at reports/heapsight.db"), missing.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("reports")), "reading commands never create the store")
    }
}

import Foundation
import TestSupport
import XCTest

/// The catalogue of bad input: each case runs one command on one kind of bad input and asserts
/// the exit code, the first line of what it printed, and that the user's store and the user's
/// git checkout are byte for byte as they were. Cases that must record a run (a check that
/// fails, a scan with a hostile plugin) record it in a scratch database, never in the user's.
final class BadInputCatalogueTests: XCTestCase {
    /// One bad input and what heapsight must answer.
    struct Case: Sendable {
        /// Which output the first line is read from.
        enum Stream: Sendable { case out, err }
        /// What is bad, for failure messages.
        let name: String
        /// `heapsight` arguments, run in the scratch folder.
        let args: [String]
        /// The exit code.
        let exit: Int32
        /// The start of the first line of standard error (`err`) or standard output (`out`).
        let firstLine: String
        var stream: Stream = .err
        var unprivileged = false
        var environment: [String: String]? = nil
        /// Text the output (either stream) must also hold, when the first line is not enough.
        var mentions: String? = nil
    }

    static let module = "module example.com/user\n\ngo 1.27\n"
    static let source = "package user\n\n// Keep returns a pointer.\nfunc Keep() *int {\n\tx := 1\n\treturn &x\n}\n"

    /// The scratch folder: the user's checkout `tree/` (a git repository with one commit), the
    /// user's store `h.db` (one scan of it) and bad inputs under `in/`.
    func prepare() throws -> CLI {
        let cli = try CLI(self)
        try cli.write("tree/go.mod", Self.module)
        try cli.write("tree/user.go", Self.source)
        let git = TestSupport.which("git") ?? "/usr/bin/git"
        for args in [["init", "-q", "-b", "main"], ["-c", "user.email=t@example.com", "-c", "user.name=t", "add", "."],
                     ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "first"]] {
            let r = try TestSupport.run(git, args, cwd: cli.directory.appendingPathComponent("tree"))
            XCTAssertEqual(r.status, 0, r.err)
        }
        let scan = try cli.run(["scan", "tree", "--db", "h.db", "--quiet"])
        XCTAssertEqual(scan.status, 0, scan.err)
        try FileManager.default.createDirectory(atPath: cli.path("scratch"), withIntermediateDirectories: true)

        try cli.write("in/notes.txt", "hello\n")
        try cli.write("in/notes.db", "these are my notes, not a database\n")
        try FileManager.default.createDirectory(atPath: cli.path("in/empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cli.path("in/loop"), withDestinationPath: cli.path("in/loop"))
        let python = TestSupport.which("python3") ?? "/usr/bin/python3"
        let sql = { (db: String, statements: String) throws in
            let r = try TestSupport.run(python, ["-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.executescript(sys.argv[2])\nc.commit()\nc.close()", cli.path(db), statements])
            XCTAssertEqual(r.status, 0, r.err)
        }
        try sql("in/foreign.db", "create table t(x); insert into t values (1);")
        try FileManager.default.copyItem(atPath: cli.path("h.db"), toPath: cli.path("in/future.db"))
        try sql("in/future.db", "insert into schema_version(version, applied_at, description) values (99, '2030-01-01', 'future');")
        let whole = try cli.bytes("h.db")
        try cli.write("in/truncated.db", whole.prefix(whole.count / 2))
        try FileManager.default.createDirectory(atPath: cli.path("in/ro"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: cli.path("h.db"), toPath: cli.path("in/ro/h.db"))

        try cli.write("in/unknown-key.yml", "passes:\n  functions:\n    enabeld: true\n")
        try cli.write("in/typo.yml", "engnie: gc\n")
        try cli.write("in/eighty.yml", "policy:\n  inline-budget: \"eighty\"\n")
        try cli.write("in/negative.yml", "policy:\n  budgets:\n    - max-heap-sites: -1\n")
        try cli.write("in/engine.yml", "engine: turbo\n")
        try cli.write("in/yaml.yml", "engine: [native\n")
        try cli.write("in/latin1.yml", Data([0x65, 0x6e, 0x67, 0x69, 0x6e, 0x65, 0x3a, 0x20, 0xe9, 0x0a]))
        try cli.write("in/unknown-pass.yml", "passes:\n  escpae:\n    enabled: false\n")
        try cli.write("in/format.yml", "report:\n  formats: [pdf]\n")
        try cli.write("in/a-file", "not a folder\n")
        try cli.write("in/brokenmod/go.mod", "module example.com/b\n\ngo 1.27\nrequire (\n")
        try cli.write("in/brokenmod/b.go", "package b\n\nfunc B() {}\n")
        try cli.write("in/brokenwork/go.mod", "module example.com/w\n\ngo 1.27\n")
        try cli.write("in/brokenwork/go.work", "go 1.27\n\nuse .\nuse ./nope\n")
        try cli.write("in/brokenwork/w.go", "package w\n\nfunc W() {}\n")
        try cli.write("in/nogo.yml", "engine: gc\ngo:\n  command: /nonexistent/go\npolicy:\n  budgets:\n    - max-heap-sites: 10\n")
        return cli
    }

    /// Every file of the checkout (including `.git`) and the store's bytes, with its write-ahead
    /// log (a reader may leave an empty `-wal` and the `-shm` index next to the store; a log
    /// with content would be a change).
    func snapshot(_ cli: CLI) throws -> [String: Data] {
        var out: [String: Data] = ["h.db": try cli.bytes("h.db")]
        if FileManager.default.fileExists(atPath: cli.path("h.db-wal")), !(try cli.bytes("h.db-wal")).isEmpty {
            out["h.db-wal"] = try cli.bytes("h.db-wal")
        }
        let root = cli.path("tree")
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = root + "/" + rel
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out["tree/" + rel] = try Data(contentsOf: URL(fileURLWithPath: full))
            } else if isDir.boolValue {
                out["tree/" + rel + "/"] = Data()
            }
        }
        return out
    }

    static let cases: [Case] = [
        // Paths to scan.
        Case(name: "missing path", args: ["scan", "in/no/such", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: in/no/such: no such file or directory"),
        Case(name: "file that is not Go", args: ["scan", "in/notes.txt", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: in/notes.txt: not a Go source file"),
        Case(name: "folder without Go packages", args: ["scan", "in/empty", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: no Go packages found under in/empty"),
        Case(name: "symbolic link loop", args: ["scan", "in/loop", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: in/loop: symbolic link loop"),
        // Databases that cannot be used.
        Case(name: "database folder missing", args: ["scan", "tree", "--db", "in/no/h.db"], exit: 2,
             firstLine: "heapsight: error: the folder in/no for the database in/no/h.db does not exist"),
        Case(name: "scan into a text file", args: ["scan", "tree", "--db", "in/notes.db"], exit: 2,
             firstLine: "heapsight: error: in/notes.db is not a SQLite database"),
        Case(name: "read a text file", args: ["runs", "--db", "in/notes.db"], exit: 2,
             firstLine: "heapsight: error: in/notes.db is not a SQLite database"),
        Case(name: "read a missing database", args: ["export", "--db", "in/none.db"], exit: 2,
             firstLine: "heapsight: error: no heapsight database at in/none.db; run `heapsight scan` first"),
        Case(name: "SQLite database of another program", args: ["runs", "--db", "in/foreign.db"], exit: 2,
             firstLine: "heapsight: error: in/foreign.db is a SQLite database but not a heapsight store"),
        Case(name: "database of a newer heapsight", args: ["trend", "--db", "in/future.db"], exit: 2,
             firstLine: "heapsight: error: in/future.db has schema version 99, but this heapsight understands up to version"),
        Case(name: "scan into a newer database", args: ["scan", "tree", "--db", "in/future.db"], exit: 2,
             firstLine: "heapsight: error: in/future.db has schema version 99"),
        Case(name: "truncated database (read)", args: ["runs", "--db", "in/truncated.db"], exit: 2,
             firstLine: "heapsight: error: in/truncated.db is damaged"),
        Case(name: "truncated database (scan)", args: ["scan", "tree", "--db", "in/truncated.db"], exit: 2,
             firstLine: "heapsight: error: in/truncated.db is damaged"),
        // Run references.
        Case(name: "unknown run (report)", args: ["report", "--run", "9", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: no run matches '9'"),
        Case(name: "unknown run (diff)", args: ["diff", "1", "9", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: no run matches '9'"),
        Case(name: "unknown run (compare)", args: ["compare", "nightly", "1", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: no run matches 'nightly'"),
        Case(name: "unknown baseline", args: ["check", "tree", "--baseline", "v9", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: no run matches 'v9'"),
        // Queries.
        Case(name: "query that writes", args: ["query", "delete from runs", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: queries are read-only"),
        Case(name: "two statements", args: ["query", "select 1; delete from runs", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: give one SQL statement per query; this holds more than one, and none was run"),
        Case(name: "empty query", args: ["query", "", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: the query holds no SQL statement"),
        Case(name: "query of a missing table", args: ["query", "select * from nope", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: query failed: no such table: nope"),
        // Configuration: one validation whichever command reads it.
        Case(name: "unknown key", args: ["scan", "tree", "--db", "h.db", "--config", "in/unknown-key.yml"], exit: 2,
             firstLine: "heapsight: error: in/unknown-key.yml: passes.functions.enabeld: unknown key"),
        Case(name: "misspelled top-level key", args: ["scan", "tree", "--db", "h.db", "--config", "in/typo.yml"], exit: 2,
             firstLine: "heapsight: error: in/typo.yml: engnie: unknown key"),
        Case(name: "policy value scan used to accept", args: ["scan", "tree", "--db", "h.db", "--config", "in/eighty.yml"], exit: 2,
             firstLine: "heapsight: error: in/eighty.yml: policy.inline-budget: must be a whole number ≥ 0, not `eighty`"),
        Case(name: "negative budget in scan", args: ["scan", "tree", "--db", "h.db", "--config", "in/negative.yml"], exit: 2,
             firstLine: "heapsight: error: in/negative.yml: policy.budgets[0].max-heap-sites: must be a whole number ≥ 0, not `-1`"),
        Case(name: "negative budget in report", args: ["report", "--db", "h.db", "--config", "in/negative.yml"], exit: 2,
             firstLine: "heapsight: error: in/negative.yml: policy.budgets[0].max-heap-sites: must be a whole number ≥ 0, not `-1`"),
        Case(name: "unknown pass in report", args: ["report", "--db", "h.db", "--config", "in/unknown-pass.yml"], exit: 2,
             firstLine: "heapsight: error: in/unknown-pass.yml: passes.escpae: unknown pass"),
        Case(name: "unknown pass in passes", args: ["passes", "--config", "in/unknown-pass.yml"], exit: 2,
             firstLine: "heapsight: error: in/unknown-pass.yml: passes.escpae: unknown pass"),
        Case(name: "unknown report format in scan", args: ["scan", "tree", "--db", "h.db", "--config", "in/format.yml"], exit: 2,
             firstLine: "heapsight: error: in/format.yml: report.formats: unknown format `pdf`"),
        Case(name: "unknown engine", args: ["scan", "tree", "--db", "h.db", "--config", "in/engine.yml"], exit: 2,
             firstLine: "heapsight: error: in/engine.yml: engine: must be one of"),
        Case(name: "not YAML", args: ["check", "tree", "--db", "h.db", "--config", "in/yaml.yml"], exit: 2,
             firstLine: "heapsight: error: in/yaml.yml: not valid YAML"),
        Case(name: "not UTF-8", args: ["scan", "tree", "--db", "h.db", "--config", "in/latin1.yml"], exit: 2,
             firstLine: "heapsight: error: in/latin1.yml: not UTF-8 text"),
        Case(name: "missing configuration", args: ["scan", "tree", "--db", "h.db", "--config", "in/nope.yml"], exit: 2,
             firstLine: "heapsight: error: in/nope.yml: cannot read the configuration file"),
        // Arguments.
        Case(name: "unknown command", args: ["frobnicate"], exit: 2, firstLine: "heapsight: error: Unexpected argument 'frobnicate'"),
        Case(name: "zero jobs", args: ["scan", "tree", "--jobs", "0", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: --jobs must be at least 1"),
        Case(name: "negative jobs", args: ["scan", "tree", "--jobs", "-2", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: --jobs must be at least 1"),
        Case(name: "negative keep", args: ["prune", "--keep", "-1", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: --keep must be 0 or more"),
        Case(name: "negative limit", args: ["compare", "1", "1", "--limit", "-5", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: --limit must be 0 or more"),
        Case(name: "bad prune date", args: ["prune", "--before", "yesterday", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: --before 'yesterday' is not a date"),
        Case(name: "unknown export format", args: ["export", "--format", "xml", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: "),
        Case(name: "unknown engine flag", args: ["scan", "tree", "--engine", "turbo", "--db", "h.db"], exit: 2,
             firstLine: "heapsight: error: "),
        // Report files that cannot be written.
        Case(name: "report into a folder", args: ["report", "--db", "h.db", "-o", "in"], exit: 2,
             firstLine: "heapsight: error: cannot write in: it is a folder; pass -o with a file name"),
        Case(name: "report onto a full disk", args: ["report", "--db", "h.db", "-o", "/dev/full"], exit: 2,
             firstLine: "heapsight: error: cannot write /dev/full: No space left on device; free some space or pass -o with another location"),
        Case(name: "report below a file", args: ["report", "--db", "h.db", "-o", "in/a-file/r.txt"], exit: 2,
             firstLine: "heapsight: error: cannot write in/a-file/r.txt: in/a-file is a file, not a folder; pass -o with another path"),
        Case(name: "check reports into a file", args: ["check", "tree", "--db", "h.db", "-o", "in/a-file"], exit: 2,
             firstLine: "heapsight: error: cannot write in/a-file: it is a file, not a folder; pass -o with a folder for the reports"),
        // Module files the go command rejects make the run partial, in its words.
        Case(name: "unterminated block in go.mod", args: ["scan", "in/brokenmod", "--db", "scratch/mod.db"], exit: 0,
             firstLine: "heapsight: error: go.mod:5: syntax error (unterminated block started at go.mod:4:1) [loader]",
             mentions: "(partial)"),
        Case(name: "go.work using a folder without a module", args: ["scan", "in/brokenwork", "--db", "scratch/work.db"], exit: 0,
             firstLine: "heapsight: error: go.work: cannot load module ./nope listed in go.work: ./nope/go.mod does not exist",
             mentions: "(partial)"),
        // A gate never fails open: rules without facts are errors, not passes.
        Case(name: "check with the gc engine and no toolchain",
             args: ["check", "tree", "--config", "in/nogo.yml", "--db", "scratch/nogo.db", "-o", "scratch/reports"], exit: 1,
             firstLine: "heapsight run #1", stream: .out,
             mentions: "[alloc.budget, not evaluated] the alloc.budget budget of example.com/user (policy.budgets[0]) could not be evaluated: the allocations pass did not run under engine gc (no Go toolchain)"),
    ]

    func testCatalogue() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count + Self.unprivilegedCases.count, 40)
        let cli = try prepare()
        let before = try snapshot(cli)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        for c in Self.cases {
            let r = try cli.run(c.args, environment: c.environment ?? env)
            check(c, r)
            XCTAssertEqual(try snapshot(cli), before, "\(c.name): the store or the checkout changed")
        }
    }

    /// Cases that need a user who cannot write where root can.
    static let unprivilegedCases: [Case] = [
        Case(name: "runs in a read-only folder", args: ["runs", "--db", "in/ro/h.db"], exit: 0,
             firstLine: "ID  STARTED", stream: .out, unprivileged: true),
        Case(name: "export in a read-only folder", args: ["export", "--db", "in/ro/h.db"], exit: 0,
             firstLine: "user.go\t4\t6\tcan-inline\tKeep\tcost=", stream: .out, unprivileged: true),
        Case(name: "query in a read-only folder", args: ["query", "select count(*) from runs", "--db", "in/ro/h.db"], exit: 0,
             firstLine: "1", stream: .out, unprivileged: true),
        Case(name: "report in a read-only folder", args: ["report", "--db", "in/ro/h.db"], exit: 0,
             firstLine: "heapsight run #1", stream: .out, unprivileged: true),
        Case(name: "trend in a read-only folder", args: ["trend", "--db", "in/ro/h.db"], exit: 0,
             firstLine: "run  started", stream: .out, unprivileged: true),
        Case(name: "diff in a read-only folder", args: ["diff", "1", "1", "--db", "in/ro/h.db"], exit: 0,
             firstLine: "run 1 → run 1: no facts appeared or disappeared", stream: .out, unprivileged: true),
        Case(name: "scan into a read-only folder", args: ["scan", "tree", "--db", "in/ro/new.db"], exit: 2,
             firstLine: "heapsight: error: the folder in/ro is not writable", unprivileged: true),
        Case(name: "scan into a read-only store", args: ["scan", "tree", "--db", "in/ro/h.db"], exit: 2,
             firstLine: "heapsight: error: ", unprivileged: true),
    ]

    /// Read commands work on a store in a folder the user cannot write (CI artifacts, shared
    /// mounts), and leave the folder as it was: no `-shm` or `-wal` appears next to it.
    func testReadOnlyFolderCatalogue() throws {
        try XCTSkipUnless(CLI.canDropPrivileges, "running as root without setpriv: root writes any folder")
        let cli = try prepare()
        _ = try TestSupport.run("/bin/chmod", ["-R", "a+rwX", cli.path(".")])
        _ = try TestSupport.run("/bin/chmod", ["a+r", cli.path("in/ro/h.db")])
        _ = try TestSupport.run("/bin/chmod", ["555", cli.path("in/ro")])
        let store = try cli.bytes("in/ro/h.db")
        let before = try snapshot(cli)
        for c in Self.unprivilegedCases {
            let r = try cli.run(c.args, unprivileged: true)
            check(c, r)
            XCTAssertEqual(try cli.bytes("in/ro/h.db"), store, "\(c.name) changed the read-only store")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cli.path("in/ro")), ["h.db"], c.name)
            XCTAssertEqual(try snapshot(cli), before, "\(c.name): the store or the checkout changed")
        }
    }

    func check(_ c: Case, _ r: TestSupport.ProcessResult, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, c.exit, "\(c.name): \(c.args)\n\(r.out)\n\(r.err)", file: file, line: line)
        let first = (c.stream == .out ? r.out : r.err).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix(c.firstLine), "\(c.name): expected a first line starting '\(c.firstLine)', got '\(first)'",
                      file: file, line: line)
        if let mentions = c.mentions {
            XCTAssertTrue((r.out + r.err).contains(mentions), "\(c.name): expected '\(mentions)' in:\n\(r.out)\(r.err)", file: file, line: line)
        }
    }

    /// Text a plugin answers reaches the terminal escaped: a newline cannot forge a
    /// `heapsight: note:` line and an escape sequence cannot drive the terminal, in `scan`,
    /// `export`, `query`, `diff` or `runs`; a NUL in a stored string is kept, not a cut.
    func testControlCharactersFromAPluginAreEscapedAndStoredWhole() throws {
        let cli = try prepare()
        try cli.write("plugin/hostile.py", """
        import json, sys
        r = json.load(sys.stdin)
        f = r["package"]["files"][0]["path"]
        print(json.dumps({"protocol": 1,
            "diagnostics": [{"severity": "warning", "message": "ok\\nheapsight: note: forged\\u001b[2J"}],
            "facts": [{"kind": "alloc", "file": f, "line": 5, "column": 2, "subject": "a\\u0000b\\u001b[31m",
                       "detail": "new heap depth=0"}]}))
        """)
        try cli.write("plugin/heapsight.yml", "plugins:\n  - name: hostile\n    command: [python3, hostile.py]\n")
        let scan = try cli.run(["scan", "tree", "--config", "plugin/heapsight.yml", "--db", "scratch/p.db", "--label", "x\u{1B}]0;owned\u{7}"])
        XCTAssertEqual(scan.status, 0, scan.err)
        XCTAssertFalse(scan.err.split(separator: "\n").contains { $0.hasPrefix("heapsight: note: forged") }, scan.err)
        XCTAssertTrue(scan.err.contains("ok\\nheapsight: note: forged\\x1b[2J"), scan.err)
        let outputs = [
            try cli.run(["export", "--db", "scratch/p.db"]),
            try cli.run(["query", "select subject from facts where explanation like '%external pass hostile%'", "--db", "scratch/p.db"]),
            try cli.run(["runs", "--db", "scratch/p.db"]),
        ]
        for r in outputs + [scan] {
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertFalse((r.out + r.err).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 || $0.value == 7 },
                           "a control character reached the terminal: \(r.out.debugDescription)")
        }
        XCTAssertTrue(outputs[0].out.contains("user.go\t5\t2\talloc\ta\\x00b\\x1b[31m\tnew heap depth=0"), outputs[0].out)
        XCTAssertEqual(outputs[1].out, "a\\x00b\\x1b[31m\n")
        XCTAssertTrue(outputs[2].out.contains("x\\x1b]0;owned\\x07"), outputs[2].out)
        let stored = try cli.run(["query", "select length(cast(subject as blob)) from facts where explanation like '%external pass hostile%'", "--db", "scratch/p.db"])
        XCTAssertEqual(stored.out, "8\n", "the NUL and what follows it are stored")
    }
}

import FactStore
import Foundation
import PassKit
import TestSupport
import XCTest

/// Which store a command uses, as the built binary, on both backends: `--db`, else
/// `HEAPSIGHT_DB`, else `store:` in the configuration file, else reports/heapsight.db; a bad
/// value of each is refused with exit 2 and a message naming where it came from. And every
/// store command on a store with no history (an absent SQLite file, an empty or absent
/// PostgreSQL database) says so, exits 2 and creates nothing, except the commands that record.
final class StoreLocationTests: XCTestCase {
    /// The backends this environment tests: SQLite always, PostgreSQL when a server is named (or
    /// under CI, where its absence fails).
    var backends: [String] { TestServer.required ? ["sqlite", "postgres"] : ["sqlite"] }

    /// The environment without HEAPSIGHT_DB, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "HEAPSIGHT_DB")
        return env.merging(extra) { $1 }
    }

    /// Records one run labelled `label` into `location`.
    func seed(_ location: String, label: String) throws {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let f = FunctionRecord(id: "example.com/m.F", package: "example.com/m", receiver: "", name: "F", file: "m.go",
                               line: 3, column: 6, startLine: 3, startColumn: 1, endLine: 9, endColumn: 1, lineCount: 7,
                               statementCount: 2, directives: [], isLiteral: false, parent: nil)
        _ = try FactStore.open(path: location).record(RunContent(
            run: RunRecord(startedAt: start, finishedAt: start.addingTimeInterval(1), roots: ["."], label: label,
                           engine: "gc", toolVersion: "test", goos: "linux", goarch: "amd64", configHash: "x"),
            packages: [PackageRecord(importPath: "example.com/m", name: "m", directory: ".")], functions: [f],
            facts: [Fact(kind: .alloc, file: "m.go", line: 5, column: 9, subject: "&T{}", detail: "composite heap depth=1", function: f.id)]))
    }

    /// The labels `runs` lists, in order.
    func labels(_ result: TestSupport.ProcessResult) -> [String] {
        result.out.split(separator: "\n").dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true)[5] }.map(String.init)
    }

    func testFlagThenEnvironmentThenConfigurationThenDefault() throws {
        for backend in backends {
            let cli = try CLI(self)
            // The configured store: a file relative to the configuration's folder, or a database.
            let configured = backend == "sqlite" ? cli.path("settings/history/h.db") : try serverDatabase()
            for folder in ["settings/history", "reports"] {
                try FileManager.default.createDirectory(atPath: cli.path(folder), withIntermediateDirectories: true)
            }
            try seed(configured, label: "configured")
            try seed(cli.path("env.db"), label: "environment")
            try seed(cli.path("flag.db"), label: "flag")
            try seed(cli.path("reports/heapsight.db"), label: "default")
            let value = backend == "sqlite" ? "history/h.db" : configured
            try cli.write("settings/heapsight.yml", "store: \(value)\n")

            let env = environment(), withVariable = environment(["HEAPSIGHT_DB": "env.db"])
            XCTAssertEqual(labels(try cli.run(["runs"], environment: env)), ["default"], backend)
            XCTAssertEqual(labels(try cli.run(["runs", "--config", "settings/heapsight.yml"], environment: env)), ["configured"], backend)
            XCTAssertEqual(labels(try cli.run(["runs", "--config", "settings/heapsight.yml"], environment: withVariable)), ["environment"], backend)
            XCTAssertEqual(labels(try cli.run(["runs", "--config", "settings/heapsight.yml", "--db", "flag.db"], environment: withVariable)), ["flag"], backend)
            // An empty HEAPSIGHT_DB counts as unset.
            XCTAssertEqual(labels(try cli.run(["runs", "--config", "settings/heapsight.yml"], environment: environment(["HEAPSIGHT_DB": ""]))),
                           ["configured"], backend)
            // heapsight.yml in the current folder, for a command that scans nothing.
            try cli.write("heapsight.yml", "store: \(backend == "sqlite" ? "settings/" + value : value)\n")
            let trend = try cli.run(["trend", "--format", "csv"], environment: env)
            XCTAssertEqual(trend.status, 0, trend.err)
            XCTAssertEqual(trend.out, try cli.run(["trend", "--format", "csv", "--db", configured], environment: env).out, backend)
            XCTAssertEqual(labels(try cli.run(["runs"], environment: env)), ["configured"], backend)
            try FileManager.default.removeItem(atPath: cli.path("heapsight.yml"))

            // scan finds heapsight.yml in the scanned folder and records where its store: says.
            try cli.write("tree/go.mod", "module example.com/t\n\ngo 1.21\n")
            try cli.write("tree/t.go", "package t\n\nfunc P() *int {\n\tx := 1\n\treturn &x\n}\n")
            let treeStore = backend == "sqlite" ? "made/here.db" : configured
            try cli.write("tree/heapsight.yml", "engine: native\nstore: \(treeStore)\n")
            let scan = try cli.run(["scan", "tree", "--label", "scanned", "--quiet"], environment: env)
            XCTAssertEqual(scan.status, 0, "\(backend): \(scan.err)")
            let recorded = backend == "sqlite" ? cli.path("tree/made/here.db") : configured
            XCTAssertEqual(labels(try cli.run(["runs", "--db", recorded], environment: env)).last, "scanned", backend)
        }
    }

    func testBadStoreValuesAreRefusedNamingWhereTheyCameFrom() throws {
        let cli = try CLI(self)
        try seed(cli.path("good.db"), label: "good")
        let env = environment()
        let cases: [(config: String, message: String)] = [
            ("store: mysql://db.example.com/history\n",
             "heapsight: error: heapsight.yml: store: cannot use the database mysql://db.example.com/history: a mysql:// URL is not a store heapsight can use"),
            ("store: postgres://ci:hunter2@db.example.com/history\n",
             "heapsight: error: heapsight.yml: store: cannot use the database postgres://ci:***@db.example.com/history: the URL holds a password"),
            ("store: postgres://ci@db.example.com/history?sslmode=sometimes\n",
             "heapsight: error: heapsight.yml: store: cannot use the database postgres://ci@db.example.com/history?sslmode=sometimes: sslmode 'sometimes' is not one of"),
            ("store: [a.db, b.db]\n", "heapsight: error: heapsight.yml: store: must be a single value"),
        ]
        for (config, message) in cases {
            try cli.write("heapsight.yml", config)
            for args in [["runs"], ["prune", "--keep", "1"], ["trend"]] {
                let result = try cli.run(args, environment: env)
                XCTAssertEqual(result.status, 2, "\(args) \(config)")
                XCTAssertTrue(result.err.hasPrefix(message), "\(args): \(result.err)")
                XCTAssertFalse(result.err.contains("hunter2"), result.err)
                XCTAssertEqual(result.out, "")
            }
            // --db and HEAPSIGHT_DB come first: the configuration is not even read.
            XCTAssertEqual(labels(try cli.run(["runs", "--db", "good.db"], environment: env)), ["good"])
            XCTAssertEqual(labels(try cli.run(["runs"], environment: environment(["HEAPSIGHT_DB": "good.db"]))), ["good"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("reports")), "a refused store created nothing")
        // A scan refuses it before any work, with the same exit code.
        try cli.write("tree/go.mod", "module example.com/t\n\ngo 1.21\n")
        try cli.write("tree/t.go", "package t\n")
        try cli.write("tree/heapsight.yml", "store: sqlite:///tmp/h.db\n")
        let scan = try cli.run(["scan", "tree"], environment: env)
        XCTAssertEqual(scan.status, 2)
        XCTAssertTrue(scan.err.contains("tree/heapsight.yml: store: cannot use the database sqlite:///tmp/h.db: a sqlite:// URL is not a store heapsight can use"), scan.err)
        // The same values through HEAPSIGHT_DB and --db name their source.
        let variable = try cli.run(["runs"], environment: environment(["HEAPSIGHT_DB": "mysql://db.example.com/h"]))
        XCTAssertEqual(variable.status, 2)
        XCTAssertTrue(variable.err.hasPrefix("heapsight: error: HEAPSIGHT_DB: cannot use the database mysql://db.example.com/h"), variable.err)
        let flag = try cli.run(["trend", "--db", ""], environment: env)
        XCTAssertEqual(flag.status, 2)
        XCTAssertTrue(flag.err.hasPrefix("heapsight: error: --db: cannot use the database '': the location is empty"), flag.err)
    }

    func testEveryStoreCommandOnAStoreWithNoHistory() throws {
        let reads: [[String]] = [
            ["runs"], ["trend"], ["diff", "1", "2"], ["compare", "1", "2"], ["export"], ["query", "select 1"],
            ["report", "--format", "text"], ["prune", "--keep", "1"], ["prune", "--keep", "1", "--dry-run"],
        ]
        for backend in backends {
            let cli = try CLI(self)
            var empty: String?, absent: (url: String, name: String)?
            if backend == "postgres" {
                empty = try serverDatabase()
                absent = try absentServerDatabase()
            }
            let locations = backend == "sqlite" ? ["none.db"] : [empty!, absent!.url]
            for location in locations {
                let expected = backend == "sqlite"
                    ? "heapsight: error: no heapsight database at none.db; run `heapsight scan` first, or pass --db FILE\n"
                    : "heapsight: error: no heapsight history in \(location): the database does not exist or holds no heapsight tables, and nothing was created; run `heapsight scan --db URL` first, or pass --db with another database\n"
                for args in reads + [["store", "copy", "--from", location, "--to", "copy.db"]] {
                    let usesDB = args.first != "store"
                    let result = try cli.run(usesDB ? args + ["--db", location] : args, environment: environment())
                    XCTAssertEqual(result.status, 2, "\(backend) \(args)")
                    XCTAssertEqual(result.out, "", "\(backend) \(args)")
                    XCTAssertEqual(result.err, expected, "\(backend) \(args)")
                }
                XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("none.db")), "no command created the file")
                XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("copy.db")), "store copy created no destination")
            }
            if let empty, let absent {
                XCTAssertEqual(try TestServer.tables(empty), [], "no command created a table")
                XCTAssertFalse(try TestServer.exists(absent.name), "no command created the database")
            }
            // The commands that record create what is missing, on both backends alike.
            try cli.write("tree/go.mod", "module example.com/t\n\ngo 1.21\n")
            try cli.write("tree/t.go", "package t\n\nfunc P() *int {\n\tx := 1\n\treturn &x\n}\n")
            let target = absent?.url ?? "none.db"
            let scan = try cli.run(["scan", "tree", "--engine", "native", "--db", target, "--quiet"], environment: environment())
            XCTAssertEqual(scan.status, 0, "\(backend): \(scan.err)")
            let runs = try cli.run(["runs", "--db", target], environment: environment())
            XCTAssertEqual(runs.out.split(separator: "\n").count, 2, "\(backend): \(runs.out)\(runs.err)")
            if let empty {
                let copied = try cli.run(["store", "copy", "--from", target, "--to", empty], environment: environment())
                XCTAssertEqual(copied.status, 0, copied.err)
                XCTAssertEqual(try cli.run(["runs", "--db", empty]).out, runs.out)
            }
        }
    }
}

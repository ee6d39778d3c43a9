import Foundation
import TestSupport
import XCTest

/// `scan --profile` end to end on real profiles: the fixture module `Fixtures/hot` is
/// benchmarked by the Go toolchain with `-memprofile -memprofilerate=1` and `-cpuprofile`, and
/// heapsight's per-position attribution is compared with `go tool pprof -top -lines` on the same
/// files, restricted to the scanned package with `-show` (and, for CPU, to samples in the
/// runtime's allocation functions with `-focus`): the same lines, in the same order, with the
/// same values and totals.
final class ProfileTests: XCTestCase {
    /// The runtime functions a CPU sample must pass through to count as allocation time.
    static let allocationFocus = #"^runtime\.(mallocgc|growslice|newobject|makeslice|makemap|makemap_.*|convT.*|concatstring.*)$"#
    /// pprof's `-show` for the fixture package.
    static let fixtureShow = #"^example\.com/hot\."#

    /// A scratch copy of the fixture with its profiles, made once for all tests of the class.
    struct Profiled {
        let module: URL
        let mem: String
        let cpu: String
        let block: String
    }

    static let profiled: Result<Profiled, Error> = Result {
        let tc = TestSupport.goToolchain
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-profiles-\(UUID().uuidString)")
        let module = dir.appendingPathComponent("hot")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let fixture = TestSupport.repoRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/hot")
        try FileManager.default.copyItem(at: fixture, to: module)
        let mem = dir.appendingPathComponent("mem.pprof").path
        let cpu = dir.appendingPathComponent("cpu.pprof").path
        let block = dir.appendingPathComponent("block.pprof").path
        let bin = dir.appendingPathComponent("hot.test").path
        for args in [["-benchtime", "300x", "-memprofile", mem, "-memprofilerate=1", "-blockprofile", block],
                     ["-benchtime", "2s", "-cpuprofile", cpu]] {
            let r = try TestSupport.run(tc.go, ["test", "-run", "^$", "-bench", ".", "-o", bin] + args + ["."],
                                        cwd: module, environment: tc.environment())
            guard r.status == 0 else { throw NSError(domain: "go test", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.err + r.out]) }
        }
        return Profiled(module: module, mem: mem, cpu: cpu, block: block)
    }

    func fixture() throws -> Profiled { try Self.profiled.get() }

    /// The caller's environment with the test toolchain's folder first on PATH.
    static func goEnvironment() -> [String: String] {
        var env = TestSupport.goToolchain.environment()
        let dir = (TestSupport.goToolchain.go as NSString).deletingLastPathComponent
        env["PATH"] = dir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        return env
    }

    /// One row of `pprof -top -lines`: flat value, symbol, file, line.
    struct Row: Equatable, CustomStringConvertible {
        var value: Int64
        var symbol: String
        var file: String
        var line: Int
        var description: String { "\(value) \(symbol) \(file):\(line)" }
    }

    /// `go tool pprof -top -lines` restricted to the fixture package: rows with a flat value,
    /// in pprof's order, and the "Showing nodes accounting for N" total.
    func pprofTop(_ profile: String, sampleIndex: String, unit: String?, focus: String? = nil) throws -> ([Row], Int64) {
        let tc = TestSupport.goToolchain
        var args = ["tool", "pprof", "-top", "-lines", "-nodecount=100000", "-nodefraction=0", "-edgefraction=0",
                    "-sample_index=\(sampleIndex)", "-show=\(Self.fixtureShow)"]
        if let unit { args.append("-unit=\(unit)") }
        if let focus { args.append("-focus=\(focus)") }
        let r = try TestSupport.run(tc.go, args + [profile], environment: tc.environment())
        XCTAssertEqual(r.status, 0, r.err)
        var rows: [Row] = []
        var total: Int64 = -1
        let suffix = unit ?? ""
        func number(_ s: Substring) -> Int64? { Int64(s.hasSuffix(suffix) ? s.dropLast(suffix.count) : s) }
        for line in r.out.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix("Showing nodes accounting for"), fields.count > 4 {
                total = number(Substring(fields[4].trimmingCharacters(in: CharacterSet(charactersIn: ",")))) ?? -1
                continue
            }
            // flat flat% sum% cum cum% symbol file:line [(inline)]
            guard fields.count >= 7, let flat = number(fields[0]), fields[1].hasSuffix("%") else { continue }
            guard flat != 0 else { continue }
            let position = fields[6]
            guard let colon = position.lastIndex(of: ":"), let n = Int(position[position.index(after: colon)...]) else { continue }
            rows.append(Row(value: flat, symbol: String(fields[5]), file: String(position[..<colon]), line: n))
        }
        return (rows, total)
    }

    /// heapsight's recorded sites of one kind of profile, ranked by `column`, as pprof rows
    /// (files made absolute under the module so they compare with pprof's paths).
    func heapsightSites(_ cli: CLI, kind: String, column: String, module: URL) throws -> [Row] {
        let r = try cli.run(["query", "--db", "h.db", """
            select sum(s.\(column)) as v, s.symbol, s.file, s.line from profile_sites s join profiles p on p.id = s.profile_id
            where p.kind = '\(kind)' group by s.file, s.line, s.symbol having v != 0 order by v desc, s.file, s.line, s.symbol
            """])
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(value: Int64(f[0]) ?? -1, symbol: f[1], file: module.appendingPathComponent(f[2]).path, line: Int(f[3]) ?? -1)
        }
    }

    func scan(_ cli: CLI, _ p: Profiled) throws {
        let r = try cli.run(["scan", p.module.path, "--engine", "gc", "--db", "h.db", "--profile", p.mem, "--profile", p.cpu],
                            environment: Self.goEnvironment())
        XCTAssertEqual(r.status, 0, r.err + r.out)
        XCTAssertTrue(r.out.contains("profile    \(p.mem): heap,"), r.out)
        XCTAssertTrue(r.out.contains("profile    \(p.cpu): cpu,"), r.out)
    }

    /// Rows with equal values may come in either order; everything else must match exactly.
    func assertSameRanking(_ ours: [Row], _ pprof: [Row], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.map(\.value), pprof.map(\.value), "\(what): values in rank order", file: file, line: line)
        func key(_ r: Row) -> String { "\(r.value) \(r.symbol) \(r.file):\(r.line)" }
        XCTAssertEqual(ours.map(key).sorted(), pprof.map(key).sorted(), "\(what): positions", file: file, line: line)
        // Where values differ the order is fixed: compare position by position.
        for (i, (a, b)) in zip(ours, pprof).enumerated() where !ours.contains(where: { $0 != a && $0.value == a.value }) {
            XCTAssertEqual(a, b, "\(what): rank \(i + 1)", file: file, line: line)
        }
    }

    func testHeapAttributionEqualsPprofForBytesAndObjects() throws {
        let p = try fixture()
        let cli = try CLI(self)
        try scan(cli, p)
        for (index, column) in [("alloc_space", "alloc_bytes"), ("alloc_objects", "alloc_objects"),
                                ("inuse_space", "inuse_bytes")] {
            let (rows, total) = try pprofTop(p.mem, sampleIndex: index, unit: index.hasSuffix("space") ? "B" : nil)
            let ours = try heapsightSites(cli, kind: "heap", column: column, module: p.module)
            XCTAssertGreaterThanOrEqual(rows.count, index == "inuse_space" ? 0 : 6, "\(index): \(rows)")
            assertSameRanking(ours, rows, index)
            XCTAssertEqual(ours.map(\.value).reduce(0, +), total, "\(index): total")
        }
        // The top ten by bytes are the fixture's known hot spots, in the order pprof gives.
        let (rows, _) = try pprofTop(p.mem, sampleIndex: "alloc_space", unit: "B")
        let ours = try heapsightSites(cli, kind: "heap", column: "alloc_bytes", module: p.module)
        XCTAssertEqual(Array(ours.prefix(10)).map(\.line), Array(rows.prefix(10)).map(\.line))
    }

    func testCPUInAllocationEqualsPprofFocusedOnTheRuntimeAllocators() throws {
        let p = try fixture()
        let cli = try CLI(self)
        try scan(cli, p)
        let (rows, total) = try pprofTop(p.cpu, sampleIndex: "cpu", unit: "ns", focus: Self.allocationFocus)
        let ours = try heapsightSites(cli, kind: "cpu", column: "cpu_ns", module: p.module)
        XCTAssertFalse(rows.isEmpty, "the CPU profile has allocation samples in the fixture")
        assertSameRanking(ours, rows, "cpu")
        XCTAssertEqual(ours.map(\.value).reduce(0, +), total, "cpu: total")
    }

    /// Each position carries a status: the hot spots are heap sites the gc engine reported, and
    /// the call into strconv (which allocates inside the library) is a position no pass
    /// reports as a heap site.
    func testPositionsAreJoinedToTheRunsHeapSites() throws {
        let p = try fixture()
        let cli = try CLI(self)
        try scan(cli, p)
        let r = try cli.run(["query", "--db", "h.db", """
            select s.line, max(s.status), max(s.function_id) from profile_sites s join profiles p on p.id = s.profile_id
            where p.kind = 'heap' and s.file = 'hot.go' group by s.line order by s.line
            """])
        XCTAssertEqual(r.status, 0, r.err)
        let source = try String(contentsOf: p.module.appendingPathComponent("hot.go"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ needle: String) -> Int { (source.firstIndex { $0.contains(needle) } ?? -1) + 1 }
        let rows = Dictionary(uniqueKeysWithValues: r.out.split(separator: "\n").map { l -> (Int, [String]) in
            let f = l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (Int(f[0]) ?? 0, Array(f.dropFirst()))
        })
        XCTAssertEqual(rows[line("return &Record{ID: i}")], ["site", "example.com/hot.newRecord"])
        XCTAssertEqual(rows[line("s = append(s, i)")], ["site", "example.com/hot.Grow"])
        XCTAssertEqual(rows[line("sink = [4]int{i, i, i, i}")], ["site", "example.com/hot.Box"])
        XCTAssertEqual(rows[line("return strconv.Itoa(n * 1000003)")], ["unknown", "example.com/hot.Label"])
        // The metrics: profiled bytes of the package equal the bytes of its positions in the source.
        let sum = try cli.run(["query", "--db", "h.db", """
            select (select sum(profiled_bytes) from package_metrics where package = 'example.com/hot'),
                   (select sum(alloc_bytes) from profile_sites where status != 'stale')
            """])
        let pair = sum.out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t")
        XCTAssertEqual(pair.count, 2, sum.out)
        XCTAssertEqual(pair.first, pair.last, "profiled_bytes of the package")
        XCTAssertNotEqual(pair.first, "0")
    }

    /// Truncated, not gzip, wrong type and foreign profiles: exit 2 with a message naming the
    /// file and what is wrong, and the store is byte for byte as before.
    func testBadProfilesAreRefusedAndTheStoreIsUntouched() throws {
        let p = try fixture()
        let cli = try CLI(self)
        let env = Self.goEnvironment()
        let first = try cli.run(["scan", p.module.path, "--db", "h.db", "--quiet"], environment: env)
        XCTAssertEqual(first.status, 0, first.err)
        let db = cli.directory.appendingPathComponent("h.db")
        let before = try Data(contentsOf: db)

        let mem = try Data(contentsOf: URL(fileURLWithPath: p.mem))
        let truncated = cli.directory.appendingPathComponent("truncated.pprof")
        try mem.prefix(mem.count / 2).write(to: truncated)
        let plain = cli.directory.appendingPathComponent("plain.pprof")
        try Data("not a profile\n".utf8).write(to: plain)
        let examples = TestSupport.repoRoot.appendingPathComponent("Examples").path

        let cases: [(args: [String], expect: String)] = [
            ([p.module.path, "--profile", truncated.path], "truncated"),
            ([p.module.path, "--profile", plain.path], "not gzip-compressed"),
            ([p.module.path, "--profile", p.block], "not a heap or CPU profile"),
            ([p.module.path, "--profile", cli.directory.appendingPathComponent("missing.pprof").path], "does not exist"),
            ([examples, "--profile", p.mem], "profile of another program"),
        ]
        for c in cases {
            let r = try cli.run(["scan"] + c.args + ["--db", "h.db", "--quiet"], environment: env)
            XCTAssertEqual(r.status, 2, "\(c.args): \(r.err)")
            XCTAssertTrue(r.err.contains("heapsight: error: cannot use the profile"), r.err)
            XCTAssertTrue(r.err.contains(c.expect), "\(c.expect) in: \(r.err)")
            XCTAssertEqual(try Data(contentsOf: db), before, "the store is untouched after \(c.expect)")
        }
    }

    /// `check` with a profile: `alloc.hot-budget` fails the function over its share, and
    /// `report.formats` writes codequality.json and summary.md into `-o DIR`; without a profile
    /// the rule cannot be checked and fails instead of passing.
    func testCheckWritesCodeQualityAndSummaryAndGatesOnHotShare() throws {
        let p = try fixture()
        let cli = try CLI(self)
        let module = cli.directory.appendingPathComponent("hot")
        try FileManager.default.copyItem(at: p.module, to: module)
        try """
            engine: gc
            policy:
              budgets:
                - functions: "*"
                  max-hot-share: 30
            report:
              formats: [codequality, markdown, junit]
            """.write(to: module.appendingPathComponent("heapsight.yml"), atomically: true, encoding: .utf8)
        let r = try cli.run(["check", "hot", "--db", "h.db", "-o", "out", "--profile", p.mem, "--quiet"], environment: Self.goEnvironment())
        XCTAssertEqual(r.status, 1, r.err + r.out)
        let quality = try JSONSerialization.jsonObject(with: Data(contentsOf: cli.directory.appendingPathComponent("out/codequality.json")))
        let issues = try XCTUnwrap(quality as? [[String: Any]])
        // Grow takes about 35% of the profiled bytes (pprof's flat%); every other function less than 30%.
        XCTAssertEqual(issues.map { $0["check_name"] as? String }, ["alloc.hot-budget"], "\(issues)")
        let location = issues.first?["location"] as? [String: Any]
        XCTAssertEqual(location?["path"] as? String, "hot.go")
        let source = try String(contentsOf: module.appendingPathComponent("hot.go"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual((location?["lines"] as? [String: Any])?["begin"] as? Int, (source.firstIndex { $0.hasPrefix("func Grow(") } ?? -1) + 1)
        let summary = try String(contentsOf: cli.directory.appendingPathComponent("out/summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.contains("`alloc.hot-budget`"), summary)
        XCTAssertTrue(summary.contains("### Top hot heap sites by alloc_space"), summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("out/junit.xml").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("out/index.html").path))

        let unprofiled = try cli.run(["check", "hot", "--db", "h.db", "-o", "out2", "--quiet"], environment: Self.goEnvironment())
        XCTAssertEqual(unprofiled.status, 1, unprofiled.err)
        let again = try String(contentsOf: cli.directory.appendingPathComponent("out2/codequality.json"), encoding: .utf8)
        XCTAssertTrue(again.contains("cannot be checked: the run has no heap profile"), again)
    }

    /// `explain` shows, for every heap site of a function, its flow, remedy and profile weight;
    /// an inlined allocation is weighed at its call site; JSON carries the same.
    func testExplainShowsWhyRemedyAndWeightOfEveryHeapSite() throws {
        let p = try fixture()
        let cli = try CLI(self)
        try scan(cli, p)
        let text = try cli.run(["explain", "example.com/hot.Build", "--db", "h.db"])
        XCTAssertEqual(text.status, 0, text.err)
        XCTAssertTrue(text.out.contains("inlining: inlinable, cost "), text.out)
        let json = try cli.run(["explain", "hot.go:45", "--db", "h.db", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.err)
        let all = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(all.map { $0["function"] as? String }, ["example.com/hot.Names"])
        for fn in ["example.com/hot.Build", "example.com/hot.Grow", "example.com/hot.Names", "example.com/hot.Box"] {
            let r = try cli.run(["explain", fn, "--db", "h.db", "--format", "json"])
            XCTAssertEqual(r.status, 0, r.err)
            let e = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])?.first)
            let sites = try XCTUnwrap(e["sites"] as? [[String: Any]])
            XCTAssertFalse(sites.isEmpty, fn)
            for site in sites {
                XCTAssertFalse((site["why"] as? [String] ?? []).isEmpty, "\(fn): \(site)")
                XCTAssertNotNil((site["remedy"] as? [String: Any])?["text"], "\(fn): \(site)")
                XCTAssertNotNil(site["weight"] as? [String: Any], "\(fn): every site of a profiled run has a weight: \(site)")
            }
            // At least one heap site of each hot function carries the profile's weight.
            XCTAssertTrue(sites.contains { (($0["weight"] as? [String: Any])?["allocBytes"] as? Int ?? 0) > 0 }, "\(fn): \(sites)")
            XCTAssertGreaterThan((e["profile"] as? [String: Any])?["allocBytes"] as? Int ?? 0, 0, fn)
        }
        let none = try cli.run(["explain", "example.com/hot.Nope", "--db", "h.db"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.err.contains("no function of run 1 matches"), none.err)
    }

    /// `profiles:` in heapsight.yml is read relative to the file's folder, and `trend --metric
    /// profiled-bytes` follows the bytes charged to positions in the source.
    func testConfiguredProfilesAndTheProfiledBytesTrend() throws {
        let p = try fixture()
        let cli = try CLI(self)
        let module = cli.directory.appendingPathComponent("hot")
        try FileManager.default.copyItem(at: p.module, to: module)
        try FileManager.default.copyItem(atPath: p.mem, toPath: cli.directory.appendingPathComponent("mem.pprof").path)
        try "profiles: [../mem.pprof]\n".write(to: module.appendingPathComponent("heapsight.yml"), atomically: true, encoding: .utf8)
        let r = try cli.run(["scan", "hot", "--db", "h.db"], environment: Self.goEnvironment())
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("profile    hot/../mem.pprof: heap,"), r.out)
        let (_, total) = try pprofTop(p.mem, sampleIndex: "alloc_space", unit: "B")
        let trend = try cli.run(["trend", "--db", "h.db", "--metric", "profiled-bytes", "--format", "csv"])
        XCTAssertEqual(trend.status, 0, trend.err)
        let row = trend.out.split(separator: "\n").dropFirst().first.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        // Every position of this profile is in the source (none stale), so the metric is pprof's total.
        XCTAssertEqual(row.map { String($0[6]) }, String(total), trend.out)
    }
}

import FactStore
import PassKit
import TestSupport
import XCTest
@testable import Driver

/// External passes: the shipped example, and plugins that crash, hang or answer garbage.
final class ExternalPassTests: XCTestCase {
    static let tree: [String: String] = [
        "go.mod": "module example.com/p\n\ngo 1.27\n",
        "p.go": "package p\n\nimport \"fmt\"\n\n// Hello prints.\nfunc Hello(name string) {\n\tfmt.Println(\"hello\", name) // fmt.Printf(\"no\")\n\ts := \"fmt.Sprintf(\"\n\t_ = fmt.Sprintf(\"%s\", s)\n}\n",
        "q/q.go": "package q\n\nfunc Q() int { return 1 }\n",
    ]

    /// Configuration that turns the engine's own passes off, for tests about plugins alone.
    static let builtInPassesOff = "passes:\n  inlining:\n    enabled: false\n  escape:\n    enabled: false\n  allocations:\n    enabled: false\n"

    func pluginConfig(_ command: String, timeout: Double = 20) -> String {
        "plugins:\n  - name: probe\n    command: \(command)\n    timeout: \(timeout)\n"
    }

    func testExamplePluginFindsFmtCallsAndItsFactsAreStored() throws {
        let fx = try ScanFixture(Self.tree)
        let script = TestSupport.repoRoot.appendingPathComponent("Examples/plugins/fmt_calls.py").path
        // The built-in engine passes are off: this test is about the plugin's facts.
        try fx.write("heapsight.yml", Self.builtInPassesOff + "plugins:\n  - name: fmt-calls\n    command: [python3, \(script)]\n")
        let outcome = try runScan(fx.request(config: "heapsight.yml"))
        XCTAssertEqual(outcome.status, "ok", "\(outcome.diagnostics)")
        let facts = try fx.store().facts(run: outcome.runID)
        XCTAssertEqual(facts.map(\.tsvLine), ["p.go\t7\t13\talloc\tfmt.Println(...)\tiface-conv may",
                                              "p.go\t9\t17\talloc\tfmt.Sprintf(...)\tiface-conv may"])
        XCTAssertEqual(facts.first?.explanation.last, "reported by external pass fmt-calls")
    }

    func testPluginReceivesThePackageAndPriorFacts() throws {
        let fx = try ScanFixture(Self.tree)
        // Echo the request's shape back as diagnostics, so the test sees what the plugin saw.
        try fx.write("echo.py", """
        import json, sys
        r = json.load(sys.stdin)
        p = r["package"]
        msg = "%s %s %d files=%s facts=%d settings=%s" % (r["protocol"], p["importPath"], len(p["files"]),
              ",".join(f["path"] for f in p["files"]), len(r["facts"]), json.dumps(r["settings"], sort_keys=True))
        print(json.dumps({"protocol": 1, "diagnostics": [{"severity": "note", "message": msg}],
                          "facts": [{"kind": "no-such-kind", "file": "p.go", "line": 1, "column": 1, "subject": "x"},
                                    {"kind": "alloc", "file": "elsewhere.go", "line": 1, "column": 1, "subject": "y"}]}))
        """)
        try fx.write("heapsight.yml", Self.builtInPassesOff + "plugins:\n  - name: echo\n    command: [python3, echo.py]\n    settings:\n      level: 3\n")
        let outcome = try runScan(fx.request(extra: [FakePasses.makes], config: "heapsight.yml"))
        let diags = try fx.store().diagnostics(run: outcome.runID).filter { $0.source == "pass:echo" }
        XCTAssertEqual(diags.filter { $0.severity == .note }.map(\.message).sorted(), [
            "1 example.com/p 1 files=p.go facts=0 settings={\"level\": \"3\"}",
            "1 example.com/p/q 1 files=q/q.go facts=0 settings={\"level\": \"3\"}",
        ])
        let dropped = diags.filter { $0.severity == .warning }.map(\.message)
        XCTAssertEqual(dropped.filter { $0.contains("unknown kind 'no-such-kind'") }.count, 2)
        XCTAssertEqual(dropped.filter { $0.contains("not in a file of package") }.count, 2)
        XCTAssertEqual(outcome.factCount, 0)
    }

    func assertPluginFails(_ script: String, timeout: Double = 20, expect: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fx = try ScanFixture(Self.tree)
        try fx.write("plugin.sh", script, executable: true)
        try fx.write("heapsight.yml", pluginConfig("./plugin.sh", timeout: timeout))
        let outcome = try runScan(fx.request(extra: [FakePasses.makes], config: "heapsight.yml"))
        XCTAssertEqual(outcome.status, "partial", file: file, line: line)
        XCTAssertEqual(outcome.failedPackages.sorted(), ["example.com/p", "example.com/p/q"], file: file, line: line)
        let failures = try fx.store().diagnostics(run: outcome.runID).filter { $0.source == "pass:probe" }
        XCTAssertEqual(failures.count, 2, file: file, line: line)
        for f in failures {
            XCTAssertEqual(f.severity, .error, file: file, line: line)
            XCTAssertTrue(f.message.contains("external pass probe") && f.message.contains(expect), f.message, file: file, line: line)
        }
        // Nothing else is lost: the packages, files and the other pass's facts are all there.
        XCTAssertEqual(outcome.packageCount, 2, file: file, line: line)
        XCTAssertEqual(try fx.store().files(run: outcome.runID).count, 2, file: file, line: line)
    }

    func testCrashingPlugin() throws {
        try assertPluginFails("#!/bin/sh\necho 'boom: something broke' >&2\nexit 3\n", expect: "exited with status 3 on package")
        try assertPluginFails("#!/bin/sh\nkill -SEGV $$\n", expect: "killed by signal 11")
    }

    func testHangingPluginIsStoppedAtItsTimeout() throws {
        try assertPluginFails("#!/bin/sh\nexec sleep 60\n", timeout: 0.5, expect: "no answer within 0.5s")
    }

    func testAPluginThatHangsIsNotRunOnTheRemainingPackages() throws {
        var tree = Self.tree
        for i in 0..<6 { tree["more\(i)/m.go"] = "package more\(i)\n" }
        let fx = try ScanFixture(tree)
        try fx.write("plugin.sh", "#!/bin/sh\nexec sleep 60\n", executable: true)
        try fx.write("heapsight.yml", pluginConfig("./plugin.sh", timeout: 0.5))
        let outcome = try runScan(fx.request(config: "heapsight.yml"))
        let failures = try fx.store().diagnostics(run: outcome.runID).filter { $0.source == "pass:probe" }
        XCTAssertEqual(failures.count, 8)
        XCTAssertEqual(failures.filter { $0.message.contains("gave no answer within 0.5s") && !$0.message.contains("not run") }.count, 1)
        XCTAssertEqual(failures.filter { $0.message.contains("not run on package") && $0.message.contains("earlier in this run") }.count, 7)
        XCTAssertEqual(outcome.failedPackages.count, 8)
    }

    func testGarbageAnswer() throws {
        try assertPluginFails("#!/bin/sh\ncat >/dev/null\necho 'hello, I am not JSON'\n", expect: "not a protocol response")
        try assertPluginFails("#!/bin/sh\ncat >/dev/null\n", expect: "got nothing")
        try assertPluginFails("#!/bin/sh\ncat >/dev/null\necho '{\"protocol\": 9}'\n", expect: "speaks protocol 9")
    }

    func testMissingExecutable() throws {
        try assertPluginFails("", expect: "cannot start")
    }

    /// Processes whose command line holds `marker` (read from /proc, so nothing is killed here).
    static func processes(containing marker: String) -> [String] {
        var found: [String] = []
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(entry) != nil {
            guard let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let line = String(decoding: raw.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            if line.contains(marker) { found.append("\(entry): \(line)") }
        }
        return found
    }

    /// A wrapper script whose child hangs is stopped at the timeout with its child: the scan
    /// does not wait for the child, and no process of the plugin is left.
    func testATimeoutEndsThePluginsChildrenToo() throws {
        let marker = "31.\(Int.random(in: 100...999))"
        let fx = try ScanFixture(Self.tree)
        try fx.write("plugin.sh", "#!/bin/sh\nsleep \(marker)\necho late\n", executable: true)
        // The built-in passes are off: under load, the native analysis of fmt's dependencies
        // alone can take longer than the bound below, which is about the plugin's child.
        try fx.write("heapsight.yml", Self.builtInPassesOff + pluginConfig("./plugin.sh", timeout: 0.5))
        let start = Date()
        let outcome = try runScan(fx.request(config: "heapsight.yml"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 25, "the scan waited for the plugin's child")
        let failures = try fx.store().diagnostics(run: outcome.runID).filter { $0.source == "pass:probe" }
        XCTAssertTrue(failures.contains { $0.message.contains("gave no answer within 0.5s") }, "\(failures.map(\.message))")
        XCTAssertEqual(Self.processes(containing: "sleep \(marker)"), [], "the plugin's child outlived it")
    }

    /// A plugin that answers and leaves a process in the background keeps its answer (the
    /// background process, which holds the plugin's output open, is ended with it).
    func testAnAnswerIsKeptWhenThePluginLeavesABackgroundProcess() throws {
        let marker = "32.\(Int.random(in: 100...999))"
        let fx = try ScanFixture(Self.tree)
        try fx.write("plugin.sh", """
        #!/bin/sh
        cat >/dev/null
        sleep \(marker) &
        echo '{"protocol": 1, "diagnostics": [{"severity": "note", "message": "answered"}]}'
        """, executable: true)
        try fx.write("heapsight.yml", pluginConfig("./plugin.sh", timeout: 20))
        let outcome = try runScan(fx.request(config: "heapsight.yml"))
        let diagnostics = try fx.store().diagnostics(run: outcome.runID).filter { $0.source == "pass:probe" }
        XCTAssertEqual(diagnostics.map(\.message), ["answered", "answered"])
        XCTAssertEqual(outcome.failedPackages, [])
        XCTAssertEqual(Self.processes(containing: "sleep \(marker)"), [], "the plugin's background process outlived it")
    }
}

import Foundation
import XCTest
import GoLoader
import GoSyntax
import GoTypes
import TestSupport

/// Differential test against go/types: for every package of `go list std` and of
/// `go list cmd` (linux/amd64, no cgo; a package with no Go files for that target dumps
/// nothing on either side) the
/// `typesdump` oracle and `TypesDump.render` must print the same normalized facts (every
/// definition, use, expression type, mode and constant value), line for line.
/// `HEAPSIGHT_TYPES_PACKAGES=a,b` checks only those of the listed packages and prints every
/// differing line (for work on the checker); `HEAPSIGHT_TYPES_REPORT=FILE` writes the
/// per-package report.
final class GoTypesDifferentialTests: XCTestCase {
    var focus: [String]? {
        ProcessInfo.processInfo.environment["HEAPSIGHT_TYPES_PACKAGES"]
            .map { $0.split(separator: ",").map(String.init) }
            .flatMap { $0 == ["std"] ? nil : $0 }
    }

    func testAgreementOnStd() throws {
        try compare(list: "std", in: nil)
    }

    /// The go command's own sources: large generic code (cmd/compile), and packages cmd
    /// vendors (`cmd/vendor/golang.org/x/...`), which resolve through cmd's go.mod.
    func testAgreementOnCmd() throws {
        try compare(list: "cmd", in: "src/cmd")
    }

    /// Checks every package `go list PATTERN` names.
    func compare(list pattern: String, in directory: String?) throws {
        let go = TestSupport.goToolchain
        let cwd = directory.map { URL(fileURLWithPath: go.goroot + "/" + $0) }
        let list = try TestSupport.run(go.go, ["list", pattern], cwd: cwd, environment: environment(go))
        XCTAssertEqual(list.status, 0, list.err)
        var packages = list.out.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(packages.count, 100)
        if let focus {
            packages = packages.filter { focus.contains($0) }
            if packages.isEmpty { return }   // the chosen packages are in the other list
        }
        try compare(packages: packages, in: directory)
    }

    func environment(_ go: GoToolchain) -> [String: String] {
        go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64", "CGO_ENABLED": "0"])
    }

    func compare(packages: [String], in directory: String?) throws {
        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("typesdump")
        let cwd = directory.map { URL(fileURLWithPath: go.goroot + "/" + $0) }

        // The oracle runs in its own process while this one checks: both cores work.
        nonisolated(unsafe) var oracleResult: Result<TestSupport.ProcessResult, Error>? = nil
        let oracleDone = DispatchSemaphore(value: 0)
        let environment = environment(go)
        DispatchQueue.global().async {
            oracleResult = Result { try TestSupport.run(oracle, packages, cwd: cwd, environment: environment) }
            oracleDone.signal()
        }
        let session = TypecheckSession(locator: PackageLocator(goroot: go.goroot))
        let cmdRoot = go.goroot + "/src/cmd"
        if let text = try? String(contentsOfFile: cmdRoot + "/go.mod", encoding: .utf8), let module = ModuleFile.parse(text) {
            session.dependencies = [DependencyResolver(moduleRoot: cmdRoot, module: module, moduleCache: nil)]
        }
        session.prefetch(packages, threads: 1)
        let dumps: [String: String] = TypecheckRun.onLargeStack {
            var out: [String: String] = [:]
            for path in packages { out[path] = session.check(path)?.checker.map { TypesDump.render($0) } ?? "" }
            return out
        }
        oracleDone.wait()
        let result = try oracleResult!.get()
        XCTAssertEqual(result.status, 0, result.err)
        let expected = splitSections(result.out)

        var report = "package agreement (lines identical / oracle lines):\n"
        var identical = 0, sameLines = 0, oracleLines = 0
        var differing: [String] = []
        for path in packages {
            guard let want = expected[path] else { XCTFail("oracle printed nothing for \(path)"); continue }
            let wantLines = want.split(separator: "\n").map(String.init)
            let gotLines = (dumps[path] ?? "").split(separator: "\n").map(String.init)
            let (missing, extra) = Self.difference(want: wantLines, got: gotLines)
            let same = wantLines.count - missing.count
            sameLines += same
            oracleLines += wantLines.count
            if missing.isEmpty && extra.isEmpty { identical += 1 } else { differing.append(path) }
            let pct = wantLines.isEmpty ? 100.0 : 100.0 * Double(same) / Double(wantLines.count)
            report += String(format: "  %-40@ %7d / %7d  %6.2f%%  (extra %d)\n", path as NSString, same, wantLines.count, pct, extra.count)
            let limit = packages.count > 50 ? 5 : 400
            for l in missing.prefix(limit) { report += "    - \(l)\n" }
            for l in extra.prefix(limit) { report += "    + \(l)\n" }
        }
        report += "identical packages: \(identical) / \(packages.count); identical lines: \(sameLines) / \(oracleLines)\n"
        print(report)
        if let out = ProcessInfo.processInfo.environment["HEAPSIGHT_TYPES_REPORT"] {
            try report.write(toFile: out, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(differing, [], "dumps differ from go/types (see the report above)")
    }

    /// The oracle's lines our dump lacks and our lines beyond the oracle's, each line counted as
    /// often as it occurs (the order of a dump's lines is not compared).
    static func difference(want: [String], got: [String]) -> (missing: [String], extra: [String]) {
        var counts: [String: Int] = [:]
        for l in got { counts[l, default: 0] += 1 }
        var missing: [String] = []
        for l in want {
            if let c = counts[l], c > 0 { counts[l] = c - 1 } else { missing.append(l) }
        }
        let extra = got.filter { l in
            if let c = counts[l], c > 0 { counts[l] = c - 1; return true }
            return false
        }
        return (missing, extra)
    }

    /// The oracle's output split at its `== package PATH` headers.
    func splitSections(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        var current: String? = nil
        var buf = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== package ") {
                if let c = current { out[c] = buf }
                current = String(line.dropFirst(11))
                buf = ""
            } else {
                buf += line + "\n"
            }
        }
        if let c = current { out[c] = buf }
        return out
    }
}

import Foundation
import TestSupport
import XCTest

/// `heapsight check` gates allocations the same way under both engines: on the shipped example,
/// the native engine (with no `go` command anywhere on PATH, so no compiler can have run) fails
/// on the planted `//heapsight:noalloc` with the exit code, rule, site and message of the gc
/// engine; and every heap site a report lists says why it is on the heap and what would
/// remove it, under either engine.
final class NativeCheckParityTests: XCTestCase {
    /// PATH with every folder holding a `go` command removed.
    static func pathWithoutGo() -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").filter { !FileManager.default.isExecutableFile(atPath: "\($0)/go") }
            .joined(separator: ":")
    }

    /// The SARIF results as (rule, file, line, column, message).
    static func sarifResults(_ file: String) throws -> [String] {
        let sarif = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        let results = (sarif?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        return results.map { r in
            let location = ((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
            let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let region = location["region"] as? [String: Any] ?? [:]
            let message = (r["message"] as? [String: Any])?["text"] as? String ?? ""
            return "\(r["ruleId"] as? String ?? "") \(uri):\(region["startLine"] ?? 0):\(region["startColumn"] ?? 0) \(message)"
        }
    }

    /// The policy part of `check`'s text output (from the `policy:` line to the report files).
    static func policyLines(_ out: String) -> [String] {
        out.split(separator: "\n").map(String.init).drop { !$0.hasPrefix("policy:") }.prefix { !$0.hasPrefix("wrote ") }.map { $0 }
    }

    func testNativeEngineFailsOnThePlantedDirectiveExactlyAsTheGCEngine() throws {
        let go = TestSupport.goToolchain
        let cli = try CLI(self)
        try FileManager.default.copyItem(atPath: CLI.examples, toPath: cli.path("Examples"))
        var gcEnvironment = ProcessInfo.processInfo.environment
        gcEnvironment["PATH"] = (go.go as NSString).deletingLastPathComponent + ":" + (gcEnvironment["PATH"] ?? "/usr/bin:/bin")
        let gc = try cli.run(["check", "Examples", "--engine", "gc", "--db", "gc.db", "-o", "gc"], environment: gcEnvironment)

        var nativeEnvironment = ProcessInfo.processInfo.environment
        nativeEnvironment["PATH"] = Self.pathWithoutGo()
        nativeEnvironment["GOROOT"] = go.goroot
        XCTAssertNil(nativeEnvironment["PATH"]!.split(separator: ":").first { FileManager.default.isExecutableFile(atPath: "\($0)/go") })
        let native = try cli.run(["check", "Examples", "--engine", "native", "--db", "native.db", "-o", "native"],
                                 environment: nativeEnvironment)

        XCTAssertEqual(gc.status, 1, gc.out + gc.err)
        XCTAssertEqual(native.status, gc.status, native.out + native.err)
        XCTAssertTrue(gc.out.contains("engine gc"), gc.out)
        XCTAssertTrue(native.out.contains("engine native"), native.out)
        XCTAssertTrue(gc.out.contains("escape.go:46:1: [directive.noalloc] Scratch has 1 heap allocation site(s) but carries //heapsight:noalloc"), gc.out)
        XCTAssertTrue(gc.out.contains("escape.go:48:13: make([]int, n) (make-slice, heap)"), gc.out)
        XCTAssertEqual(Self.policyLines(native.out), Self.policyLines(gc.out))
        let gcResults = try Self.sarifResults(cli.path("gc/heapsight.sarif"))
        XCTAssertEqual(gcResults.map { $0.split(separator: " ").first.map(String.init) }, ["directive.noalloc"])
        XCTAssertEqual(try Self.sarifResults(cli.path("native/heapsight.sarif")), gcResults)
        // No compiler: nothing was skipped for want of one (only the bounds pass, which needs
        // the compiler's SSA, is not run under native), and the run names no toolchain problem.
        let notRun = native.out.split(separator: "\n").filter { $0.hasPrefix("not run:") }
        XCTAssertEqual(notRun, ["not run: bounds: the native engine does not compute it yet; use --engine gc"], native.out)
        XCTAssertFalse((native.out + native.err).contains("no Go toolchain"), native.out + native.err)
    }

    /// With a budget of no heap site, `check` lists every heap site of the example, each with
    /// its cause and remedy, in the text report and in the HTML report, under both engines.
    func testEveryListedHeapSiteCarriesItsCauseAndRemedy() throws {
        let go = TestSupport.goToolchain
        let cli = try CLI(self)
        try FileManager.default.copyItem(atPath: CLI.examples, toPath: cli.path("Examples"))
        let config = try String(contentsOfFile: cli.path("Examples/heapsight.yml"), encoding: .utf8)
        try cli.write("Examples/heapsight.yml", config + "\npolicy:\n  budgets:\n    - max-heap-sites: 0\n")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = (go.go as NSString).deletingLastPathComponent + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for engine in ["gc", "native"] {
            let r = try cli.run(["check", "Examples", "--engine", engine, "--db", "\(engine).db", "-o", engine], environment: environment)
            XCTAssertEqual(r.status, 1, r.out + r.err)
            let exported = try cli.run(["export", "--db", "\(engine).db", "--format", "tsv"], environment: environment)
            let heapSites = exported.out.split(separator: "\n").filter { $0.split(separator: "\t").count > 5 && $0.contains("\talloc\t")
                && $0.split(separator: "\t")[5].split(separator: " ").dropFirst().first == "heap" }
            XCTAssertGreaterThanOrEqual(heapSites.count, 10, "\(engine): \(exported.out)")
            let lines = Self.policyLines(r.out)
            let listed = lines.indices.filter { lines[$0].contains(", heap") && lines[$0].hasSuffix(")") }
            XCTAssertEqual(Set(listed.map { lines[$0] }).count, heapSites.count, "\(engine): every heap site is listed\n\(r.out)")
            for i in listed {
                XCTAssertTrue(i + 2 < lines.count && lines[i + 1].trimmingCharacters(in: .whitespaces).hasPrefix("cause: ")
                              && lines[i + 2].trimmingCharacters(in: .whitespaces).hasPrefix("remedy: "),
                              "\(engine): \(lines[i]) has no cause and remedy\n\(r.out)")
            }
            let html = try String(contentsOfFile: cli.path("\(engine)/index.html"), encoding: .utf8)
            for site in heapSites {
                let f = site.split(separator: "\t").map(String.init)
                let escaped = f[4].replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;")
                // The annotated source: the site's fact, then its explanation with cause and remedy.
                guard let at = html.range(of: "alloc: \(escaped) [\(f[5])]") else {
                    XCTFail("\(engine): \(site) is not in the HTML source view"); continue
                }
                let rest = html[at.upperBound...]
                let next = rest.range(of: "class=\"fact")?.lowerBound ?? rest.endIndex
                XCTAssertTrue(rest[..<next].contains("cause: ") && rest[..<next].contains("remedy: "),
                              "\(engine): \(site) has no cause and remedy in the HTML")
            }
        }
    }
}

import Foundation
import GoSyntax
import TestSupport
import XCTest

/// The differential test against go/parser: for every `.go` file under `$GOROOT/src`
/// (skipping testdata) the normalized dump of our tree must equal the dump the oracle
/// (`Tests/Oracles/parsedump`) prints from go/parser's tree. Dumps are compared by hash; for
/// differing files the full dumps are fetched and the first differing lines reported.
final class GoParserDifferentialTests: XCTestCase {
    func testEveryGorootFileMatchesGoParser() throws {
        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("parsedump")
        let files = GoFileCollector.collect([go.goroot + "/src"]).files
        XCTAssertGreaterThan(files.count, 5000, "GOROOT/src looks incomplete")
        let differing = try Self.differingFiles(files, oracle: oracle, env: go.environment())
        print("go/parser differential (GOROOT/src): \(files.count - differing.count)/\(files.count) files identical")
        guard !differing.isEmpty else { return }
        var report = "\(differing.count) of \(files.count) files differ from go/parser; first ones:\n"
        for path in differing.prefix(5) {
            report += try Self.firstDifference(oracle: oracle, env: go.environment(), path: path)
        }
        XCTFail(report)
    }

    /// Go's own compiler tests (Go 1.19 sources): odd but valid code. Every file go/parser
    /// accepts must dump identically; files it rejects may differ (go/parser drops the tree
    /// when the package clause is bad, stops after ten errors, and reports positions after
    /// `//line` directives) and are only counted.
    func testGoCompilerTestFilesThatGoParserAcceptsMatch() throws {
        let root = "/usr/share/go-1.19/test"
        guard FileManager.default.fileExists(atPath: root) else {
            throw XCTSkip("Go 1.19 test sources not installed at \(root) (Debian package golang-1.19-src)")
        }
        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("parsedump")
        var files: [String] = []
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            if rel.hasSuffix(".go") { files.append(root + "/" + rel) }
        }
        files.sort()
        XCTAssertGreaterThan(files.count, 2000)
        let differing = try Self.differingFiles(files, oracle: oracle, env: go.environment())
        var acceptedButDifferent: [String] = []
        for path in differing {
            let r = try TestSupport.run(oracle, ["-errors", path], environment: go.environment())
            if r.out.isEmpty { acceptedButDifferent.append(path) }
        }
        print("go/parser differential (go1.19 test/): \(files.count - differing.count)/\(files.count) identical; " +
              "\(differing.count - acceptedButDifferent.count) differing files are ones go/parser rejects")
        guard !acceptedButDifferent.isEmpty else { return }
        var report = "\(acceptedButDifferent.count) valid files differ from go/parser; first ones:\n"
        for path in acceptedButDifferent.prefix(5) {
            report += try Self.firstDifference(oracle: oracle, env: go.environment(), path: path)
        }
        XCTFail(report)
    }

    /// The files whose dump hash differs from the oracle's.
    static func differingFiles(_ files: [String], oracle: String, env: [String: String]) throws -> [String] {
        let list = Data(files.joined(separator: "\n").utf8)
        let r = try TestSupport.run(oracle, ["-hash"], environment: env, stdin: list)
        XCTAssertEqual(r.status, 0, r.err)
        var expected: [String: Substring] = [:]
        for line in r.out.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            expected[String(line[line.index(after: space)...])] = line[..<space]
        }
        XCTAssertEqual(expected.count, files.count, "oracle did not hash every file")
        let ours = hashes(files)
        return files.indices.filter { expected[files[$0]].map(String.init) != ours[$0] }.map { files[$0] }
    }

    /// Our dump hashes, computed on all cores.
    static func hashes(_ files: [String]) -> [String] {
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: files.count)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let bytes = GoFileCollector.read(files[i]) ?? []
            let h = String(ASTDump.fnv1a(ASTDump.dump(parseFile(path: files[i], bytes: bytes))), radix: 16)
            out[i] = String(repeating: "0", count: 16 - h.count) + h
        }
        return Array(results)
    }

    /// The first lines where the two dumps of `path` differ, with a little context.
    static func firstDifference(oracle: String, env: [String: String], path: String) throws -> String {
        let r = try TestSupport.run(oracle, ["-dump", path], environment: env)
        let theirs = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()  // "== path"
        let bytes = GoFileCollector.read(path) ?? []
        let mine = String(decoding: ASTDump.dump(parseFile(path: path, bytes: bytes)), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let a = Array(theirs), b = Array(mine)
        var i = 0
        while i < min(a.count, b.count) && a[i] == b[i] { i += 1 }
        var s = "--- \(path) (line \(i + 1) of the dump)\n"
        for k in max(0, i - 2)..<min(i + 3, max(a.count, b.count)) {
            s += "  go:    \(k < a.count ? String(a[k]) : "<end>")\n"
            s += "  ours:  \(k < b.count ? String(b[k]) : "<end>")\n"
        }
        return s
    }
}

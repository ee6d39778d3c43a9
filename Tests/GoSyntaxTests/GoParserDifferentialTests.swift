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

        let list = Data(files.joined(separator: "\n").utf8)
        let r = try TestSupport.run(oracle, ["-hash"], environment: go.environment(), stdin: list)
        XCTAssertEqual(r.status, 0, r.err)
        var expected: [String: Substring] = [:]
        for line in r.out.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            expected[String(line[line.index(after: space)...])] = line[..<space]
        }
        XCTAssertEqual(expected.count, files.count, "oracle did not hash every file")

        let ours = Self.hashes(files)
        var differing: [String] = []
        for (i, path) in files.enumerated() where expected[path].map(String.init) != ours[i] {
            differing.append(path)
        }
        print("go/parser differential: \(files.count - differing.count)/\(files.count) files identical")
        guard !differing.isEmpty else { return }

        var report = "\(differing.count) of \(files.count) files differ from go/parser; first ones:\n"
        for path in differing.prefix(5) {
            report += try Self.firstDifference(oracle: oracle, env: go.environment(), path: path)
        }
        XCTFail(report)
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

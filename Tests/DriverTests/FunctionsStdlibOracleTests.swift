import FactStore
import Foundation
import PassKit
import TestSupport
import XCTest
@testable import Driver

/// The `functions` pass against the compiler on real code: the `encoding/...` packages of the
/// standard library. Every function the compiler gives an inlining verdict (`-m=2`) must be a
/// record with the same id and position, and every record with a body must be one the compiler
/// names. Known, by-design differences are counted and listed, not hidden:
/// - generic functions and methods the compiler never instantiates get no verdict;
/// - wrappers the compiler synthesises (`deferwrap`, `gowrap`) are not source functions.
final class FunctionsStdlibOracleTests: XCTestCase {
    /// The function name at the start of a verdict's text, with every instantiation's type
    /// arguments (which may hold spaces and brackets) folded to `[...]`, and the package
    /// qualifier the compiler adds to a generic function instantiated from another package
    /// (`jsonopts.GetOption[...]`) removed.
    static func functionName(_ text: String) -> String {
        var out = ""
        var depth = 0
        for c in text {
            if c == "[" {
                if depth == 0 { out += "[...]" }
                depth += 1
            } else if c == "]" {
                depth -= 1
            } else if depth == 0 {
                if c == " " || c == ":" { break }
                out.append(c)
            }
        }
        if out.range(of: #"^[a-z][a-z0-9]*\.[A-Za-z_][A-Za-z0-9_]*\[\.\.\.\]"#, options: .regularExpression) != nil {
            out = String(out.drop { $0 != "." }.dropFirst())
        }
        return out
    }

    func testEncodingPackagesMatchTheCompiler() throws {
        let go = TestSupport.goToolchain
        let src = URL(fileURLWithPath: go.goroot + "/src")
        let build = try TestSupport.run(go.go, ["build", "-gcflags=encoding/...=-m=2", "encoding/..."], cwd: src,
                                        environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
        XCTAssertEqual(build.status, 0, build.err)
        let pattern = try NSRegularExpression(pattern: #"^(encoding/[^:]+\.go):(\d+):(\d+): (?:can|cannot) inline (.*)$"#)
        var compiler: Set<String> = []
        // A fresh compile prints paths relative to GOROOT/src; output replayed from the build
        // cache may print them absolute. Both name the same file.
        let prefixes = [go.goroot + "/src/", src.resolvingSymlinksInPath().path + "/"]
        for raw in build.err.split(separator: "\n").map(String.init) {
            var line = raw
            if let p = prefixes.first(where: { raw.hasPrefix($0) }) { line = String(raw.dropFirst(p.count)) }
            guard let m = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
            func g(_ i: Int) -> String { String(line[Range(m.range(at: i), in: line)!]) }
            let name = Self.functionName(g(4))
            if name.contains(".deferwrap") || name.contains(".gowrap") { continue }
            compiler.insert("\(g(1)):\(g(2)):\(g(3)) \(name)")
        }
        XCTAssertGreaterThan(compiler.count, 1000)

        let fx = try ScanFixture([:])
        var request = fx.request()
        request.paths = [src.appendingPathComponent("encoding").path]
        let runID = try runScan(request).runID
        var ours: Set<String> = []
        var generic: Set<String> = []
        for r in try fx.store().functions(run: runID) {
            let text = try String(contentsOfFile: src.appendingPathComponent("encoding/" + r.file).path, encoding: .utf8)
            let declLine = text.split(separator: "\n", omittingEmptySubsequences: false)[r.startLine - 1]
            if r.startLine == r.endLine && !declLine.contains("{") { continue }  // body in assembly
            let name = r.id.split(separator: "/").last.map(String.init) ?? r.id
            let key = "encoding/\(r.file):\(r.line):\(r.column) \(name.drop { $0 != "." }.dropFirst())"
            ours.insert(key)
            if r.id.contains("[...]") { generic.insert(key) }
        }
        let missing = compiler.subtracting(ours).sorted()
        let extra = ours.subtracting(compiler)
        let uninstantiated = extra.intersection(generic)
        XCTAssertEqual(missing, [], "functions the compiler names that heapsight lacks or names differently")
        XCTAssertEqual(extra.subtracting(uninstantiated).sorted(), [], "functions heapsight records that the compiler does not name")
        print("functions oracle (encoding/...): compiler \(compiler.count), heapsight \(ours.count), agree \(compiler.intersection(ours).count), uninstantiated generics \(uninstantiated.count)")
    }
}

import Foundation
import GCEngine
import PassKit
import TestSupport

/// The compiler's escape verdicts for every package of std (or cmd), from one
/// `go build -a -gcflags=all=-m=2 std` (or `cmd`) per test process (linux/amd64, cgo off), as
/// facts per import path with `$GOROOT/src`-relative paths: the input the gc engine's
/// allocations pass turns into `alloc` facts.
///
/// `compilerText(_:)` is the one place the compiler runs: a shared harness that already holds
/// the run's `-m=2` output can be put behind it. `HEAPSIGHT_STD_M2=FILE` (`HEAPSIGHT_CMD_M2`)
/// reads a saved output of the same command instead (a development shortcut; CI compiles).
enum StdCompilerOracle {
    /// The `-m=2` text of `pattern` (`std` or `cmd`; the go command's text form: a
    /// `# IMPORTPATH` block per package).
    static func compilerText(_ pattern: String) throws -> Data {
        if let recorded = try RecordedCompilerOutput.text(pattern) { return recorded }
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-a", "-o", "/dev/null", "-gcflags=all=-m=2", pattern],
                                    cwd: URL(fileURLWithPath: go.goroot + "/src"),
                                    environment: go.environment(extra: ["GOFLAGS": "", "GOOS": "linux", "GOARCH": "amd64"]))
        guard r.status == 0 else {
            throw NSError(domain: "StdCompilerOracle", code: Int(r.status),
                          userInfo: [NSLocalizedDescriptionKey: String(r.err.suffix(2000))])
        }
        return r.stderr + r.stdout
    }

    /// The escape verdicts (`moved-to-heap`, `escapes`, `no-escape`) per import path, parsed by
    /// the gc engine's parser; computed once per process.
    static let std: Result<[String: [Fact]], Error> = Result {
        split(try compilerText("std"), goroot: TestSupport.goToolchain.goroot)
    }

    /// The same for `cmd` (its compile also prints the std packages it depends on).
    static let cmd: Result<[String: [Fact]], Error> = Result {
        split(try compilerText("cmd"), goroot: TestSupport.goToolchain.goroot)
    }

    /// Cuts the text into packages and parses each package's verdict lines. Only lines that
    /// can be escape verdicts reach the parser (explanations and inlining lines are not
    /// needed for allocation sites).
    static func split(_ text: Data, goroot: String) -> [String: [Fact]] {
        let parser = CompilerTextParser(paths: FactPathMapper(root: goroot + "/src", goroot: goroot), base: goroot + "/src")
        var out: [String: [Fact]] = [:]
        var current: String?
        var session = parser.session()
        func close() {
            if let current { out[current, default: []] += session.finish().facts }
            session = parser.session()
        }
        let suffixes: [[UInt8]] = [Array(" escapes to heap".utf8), Array(" does not escape".utf8)]
        let moved = Array(": moved to heap: ".utf8)
        text.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            for i in 0...bytes.count {
                guard i == bytes.count || bytes[i] == UInt8(ascii: "\n") else { continue }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<i])
                start = i + 1
                if line.count > 2 && line[0] == UInt8(ascii: "#") && line[1] == UInt8(ascii: " ") {
                    if line.count > 2 && line[2] == UInt8(ascii: "[") { continue }  // `# [description]`
                    close()
                    current = String(decoding: UnsafeBufferPointer(rebasing: line[2...]), as: UTF8.self)
                    continue
                }
                let keep = suffixes.contains { s in line.count >= s.count && line.suffix(s.count).elementsEqual(s) }
                    || contains(line, moved)
                if keep { session.consume(Substring(String(decoding: line, as: UTF8.self))) }
            }
        }
        close()
        return out
    }

    private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard line.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= line.count {
            if line[i] == needle[0] && line[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

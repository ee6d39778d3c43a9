import Foundation
@testable import GoSyntax
import TestSupport
import XCTest

/// No crash and no hang on hostile input: real files mutated at random (fixed seed) by
/// deleting, inserting and duplicating tokens and bytes and by truncation, plus pathological
/// nesting. Each mutant is parsed on a worker thread under a generous watchdog; a parse that
/// does not finish in time fails the test (a trap would end the test process). The tree of
/// every mutant is also walked and dumped, and its diagnostics must point into the file.
final class HostileInputTests: XCTestCase {
    /// Seconds one parse may take before the watchdog declares a hang.
    static let watchdogSeconds = 60.0

    /// A small deterministic generator (SplitMix64).
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    /// Token ranges of a file, from our scanner.
    static func tokenRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buf in
            var s = Scanner(src: buf, path: "t.go")
            var out: [Range<Int>] = []
            while out.count < 1_000_000 {
                let lx = s.scan()
                if lx.token == .eof { break }
                if lx.end > lx.pos { out.append(lx.pos..<lx.end) }
            }
            return out
        }
    }

    static let junk: [[UInt8]] = ["(", ")", "{", "}", "[", "]", ",", ";", ":", ":=", "=", ".", "...", "*", "<-",
                                  "func", "type", "range", "interface{", "\"", "`", "'", "/*", "//", "0x", "1e",
                                  "\n", "~", "|", "chan", "case", "default:", "go", "[]", "map["].map { Array($0.utf8) }
        + [[0], [0xFF], [0xEF, 0xBB, 0xBF], [0xC3], [0xE2, 0x80, 0x9C]]

    static func mutate(_ src: [UInt8], _ tokens: [Range<Int>], _ rng: inout SplitMix) -> [UInt8] {
        var b = src
        let edits = 1 + rng.below(4)
        for _ in 0..<edits {
            guard !b.isEmpty else { b = junk[rng.below(junk.count)]; continue }
            switch rng.below(7) {
            case 0 where !tokens.isEmpty:                           // delete a token
                let t = tokens[rng.below(tokens.count)]
                if t.upperBound <= b.count { b.removeSubrange(t) }
            case 1 where !tokens.isEmpty:                           // duplicate a token elsewhere
                let t = tokens[rng.below(tokens.count)]
                if t.upperBound <= b.count { b.insert(contentsOf: Array(b[t]), at: rng.below(b.count)) }
            case 2:                                                 // insert a junk token
                b.insert(contentsOf: junk[rng.below(junk.count)], at: rng.below(b.count))
            case 3:                                                 // delete bytes
                let at = rng.below(b.count)
                b.removeSubrange(at..<min(b.count, at + 1 + rng.below(8)))
            case 4:                                                 // insert a random byte
                b.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.below(b.count))
            case 5:                                                 // duplicate a span
                let at = rng.below(b.count)
                let span = Array(b[at..<min(b.count, at + 1 + rng.below(200))])
                b.insert(contentsOf: span, at: rng.below(b.count))
            default:                                                // truncate
                b.removeSubrange(rng.below(b.count)...)
            }
        }
        return b
    }

    /// Parses under the watchdog and checks the result is usable; returns false on a hang.
    func check(_ bytes: [UInt8], _ name: String, dump: Bool = true) -> Bool {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var problem: String? = nil
        let worker = Thread {
            let parsed = parseFile(path: name, bytes: bytes)
            var count = 0
            parsed.tree.walk(parsed.tree.root) { _, _, _ in count += 1; return true }
            if dump { _ = ASTDump.dump(parsed) }
            let lines = parsed.source.lineStarts.count
            for d in parsed.diagnostics where d.offset < 0 || d.offset > bytes.count || d.line < 1 || d.line > lines {
                problem = "diagnostic outside the file: \(d)"
            }
            if count == 0 { problem = "empty tree" }
            done.signal()
        }
        worker.stackSize = 8 << 20
        worker.start()
        if done.wait(timeout: .now() + Self.watchdogSeconds) == .timedOut {
            XCTFail("parse did not finish within \(Self.watchdogSeconds) s: \(name)")
            return false
        }
        if let problem { XCTFail("\(name): \(problem)") }
        return true
    }

    func testMutatedStandardLibraryFilesNeverCrashOrHang() throws {
        let root = TestSupport.goToolchain.goroot + "/src"
        let all = GoFileCollector.collect([root]).files
        XCTAssertGreaterThan(all.count, 1000)
        var rng = SplitMix(state: 0x6865617073696768)   // "heapsigh"
        var mutants = 0
        // Every 250th file (about 27), 12 mutants each.
        for path in stride(from: 0, to: all.count, by: 250).map({ all[$0] }) {
            guard let src = GoFileCollector.read(path), src.count < 300_000 else { continue }
            let tokens = Self.tokenRanges(src)
            for k in 0..<12 {
                let m = Self.mutate(src, tokens, &rng)
                mutants += 1
                guard check(m, "\(path)#\(k)") else { return }
            }
        }
        print("hostile input: \(mutants) mutants parsed, no crash, no hang")
        XCTAssertGreaterThan(mutants, 200)
    }

    func testPathologicalNesting() {
        let n = 100_000
        let cases: [(String, String)] = [
            ("parens", "package p\nvar x = " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)),
            ("brackets", "package p\nvar x " + String(repeating: "[", count: n)),
            ("braces", "package p\nfunc f() " + String(repeating: "{", count: n)),
            ("literals", "package p\nvar x = T" + String(repeating: "{", count: n)),
            ("pointers", "package p\nvar x " + String(repeating: "*", count: n) + "int"),
            ("ifs", "package p\nfunc f() {" + String(repeating: "if x {", count: n)),
            ("funcs", "package p\nvar f = " + String(repeating: "func() {", count: n)),
            ("unary", "package p\nvar x = " + String(repeating: "-", count: n) + "1"),
            ("chans", "package p\nvar x " + String(repeating: "chan ", count: n) + "int"),
            ("selectors", "package p\nvar x = a" + String(repeating: ".b", count: n)),
            ("calls", "package p\nvar x = f" + String(repeating: "()", count: n)),
            ("binary", "package p\nvar x = 1" + String(repeating: "+1", count: n)),
            ("closers", "package p\n" + String(repeating: ")]}", count: n)),
        ]
        // (No dump here: its indentation is quadratic in the depth of 100,000-link chains.)
        for (name, src) in cases {
            XCTAssertTrue(check(Array(src.utf8), name, dump: false))
        }
        let deep = parseFile(path: "d.go", bytes: Array(cases[0].1.utf8))
        XCTAssertEqual(deep.diagnostics.map(\.message), ["exceeded max nesting depth"])
    }
}

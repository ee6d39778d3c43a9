import Foundation
import GoSyntax
import TestSupport
import XCTest

/// Deep nesting is accepted and refused exactly where go/parser accepts and refuses it
/// (`maxNestLev` = 100,000, counted at the same places), whatever the stack of the calling
/// thread: go/parser (through the `parsedump` oracle's `-errors`) is the oracle for each shape
/// and depth. (`gofmt -e` would format the deep trees too, which takes minutes.)
final class NestingLimitDifferentialTests: XCTestCase {
    static let shapes: [(String, @Sendable (Int) -> String)] = [
        ("parens", { "package p\nvar x = " + String(repeating: "(", count: $0) + "1" + String(repeating: ")", count: $0) + "\n" }),
        ("slices", { "package p\nvar x " + String(repeating: "[]", count: $0) + "int\n" }),
        ("pointers", { "package p\nvar x " + String(repeating: "*", count: $0) + "int\n" }),
        ("selectors", { "package p\nvar x = a" + String(repeating: ".b", count: $0) + "\n" }),
        ("calls", { "package p\nvar x = f" + String(repeating: "()", count: $0) + "\n" }),
        ("binary", { "package p\nvar x = 1" + String(repeating: "+1", count: $0) + "\n" }),
        ("blocks", { "package p\nfunc f() {" + String(repeating: "{", count: $0) + String(repeating: "}", count: $0) + "}\n" }),
    ]
    static let depths = [500, 998, 999, 1_000, 50_000, 99_998, 99_999, 100_000]

    func testAcceptedAndRefusedWhereGoParserIs() throws {
        let go = TestSupport.goToolchain
        let oracleTool = try go.buildOracle("parsedump")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-nesting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var checked = 0, refused = 0
        for (name, make) in Self.shapes {
            for n in Self.depths {
                let path = dir.appendingPathComponent("\(name)-\(n).go").path
                let bytes = Array(make(n).utf8)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let oracle = try TestSupport.run(oracleTool, ["-errors", path], environment: go.environment())
                let expected = oracle.out.split(separator: "\n").map(String.init)
                let ours = parseFile(path: path, bytes: bytes).diagnostics.map(\.description)
                XCTAssertEqual(ours, expected, "\(name) × \(n)")
                checked += 1
                if !expected.isEmpty { refused += 1 }
            }
        }
        XCTAssertGreaterThan(refused, 0, "some depth must be past go/parser's limit, or the limit is not tested")
        XCTAssertLessThan(refused, checked, "some depth must be accepted")
    }

    /// The same on a worker thread with a small stack (where the first attempt runs out of
    /// stack long before go/parser's limit).
    func testASmallStackDoesNotLowerTheLimit() throws {
        let src = Array(Self.shapes[0].1(99_998).utf8)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var messages: [String] = []
        let t = Thread {
            messages = parseFile(path: "s.go", bytes: src).diagnostics.map(\.message)
            done.signal()
        }
        t.stackSize = 512 << 10
        t.start()
        XCTAssertEqual(done.wait(timeout: .now() + 300), .success)
        XCTAssertEqual(messages, [], "99,998 parentheses are Go (go/parser accepts them)")
    }
}

import Foundation
import GoTypes
import NativeEngine
import TestSupport
import XCTest

/// The escape analysis runs on any thread, several packages at once: threads that ask one
/// `NativeEscape` for the same packages at the same time, each in its own order, get the same
/// verdicts, explanations and leak tags as a run that asks for them one by one on one thread.
final class NativeEscapeConcurrencyTests: XCTestCase {
    /// Packages with imports among them (`strconv` and `strings` read `unicode/utf8`, `sort`
    /// reads `slices`, ...) and without.
    static let packages = ["strconv", "sort", "container/list", "unicode/utf16", "errors", "strings", "unicode/utf8"]

    /// Everything a package's analysis prints, one line each.
    static func digest(_ analysis: NativeEscape, _ path: String) -> [String] {
        guard let r = analysis.analyze(path) else { return ["no analysis of \(path)"] }
        return r.verdicts.map(\.line) + r.explanations.flatMap(\.lines) + ["\(r.tags.count) tagged functions"]
    }

    func testPackagesAskedForOnSeveralThreadsAtOnceGetTheSerialResults() throws {
        let goroot = TestSupport.goToolchain.goroot
        let serial = NativeEscape(ir: NativeIR(program: NativeProgram(goroot: goroot)))
        let want: [String: [String]] = TypecheckRun.onLargeStack {
            Dictionary(uniqueKeysWithValues: Self.packages.map { ($0, Self.digest(serial, $0)) })
        }
        for (path, lines) in want { XCTAssertGreaterThan(lines.count, 1, "\(path) has no verdicts") }

        let shared = NativeEscape(ir: NativeIR(program: NativeProgram(goroot: goroot)))
        let threads = 4
        let results = ThreadResults(count: threads)
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                // Even threads bottom-up, odd ones top-down: each waits for packages another
                // is analysing.
                let order = t % 2 == 0 ? Self.packages : Self.packages.reversed()
                let got: [String: [String]] = TypecheckRun.onLargeStack {
                    Dictionary(uniqueKeysWithValues: order.map { ($0, Self.digest(shared, $0)) })
                }
                results.set(t, got)
                group.leave()
            }
        }
        group.wait()
        for t in 0..<threads {
            for path in Self.packages {
                XCTAssertEqual(results.get(t)[path], want[path], "thread \(t): \(path) differs from the serial analysis")
            }
        }
    }
}

/// Each thread's digests, written once per thread.
private final class ThreadResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[String: [String]]]
    init(count: Int) { values = Array(repeating: [:], count: count) }
    func set(_ i: Int, _ v: [String: [String]]) { lock.withLock { values[i] = v } }
    func get(_ i: Int) -> [String: [String]] { lock.withLock { values[i] } }
}

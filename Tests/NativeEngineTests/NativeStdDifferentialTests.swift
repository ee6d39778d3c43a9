import DifferentialSupport
import PassKit
import XCTest

/// The native engine over every package of `go list std` (linux/amd64, no cgo; std's own
/// `vendor/` packages included) against `go build -a -gcflags=all=-m=2 std`: per fact kind
/// precision, recall and F1, every disagreement with its cause in the log file the test
/// prints. Floors are the measured values minus 0.005 (inline-call precision minus 0.01).
final class NativeStdDifferentialTests: XCTestCase {
    func testAllOfStd() throws {
        let (d, timing) = try Corpora.gorootDifferential(pattern: "std", subdirectory: nil)
        print(d.report + timing)
        XCTAssertGreaterThan(d.packageCount, 300)
        XCTAssertGreaterThan(d.scores[.canInline]!.countB, 10_000, "the compiler's output was not read")
        XCTAssertGreaterThan(d.scores[.escapes]!.countB, 10_000, "the compiler's escape facts were not read")
        Floors([
            // Measured 2026-12-04 with shaped bodies reading their dictionary (P / R / F1):
            // can-inline 0.980 / 0.941 / 0.960, cannot-inline 0.978 / 0.955 / 0.966,
            // inline-call 0.995 / 0.909 / 0.950, devirtualize 0.962 / 0.954 / 0.958.
            .canInline: .init(precision: 0.975, recall: 0.936, f1: 0.955),
            .cannotInline: .init(precision: 0.973, recall: 0.949, f1: 0.961),
            .inlineCall: .init(precision: 0.985, recall: 0.904, f1: 0.945),
            .devirtualize: .init(precision: 0.956, recall: 0.949, f1: 0.952),
        ]).check(d)
    }
}

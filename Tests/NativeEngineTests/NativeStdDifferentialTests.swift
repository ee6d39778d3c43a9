import DifferentialSupport
import PassKit
import XCTest

/// The native engine over every package of `go list std` (linux/amd64, no cgo; std's own
/// `vendor/` packages included) against `go build -a -gcflags=all=-m=2 std`: per fact kind
/// precision, recall and F1, every disagreement with its cause in the log file the test
/// prints. Floors are the measured values minus 0.005.
final class NativeStdDifferentialTests: XCTestCase {
    func testAllOfStd() throws {
        let (d, timing) = try Corpora.gorootDifferential(pattern: "std", subdirectory: nil)
        print(d.report + timing)
        XCTAssertGreaterThan(d.packageCount, 300)
        XCTAssertGreaterThan(d.scores[.canInline]!.countB, 10_000, "the compiler's output was not read")
        XCTAssertGreaterThan(d.scores[.escapes]!.countB, 10_000, "the compiler's escape facts were not read")
        Floors([
            .canInline: .init(precision: 0.9743, recall: 0.6645, f1: 0.7902),
            .cannotInline: .init(precision: 0.8848, recall: 0.7594, f1: 0.8174),
            .inlineCall: .init(precision: 0.9946, recall: 0.7467, f1: 0.8531),
            .devirtualize: .init(precision: 0.9950, recall: 0.0103, f1: 0.0251),
        ]).check(d)
    }
}

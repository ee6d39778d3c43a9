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
            .canInline: .init(precision: 0.985, recall: 0.680, f1: 0.805),
            .cannotInline: .init(precision: 0.977, recall: 0.831, f1: 0.898),
            .inlineCall: .init(precision: 0.990, recall: 0.754, f1: 0.858),
            .devirtualize: .init(precision: 0.956, recall: 0.949, f1: 0.952),
        ]).check(d)
    }
}

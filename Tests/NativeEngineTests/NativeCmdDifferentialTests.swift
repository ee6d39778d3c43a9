import DifferentialSupport
import PassKit
import XCTest

/// The native engine over every package of `go list cmd` (cmd/vendor included) against the
/// compiler's output for them (`go build -a -gcflags=all=-m=2 std cmd`, shared with the std
/// differential): per fact kind precision, recall and F1, every disagreement with its cause in
/// the log file the test prints. Floors are the measured values minus 0.005.
final class NativeCmdDifferentialTests: XCTestCase {
    func testAllOfCmd() throws {
        let (d, timing) = try Corpora.gorootDifferential(pattern: "cmd", subdirectory: "cmd")
        print(d.report + timing)
        XCTAssertGreaterThan(d.packageCount, 250)
        XCTAssertGreaterThan(d.scores[.canInline]!.countB, 10_000, "the compiler's output was not read")
        Floors([
            // Measured 2026-12-04 with shaped bodies reading their dictionary (P / R / F1):
            // can-inline 0.961 / 0.878 / 0.918, cannot-inline 0.977 / 0.945 / 0.961,
            // inline-call 0.996 / 0.907 / 0.949, devirtualize 0.966 / 0.934 / 0.950.
            .canInline: .init(precision: 0.955, recall: 0.871, f1: 0.911),
            .cannotInline: .init(precision: 0.971, recall: 0.939, f1: 0.955),
            .inlineCall: .init(precision: 0.985, recall: 0.902, f1: 0.944),
            .devirtualize: .init(precision: 0.960, recall: 0.928, f1: 0.944),
        ]).check(d)
    }
}

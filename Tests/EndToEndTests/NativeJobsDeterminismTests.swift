import Foundation
import TestSupport
import XCTest

/// The native engine's facts do not depend on how many packages are analysed at once: a scan
/// of GOROOT packages that import each other (`strconv` imports `unicode/utf8`) and of
/// packages that import none of the others (one package's escape analysis runs beside
/// another's inlining, several escape analyses run at once) on one job, on two and on four
/// (more threads than cores on a two-core machine, so jobs interleave anywhere) records
/// byte-identical facts, external ones included.
final class NativeJobsDeterminismTests: XCTestCase {
    func testNativeScanIsTheSameOnOneJobTwoAndFour() throws {
        let go = TestSupport.goToolchain
        let cli = try CLI(self)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = (go.go as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["GOROOT"] = go.goroot
        let roots = ["unicode", "strconv", "sort", "container/list", "unicode/utf16", "math/bits"].map { go.goroot + "/src/" + $0 }
        var exports: [String] = []
        for jobs in ["1", "2", "4"] {
            let scan = try cli.run(["scan"] + roots + ["--engine", "native", "--jobs", jobs, "--quiet", "--db", "j\(jobs).db"],
                                   environment: env)
            XCTAssertEqual(scan.status, 0, scan.err)
            let export = try cli.run(["export", "--db", "j\(jobs).db", "--include-external"], environment: env)
            XCTAssertEqual(export.status, 0, export.err)
            exports.append(export.out)
        }
        XCTAssertEqual(exports[0], exports[1], "--jobs 2 recorded other facts than --jobs 1")
        XCTAssertEqual(exports[0], exports[2], "--jobs 4 recorded other facts than --jobs 1")
        let kinds = Set(exports[0].split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false)[3] })
        for kind in ["can-inline", "inline-call", "escapes", "leak-param", "alloc"] {
            XCTAssertTrue(kinds.contains(Substring(kind)), "no \(kind) fact in the scan: \(kinds.sorted())")
        }
        XCTAssertTrue(exports[0].contains("strconv/"), "strconv's facts are missing")
    }
}

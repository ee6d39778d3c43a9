@testable import FactStore
import Foundation
import PassKit
import XCTest

/// Everything a store answers about its history, gathered so that two stores (two backends, or
/// a store and its copy) can be compared answer by answer.
enum StoreAnswers {
    /// Asserts that `a` and `b` give the same answer to every read and history query: runs and
    /// everything recorded with them, metrics and fingerprints row by row, every trend metric
    /// under every grouping and a package and a function glob, diffs, and run references.
    static func assertSameHistory(_ a: FactStore, _ b: FactStore, file: StaticString = #filePath, line: UInt = #line) throws {
        let runs = try a.runs()
        XCTAssertEqual(runs, try b.runs(), "runs", file: file, line: line)
        for run in runs.map(\.id) {
            XCTAssertEqual(try a.facts(run: run, includeExternal: true), try b.facts(run: run, includeExternal: true), "facts of \(run)", file: file, line: line)
            XCTAssertEqual(try a.functions(run: run), try b.functions(run: run), "functions of \(run)", file: file, line: line)
            XCTAssertEqual(try a.packages(run: run), try b.packages(run: run), "packages of \(run)", file: file, line: line)
            XCTAssertEqual(try a.files(run: run), try b.files(run: run), "files of \(run)", file: file, line: line)
            XCTAssertEqual(try a.diagnostics(run: run), try b.diagnostics(run: run), "diagnostics of \(run)", file: file, line: line)
            XCTAssertEqual(try a.directives(run: run), try b.directives(run: run), "directives of \(run)", file: file, line: line)
            XCTAssertEqual(try a.passExecutions(run: run), try b.passExecutions(run: run), "passes of \(run)", file: file, line: line)
            XCTAssertEqual(try a.profiles(run: run).map(\.record), try b.profiles(run: run).map(\.record), "profiles of \(run)", file: file, line: line)
            XCTAssertEqual(try a.profileSites(run: run), try b.profileSites(run: run), "profile sites of \(run)", file: file, line: line)
        }
        for sql in ["SELECT * FROM function_metrics ORDER BY run_id, function_id",
                    "SELECT * FROM package_metrics ORDER BY run_id, package",
                    "SELECT * FROM runs ORDER BY id",
                    "SELECT function_id FROM function_names ORDER BY function_id"] {
            XCTAssertEqual(try a.query(sql).rows, try b.query(sql).rows, sql, file: file, line: line)
        }
        for metric in TrendMetric.allCases {
            for grouping in TrendGrouping.allCases {
                let q = TrendQuery(metric: metric, grouping: grouping)
                XCTAssertEqual(try a.trend(q), try b.trend(q), "trend \(metric) by \(grouping)", file: file, line: line)
            }
            for q in [TrendQuery(metric: metric, packageGlob: "example.com/*/[ab]"), TrendQuery(metric: metric, functionGlob: "*.F?"),
                      TrendQuery(metric: metric, last: 3)] {
                XCTAssertEqual(try a.trend(q), try b.trend(q), "trend \(q)", file: file, line: line)
            }
        }
        if let first = runs.first?.id, let last = runs.last?.id {
            var pairs = [(first, last), (last, first)]
            pairs += zip(runs.map(\.id), runs.map(\.id).dropFirst()).prefix(10).map { ($0, $1) }
            for (x, y) in pairs {
                XCTAssertEqual(try a.diff(base: x, head: y), try b.diff(base: x, head: y), "diff \(x) \(y)", file: file, line: line)
                XCTAssertEqual(try a.diff(base: x, head: y, includeExternal: true), try b.diff(base: x, head: y, includeExternal: true),
                               "diff \(x) \(y) with external facts", file: file, line: line)
            }
        }
        for reference in ["latest"] + Set(runs.compactMap(\.record.label)).sorted().prefix(10) {
            XCTAssertEqual(try a.resolveRun(reference), try b.resolveRun(reference), reference, file: file, line: line)
        }
    }
}

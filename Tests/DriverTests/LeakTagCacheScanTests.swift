import FactStore
import Foundation
import PassKit
import TestSupport
import XCTest
@testable import Driver

/// The store's cache of leak-tag summaries through real scans: a second scan into the same
/// store reads the standard library's tags instead of analysing it and records the same facts;
/// a changed file gives its package and every importer a new content hash; a cached summary
/// that cannot be read is analysed again, said, and replaced.
final class LeakTagCacheScanTests: XCTestCase {
    static let module = [
        "go.mod": "module example.com/c\n\ngo 1.27\n",
        "lib/lib.go": """
        package lib

        import "strings"

        // Keep returns its argument: its tag says it leaks to the result.
        //
        //go:noinline
        func Keep(p *int) *int { return p }

        // Join leaks nothing: strings.Join's tags say so.
        //
        //go:noinline
        func Join(parts []string) string { return strings.Join(parts, ",") }
        """,
        "app/app.go": """
        package app

        import (
        \t"sort"
        \t"strconv"

        \t"example.com/c/lib"
        )

        var sink *int

        func Use(xs []int) string {
        \tsort.Ints(xs)
        \tn := len(xs)
        \tsink = lib.Keep(&n)
        \tvar parts []string
        \tfor _, x := range xs {
        \t\tparts = append(parts, strconv.Itoa(x))
        \t}
        \treturn lib.Join(parts)
        }
        """,
    ]

    /// Rows of the summary table per package.
    static func rows(_ fx: ScanFixture) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try fx.store().query("SELECT package, count(*) FROM package_summaries GROUP BY package").rows {
            out[row[0] ?? ""] = Int(row[1] ?? "")
        }
        return out
    }

    func testAWarmStoreReadsTheStandardLibrarysTagsAndRecordsTheSameFacts() throws {
        let fx = try ScanFixture(Self.module)
        let cold = try runScan(fx.request())
        XCTAssertEqual(cold.failedPackages, [])
        let coldCache = try XCTUnwrap(cold.summaryCache)
        XCTAssertEqual(coldCache.hits, 0)
        let rows = try Self.rows(fx)
        for package in ["example.com/c/lib", "example.com/c/app", "strings", "sort", "slices", "runtime"] {
            XCTAssertEqual(rows[package], 1, "\(package) is cached once: \(rows.keys.sorted())")
        }
        XCTAssertEqual(coldCache.computed, rows.values.reduce(0, +))
        XCTAssertEqual(coldCache.analysed, coldCache.computed)

        let warm = try runScan(fx.request())
        let warmCache = try XCTUnwrap(warm.summaryCache)
        XCTAssertGreaterThanOrEqual(warmCache.hits, 3, "the dependencies come from the store")
        XCTAssertLessThan(warmCache.analysed * 2, coldCache.analysed, "most packages are not analysed again")
        XCTAssertEqual(warmCache.rejected, 0)
        XCTAssertEqual(warmCache.computed, 0)
        let store = try fx.store()
        let coldFacts = try store.exportTSV(run: cold.runID, includeExternal: true)
        XCTAssertTrue(coldFacts.contains("moved-to-heap"), "n moves to the heap: lib.Keep's tag says it leaks to the result")
        XCTAssertEqual(try store.exportTSV(run: warm.runID, includeExternal: true), coldFacts)
    }

    func testAChangedFileGivesItsPackageAndItsImportersANewContentHash() throws {
        let fx = try ScanFixture(Self.module)
        _ = try runScan(fx.request())
        let before = try Self.rows(fx)

        try fx.write("app/app.go", Self.module["app/app.go"]! + "\n// an importer changes\n")
        _ = try runScan(fx.request())
        var after = try Self.rows(fx)
        XCTAssertEqual(after["example.com/c/app"], 2, "the changed package has a new hash")
        XCTAssertEqual(after["example.com/c/lib"], 1, "its import does not")

        try fx.write("lib/lib.go", Self.module["lib/lib.go"]! + "\n// a dependency changes\n")
        let third = try runScan(fx.request())
        after = try Self.rows(fx)
        XCTAssertEqual(after["example.com/c/lib"], 2, "the changed dependency has a new hash")
        XCTAssertEqual(after["example.com/c/app"], 3, "and so has its importer, although its own files did not change")
        for (package, count) in before where !package.hasPrefix("example.com/") {
            XCTAssertEqual(after[package], count, "\(package) is unchanged")
        }
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(third.summaryCache).hits, 3)
    }

    func testAnUnreadableCachedSummaryIsAnalysedAgainSaidAndReplaced() throws {
        let fx = try ScanFixture(Self.module)
        let cold = try runScan(fx.request())
        let hash = try XCTUnwrap(fx.store().query("SELECT content_hash FROM package_summaries WHERE package = 'strings'").rows.first?.first ?? nil)
        let kind = LeakTagSummary.kind
        try FactStore.open(path: fx.dbPath).recordSummaries([
            CachedSummary(package: "strings", contentHash: hash,
                          summary: EncodedSummary(name: kind.name, version: kind.version, bytes: Array("{\"functions\":{\"Itoa\":".utf8))),
            // Another format version under the same key: never read as this one.
            CachedSummary(package: "strings", contentHash: hash,
                          summary: EncodedSummary(name: kind.name, version: kind.version + 1, bytes: Array("[]".utf8))),
        ])

        let warm = try runScan(fx.request())
        let cache = try XCTUnwrap(warm.summaryCache)
        XCTAssertEqual(cache.rejected, 1)
        XCTAssertEqual(cache.computed, 1, "strings analysed again and its row replaced")
        let warning = try XCTUnwrap(warm.diagnostics.first { $0.source == "summaries" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("escape.leak-tags of package strings cannot be read"), warning.message)
        let store = try fx.store()
        XCTAssertEqual(try store.exportTSV(run: warm.runID, includeExternal: true),
                       try store.exportTSV(run: cold.runID, includeExternal: true))
        let replaced = try XCTUnwrap(store.query("SELECT summary FROM package_summaries WHERE package = 'strings' AND version = \(kind.version)").rows.first?.first ?? nil)
        XCTAssertNoThrow(try kind.decode(EncodedSummary(name: kind.name, version: kind.version, bytes: Array(replaced.utf8)), package: "strings"))

        let again = try runScan(fx.request())
        XCTAssertEqual(try XCTUnwrap(again.summaryCache).rejected, 0)
    }
}

import XCTest
@testable import PassKit

/// The summary cache's key and its handling of what a store holds: the content hash changes
/// with every input the summaries depend on and with nothing else, a stored summary is read
/// by its key, and one that does not decode is never used.
final class SummaryCacheTests: XCTestCase {
    static let tags = LeakTagSummary(functions: ["F": [Array("esc:\u{1}".utf8)], "(*T).M": [[], Array("esc:".utf8)]])

    func cache(salt: String = "s", _ rows: [CachedSummary] = []) -> SummaryCache {
        SummaryCache(salt: salt) { .success(rows) }
    }

    func testTheContentHashFollowsEveryFileEveryDependencyAndTheSalt() {
        let c = cache()
        let files: [(name: String, bytes: [UInt8])] = [("a.go", Array("package p\n".utf8)), ("b.go", Array("package p // b\n".utf8))]
        let base = c.contentHash(package: "p", files: files, dependencies: ["d1", "d2"])
        XCTAssertEqual(base.count, 64)
        XCTAssertEqual(c.contentHash(package: "p", files: files.reversed(), dependencies: ["d2", "d1"]), base,
                       "order of files and dependencies does not matter")
        var edited = files
        edited[1].bytes[edited[1].bytes.count - 2] = UInt8(ascii: "c")
        XCTAssertNotEqual(c.contentHash(package: "p", files: edited, dependencies: ["d1", "d2"]), base, "one byte of one file")
        XCTAssertNotEqual(c.contentHash(package: "p", files: [files[0], (name: "c.go", bytes: files[1].bytes)], dependencies: ["d1", "d2"]), base,
                          "a renamed file")
        XCTAssertNotEqual(c.contentHash(package: "p", files: files, dependencies: ["d1", "d3"]), base, "a dependency's hash")
        XCTAssertNotEqual(c.contentHash(package: "p", files: files, dependencies: ["d1"]), base, "a dependency dropped")
        XCTAssertNotEqual(c.contentHash(package: "q", files: files, dependencies: ["d1", "d2"]), base, "another import path")
        XCTAssertNotEqual(cache(salt: "other build").contentHash(package: "p", files: files, dependencies: ["d1", "d2"]), base,
                          "another heapsight build or target")
    }

    func testAStoredSummaryIsReadByItsKeyAndAComputedOneIsWrittenOnce() throws {
        let encoded = try LeakTagSummary.kind.encode(Self.tags)
        let c = cache([CachedSummary(package: "p", contentHash: "h1", summary: encoded)])
        XCTAssertEqual(c.summary(LeakTagSummary.kind, package: "p", contentHash: "h1"), Self.tags)
        XCTAssertNil(c.summary(LeakTagSummary.kind, package: "p", contentHash: "h2"), "another content hash is another package state")
        XCTAssertNil(c.summary(SummaryKind<LeakTagSummary>(name: LeakTagSummary.kind.name, version: 2), package: "p", contentHash: "h1"),
                     "a summary of another version is not this kind's")
        c.record(encoded, package: "p", contentHash: "h1")
        XCTAssertEqual(c.newSummaries, [], "the store has it already")
        c.record(encoded, package: "p", contentHash: "h2")
        c.record(encoded, package: "p", contentHash: "h2")
        XCTAssertEqual(c.newSummaries, [CachedSummary(package: "p", contentHash: "h2", summary: encoded)])
        XCTAssertEqual(c.statistics, SummaryCache.Statistics(hits: 1, misses: 2, rejected: 0, computed: 1, analysed: 3))
    }

    func testAnUnreadableSummaryIsRejectedAndReplacedNeverRead() throws {
        let corrupt = EncodedSummary(name: LeakTagSummary.kind.name, version: LeakTagSummary.kind.version, bytes: Array("{\"functions\":".utf8))
        let c = cache([CachedSummary(package: "p", contentHash: "h1", summary: corrupt)])
        XCTAssertNil(c.summary(LeakTagSummary.kind, package: "p", contentHash: "h1"))
        XCTAssertEqual(c.statistics.rejected, 1)
        XCTAssertEqual(c.rejections.count, 1)
        XCTAssertTrue(c.rejections[0].contains("escape.leak-tags of package p cannot be read"), c.rejections[0])
        let fresh = try LeakTagSummary.kind.encode(Self.tags)
        c.record(fresh, package: "p", contentHash: "h1")
        XCTAssertEqual(c.newSummaries.map(\.summary), [fresh], "the analysed summary replaces the unreadable row")
    }

    func testAStoreThatCannotBeReadMeansAnalysingEverythingAndSaysSo() {
        struct Broken: Error {}
        let c = SummaryCache(salt: "s") { .failure(Broken()) }
        XCTAssertNil(c.summary(LeakTagSummary.kind, package: "p", contentHash: "h1"))
        XCTAssertEqual(c.rejections.count, 1)
        XCTAssertTrue(c.rejections[0].contains("every package is analysed"), c.rejections[0])
    }

    func testLeakTagSummariesEncodeDeterministically() throws {
        let a = try LeakTagSummary.kind.encode(Self.tags)
        let b = try LeakTagSummary.kind.encode(LeakTagSummary(functions: Dictionary(uniqueKeysWithValues: Self.tags.functions.reversed())))
        XCTAssertEqual(a, b)
        XCTAssertEqual(try LeakTagSummary.kind.decode(a, package: "p"), Self.tags)
    }
}

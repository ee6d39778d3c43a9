import PassKit
import XCTest

/// Byte order of text as SQL and `JSONEncoder`'s sorted keys have it, against the order of the
/// strings' UTF-8 bytes compared one by one.
final class UTF8OrderTests: XCTestCase {
    func testAgreesWithTheBytesOrderOnShortLongAndNonASCIIText() {
        let words = ["", "a", "A", "ab", "a\u{0}", "Z", "é", "e\u{301}", "日本", "日本語", "ß", "\u{10FFFF}",
                     "(*T).M", "T.M", "p.F.func1", "p.F.func10", "p.F.func2",
                     String(repeating: "x", count: 15), String(repeating: "x", count: 16),
                     String(repeating: "x", count: 40) + "a", String(repeating: "x", count: 40) + "b",
                     "bridge/" + String(repeating: "é", count: 20)]
        for a in words {
            for b in words {
                XCTAssertEqual(UTF8Order.precedes(a, b), Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)), "\(a) < \(b)")
            }
        }
    }

    /// Entries come out in key order with their own values, whatever the table's order.
    func testSortedEntriesKeepEachKeysValue() {
        var d: [String: [Int]] = [:]
        for i in 0..<500 { d["k\(i * 7919 % 500)" + String(repeating: "é", count: i % 3)] = [i] }
        let entries = DirectJSON.sortedEntries(d)
        XCTAssertEqual(entries.map(\.key), d.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for e in entries { XCTAssertEqual(e.value, d[e.key]) }
    }

    /// Each key comes with the index of its own entry, in byte order.
    func testSortedIndicesPointAtTheirOwnEntries() {
        var d: [String: Int] = [:]
        for i in 0..<300 { d["f\(i * 131 % 300)" + (i % 4 == 0 ? "日" : "")] = i }
        let order = UTF8Order.sortedIndices(of: d)
        XCTAssertEqual(order.count, d.count)
        XCTAssertEqual(order.map(\.key), d.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for (key, index) in order {
            XCTAssertEqual(d[index].key, key)
            XCTAssertEqual(d[index].value, d[key])
        }
    }
}

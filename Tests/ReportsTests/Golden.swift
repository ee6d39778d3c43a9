import Foundation
import TestSupport
import XCTest

/// Golden-file comparison; `HEAPSIGHT_UPDATE_GOLDEN=1` re-records the files.
enum Golden {
    static let dir = TestSupport.repoRoot.appendingPathComponent("Tests/ReportsTests/Golden")

    static func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = dir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HEAPSIGHT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("golden file \(name) is missing; record it with HEAPSIGHT_UPDATE_GOLDEN=1", file: file, line: line)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let i = Array(zip(e, a)).firstIndex { $0.0 != $0.1 } ?? min(e.count, a.count)
            XCTFail("\(name) differs from its golden file at line \(i + 1):\n  golden: \(i < e.count ? String(e[i]) : "<end>")\n  actual: \(i < a.count ? String(a[i]) : "<end>")\nre-record with HEAPSIGHT_UPDATE_GOLDEN=1 after reviewing", file: file, line: line)
        }
    }
}

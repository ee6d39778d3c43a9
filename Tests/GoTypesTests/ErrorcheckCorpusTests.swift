import Foundation
import XCTest
import GoSyntax
import GoTypes
import TestSupport

/// Go's own type-error tests (`$GO_TEST/*.go` with a bare `// errorcheck` header, from
/// Debian's golang-1.19-src): every line with an `// ERROR` comment must get a type error and
/// no other line may. Reports the share of files matched exactly and of ERROR lines hit;
/// files with syntax errors (the parser's business) are left out. The floor below is the
/// measured share minus a margin, so a regression fails (measured: 58 of 67 files exact, 989 of
/// 1,022 ERROR lines hit, 5 spurious lines; go/types 1.27.3 itself hits 990 of them, the rest
/// being compiler-only checks, see docs/gotypes.md).
final class ErrorcheckCorpusTests: XCTestCase {
    static let corpus = "/usr/share/go-1.19/test"

    func testErrorcheckShare() throws {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: ErrorcheckCorpusTests.corpus) else {
            throw XCTSkip("Go's test corpus is not installed (apt-get install golang-1.19-src)")
        }
        let go = TestSupport.goToolchain
        var files = 0, exact = 0, expectedLines = 0, hitLines = 0, spurious = 0
        var report = ""
        for name in names.sorted() where name.hasSuffix(".go") {
            let path = ErrorcheckCorpusTests.corpus + "/" + name
            guard let data = fm.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.hasPrefix("// errorcheck\n") else { continue }
            let parsed = parseFile(path: path, bytes: bytes)
            if parsed.hasErrors { continue }
            var want = Set<Int>()
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains("// ERROR") || line.contains("/* ERROR") { want.insert(i + 1) }
            if want.isEmpty { continue }
            files += 1
            let got: Set<Int> = TypecheckRun.onLargeStack {
                let session = TypecheckSession(locator: PackageLocator(goroot: go.goroot))
                let importPath = "errorcheck/" + name
                session.modulePackages[importPath] = PackageSource(path: importPath, directory: ErrorcheckCorpusTests.corpus, files: [parsed])
                return Set(session.check(importPath)?.diagnostics.filter { $0.file == path }.map { $0.line } ?? [])
            }
            expectedLines += want.count
            hitLines += want.intersection(got).count
            spurious += got.subtracting(want).count
            if got == want { exact += 1 } else {
                report += "  \(name): missed \(want.subtracting(got).sorted()) spurious \(got.subtracting(want).sorted())\n"
            }
        }
        let fileShare = files == 0 ? 0 : 100.0 * Double(exact) / Double(files)
        let lineShare = expectedLines == 0 ? 0 : 100.0 * Double(hitLines) / Double(expectedLines)
        print(String(format: "errorcheck corpus: %d/%d files exact (%.1f%%), %d/%d ERROR lines hit (%.1f%%), %d spurious error lines",
                     exact, files, fileShare, hitLines, expectedLines, lineShare, spurious))
        if ProcessInfo.processInfo.environment["HEAPSIGHT_TYPES_ERRORCHECK_DETAIL"] != nil { print(report) }
        XCTAssertGreaterThan(files, 30, "corpus looks incomplete")
        XCTAssertGreaterThanOrEqual(lineShare, ErrorcheckCorpusTests.lineFloor)
    }

    /// Measured share of ERROR lines hit, minus a margin.
    static let lineFloor = 95.0
}

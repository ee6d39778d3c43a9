import Foundation
import GoSyntax
import TestSupport
import XCTest
@testable import GoLoader

/// The loader decides which files take part in a build from their headers alone, the way
/// `go/build` reads only imports, so excluded files are never fully parsed. That header reader
/// must agree with the full parser (GoSyntax) on every file: package name, import paths in
/// order, and the `//go:build` expression.
final class FileHeaderParserAgreementTests: XCTestCase {
    func testHeaderReaderAgreesWithGoSyntaxOnTheStandardLibrary() throws {
        let src = TestSupport.goToolchain.goroot + "/src"
        guard let walker = FileManager.default.enumerator(atPath: src) else { return XCTFail("cannot list \(src)") }
        var checked = 0
        var disagreements: [String] = []
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".go"), !rel.contains("testdata/") else { continue }
            guard let data = FileManager.default.contents(atPath: src + "/" + rel) else { continue }
            let bytes = [UInt8](data)
            let parsed = parseFile(path: rel, bytes: bytes)
            if parsed.hasErrors { continue }
            let header = FileHeader.read(bytes)
            checked += 1
            if header.packageName != parsed.packageName {
                disagreements.append("\(rel): package \(header.packageName ?? "nil") vs \(parsed.packageName)")
            }
            if header.imports.map(\.path) != parsed.imports.map(\.path) {
                disagreements.append("\(rel): imports \(header.imports.map(\.path)) vs \(parsed.imports.map(\.path))")
            }
            if header.buildExpression != parsed.buildConstraint {
                disagreements.append("\(rel): //go:build \(header.buildExpression ?? "nil") vs \(parsed.buildConstraint ?? "nil")")
            }
        }
        XCTAssertGreaterThan(checked, 5000)
        XCTAssertEqual(disagreements, [], disagreements.prefix(20).joined(separator: "\n"))
    }
}

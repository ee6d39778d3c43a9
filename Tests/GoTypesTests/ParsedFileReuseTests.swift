import Foundation
import XCTest
import GoLoader
import GoSyntax
import GoTypes
import TestSupport

/// The type checker takes trees parsed elsewhere in the run (`ParsedFileCache`) instead of
/// parsing GOROOT's files, and a scanned module's, again; what it checks is the same.
final class ParsedFileReuseTests: XCTestCase {
    /// `strconv` and everything it imports, checked from trees parsed under relative names (as
    /// the driver names a scan's files) and relocated: every file is taken, none parsed again,
    /// and the checked package dumps as when the session parses for itself.
    func testGorootPackagesAreCheckedFromOfferedTreesWithTheSameResult() throws {
        let goroot = TestSupport.goToolchain.goroot
        let plain = TypecheckSession(locator: PackageLocator(goroot: goroot))
        let want = try XCTUnwrap(plain.check("strconv")?.checker)

        let cache = ParsedFileCache()
        var offered = 0
        for path in plain.order {
            let dir = try XCTUnwrap(plain.locator.directory(for: path))
            for f in PackageSource.selectedFiles(directory: dir, config: plain.locator.config) {
                cache.offer(parseFile(path: path + "/" + (f.path as NSString).lastPathComponent, bytes: f.bytes), as: f.path)
                offered += 1
            }
        }
        let reusing = TypecheckSession(locator: PackageLocator(goroot: goroot))
        reusing.parsedFiles = cache
        let got = try XCTUnwrap(reusing.check("strconv")?.checker)
        XCTAssertEqual(reusing.order, plain.order)
        XCTAssertGreaterThan(offered, 20)
        XCTAssertEqual(cache.reused, offered, "every file of the import cone is taken from the cache")
        XCTAssertEqual(TypesDump.render(got), TypesDump.render(want))
        XCTAssertTrue(got.files.allSatisfy { $0.path.hasPrefix(goroot) }, "files carry the checker's absolute names")
    }

    /// A tree offered for other bytes than the file holds now is not taken.
    func testATreeOfOtherBytesIsNotTaken() throws {
        let goroot = TestSupport.goToolchain.goroot
        let locator = PackageLocator(goroot: goroot)
        let dir = try XCTUnwrap(locator.directory(for: "unicode/utf8"))
        let cache = ParsedFileCache()
        for f in PackageSource.selectedFiles(directory: dir, config: locator.config) {
            cache.offer(parseFile(path: "x.go", bytes: f.bytes + Array("\n// edited\n".utf8)), as: f.path)
        }
        let source = try XCTUnwrap(locator.load("unicode/utf8", parsed: cache))
        XCTAssertEqual(cache.reused, 0)
        XCTAssertFalse(source.files.isEmpty)
    }

    /// A scanned module's package given unparsed is parsed when first checked, from the
    /// offered tree when there is one, and checks like the same package given parsed.
    func testAnUnparsedModulePackageIsParsedOnFirstCheck() throws {
        let goroot = TestSupport.goToolchain.goroot
        let text = Array("package m\n\nimport \"strings\"\n\nfunc F(s string) bool { return strings.HasPrefix(s, \"x\") }\n".utf8)
        let parsedSession = TypecheckSession(locator: PackageLocator(goroot: goroot))
        parsedSession.modulePackages["example.com/m"] = PackageSource(path: "example.com/m", directory: "m",
                                                                      files: [parseFile(path: "m/m.go", bytes: text)])
        let want = try XCTUnwrap(parsedSession.check("example.com/m")?.checker)

        let cache = ParsedFileCache()
        cache.offer(parseFile(path: "m/m.go", bytes: text), as: "m/m.go")
        let lazy = TypecheckSession(locator: PackageLocator(goroot: goroot))
        lazy.parsedFiles = cache
        lazy.unparsedModulePackages["example.com/m"] = UnparsedPackage(path: "example.com/m", directory: "m",
                                                                       files: [(path: "m/m.go", bytes: text)])
        let got = try XCTUnwrap(lazy.check("example.com/m")?.checker)
        XCTAssertEqual(cache.reused, 1)
        XCTAssertNil(lazy.unparsedModulePackages["example.com/m"])
        XCTAssertEqual(lazy.modulePackages["example.com/m"]?.files.map(\.path), ["m/m.go"])
        XCTAssertEqual(TypesDump.render(got), TypesDump.render(want))
        XCTAssertEqual(got.diagnostics.count, 0)
    }
}

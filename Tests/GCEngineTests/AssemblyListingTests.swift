import Foundation
import XCTest
@testable import GCEngine
import TestSupport

/// The `-S` listing reader against a real listing of the compiler.
final class AssemblyListingTests: XCTestCase {
    /// A package of the FIPS 140 module lists its functions as `STEXTFIPS`, and may list no
    /// plain `STEXT` function at all: its allocator calls are read all the same. The package is
    /// recompiled alone (its own `-gcflags` change its build action; the dependencies stay cached).
    func testFIPSModuleFunctionsAreListings() throws {
        let go = TestSupport.goToolchain
        let package = "crypto/internal/fips140/sha256"
        let build = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=\(package)=-S", package],
                                        environment: go.environment())
        XCTAssertEqual(build.status, 0, build.err)
        let text = build.err + build.out
        let headers = text.split(separator: "\n").filter { !$0.hasPrefix("\t") && $0.contains(" STEXT") }
        XCTAssertFalse(headers.isEmpty, "the listing has function headers")
        XCTAssertTrue(headers.allSatisfy { $0.contains(" STEXTFIPS ") }, "every function of the package is a FIPS function")

        var listing = AssemblyListing(paths: FactPathMapper(root: go.goroot + "/src", goroot: go.goroot), base: go.goroot + "/src")
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            Array(line.utf8).withUnsafeBufferPointer { b in
                if line.hasPrefix("\t") { listing.instruction(b) } else { listing.header(b) }
            }
        }
        XCTAssertTrue(listing.present, "a listing of STEXTFIPS functions is a listing")
        // `(*Digest).AppendBinary` grows its result with `append` (sha256.go).
        let grows = listing.calls.filter { $0.symbol == "\(package).(*Digest).AppendBinary" && $0.runtimeFunction == "growslice" }
        XCTAssertGreaterThan(grows.count, 0, "the growslice calls of AppendBinary: \(listing.calls.prefix(5))")
    }

    /// A method value builds its `{F, R}` record from the address of its wrapper (`LEAQ
    /// T.M-fm(SB)`), on the stack as in the heap; a field boxed into an interface references no
    /// wrapper. The reader records the wrapper's address as a record-building instruction of
    /// the method value's line, and nothing for the boxed field.
    func testMethodValueRecordsAreRead() throws {
        let go = TestSupport.goToolchain
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-fm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "module example.com/fm\n\ngo 1.27\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        let source = """
        package fm

        type T struct{ n int }

        func (t *T) Get() int { return t.n }

        //go:noinline
        func call(f func() int) int { return f() }

        //go:noinline
        func show(v any) bool { return v != nil }

        func MethodValue(t *T) int {
        \treturn call(t.Get)
        }

        func Field(t *T) bool {
        \treturn show(t.n)
        }

        """
        try source.write(to: dir.appendingPathComponent("fm.go"), atomically: true, encoding: .utf8)
        let build = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-S", "."], cwd: dir,
                                        environment: go.environment())
        XCTAssertEqual(build.status, 0, build.err)
        let root = dir.resolvingSymlinksInPath().path
        var listing = AssemblyListing(paths: FactPathMapper(root: root, goroot: go.goroot), base: root)
        for line in (build.err + build.out).split(separator: "\n", omittingEmptySubsequences: true) {
            Array(line.utf8).withUnsafeBufferPointer { b in
                if line.hasPrefix("\t") { listing.instruction(b) } else { listing.header(b) }
            }
        }
        let records = listing.calls.filter(\.buildsMethodValue)
        XCTAssertEqual(records.map { "\($0.symbol) \($0.file):\($0.line) \($0.runtimeFunction)" },
                       ["example.com/fm.MethodValue fm.go:14 example.com/fm.(*T).Get-fm"])
        XCTAssertTrue(records.allSatisfy { AllocatorCall.kind(ofRuntimeFunction: $0.runtimeFunction) == nil },
                      "a record-building instruction is no allocator call")
    }
}

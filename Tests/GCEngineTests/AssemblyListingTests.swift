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

    /// The front end compiles a wrapper `T.M-fm` for every method value the package writes,
    /// and none for a field read: `t.M` passed as a function lists `M`, `t.F` boxed into an
    /// interface lists nothing (the allocations pass tells a boxed field from a method value by it).
    func testMethodValueWrappersAreListed() throws {
        let go = TestSupport.goToolchain
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-fm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "module example.com/fm\n\ngo 1.22\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try """
        package fm

        type T struct{ F int }

        func (t T) M() int { return t.F }

        //go:noinline
        func use(f func() int) int { return f() }

        //go:noinline
        func sink(x any) {}

        func A(t T) int { return use(t.M) }

        func B(t *T) { sink(t.F) }
        """.write(to: dir.appendingPathComponent("fm.go"), atomically: true, encoding: .utf8)
        let build = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-S", "."], cwd: dir,
                                        environment: go.environment())
        XCTAssertEqual(build.status, 0, build.err)
        var listing = AssemblyListing(paths: FactPathMapper(root: dir.path, goroot: go.goroot), base: dir.path)
        for line in (build.err + build.out).split(separator: "\n", omittingEmptySubsequences: true) {
            Array(line.utf8).withUnsafeBufferPointer { b in
                if line.hasPrefix("\t") { listing.instruction(b) } else { listing.header(b) }
            }
        }
        XCTAssertTrue(listing.present)
        XCTAssertEqual(listing.methodValueWrappers, ["M"])
        XCTAssertEqual(AssemblyListing.methodValueWrapperMethod("runtime.(*itabTableType).add-fm"), "add")
        XCTAssertNil(AssemblyListing.methodValueWrapperMethod("example.com/fm.A"))
    }
}

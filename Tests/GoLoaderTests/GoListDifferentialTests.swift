import Foundation
import TestSupport
import XCTest
@testable import GoLoader

/// Compares the loader with `go list` (the oracle) on the standard library: the same packages,
/// the same files per package, and dependencies before importers.
final class GoListDifferentialTests: XCTestCase {
    func testStandardLibraryMatchesGoList() throws {
        let go = TestSupport.goToolchain
        let src = go.goroot + "/src"
        let listed = try TestSupport.run(go.go, ["list", "-e", "-f", "{{.ImportPath}}\t{{join .GoFiles \" \"}}", "std"],
                                         cwd: URL(fileURLWithPath: src),
                                         environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
        XCTAssertEqual(listed.status, 0, listed.err)
        var expected: [String: [String]] = [:]
        for line in listed.out.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            let files = parts.count > 1 ? parts[1].split(separator: " ").map(String.init).sorted() : []
            if !files.isEmpty { expected[String(parts[0])] = files }
        }
        let ctx = BuildContext(goos: "linux", goarch: "amd64", cgoEnabled: false, releaseMinor: 27)
        let result = try PackageLoader(context: ctx).load(roots: [src])
        var actual: [String: [String]] = [:]
        for p in result.packages where !p.importPath.hasPrefix("cmd") && p.module?.path == "std" {
            actual[p.importPath] = p.files.map { ($0.path as NSString).lastPathComponent }.sorted()
        }
        var disagreements: [String] = []
        // Known difference, by design: heapsight skips vendor/ directories as `go list ./...`
        // does, so the standard library's vendored packages are not loaded.
        for (path, files) in expected.sorted(by: { $0.key < $1.key }) where actual[path] != files && !path.hasPrefix("vendor/") {
            disagreements.append("\(path): go list \(files), heapsight \(actual[path] ?? [])")
        }
        // `std` leaves out packages that are not buildable as they stand (builtin, runtime/cgo
        // without cgo); ask go list about those one by one.
        let extra = actual.keys.sorted().filter { expected[$0] == nil }
        if !extra.isEmpty {
            let more = try TestSupport.run(go.go, ["list", "-e", "-f", "{{.ImportPath}}\t{{join .GoFiles \" \"}}"] + extra,
                                           cwd: URL(fileURLWithPath: src),
                                           environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
            for line in more.out.split(separator: "\n") {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                let files = parts.count > 1 ? parts[1].split(separator: " ").map(String.init).sorted() : []
                if actual[String(parts[0])] != files {
                    disagreements.append("\(parts[0]): go list \(files), heapsight \(actual[String(parts[0])] ?? [])")
                }
            }
        }
        XCTAssertGreaterThan(expected.count, 150)
        XCTAssertEqual(disagreements, [], disagreements.joined(separator: "\n"))

        // Bottom-up: every in-set import comes earlier.
        var seen: Set<String> = []
        let inSet = Set(result.packages.map(\.importPath))
        for p in result.packages {
            for i in p.imports where inSet.contains(i) && i != p.importPath {
                XCTAssertTrue(seen.contains(i), "\(p.importPath) before its import \(i)")
            }
            seen.insert(p.importPath)
        }
    }
}

import Foundation
import XCTest
import GoSyntax
import GoTypes
import TestSupport

/// Inputs the fuzz targets (`Fuzz/`, `docs/fuzzing.md`) found, checked here on every run: each
/// must finish, and give the errors go/types gives (the `typesdump` oracle). The check runs on
/// a thread of its own with a deadline, so that a regression fails the test instead of hanging
/// the suite.
final class FuzzFindingTests: XCTestCase {
    /// Found by the `typecheck` target on its first seed run, from GOROOT's
    /// `internal/types/testdata/fixedbugs/issue71284.go`: an alias declared in terms of itself,
    /// used by another declaration, made the checker loop forever.
    static let aliasCycles = """
    package aliascycles

    type (
    \t_ = A
    \tA = A
    )

    type _ = B
    type B = C
    type C = B
    """

    /// The `file:line:col: message` errors of checking `source`, or nil when the check did not
    /// end within `seconds`.
    private func check(_ source: String, name: String, dir: String, seconds: Double) -> Set<String>? {
        let path = dir + "/" + name + ".go"
        let parsed = parseFile(path: path, bytes: Array(source.utf8))
        let goroot = TestSupport.goToolchain.goroot
        nonisolated(unsafe) var result: Set<String>?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let session = TypecheckSession(locator: PackageLocator(goroot: goroot))
            let importPath = "example.com/" + name
            session.modulePackages[importPath] = PackageSource(path: importPath, directory: dir, files: [parsed])
            result = Set(session.check(importPath)?.diagnostics.map { d in
                "\(name).go:\(d.line):\(d.column): " + (d.message.split(separator: "\n").first.map(String.init) ?? "")
            } ?? [])
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        return done.wait(timeout: .now() + seconds) == .success ? result : nil
    }

    func testAliasCyclesEndWithTheErrorsOfGoTypes() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("heapsight-fuzz-findings-\(getpid())")
        try? fm.removeItem(at: root)
        let dir = root.appendingPathComponent("aliascycles")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        try "module example.com\n\ngo 1.27\n".write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try Self.aliasCycles.write(to: dir.appendingPathComponent("aliascycles.go"), atomically: true, encoding: .utf8)

        let go = TestSupport.goToolchain
        let r = try TestSupport.run(try go.buildOracle("typesdump"), [dir.path],
                                    environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
        let want = Set(r.out.split(separator: "\n").filter { $0.hasPrefix("error ") && !$0.contains(": \t") }
            .map { String($0.dropFirst(6)) })
        XCTAssertFalse(want.isEmpty, r.out)

        let got = try XCTUnwrap(check(Self.aliasCycles, name: "aliascycles", dir: dir.path, seconds: 60),
                                "the check of a self-referential alias did not end")
        XCTAssertEqual(got.subtracting(want).sorted(), [], "errors go/types does not report")
        XCTAssertEqual(want.subtracting(got).sorted(), [], "errors of go/types we miss")
    }
}

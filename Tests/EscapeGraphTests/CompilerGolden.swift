import Foundation
import XCTest
import TestSupport

/// The compiler's `-m=2` output for a one-file Go package, recorded under `Golden/NAME.txt`.
///
/// `HEAPSIGHT_UPDATE_GOLDEN=1` re-records the file from the real compiler. Otherwise the file
/// is read, and when a Go toolchain is on PATH the compiler is run again and must agree with
/// the file, so a stale golden is caught rather than trusted.
enum CompilerGolden {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// The flags every case is compiled with: `-m=2` explanations, inlining off so the graph
    /// the tests build by hand is the graph the compiler builds.
    static let baseFlags = "-m=2 -l"

    /// The golden lines of a case (the compiler's stderr without the `# t` header).
    static func lines(_ name: String, source: String, flags: String = baseFlags,
                      assembly: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let url = goldenDirectory.appendingPathComponent("\(name).txt")
        let update = ProcessInfo.processInfo.environment["HEAPSIGHT_UPDATE_GOLDEN"] == "1"
        if update {
            let fresh = try compile(source: source, flags: flags, assembly: assembly)
            try (fresh.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
            return fresh
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden \(url.lastPathComponent): record it with HEAPSIGHT_UPDATE_GOLDEN=1", file: file, line: line)
            return []
        }
        let golden = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        if TestSupport.which("go") != nil {
            let fresh = try compile(source: source, flags: flags, assembly: assembly)
            XCTAssertEqual(fresh, golden, "golden \(name).txt is stale: the compiler now prints something else; re-record with HEAPSIGHT_UPDATE_GOLDEN=1",
                           file: file, line: line)
        }
        return golden
    }

    /// Builds the source as package `t` in a scratch module and returns the compiler's lines.
    static func compile(source: String, flags: String, assembly: Bool) throws -> [String] {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("escapegraph-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        try "module t\n\ngo 1.27\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try source.write(to: dir.appendingPathComponent("a.go"), atomically: true, encoding: .utf8)
        if assembly {
            // Bodyless declarations need an assembly file in the package.
            try "".write(to: dir.appendingPathComponent("a.s"), atomically: true, encoding: .utf8)
        }
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-gcflags=\(flags)", "."], cwd: dir,
                                    environment: go.environment())
        guard r.status == 0 else {
            throw NSError(domain: "CompilerGolden", code: Int(r.status),
                          userInfo: [NSLocalizedDescriptionKey: "go build failed:\n\(r.err)"])
        }
        return r.err.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("# ") }
    }
}

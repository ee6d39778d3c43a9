import Foundation
import GCEngine
import PassKit
import TestSupport

/// Compiles the fixture modules once per test process (the compiler is the slow part).
enum FixtureRuns {
    static let fixturesRoot = TestSupport.repoRoot.appendingPathComponent("Tests/GCEngineTests/Fixtures")

    /// The `escapes` fixture module and its packages.
    static let escapesRoot = fixturesRoot.appendingPathComponent("escapes").path
    static let escapesPackages = [
        PackageInput(importPath: "example.com/escapes", name: "escapes", directory: "", files: []),
        PackageInput(importPath: "example.com/escapes/lib", name: "lib", directory: "lib", files: []),
    ]

    /// The engine's compilation of the `escapes` fixture.
    static let escapes: GCCompilation = GCEngine.compile(
        root: escapesRoot, packages: escapesPackages, configuration: configuration())

    /// A configuration that uses the test toolchain.
    static func configuration(assembly: Bool = false) -> GCConfiguration {
        GCConfiguration(goCommand: TestSupport.goToolchain.go,
                        environment: TestSupport.goToolchain.environment(), assembly: assembly)
    }

    /// The raw `go build -gcflags=-m=2` text of a module, run directly (not through the engine).
    static func rawCompilerText(moduleRoot: String) throws -> String {
        let go = TestSupport.goToolchain
        let r = try TestSupport.run(go.go, ["build", "-o", "/dev/null", "-gcflags=-m=2", "./..."],
                                    cwd: URL(fileURLWithPath: moduleRoot), environment: go.environment())
        guard r.status == 0 else { throw NSError(domain: "FixtureRuns", code: 1, userInfo: [NSLocalizedDescriptionKey: r.err]) }
        return r.err
    }

    /// Writes a throw-away module and returns its root.
    static func scratchModule(_ files: [String: String], module: String = "example.com/scratch") throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("heapsight-gc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "module \(module)\n\ngo 1.27\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    /// The 1-based line and byte column of the first occurrence of `needle` in a file's text,
    /// plus `offset` bytes.
    static func position(of needle: String, in text: String, offset: Int = 0) -> (line: Int, column: Int)? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.range(of: needle) {
                return (i + 1, line.utf8.distance(from: line.startIndex, to: r.lowerBound) + 1 + offset)
            }
        }
        return nil
    }
}

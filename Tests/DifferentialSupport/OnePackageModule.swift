import Foundation
import PassKit
import TestSupport
import XCTest

/// A fixture module of one package (`w/p`, one file) compiled by the Go compiler with `-m=2`
/// and analysed by the native engine, for the differentials that compare what both print for
/// a small, purpose-written package.
public enum OnePackageModule {
    /// The compiler's and the native engine's facts for `source`, the package's only file.
    /// Fails the calling test when the compiler rejects the fixture or the native engine cannot
    /// type-check it.
    public static func facts(_ source: String, name: String, file: StaticString = #filePath,
                             line: UInt = #line) throws -> (compiler: [Fact], native: [Fact]) {
        let root = NSTemporaryDirectory() + "heapsight-\(name)-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
        try "module w\n\ngo 1.27\n".write(toFile: root + "/go.mod", atomically: true, encoding: .utf8)
        try source.write(toFile: root + "/p/p.go", atomically: true, encoding: .utf8)
        let corpus = CompilerOracle.Corpus(name: name, directory: root, patterns: ["./..."],
                                           flags: ["-gcflags=-m=2"], environment: [:], exportOnly: true)
        let compiler = try CompilerOracle.load(corpus, root: root)
        XCTAssertEqual(compiler.failed, [], file: file, line: line)
        let packages = ["w/p"]
        let sources = GoTestCorpus(root: root, packages: packages, unloadable: 0)
        let native = NativeCorpusRun.run(packages: packages, goroot: TestSupport.goToolchain.goroot, root: root,
                                         modulePackages: sources.sources(packages, prefix: "w/"),
                                         dependencies: sources.dependencies)
        XCTAssertEqual(native.untyped, [:], file: file, line: line)
        return (compiler.factsByPackage["w/p"] ?? [], native.factsByPackage["w/p"] ?? [])
    }
}

import DifferentialSupport
import Foundation
import PassKit
import TestSupport
import XCTest

/// Functions the compiler makes and names itself: `go`/`defer` wrappers (`Run.deferwrap1`,
/// `Run.gowrap2`), `func init()` declarations (`init.0`, `init.1`) and the literals of
/// package-level initializers (`init.func1`). The native verdicts must be the compiler's,
/// name, position, cost and reason.
final class NativeWrapperNamingTests: XCTestCase {
    func testWrappersInitFunctionsAndPackageLevelLiterals() throws {
        let root = NSTemporaryDirectory() + "heapsight-wrappers-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
        try "module w\n\ngo 1.27\n".write(toFile: root + "/go.mod", atomically: true, encoding: .utf8)
        try """
        package p

        import "sync"

        var mu sync.Mutex

        var hook = func(x int) int { return x + 1 }

        var table = map[string]func() int{"a": func() int { return 1 }}

        func init() { hook = func(x int) int { return x * 2 } }

        func init() { _ = table }

        func work(n int) {}

        func Run(n int) {
        \tmu.Lock()
        \tdefer mu.Unlock()
        \tgo work(n)
        \tdefer func() { work(n) }()
        }
        """.write(toFile: root + "/p/p.go", atomically: true, encoding: .utf8)
        let corpus = CompilerOracle.Corpus(name: "wrappers", directory: root, patterns: ["./..."], flags: ["-gcflags=-m=2"],
                                           environment: [:], exportOnly: true)
        let compiler = try CompilerOracle.load(corpus, root: root)
        XCTAssertEqual(compiler.failed, [])
        let packages = ["w/p"]
        let sources = GoTestCorpus(root: root, packages: packages, unloadable: 0)
        let native = NativeCorpusRun.run(packages: packages, goroot: TestSupport.goToolchain.goroot, root: root,
                                         modulePackages: packages.compactMap { p in
                                             sources.sources([p], prefix: "w/").first
                                         }, dependencies: sources.dependencies)
        let d = try CorpusDifferential(name: "wrappers", packages: packages, compiler: compiler.factsByPackage, native: native)
        print(d.report)
        let names = Set((compiler.factsByPackage["w/p"] ?? []).filter { $0.kind == .canInline || $0.kind == .cannotInline }.map(\.subject))
        for expected in ["Run.deferwrap1", "Run.gowrap2", "init.0", "init.1", "init.0.func1", "init.func1", "init.func2"] {
            XCTAssertTrue(names.contains(expected), "the compiler no longer prints \(expected): \(names.sorted())")
        }
        let verdictDisagreements = d.disagreements.filter { $0.key.kind == .canInline || $0.key.kind == .cannotInline }
        XCTAssertEqual(verdictDisagreements.map { "\($0.side.rawValue): \($0.key.tsvLine)" }, [])
    }
}

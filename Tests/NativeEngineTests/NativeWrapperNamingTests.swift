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
    /// One package `w/p` holding `source`, compiled with `-m=2` and run through the native
    /// engine: the differential and the compiler's facts.
    static func differential(name: String, source: String) throws -> (CorpusDifferential, [Fact]) {
        let root = NSTemporaryDirectory() + "heapsight-\(name)-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/p", withIntermediateDirectories: true)
        try "module w\n\ngo 1.27\n".write(toFile: root + "/go.mod", atomically: true, encoding: .utf8)
        try source.write(toFile: root + "/p/p.go", atomically: true, encoding: .utf8)
        let corpus = CompilerOracle.Corpus(name: name, directory: root, patterns: ["./..."], flags: ["-gcflags=-m=2"],
                                           environment: [:], exportOnly: true)
        let compiler = try CompilerOracle.load(corpus, root: root)
        XCTAssertEqual(compiler.failed, [])
        let packages = ["w/p"]
        let sources = GoTestCorpus(root: root, packages: packages, unloadable: 0)
        let native = NativeCorpusRun.run(packages: packages, goroot: TestSupport.goToolchain.goroot, root: root,
                                         modulePackages: packages.compactMap { p in
                                             sources.sources([p], prefix: "w/").first
                                         }, dependencies: sources.dependencies)
        let d = try CorpusDifferential(name: name, packages: packages, compiler: compiler.factsByPackage, native: native)
        return (d, compiler.factsByPackage["w/p"] ?? [])
    }

    func testWrappersInitFunctionsAndPackageLevelLiterals() throws {
        let (d, compiler) = try Self.differential(name: "wrappers", source: """
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
        """)
        print(d.report)
        let names = Set(compiler.filter { $0.kind == .canInline || $0.kind == .cannotInline }.map(\.subject))
        for expected in ["Run.deferwrap1", "Run.gowrap2", "init.0", "init.1", "init.0.func1", "init.func1", "init.func2"] {
            XCTAssertTrue(names.contains(expected), "the compiler no longer prints \(expected): \(names.sorted())")
        }
        let verdictDisagreements = d.disagreements.filter { $0.key.kind == .canInline || $0.key.kind == .cannotInline }
        XCTAssertEqual(verdictDisagreements.map { "\($0.side.rawValue): \($0.key.tsvLine)" }, [])
    }

    /// Literals of package-level initializers are numbered in initialization order (`early`
    /// waits for `late`, directly or through a function), and a literal copied by inlining
    /// gets its verdict printed again when the caller inlines the copy (`Retried.func1` twice).
    /// `RetriedTwice` is declared before `Retried` and `RetriedAfter` after it, when `Retried`
    /// has been expanded already: the expansion copies every callee as lowered, whatever the
    /// declaration order, so both copies' calls are seen (`Retried.func1` three times).
    func testInitializationOrderAndCopiedLiteralVerdicts() throws {
        let (d, compiler) = try Self.differential(name: "initorder", source: """
        package p

        var early = func() int { return late + 1 }

        var late = func() int { return 2 }()

        var viaFunction = func() int { return readLater() }

        func readLater() int { return later }

        var later = func() int { return 3 }()

        func retry(fn func() error) error {
        \tfor {
        \t\tif err := fn(); err != nil {
        \t\t\treturn err
        \t\t}
        \t}
        }

        //go:noinline
        func work(x int) error { return nil }

        func RetriedTwice() error { return Retried(1) }

        func Retried(x int) error { return retry(func() error { return work(x) }) }

        func RetriedAfter() error { return Retried(2) }
        """)
        print(d.report)
        let verdicts = compiler.filter { $0.kind == .canInline }
        XCTAssertEqual(verdicts.filter { $0.subject == "init.func1" }.map(\.line), [5], "the compiler numbers late's literal first")
        XCTAssertEqual(verdicts.filter { $0.subject == "Retried.func1" }.count, 3, "the compiler prints each copy's verdict again")
        let verdictDisagreements = d.disagreements.filter { $0.key.kind == .canInline || $0.key.kind == .cannotInline }
        XCTAssertEqual(verdictDisagreements.map { "\($0.side.rawValue): \($0.key.tsvLine)" }, [])
    }
}

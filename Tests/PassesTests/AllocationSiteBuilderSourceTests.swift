import XCTest
@testable import AllocationsPass
import GoSyntax

/// The source readings the gc engine's pairing of verdicts with the listing relies on, on
/// real source text of std.
final class AllocationSiteBuilderSourceTests: XCTestCase {
    private func imports(_ source: String) -> [ImportInfo] {
        parseFile(path: "a.go", bytes: Array(source.utf8)).imports
    }

    /// `http.NoBody` is a package-level variable of an imported package: the names a file's
    /// imports bind are the explicit names and the paths' package names (a `v2` element is a
    /// major version, not a name); blank and dot imports bind none.
    func testImportsBindTheirPackageNames() {
        let names = AllocationSiteBuilder.boundImports(imports("""
        package p

        import (
        \t"encoding/binary"
        \t"net/http"
        \tjsonv2 "encoding/json/v2"
        \t"math/rand/v2"
        \t_ "embed"
        \t. "strings"
        )
        """))
        XCTAssertEqual(names, ["binary": "encoding/binary", "http": "net/http", "jsonv2": "encoding/json/v2", "rand": "math/rand/v2"])
    }

    /// runtime/runtime.go pushes `syscall_runtimeSetenv` to `syscall.runtimeSetenv`: the
    /// listing names the function by the pushed symbol. A one-argument directive only exports.
    func testLinknameDirectivesNameTheSymbols() {
        let source = """
        package runtime

        //go:linkname syscall_runtimeSetenv syscall.runtimeSetenv
        func syscall_runtimeSetenv(key, value string) {}

        //go:linkname exported
        func exported() {}
        """
        let pairs = AllocationSiteBuilder.linknames(in: Array(source.utf8))
        XCTAssertEqual(pairs.map { "\($0.local) \($0.symbol)" }, ["syscall_runtimeSetenv syscall.runtimeSetenv"])
    }

    /// Symbols of `go build -gcflags=-S regexp` (go 1.27.3): a closure copied where
    /// `(*Regexp).all` was inlined is compiled as `all.func1#hash#` (its range-over-func body
    /// `…#hash#-range1`); its code is the closure's own.
    func testClonedClosureSymbolsNameTheClosure() {
        XCTAssertEqual(AllocationSiteBuilder.trimInlineHashes("regexp.(*Regexp).all.func1#nq2p5cCLwaY=#"), "regexp.(*Regexp).all.func1")
        XCTAssertEqual(AllocationSiteBuilder.trimInlineHashes("regexp.(*Regexp).all.func1#nq2p5cCLwaY=#-range1"),
                       "regexp.(*Regexp).all.func1-range1")
        XCTAssertEqual(AllocationSiteBuilder.trimInlineHashes("regexp.(*Regexp).all"), "regexp.(*Regexp).all")
    }

    /// Subjects `-m=2` prints for std (go 1.27.3): selections of a non-identifier are selectors
    /// too (a method value or a field), a call or a conversion is not.
    func testSelectionsOfExpressionsAreSelectors() {
        for subject in ["(~r0).Flush", "serve400Handler{...}.ServeHTTP", "metricReader(read).compute"] {
            XCTAssertEqual(SubjectShape.kinds(of: subject), [.methodValue, .ifaceConv], subject)
        }
        XCTAssertEqual(SubjectShape.kinds(of: "h.Uid"), [.methodValue, .ifaceConv])
        XCTAssertEqual(SubjectShape.kinds(of: "string(b)"), [.bytesString, .runesString, .runeString])
        XCTAssertFalse(SubjectShape.isSelection("Hash.String(Hash(h))"))
    }

    /// Constants boxed into interfaces as `-m` prints them (go 1.27.3, the native escape fixture
    /// `Fixtures/escapes/conversions.go` and `Fixtures/rewrites`): explicit conversions keep
    /// their heads, parenthesised interface types included, around the constant or around a
    /// conversion of it. None allocates; a conversion of a variable does.
    func testConversionsOfConstantsAreNotSites() {
        for subject in ["any(uint8(3))", "(interface {})(9)", "shape(square(5))", "constant.int64Val(0)",
                        "iv(7)", "label(\"\")", "ssa.stringAux(\"\")", "(interface {})(false)"] {
            XCTAssertEqual(SubjectShape.kinds(of: subject), [], subject)
        }
        for subject in ["any(v)", "(interface {})(w)", "shape(square(x))", "constant.int64Val(constant.x)", "(f)(g)"] {
            XCTAssertEqual(SubjectShape.kinds(of: subject), [.ifaceConv], subject)
        }
    }
}

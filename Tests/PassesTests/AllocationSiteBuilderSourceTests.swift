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
        let names = AllocationSiteBuilder.boundNames(imports("""
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
        XCTAssertEqual(names, ["binary", "http", "jsonv2", "rand"])
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
}

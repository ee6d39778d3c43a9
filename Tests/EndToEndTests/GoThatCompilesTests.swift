import Foundation
import TestSupport
import XCTest

/// Go that the go tool builds is not rejected: a file that starts with a UTF-8 byte-order mark
/// and a file whose name is not UTF-8 are part of their package, as `go list` (the oracle) says.
final class GoThatCompilesTests: XCTestCase {
    static let module = "module example.com/odd\n\ngo 1.27\n"

    /// The files of the package in the current folder, as `go list` names them.
    func goFiles(_ cli: CLI, _ folder: String) throws -> String {
        let go = TestSupport.goToolchain
        var env = ProcessInfo.processInfo.environment
        env["GOTOOLCHAIN"] = "local"
        env["GOFLAGS"] = "-mod=mod"
        let r = try TestSupport.run(go.go, ["list", "-f", "{{join .GoFiles \" \"}}", "."],
                                    cwd: URL(fileURLWithPath: cli.path(folder)), environment: env)
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testAFileStartingWithAByteOrderMarkIsGoSource() throws {
        let cli = try CLI(self)
        try cli.write("bom/go.mod", Self.module)
        try cli.write("bom/bom.go", Data([0xEF, 0xBB, 0xBF]) + Data("package odd\n\n// F is fine.\nfunc F() int { return 1 }\n".utf8))
        XCTAssertEqual(try goFiles(cli, "bom"), "bom.go", "the go tool builds the file")
        let typecheck = try cli.run(["typecheck", "bom"])
        XCTAssertEqual(typecheck.status, 0, typecheck.out + typecheck.err)
        XCTAssertTrue(typecheck.out.hasPrefix("packages=1 errors=0"), typecheck.out)
        let scan = try cli.run(["scan", "bom", "--db", "h.db"])
        XCTAssertEqual(scan.status, 0, scan.err)
        XCTAssertFalse(scan.err.contains("no package clause"), scan.err)
        XCTAssertEqual(try cli.run(["query", "select function_id, line, col from functions", "--db", "h.db"]).out,
                       "example.com/odd.F\t4\t6\n")
    }

    func testAFileWhoseNameIsNotUTF8IsReadAndNamedAsTheGoToolNamesIt() throws {
        let cli = try CLI(self)
        try cli.write("names/go.mod", Self.module)
        try cli.write("names/ok.go", "package odd\n\nfunc G() {}\n")
        let raw = Array(cli.path("names").utf8) + Array("/a".utf8) + [0xFF] + Array("b.go".utf8)
        let fd = open(raw.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        let text = Array("package odd\n\nfunc F() *int { x := 1; return &x }\n".utf8)
        XCTAssertEqual(write(fd, text, text.count), text.count)
        close(fd)
        XCTAssertEqual(try goFiles(cli, "names"), "a\u{FFFD}b.go ok.go", "the go tool builds both and prints the name with U+FFFD")
        let scan = try cli.run(["scan", "names", "--db", "h.db"])
        XCTAssertEqual(scan.status, 0, scan.err)
        XCTAssertFalse(scan.err.contains("cannot read it"), scan.err)
        XCTAssertEqual(try cli.run(["query", "select path from files order by path", "--db", "h.db"]).out, "a\u{FFFD}b.go\nok.go\n")
        XCTAssertEqual(try cli.run(["query", "select function_id, file from functions order by function_id", "--db", "h.db"]).out,
                       "example.com/odd.F\ta\u{FFFD}b.go\nexample.com/odd.G\tok.go\n")
    }
}

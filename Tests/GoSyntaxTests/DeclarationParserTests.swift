import XCTest
@testable import GoSyntax
import TestSupport

/// Package clause, imports, const/var/type/func declarations, generics in declarations.
final class DeclarationParserTests: XCTestCase {
    func testPackageAndImports() {
        let src = """
        // Package doc.
        package main

        import "fmt"
        import (
        \tstr "strings"
        \t. "math"
        \t_ "embed"
        )
        """
        let p = parse(src)
        XCTAssertEqual(p.packageName, "main")
        XCTAssertEqual(p.imports.map(\.path), ["fmt", "strings", "math", "embed"])
        XCTAssertEqual(p.imports.map(\.name), [nil, "str", ".", "_"])
        XCTAssertEqual(p.imports[0].offset, offset("\"fmt\"", in: src))
        XCTAssertEqual(p.imports[1].position.description, "6:6")        // tab, `str `, then the path
        XCTAssertNotNil(p.root.doc)
        XCTAssertEqual(p.declarations.count, 2)
        let grouped = p.tree[p.declarations[1]]
        XCTAssertEqual(grouped.token, .kwImport)
        XCTAssertEqual(grouped.lparen, offset("(", in: src))
    }

    func testConstVarAndIota() {
        let p = parse("package p\nconst (\n\tA = iota\n\tB\n)\nvar x, y int = 1, 2\nvar z = f()\n")
        let specs = nodes(p, .valueSpec)
        XCTAssertEqual(specs.count, 4)
        XCTAssertEqual(specs[1].names.count, 1)
        XCTAssertTrue(specs[1].type.isNone)          // `B` repeats the previous expression
        XCTAssertEqual(specs[2].names.count, 2)
        XCTAssertEqual(specs[2].values.count, 2)
        XCTAssertEqual(p.tree[specs[2].type].identifier, "int")
    }

    func testFunctionsAndMethods() {
        let src = "package p\nfunc (r *T) M(a, b int, c ...string) (n int, err error) { return }\nfunc asm(x int)\n"
        let p = parse(src)
        let fns = nodes(p, .funcDecl)
        XCTAssertEqual(fns.count, 2)
        let m = fns[0]
        XCTAssertEqual(p.tree[m.name].identifier, "M")
        XCTAssertEqual(p.tree[m.recv].list.count, 1)
        XCTAssertEqual(p.tree[m.recv].opening, offset("(r", in: src))
        let ftype = p.tree[m.type]
        XCTAssertEqual(ftype.funcPos, offset("func", in: src))
        let params = p.tree[ftype.params].list.map { p.tree[$0] }
        XCTAssertEqual(params.map { $0.names.count }, [2, 1])          // a, b int | c ...string
        XCTAssertEqual(p.tree.kind(params[1].type), .ellipsis)
        XCTAssertEqual(p.tree[ftype.results].list.count, 2)
        XCTAssertTrue(fns[1].body.isNone)                              // declared without body
        XCTAssertEqual(m.end, offset("}", in: src) + 1)
    }

    func testGenericTypesAndFunctions() {
        let src = """
        package p
        type List[T any] struct{ next *List[T]; v T }
        type Pair[K comparable, V any] struct{}
        type Number interface{ ~int | ~int64 | float64 }
        type Arr [N]int
        type PtrConstraint[P *C,] struct{}
        type NotGeneric[P *C] struct{}
        type Alias = int
        type GenericAlias[T any] = List[T]
        func Map[K comparable, V any, R any](m map[K]V, f func(V) R) []R { return nil }
        """
        let p = parse(src)
        let specs = nodes(p, .typeSpec)
        XCTAssertEqual(specs.count, 8)
        XCTAssertEqual(p.tree[specs[0].typeParams].list.count, 1)
        XCTAssertEqual(p.tree[specs[1].typeParams].list.count, 2)
        // ~int | ~int64 | float64 is a left-nested BinaryExpr of `|` with `~` unary terms.
        let iface = p.tree[specs[2].type]
        let elem = p.tree[p.tree[p.tree[iface.methods].list[0]].type]
        XCTAssertEqual(elem.kind, .binaryExpr)
        XCTAssertEqual(elem.token, .or)
        XCTAssertEqual(p.tree[p.tree[elem.x].x].token, .tilde)
        // `type Arr [N]int` is an array type, not a type parameter list.
        XCTAssertEqual(p.tree.kind(specs[3].type), .arrayType)
        XCTAssertTrue(specs[3].typeParams.isNone)
        // `[P *C,]` is a type parameter with a pointer constraint; without the comma
        // go/parser reads `[P *C]` as an array length `P*C`.
        let tp = p.tree[p.tree[specs[4].typeParams].list[0]]
        XCTAssertEqual(p.tree.kind(tp.type), .starExpr)
        XCTAssertEqual(p.tree.kind(specs[5].type), .arrayType)
        XCTAssertEqual(specs[6].assignPos, offset("= int", in: src))
        XCTAssertTrue(specs[7].typeParams.exists)
        XCTAssertEqual(p.tree.kind(specs[7].type), .indexExpr)
        let fn = nodes(p, .funcDecl)[0]
        // Names share a Field only when they share the type node: K comparable | V any | R any.
        XCTAssertEqual(p.tree[p.tree[fn.type].typeParams].list.count, 3)
    }

    func testStructFieldsTagsEmbeddingAndLineComments() {
        let src = """
        package p
        type S struct {
        \t// Doc of A.
        \tA, B int `json:"a"` // line comment
        \t*Embedded
        \tpkg.Other
        \tG[int]
        \tarr [4]byte
        }
        """
        let p = parse(src)
        let fields = nodes(p, .field)
        XCTAssertEqual(fields.count, 5)
        XCTAssertEqual(fields[0].names.count, 2)
        XCTAssertEqual(p.tree[fields[0].tag].literal, "`json:\"a\"`")
        XCTAssertNotNil(fields[0].doc)
        let line = fields[0].comment!
        XCTAssertEqual(p.tree.text(of: p.tree.comments(inGroup: line).first!), "// line comment")
        XCTAssertEqual(fields[1].names.count, 0)
        XCTAssertEqual(p.tree.kind(fields[1].type), .starExpr)
        XCTAssertEqual(p.tree.kind(fields[2].type), .selectorExpr)
        XCTAssertEqual(p.tree.kind(fields[3].type), .indexExpr)       // embedded instance
        XCTAssertEqual(fields[4].names.count, 1)
        XCTAssertEqual(p.tree.kind(fields[4].type), .arrayType)
    }

    /// The tree counts its struct types' embedded fields as it is parsed: three here (`*T`,
    /// `pkg.Other`, `G[int]`); parameters without names and interface elements are not fields
    /// of a struct, and a file without embedding counts none.
    func testEmbeddedFieldsAreCounted() {
        let src = """
        package p
        type S struct {
        \tA, B int
        \t*T
        \tpkg.Other
        \tG[int]
        \tarr [4]byte
        }
        type I interface { io.Reader; M() }
        func f(int, string) (error) { var x struct{ y int }; return nil }
        """
        XCTAssertEqual(parse(src).tree.embeddedFields, 3)
        XCTAssertEqual(parse("package p\ntype S struct{ a, b int; s []int }\nfunc f(int) {}\n").tree.embeddedFields, 0)
    }

    /// Over GOROOT packages that embed (and one that does not), the count is the number of
    /// fields without names the tree's struct types hold.
    func testEmbeddedFieldCountMatchesTheTree() throws {
        for pkg in ["reflect", "net/http", "go/types", "bufio", "strings"] {
            let dir = TestSupport.goToolchain.goroot + "/src/" + pkg
            let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".go") }.sorted()
            var total = 0
            for name in names {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
                let tree = parseFile(path: dir + "/" + name, bytes: bytes).tree
                var embedded = 0
                for i in 1..<tree.nodeCount where tree.kind(NodeID(Int32(i))) == .structType {
                    let fields = tree[NodeID(Int32(i))].fields
                    if fields.exists { embedded += tree[fields].list.filter { tree[$0].names.isEmpty }.count }
                }
                XCTAssertEqual(tree.embeddedFields, embedded, pkg + "/" + name)
                total += embedded
            }
            if pkg != "strings" { XCTAssertGreaterThan(total, 0, pkg) }
        }
    }

    func testDirectivesOnFunctionsStatementsAndVariables() {
        let src = """
        //go:build linux && amd64

        package p

        // F does things.
        //
        //go:noinline
        //heapsight:budget allocs=0
        func F() {
        \t//gcassert:bce
        \tx := make([]int, 3)
        \t_ = x // heapsight:ignore is not a directive (space after //)
        }

        //go:linkname local runtime.remote
        var local int
        """
        let p = parse(src)
        XCTAssertEqual(p.buildConstraint, "linux && amd64")
        let fn = nodes(p, .funcDecl)[0]
        let ds = p.tree.directives(of: fn.id)
        XCTAssertEqual(ds.map(\.fullName), ["go:noinline", "heapsight:budget"])
        XCTAssertEqual(ds[1].arguments, "allocs=0")
        let assign = nodes(p, .assignStmt)[0]
        XCTAssertEqual(p.tree.directives(of: assign.id).map(\.fullName), ["gcassert:bce"])
        let second = nodes(p, .assignStmt)[1]
        XCTAssertEqual(p.tree.directives(of: second.id), [])
        let decl = p.tree[p.declarations.last!]
        XCTAssertEqual(p.tree.directives(of: decl.id).map(\.fullName), ["go:linkname"])
        XCTAssertEqual(p.tree.directives(of: decl.id)[0].arguments, "local runtime.remote")
    }
}

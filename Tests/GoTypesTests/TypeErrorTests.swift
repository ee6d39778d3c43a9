import Foundation
import XCTest
import GoSyntax
import GoTypes
import TestSupport

/// Type errors in user code: every error go/types reports is reported at the same position,
/// and checking continues past each one.
final class TypeErrorTests: XCTestCase {
    static let source = """
    package fix

    import (
    \t"os"
    \t"strings"
    )

    var a int = "x"

    const c uint8 = 256

    func f() string {
    \tvar s []int
    \ts = append(s, "y")
    \t_ = s
    \treturn strings.ToUpper(1)
    }

    func g() int {
    \tundefinedName()
    \tvar p *int
    \treturn p + 1
    }

    type T struct{ x int }

    func h(t T) string { return t.y }

    func k(a any) {
    \tx := 1
    \tvar y int
    \ty = 2
    \tswitch v := a.(type) {
    \tcase int:
    \t}
    \tfor i := range 3 {
    \t}
    }

    """

    func testErrorPositionsMatchGoTypes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heapsight-typeerrors-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "module example.com/fix\n\ngo 1.27\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try TypeErrorTests.source.write(to: dir.appendingPathComponent("fix.go"), atomically: true, encoding: .utf8)

        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("typesdump")
        let r = try TestSupport.run(oracle, [dir.path], environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
        let want = Set(r.out.split(separator: "\n").filter { $0.hasPrefix("error ") }.compactMap { line -> String? in
            // "error fix.go:5:13: msg" -> "fix.go:5:13"
            line.dropFirst(6).split(separator: ":").prefix(3).joined(separator: ":")
        })
        XCTAssertGreaterThanOrEqual(want.count, 6, r.out)

        let outcome = try TypecheckRun.run(.init(paths: [dir.path], goroot: go.goroot))
        let got = Set(outcome.errors.map { line -> String in
            let parts = line.split(separator: ":")
            return ((String(parts[0]) as NSString).lastPathComponent) + ":" + parts[1] + ":" + parts[2]
        })
        XCTAssertEqual(got, want, "heapsight: \(outcome.errors)\ngo/types: \(r.out)")
        XCTAssertEqual(outcome.packages, 1)
        XCTAssertTrue(outcome.summary.hasPrefix("packages=1 errors=\(outcome.errors.count) seconds="))
    }
}

/// Focused snippets, one package each, for the checks that reject wrong programs: every error
/// go/types reports (position and message) must be ours too, and no other. go/types reports
/// the continuation parts of a multi-part error ("\tother declaration of x") as errors of
/// their own; those are left out of the comparison, and so are the further lines of a message
/// ("\n\tx cannot have dynamic type T (missing method M)"), which the oracle's one-line
/// output does not carry.
final class TypeErrorSnippetTests: XCTestCase {
    /// The snippets, by name: each is one file of a package of its own.
    static let snippets: [(name: String, source: String)] = [
        ("labels", """
        package labels

        func jumps(c bool) {
        \tgoto L
        \tx := 1
        \t_ = x
        L:
        \tgoto M
        \t{
        \tM:
        \t\tprintln()
        \t}
        \tgoto N
        \tif c {
        \t\tvar y int
        \t\t_ = y
        \t}
        N:
        \tgoto O
        O:
        \tgoto P
        unused:
        \tfor {
        \t\tbreak unused
        \t}
        }

        func branches(x int) {
        \tbreak
        \tcontinue
        L1:
        \tswitch x {
        \tcase 1:
        \t\tcontinue L1
        \tcase 2:
        \t\tfallthrough
        \tcase 3:
        \t\tbreak L1
        \tdefault:
        \t\tfallthrough
        \t}
        L2:
        \t{
        \t\tbreak L2
        \t}
        \tfor {
        \t\tfunc() {
        \t\t\tbreak
        \t\t}()
        \t\tif x > 0 {
        \t\t\tcontinue
        \t\t}
        \t\tfallthrough
        \t}
        \tvar a any = x
        \tswitch a.(type) {
        \tcase int:
        \t\tfallthrough
        \tcase string:
        \t}
        \tselect {
        \tdefault:
        \t\tbreak
        \t}
        dup:
        \tgoto dup
        dup:
        }

        """),
        ("calls", """
        package calls

        import "unsafe"

        type S struct {
        \tx int `json:"x"`
        }

        type T struct {
        \tx int `yaml:"x"`
        }

        func sum(xs ...int) int { return len(xs) }

        func two() (int, int) { return 1, 2 }

        func one(a int) {}

        func f(args []int, si []int, sf []float64, f32 float32, f64 float64) {
        \tprintln(args...)
        \t_ = len(args...)
        \tvar x int
        \t_ = make([]byte, x...)
        \t_ = unsafe.Pointer(&x...)
        \tone(args...)
        \t_ = sum(two()...)
        \tone()
        \t_ = S(T{})
        \t_ = (*S)(&T{})
        \t_ = complex(f32, f64)
        \t_ = complex(1)
        \t_ = copy(1, 2, 3)
        \t_ = copy(si, "hi")
        \t_ = copy(si, sf)
        \t_ = copy(1, si)
        \t_ = copy(si, 2)
        \t_ = int()
        \t_ = int(1, 2)
        }

        """),
        ("switches", """
        package switches

        import (
        \t"fmt"
        \t"io"
        )

        type I interface{ M() }

        type P struct{}

        func (*P) M() {}

        type W struct{}

        func (W) M(int) {}

        func f(x any, e error, i I, n int) {
        \tswitch x.(type) {
        \tcase int, string:
        \tcase fmt.Stringer:
        \tcase int:
        \tcase io.Reader, fmt.Stringer:
        \tcase nil:
        \tcase nil:
        \tdefault:
        \tdefault:
        \t}
        \tswitch e.(type) {
        \tcase int:
        \tcase P:
        \tcase *P:
        \t}
        \tswitch y := i.(type) {
        \tcase P, W:
        \t\t_ = y
        \t}
        \tswitch _ := x.(type) {
        \t}
        \tswitch n.(type) {
        \t}
        \t_ = e.(string)
        \t_ = i.(W)
        \tswitch n {
        \tdefault:
        \tcase 1:
        \tdefault:
        \t}
        \tselect {
        \tdefault:
        \tdefault:
        \t}
        }

        """),
        ("methods", """
        package main

        import "reflect"

        type T struct{ a int }

        type A = T

        type AP = *T

        type P *T

        type I interface{ m() }

        type R = reflect.Value

        type S = struct{}

        func (T) m1()   {}
        func (*T) m1()  {}
        func (A) m1()   {}
        func (A) m2()   {}
        func (AP) m3()  {}
        func (p P) m()  {}
        func (p *I) m() {}
        func (R) m()    {}
        func (S) m()    {}
        func (int) m()  {}
        func (t *T) g() {}

        var _ interface {
        \tm1()
        \tm2()
        } = T{}

        var _ = (*I).m
        var _ = T.g
        var pi *I
        var _ = pi.m

        func main(x int) {}

        func init() int { return 0 }

        const (
        \tc0 int = 1
        \tc1 byte
        \tc2, c3 = 1, 2
        \tc4, c5, c6
        \tc7
        )

        var v1, v2 = 1, 2, 3

        func f() {
        \tvar x, y = 1, 2, 3
        \tconst k1, k2 = 1
        \t_, _ = x, y
        }

        """),
        ("literals", """
        package literals

        type S struct{ X, Y, Z int }

        type T struct {
        \ti    int
        \tnext *T
        }

        var x = 1

        var (
        \t_ = S{Y: 3, Z: 2, Y: 3}
        \t_ = []byte{x: 2}
        \t_ = []byte{1: 1, 2: 2, 1: 3}
        \t_ = [3]int{1, 2, 3, 4}
        \t_ = &T{i: 0, next: {}}
        \t_ = &T{0, {}}
        \t_ = make([]int, uint64(1<<63))
        \t_ = make([]int, float32(1))
        \t_ = make([]int, -1)
        )

        func f(s uint) {
        \t_ = complex(1<<s, 0)
        \t_ = real(1 << s)
        }

        """),
        ("initcycles", """
        package initcycles

        var a = b
        var b = a

        var x = f()

        func f() int { return x }

        var y int = g()

        func g() int { return h() }
        func h() int { return y }

        var z = func() int { return z }()

        type T struct{}

        func (T) m() int { return w }

        var w = T{}.m()

        const c1 = c2
        const c2 = c1

        var ok1 = ok2 + k()
        var ok2 = 1

        func k() int { return ok2 }

        """),
        ("constraints", """
        package constraints

        import "fmt"

        type Number interface{ ~int | ~float64 }

        type MyInt int

        type Stringish interface {
        \t~string
        \tfmt.Stringer
        }

        type Ordered[T interface{ Less(T) bool }] struct{ v T }

        type Key int

        func (k Key) Less(o Key) bool { return k < o }

        type PtrLess struct{}

        func (*PtrLess) Less(PtrLess) bool { return false }

        func Sum[T Number](xs ...T) T { return xs[0] }

        func Eq[T comparable](a, b T) bool { return a == b }

        func Exact[T int | string](x T) T { return x }

        func Wrap[T any, C interface{ ~[]T }](c C) C { return c }

        func f() {
        \t_ = Sum[string]
        \t_ = Sum("a", "b")
        \t_ = Sum(MyInt(1), 2)
        \t_ = Eq([]int{}, nil)
        \t_ = Eq[any](1, 2)
        \t_ = Exact(MyInt(1))
        \t_ = Exact[float64](1)
        \tvar _ Ordered[Key]
        \tvar _ Ordered[int]
        \tvar _ Ordered[PtrLess]
        \t_ = Wrap[int]([]int{})
        \t_ = Wrap[int, []string]
        \tvar _ Ordered[Key, Key]
        \tvar _ Key[int]
        }

        type Self[U interface{ M() Self[U] }] int

        func g[T any, N Number, S fmt.Stringer](t T, n N, s S) {
        \t_ = Sum(n)
        \t_ = Sum[T]
        \t_ = Eq(t, t)
        \t_ = Eq(s, s)
        }

        """),
        ("inference", """
        package inference

        func Two[T any](a, b T) T { return a }

        func Slice[T any](s []T) T { return s[0] }

        func Map[K comparable, V any](m map[K]V) K { var k K; return k }

        func Ret[T any]() T { var t T; return t }

        type List[T any] struct{ v T }

        func Head[T any](l List[T]) T { return l.v }

        func f() {
        \tvar i int
        \tvar s string
        \t_ = Two(i, s)
        \t_ = Two(1, "a")
        \t_ = Two(1, 2.5)
        \t_ = Slice(i)
        \t_ = Map([]int{})
        \t_ = Ret()
        \t_ = Head(i)
        \t_ = Two[int](1, "x")
        \t_ = Two(MyInt(1), int(2))
        \t_ = Two([]int{}, []MyInt{})
        \t_ = Arr([4]int{})
        \tvar r <-chan int
        \t_ = Ch(r)
        \tP(new(int), "s")
        \tSt(S{})
        \tvar e error
        \tvar a any
        \t_ = Two(e, a)
        \t_ = Two(1, MyInt(2))
        \t_ = Two(1.5, MyInt(2))
        \t_ = Pair(1, []string{}, "x")
        }

        type MyInt int

        func Arr[T any](a [3]T) T { return a[0] }

        func Ch[T any](c chan T) T { return <-c }

        func P[T any](p *T, q T) {}

        type S struct{ v int }

        func St[T any](s struct{ v T }) {}

        func Pair[K comparable, V any](k K, v []V, w V) {}

        """),
        ("sweep", """
        package sweep

        import "fmt"

        type T struct{ x int }

        func (t T) M() {}

        type I interface{ M(); N() }

        func f() (int, error) { return 0, nil }

        func g() {
        \tvar t T
        \tt.M = nil
        \tx := 1
        \tx := 2
        \tvar i I = t
        \t_ = i
        \tconst c = 10
        \tc = 5
        \tvar p *int
        \t_ = p.x
        \t_ = len(1)
        \tvar s []int
        \ts.foo()
        \t_ = s[1:2:1]
        \tvar m map[string]int
        \t_ = m[1]
        \t_ = &1
        \t_ = -"s"
        \tvar a [3]int
        \t_ = a[5]
        \tif x := f(); x != nil {
        \t}
        \tfor i := range 10 {
        \t\ti = "a"
        \t}
        \t_ = fmt.Sprintf
        \tvar ch chan<- int
        \t<-ch
        \tvar rc <-chan int
        \trc <- 1
        \t_ = T{y: 1}
        \t_ = T{1, 2}
        \tvar b byte = 300
        \t_ = b
        \ttype U int
        \tvar u U = x
        \t_ = u
        \tgo fmt.Println()
        \tdefer fmt.Println()
        \treturn 1
        }

        func h() int {
        \tfor {
        \t\tbreak
        \t}
        }

        func k(a int, a string) {}

        var _ = undefined.X

        func dup() {}
        func dup() {}

        type R struct {
        \tR
        }

        type Rec [2]Rec

        """),
        // delete on type parameters: every map of the type set must share the key type.
        ("deletes", """
        package deletes

        type M2 interface{ map[string]int | map[string]float64 }

        type M3 interface{ map[string]int | map[rune]int }

        func ok[T M2](m T) { delete(m, "foo") }

        func mixed[T M3](m T) { delete(m, "foo") }

        func notMap[T any](m T) { delete(m, 1) }

        func plain(s []int) { delete(s, 0) }
        """),
        // A generic function calling itself with its own type parameters swapped: inference
        // must not confuse the call's parameters with the caller's (no error in intersects).
        ("recursion", """
        package recursion

        func intersects[K comparable, T1, T2 any](x map[K]T1, y map[K]T2) bool {
        \tif len(x) > len(y) {
        \t\treturn intersects(y, x)
        \t}
        \treturn false
        }

        func swap[A, B any](a A, b B) {
        \tvar _ int = swap(b, a)
        }
        """),
        ("manymethods", TypeErrorSnippetTests.manyMethods),
        // Duplicate type switch cases and instances with identical arguments written
        // differently, found by identity hash (`Program.identityHash`) rather than by comparing
        // each type with every earlier one: the same defined type, composite types spelled twice,
        // an alias of an instance, and types that differ only deep inside.
        ("typeswitches", """
        package typeswitches

        type T struct{ a int }

        type Box[E any] struct{ v E }

        type IntBox = Box[int]

        type Ints = []int

        func kind(x any) int {
        \tswitch x.(type) {
        \tcase T, *T, []int, map[string]int, Box[int], func(int) string, struct{ a int }, interface{ M() }:
        \t\treturn 1
        \tcase Ints:
        \t\treturn 2
        \tcase *T, map[string]int:
        \t\treturn 3
        \tcase IntBox, Box[string], Box[[]int], Box[[]string]:
        \t\treturn 4
        \tcase func(int) string, func(string) int, struct{ a int }, struct{ b int }:
        \t\treturn 5
        \tcase interface{ M() }, interface{ N() }, [][]*T, [][]*T, [2]T, [3]T, nil, nil:
        \t\treturn 6
        \t}
        \treturn 0
        }

        func same(a Box[[]int], b Box[Ints], c Box[map[string]*T], d Box[map[string]*T], e Box[struct{ a int }]) {
        \ta = b
        \tc = d
        \tvar f Box[struct{ a int }] = e
        \tvar g Box[struct{ b int }] = e
        \t_, _, _, _ = a, c, f, g
        }
        """),
    ]

    /// Types with more methods than are looked up one by one (an index by name serves them):
    /// two methods declared twice, selections of methods and fields directly and through
    /// embedded fields, a selector two embedded types both have, and a method none has.
    static let manyMethods: String = {
        var s = "package manymethods\n\ntype T struct{ f int }\n\ntype U struct{ g int }\n\n"
        for i in 0..<40 { s += "func (T) M\(i)() int { return \(i) }\n\nfunc (*U) M\(i)() int { return \(i) }\n\n" }
        s += "func (T) M5() int { return 0 }\n\nfunc (T) M39() int { return 0 }\n\n"
        s += "type V struct {\n\tT\n\t*U\n}\n\ntype W struct {\n\tT\n\tx int\n}\n\n"
        s += "func use(t T, u *U, v V, w W) int {\n\treturn t.M0() + t.M39() + u.M20() + v.M3() + w.M17() + w.f + w.x + t.M40() + v.f + v.g\n}\n"
        return s
    }()

    func testSnippetsMatchGoTypes() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("heapsight-typeerror-snippets-\(getpid())")
        try? fm.removeItem(at: root)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        try "module example.com\n\ngo 1.27\n".write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        var dirs: [String] = []
        for (name, source) in TypeErrorSnippetTests.snippets {
            let dir = root.appendingPathComponent(name)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            try source.write(to: dir.appendingPathComponent(name + ".go"), atomically: true, encoding: .utf8)
            dirs.append(dir.path)
        }

        let go = TestSupport.goToolchain
        let oracle = try go.buildOracle("typesdump")
        let r = try TestSupport.run(oracle, dirs, environment: go.environment(extra: ["GOOS": "linux", "GOARCH": "amd64"]))
        var want: [String: Set<String>] = [:]
        var current = ""
        for line in r.out.split(separator: "\n") {
            if line.hasPrefix("== package ") { current = (String(line.dropFirst(11)) as NSString).lastPathComponent; continue }
            guard line.hasPrefix("error "), !line.contains(": \t") else { continue }
            want[current, default: []].insert(String(line.dropFirst(6)))
        }

        for (name, _) in TypeErrorSnippetTests.snippets {
            let dir = root.appendingPathComponent(name).path
            let path = dir + "/" + name + ".go"
            let parsed = parseFile(path: path, bytes: [UInt8](fm.contents(atPath: path) ?? Data()))
            XCTAssertFalse(parsed.hasErrors, name)
            let got: Set<String> = TypecheckRun.onLargeStack {
                let session = TypecheckSession(locator: PackageLocator(goroot: go.goroot))
                let importPath = "example.com/" + name
                session.modulePackages[importPath] = PackageSource(path: importPath, directory: dir, files: [parsed])
                return Set(session.check(importPath)?.diagnostics.map { d in
                    // The oracle prints one line per error: a message's further lines are not compared.
                    "\(name).go:\(d.line):\(d.column): " + (d.message.split(separator: "\n").first.map(String.init) ?? "")
                } ?? [])
            }
            let expected = want[name] ?? []
            XCTAssertFalse(expected.isEmpty, "go/types reports no error for \(name): \(r.out.prefix(2000))")
            XCTAssertEqual(got.subtracting(expected).sorted(), [], "\(name): errors go/types does not report")
            XCTAssertEqual(expected.subtracting(got).sorted(), [], "\(name): errors of go/types we miss")
        }
    }
}

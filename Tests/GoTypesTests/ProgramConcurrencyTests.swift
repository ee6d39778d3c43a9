import Foundation
import XCTest
import GoLoader
import GoTypes
import TestSupport

/// `Program` is read by several threads while one thread checks packages into it (the native
/// engine renders one package's results while it analyses another): readers see every
/// finished package as a serial run does, and what they add meanwhile (instances of generic
/// types, their methods, pointer types, interface method sets) is what a serial run adds.
final class ProgramConcurrencyTests: XCTestCase {
    /// Roots whose import cones mix generic types (instances, their methods and underlying
    /// types expanded lazily), interfaces with embedded method sets and plain code.
    static let roots = ["slices", "maps", "sync/atomic", "unique", "container/list", "net/netip", "encoding/json", "go/types"]
    /// Threads reading while the checker writes.
    static let readers = 3

    /// What a reader derives from a finished package, in words independent of ids: each
    /// package-level object with its type; for type names the underlying type, the pointer type,
    /// the methods with their signatures, the interface method set, and for a generic type the
    /// same of its instance with every type argument `int`.
    static func digest(_ program: Program, _ pkg: TypesPackage) -> String {
        var lines: [String] = []
        func describe(_ t: TypeID, _ label: String) {
            lines.append("\(label) underlying \(program.typeString(program.under(t)))")
            lines.append("\(label) pointer \(program.typeString(program.pointer(t)))")
            for m in program.methods(of: t) {
                lines.append("\(label) method \(program.object(m).name) \(program.typeString(program.object(m).type))")
            }
            for m in program.interfaceMethods(t) {
                lines.append("\(label) interface method \(program.object(m).name) \(program.typeString(program.object(m).type))")
            }
        }
        for name in pkg.scope.names.keys.sorted() {
            let id = pkg.scope.names[name]!
            let o = program.object(id)
            lines.append("\(name) \(o.kind) \(program.typeString(o.type))")
            guard o.kind == .typeName else { continue }
            describe(o.type, name)
            if case .named(let i) = program.node(program.unalias(o.type)), !program.named[Int(i)].typeParams.isEmpty {
                let args = Array(repeating: program.basicType(.int), count: program.named[Int(i)].typeParams.count)
                let instance = program.instantiate(o.type, args)
                lines.append("\(name)[int...] \(program.typeString(instance))")
                describe(instance, name + "[int...]")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Every package of the roots' cones digested after a serial check, by path.
    func serialDigests(_ goroot: String) -> [String: String] {
        let session = TypecheckSession(locator: PackageLocator(goroot: goroot))
        TypecheckRun.onLargeStack { for r in Self.roots { session.check(r) } }
        var out: [String: String] = [:]
        for path in session.order {
            guard let pkg = session.result(path)?.checker?.package else { continue }
            out[path] = TypecheckRun.onLargeStack { Self.digest(session.program, pkg) }
        }
        return out
    }

    /// One thread checks the roots one after another; after each, the packages it finished are
    /// handed to reader threads, which digest them while the checker goes on with the next
    /// root. Every digest equals the serial run's.
    func testReadersOnOtherThreadsSeeWhatASerialRunSees() throws {
        let goroot = TestSupport.goToolchain.goroot
        let want = serialDigests(goroot)
        XCTAssertGreaterThan(want.count, 60, "the cones hold enough packages to overlap")

        let session = TypecheckSession(locator: PackageLocator(goroot: goroot))
        let condition = NSCondition()
        nonisolated(unsafe) var queue: [String] = []
        nonisolated(unsafe) var checking = true
        nonisolated(unsafe) var got: [String: String] = [:]
        let finished = DispatchGroup()

        func spawn(_ body: @escaping @Sendable () -> Void) {
            finished.enter()
            let thread = Thread {
                body()
                finished.leave()
            }
            thread.stackSize = 1 << 28
            thread.start()
        }
        spawn {
            var handed = 0
            for r in Self.roots {
                session.check(r)
                let order = session.order
                condition.lock()
                queue.append(contentsOf: order[handed...])
                condition.broadcast()
                condition.unlock()
                handed = order.count
            }
            condition.lock()
            checking = false
            condition.broadcast()
            condition.unlock()
        }
        for _ in 0..<Self.readers {
            spawn {
                while true {
                    condition.lock()
                    while queue.isEmpty && checking { condition.wait() }
                    guard !queue.isEmpty else { condition.unlock(); return }
                    let path = queue.removeFirst()
                    condition.unlock()
                    guard let pkg = session.result(path)?.checker?.package else { continue }
                    let digest = Self.digest(session.program, pkg)
                    condition.lock()
                    got[path] = digest
                    condition.unlock()
                }
            }
        }
        finished.wait()
        XCTAssertEqual(Set(got.keys), Set(want.keys))
        for (path, digest) in want.sorted(by: { $0.key < $1.key }) where got[path] != digest {
            XCTFail("\(path): a reader on another thread saw\n\(got[path] ?? "nothing")\nwhere a serial run sees\n\(digest)")
        }
    }

    /// Four threads check the roots at once, two in each order, so that they meet on shared
    /// imports (one checks, the others wait for it): every package is checked once, and every
    /// digest, diagnostic and load error equals the serial run's.
    func testCheckersOnSeveralThreadsCheckEachPackageOnceAsASerialRunDoes() throws {
        let goroot = TestSupport.goToolchain.goroot
        let want = serialDigests(goroot)
        let session = TypecheckSession(locator: PackageLocator(goroot: goroot))
        let finished = DispatchGroup()
        for k in 0..<4 {
            finished.enter()
            let roots = k % 2 == 0 ? Self.roots : Self.roots.reversed()
            let thread = Thread {
                for r in roots { session.check(r) }
                finished.leave()
            }
            thread.stackSize = 1 << 28
            thread.start()
        }
        finished.wait()
        XCTAssertEqual(session.order.count, Set(session.order).count, "a package was checked twice")
        XCTAssertEqual(Set(session.order), Set(want.keys))
        for (path, digest) in want.sorted(by: { $0.key < $1.key }) {
            guard let result = session.result(path), let pkg = result.checker?.package else {
                XCTFail("\(path) was not checked")
                continue
            }
            XCTAssertEqual(result.loadErrors, [], path)
            XCTAssertEqual(result.diagnostics.count, 0, path)
            let got = TypecheckRun.onLargeStack { Self.digest(session.program, pkg) }
            if got != digest { XCTFail("\(path): checked beside other checkers\n\(got)\nwhere a serial run sees\n\(digest)") }
        }
    }

    /// Two packages importing each other, checked from two threads at once: each thread either
    /// finds the other's package finished or reports the cycle; neither waits forever.
    func testImportCycleSpreadOverTwoThreadsIsReportedNotWaitedFor() throws {
        let goroot = TestSupport.goToolchain.goroot
        for _ in 0..<20 {
            let session = TypecheckSession(locator: PackageLocator(goroot: goroot))
            // Long files: each thread is still parsing its own package when the other claims
            // its own, so that both then ask for the other's.
            let body = (0..<20_000).map { "var V\($0) = \($0)\n" }.joined()
            let files: [String: String] = ["a": "package a\n\nimport _ \"example.com/b\"\n\n" + body,
                                           "b": "package b\n\nimport _ \"example.com/a\"\n\n" + body]
            for (name, text) in files {
                session.unparsedModulePackages["example.com/\(name)"] = UnparsedPackage(
                    path: "example.com/\(name)", directory: name, files: [(path: "\(name)/\(name).go", bytes: Array(text.utf8))])
            }
            let finished = DispatchGroup()
            let start = DispatchSemaphore(value: 0)
            for name in ["a", "b"] {
                finished.enter()
                let thread = Thread {
                    start.wait()
                    session.check("example.com/\(name)")
                    finished.leave()
                }
                thread.stackSize = 1 << 26
                thread.start()
            }
            start.signal()
            start.signal()
            XCTAssertEqual(finished.wait(timeout: .now() + 60), .success, "a checker waits for the other forever")
            let errors = ["a", "b"].flatMap { session.result("example.com/\($0)")?.loadErrors ?? [] }
            XCTAssertTrue(errors.contains { $0.hasPrefix("import cycle: ") }, "\(errors)")
        }
    }
}

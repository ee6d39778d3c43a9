import Foundation
import XCTest
import AllocationsPass
import EscapePass
import FunctionsPass
import GCEngine
import GoLoader
import GoTypes
import NativeEngine
import PassKit
import TestSupport

/// Native `alloc` facts against the gc engine's over every package of std (linux/amd64, cgo
/// off). The gc engine's facts come from the compiler's `-m=2` verdicts (`StdCompilerOracle`,
/// no assembly), so both sides are compared on the sites `-m` prints: the native sites no
/// verdict prints (`make(chan)`, map growth, `go`, heap `defer`, `s += x`) have no counterpart
/// there and are counted apart. Facts are compared as multisets of (file, line, column, kind);
/// placements are compared on the matched sites.
///
/// Every disagreement is classified by its cause: a generic shape instance (the compiler
/// reports per shape, at the generic's positions), an escape verdict that differs at the
/// site's position (the native escape analysis, not the site construction), or the site
/// construction itself. The classes and every disagreement are written to
/// `$TMPDIR/heapsight-allocs-std-disagreements.txt`.
final class NativeAllocationsStdTests: XCTestCase {
    /// The comparison key: where and what.
    struct Key: Hashable, Comparable {
        var file: String
        var line: Int
        var column: Int
        var kind: String

        static func < (a: Key, b: Key) -> Bool { (a.file, a.line, a.column, a.kind) < (b.file, b.line, b.column, b.kind) }
        var text: String { "\(file):\(line):\(column) \(kind)" }
    }

    /// One package's facts from both engines.
    struct PackageFacts {
        var gcAllocs: [Fact] = []
        var nativeAllocs: [Fact] = []
        var unprinted: [Fact] = []
        var gcVerdicts: [Fact] = []
        var nativeVerdicts: [Fact] = []
        var genericFunctions: Set<String> = []
        /// Sites whose verdicts `-m` prints in code the native engine finds the backend removes
        /// (`NativeAllocations.siteSets`).
        var backendRemoved: Set<Key> = []
    }

    static func kind(_ f: Fact) -> String { String(f.detail.split(separator: " ").first ?? "") }
    static func placement(_ f: Fact) -> String { String(f.detail.split(separator: " ").dropFirst().first ?? "") }
    static func key(_ f: Fact) -> Key { Key(file: f.file, line: f.line, column: f.column, kind: kind(f)) }

    /// Runs both engines' passes over the packages at `paths` (import paths of GOROOT/src).
    /// With `calls` (the assembly's allocator calls per import path) the gc engine pairs its
    /// verdicts with them, and every native site is compared (`unprinted` stays empty).
    static func collect(_ paths: [String], compiler: [String: [Fact]],
                        calls: [String: [AllocatorCall]]? = nil,
                        methodValueWrappers: [String: Set<String>] = [:]) throws -> (facts: PackageFacts, packages: Int, untyped: [String]) {
        let go = TestSupport.goToolchain
        let src = go.goroot + "/src"
        let config = PackageLocator.standardContext
        var inputs: [PackageInput] = []
        for path in paths {
            let files = PackageSource.selectedFiles(directory: src + "/" + path, config: config)
            guard !files.isEmpty else { continue }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            inputs.append(PackageInput(importPath: path, name: name, directory: path,
                                       files: files.map { SourceFileInput(path: String($0.path.dropFirst(src.count + 1)),
                                                                         absolutePath: $0.path, bytes: $0.bytes) },
                                       isStandard: true))
        }
        let session = NativeInliningSession(goroot: go.goroot, packages: inputs)
        var compilation = GCCompilation(goVersion: nil, goroot: go.goroot)
        compilation.factsByPackage = compiler
        if let calls { compilation.allocatorCallsByPackage = calls }
        compilation.methodValueWrappersByPackage = methodValueWrappers
        var out = PackageFacts()
        var untyped: [String] = []
        var compared = 0
        for input in inputs where compiler[input.importPath] != nil {
            let gc = PassContext(package: input, engine: .gc, input: compilation)
            let records = try FunctionsPass.descriptor.run(gc).result
            gc.record(result: records, of: "functions")
            let gcEscape = try EscapePass.descriptor.run(gc)
            gc.record(result: gcEscape.result, of: "escape")
            let gcAllocs = try AllocationsPass.descriptor.run(gc).facts

            let native = PassContext(package: input, engine: .native, input: session)
            native.record(result: records, of: "functions")
            let nativeEscape: PassOutput<EscapeResult>
            do {
                nativeEscape = try EscapePass.descriptor.run(native)
            } catch is NativeInliningSession.PackageDoesNotTypeCheck {
                untyped.append(input.importPath)
                continue
            }
            native.record(result: nativeEscape.result, of: "escape")
            let nativeAllocs = try AllocationsPass.descriptor.run(native).facts
            for r in try session.allocationSiteSets(for: input).removed where r.reporting == .verdict {
                out.backendRemoved.insert(Key(file: r.file, line: r.line, column: r.column, kind: r.kind.rawValue))
            }
            compared += 1
            let verdictKinds: Set<FactKind> = [.escapes, .noEscape, .movedToHeap]
            out.gcAllocs += gcAllocs
            // Sites no verdict prints are rendered at the code's line from the run-time call.
            let unprinted = { (f: Fact) in calls == nil && (Self.unprintedKinds.contains(kind(f)) || isUnprinted(f)) }
            out.nativeAllocs += nativeAllocs.filter { !unprinted($0) }
            out.unprinted += nativeAllocs.filter(unprinted)
            out.gcVerdicts += gcEscape.facts.filter { verdictKinds.contains($0.kind) }
            out.nativeVerdicts += nativeEscape.facts.filter { verdictKinds.contains($0.kind) }
            for r in records where r.id.contains("[") { out.genericFunctions.insert(r.id) }
        }
        return (out, compared, untyped)
    }

    /// The kinds whose allocation the `-m` text cannot judge without types.
    static let textCannotJudge: Set<String> = ["iface-conv", "closure", "new", "composite"]
    /// The class of sites the gc engine's text reading counts and the types rule out.
    static let typeDecides = "no allocation by type or content (the -m text cannot tell)"
    /// The class of sites whose kind only types decide.
    static let kindUndecided = "kind the -m text cannot decide"
    /// The class of sites in code the backend removes (dead code, growth it proves unneeded):
    /// `-m` prints their verdicts, the compiled code has no allocation there.
    static let backendRemoves = "removed by the backend (the -m text cannot tell)"

    /// Kinds only the run-time calls show (never an `-m` verdict).
    static let unprintedKinds: Set<String> = ["make-chan", "map-grow", "go", "defer"]

    /// A `s += x` site (rendered at the `+=` with the run-time call's subject).
    static func isUnprinted(_ f: Fact) -> Bool { f.subject == "+=" || f.subject.hasPrefix("runtime.") }

    /// The agreement of the two multisets, per kind.
    struct Agreement {
        var gc: [String: Int] = [:]
        var native: [String: Int] = [:]
        var both: [String: Int] = [:]
        var onlyGC: [Key: Int] = [:]
        var onlyNative: [Key: Int] = [:]
        var placementAgrees = 0
        var placementDiffers: [String] = []

        init(gc g: [Fact], native n: [Fact]) {
            var pool: [Key: [Fact]] = [:]
            for f in g { pool[NativeAllocationsStdTests.key(f), default: []].append(f); gc[NativeAllocationsStdTests.kind(f), default: 0] += 1 }
            for f in n {
                let k = NativeAllocationsStdTests.key(f)
                native[k.kind, default: 0] += 1
                if var list = pool[k], !list.isEmpty {
                    let i = list.firstIndex { NativeAllocationsStdTests.placement($0) == NativeAllocationsStdTests.placement(f) } ?? 0
                    let match = list.remove(at: i)
                    pool[k] = list
                    both[k.kind, default: 0] += 1
                    if NativeAllocationsStdTests.placement(match) == NativeAllocationsStdTests.placement(f) {
                        placementAgrees += 1
                    } else {
                        placementDiffers.append("\(k.text) gc \(match.detail) native \(f.detail) \(f.subject)")
                    }
                } else {
                    onlyNative[k, default: 0] += 1
                }
            }
            for (k, list) in pool where !list.isEmpty { onlyGC[k] = list.count }
        }

        func f1(_ kinds: [String]) -> Double {
            let c = kinds.reduce(0) { $0 + (gc[$1] ?? 0) }, n = kinds.reduce(0) { $0 + (native[$1] ?? 0) }
            let b = kinds.reduce(0) { $0 + (both[$1] ?? 0) }
            return c + n == 0 ? 1 : 2 * Double(b) / Double(c + n)
        }

        var kinds: [String] { Set(gc.keys).union(native.keys).sorted() }
    }

    /// The cause class of a disagreement at a key.
    /// - generic shape instance: in a generic function (the compiler reports per shape);
    /// - escape verdict differs: the two engines' escape verdicts at the position differ (the
    ///   native escape analysis, not the site construction);
    /// - kind the -m text cannot decide: both engines have a site there, of different kinds
    ///   (a field boxed or a method value, `string(x)` of bytes or of a rune, `a + b` of
    ///   strings or numbers, a conversion to a named string type);
    /// - no allocation by type or content: the gc engine's text reading counts a site the
    ///   native engine, knowing the types, does not allocate for (boxing a pointer-shaped,
    ///   zero-size or static value, `new` of a zero-size type, a closure without captures);
    /// - removed by the backend: a gc-only site in code the native engine finds SSA removes
    ///   (dead once constants propagate, or growth within a known capacity);
    /// - site construction: the rest.
    static func cause(_ k: Key, facts: PackageFacts, gcAt: [String: [String]], nativeAt: [String: [String]],
                      functionAt: [Key: String], otherSide: Set<String>, gcOnly: Bool) -> String {
        let position = "\(k.file):\(k.line):\(k.column)"
        if let f = functionAt[k], facts.genericFunctions.contains(f) { return "generic shape instance" }
        let g = (gcAt[position] ?? []).sorted(), n = (nativeAt[position] ?? []).sorted()
        if g.contains(where: { $0.contains("go.shape") }) { return "generic shape instance" }
        if g != n { return "escape verdict differs" }
        if gcOnly && facts.backendRemoved.contains(k) { return backendRemoves }
        if otherSide.contains(position) { return kindUndecided }
        if gcOnly && Self.textCannotJudge.contains(k.kind) && g.contains(where: { $0.hasPrefix("escapes ") || $0.hasPrefix("no-escape ") }) {
            return typeDecides
        }
        return "site construction"
    }

    /// Compares the two engines' facts, classifies every disagreement, prints the summary and
    /// writes every disagreement to `$TMPDIR/heapsight-allocs-CORPUS-disagreements.txt`; returns
    /// the agreement and the agreement on the sites the `-m` text decides.
    static func compare(_ facts: PackageFacts, packages: Int, untyped: [String], corpus: String) throws -> (Agreement, Agreement) {
        let a = Agreement(gc: facts.gcAllocs, native: facts.nativeAllocs)
        var gcAt: [String: [String]] = [:], nativeAt: [String: [String]] = [:]
        for v in facts.gcVerdicts { gcAt["\(v.file):\(v.line):\(v.column)", default: []].append("\(v.kind.rawValue) \(v.subject)") }
        for v in facts.nativeVerdicts { nativeAt["\(v.file):\(v.line):\(v.column)", default: []].append("\(v.kind.rawValue) \(v.subject)") }
        var functionAt: [Key: String] = [:]
        var subjectAt: [Key: String] = [:]
        for f in facts.gcAllocs + facts.nativeAllocs {
            functionAt[key(f)] = f.function
            subjectAt[key(f)] = f.subject
        }
        var classes: [String: Int] = [:]
        var undecided = (gc: [String: Int](), native: [String: Int]())
        var lines: [String] = []
        let gcOnlyAt = Set(a.onlyGC.keys.map { "\($0.file):\($0.line):\($0.column)" })
        let nativeOnlyAt = Set(a.onlyNative.keys.map { "\($0.file):\($0.line):\($0.column)" })
        for (side, table, other) in [("only gc    ", a.onlyGC, nativeOnlyAt), ("only native", a.onlyNative, gcOnlyAt)] {
            for (k, count) in table.sorted(by: { $0.key < $1.key }) {
                let c = cause(k, facts: facts, gcAt: gcAt, nativeAt: nativeAt, functionAt: functionAt, otherSide: other,
                                   gcOnly: side.hasPrefix("only gc"))
                classes["\(c) (\(side.trimmingCharacters(in: .whitespaces)), \(k.kind))", default: 0] += count
                if c == kindUndecided || c == typeDecides || c == backendRemoves {
                    if side.hasPrefix("only gc") { undecided.gc[k.kind, default: 0] += count } else { undecided.native[k.kind, default: 0] += count }
                }
                let position = "\(k.file):\(k.line):\(k.column)"
                lines.append("\(side) [\(c)] \(k.text) \(subjectAt[k] ?? "") | gc: \((gcAt[position] ?? []).joined(separator: "; ")) | native: \((nativeAt[position] ?? []).joined(separator: "; "))")
            }
        }
        var report = "native vs gc alloc facts over all of \(corpus) (\(packages) packages): F1 \(String(format: "%.4f", a.f1(a.kinds)))\n"
        for k in a.kinds {
            report += "  \(k.padding(toLength: 14, withPad: " ", startingAt: 0)) gc \(a.gc[k] ?? 0) native \(a.native[k] ?? 0) both \(a.both[k] ?? 0) F1 \(String(format: "%.4f", a.f1([k])))\n"
        }
        var decided = a
        for (k, n) in undecided.gc { decided.gc[k, default: 0] -= n }
        for (k, n) in undecided.native { decided.native[k, default: 0] -= n }
        report += "on the sites the -m text decides (without the classes \"\(kindUndecided)\", \"\(typeDecides)\" and \"\(backendRemoves)\"): F1 \(String(format: "%.4f", decided.f1(a.kinds)))\n"
        for k in a.kinds {
            report += "  \(k.padding(toLength: 14, withPad: " ", startingAt: 0)) gc \(decided.gc[k] ?? 0) native \(decided.native[k] ?? 0) both \(decided.both[k] ?? 0) F1 \(String(format: "%.4f", decided.f1([k])))\n"
        }
        report += "  placements equal on \(a.placementAgrees) of \(a.placementAgrees + a.placementDiffers.count) matched sites\n"
        report += "  native sites no verdict prints (not compared): \(facts.unprinted.count)\n"
        report += "  packages that do not type-check natively: \(untyped.joined(separator: " "))\n"
        report += "disagreement classes:\n"
        for (c, n) in classes.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) { report += "  \(n)\t\(c)\n" }
        let log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("heapsight-allocs-\(corpus)-disagreements.txt")
        try (report + lines.joined(separator: "\n") + "\nplacement differences:\n" + a.placementDiffers.sorted().joined(separator: "\n") + "\n")
            .write(to: log, atomically: true, encoding: .utf8)
        print(report)
        print("\(lines.count) disagreements in \(log.path)")
        return (a, decided)
    }

    /// Asserts the F1 floors per kind (nil: all kinds), raw and on the decided sites.
    static func assertFloors(_ a: Agreement, _ floors: [String?: Double], _ decided: Agreement, _ decidedFloors: [String?: Double],
                             file: StaticString = #filePath, line: UInt = #line) {
        for (table, agreement, what) in [(floors, a, ""), (decidedFloors, decided, " on decided sites")] {
            for (kind, floor) in table {
                XCTAssertGreaterThanOrEqual(agreement.f1(kind.map { [$0] } ?? a.kinds), floor,
                                            "F1 of \(kind ?? "all kinds")\(what)", file: file, line: line)
            }
        }
    }

    func testAllOfStd() throws {
        let compiler = try StdCompilerOracle.std.get()
        let (facts, packages, untyped) = try Self.collect(NativeProgram(goroot: TestSupport.goToolchain.goroot).session.standardPackages(),
                                                          compiler: compiler)
        let (a, decided) = try Self.compare(facts, packages: packages, untyped: untyped, corpus: "std")
        XCTAssertGreaterThan(packages, 340)
        XCTAssertEqual(untyped, [])
        XCTAssertGreaterThan(a.gc.values.reduce(0, +), 35000)
        Self.assertFloors(a, Self.floors, decided, Self.decidedFloors)
    }

    /// The same over every package of cmd that the compiler compiled (`cmd/...`, the packages
    /// cmd vendors included as `cmd/vendor/...`).
    func testAllOfCmd() throws {
        let compiler = try StdCompilerOracle.cmd.get()
        let paths = compiler.keys.filter { $0.hasPrefix("cmd/") }.sorted()
        let (facts, packages, untyped) = try Self.collect(paths, compiler: compiler)
        let (a, decided) = try Self.compare(facts, packages: packages, untyped: untyped, corpus: "cmd")
        XCTAssertGreaterThan(packages, 310)
        XCTAssertEqual(untyped, [])
        XCTAssertGreaterThan(a.gc.values.reduce(0, +), 55000)
        Self.assertFloors(a, Self.cmdFloors, decided, Self.cmdDecidedFloors)
    }

    /// Measured 2026-12-05 over cmd, the packages it vendors included (56,795 gc facts in 315
    /// packages; 36,260 in 163 before cmd's vendored modules resolved), per kind that appears
    /// at least 50 times, minus 0.005. The largest class is closures without captures (1,021),
    /// which the gc engine's text reading counts and which allocate nothing. `concat` is lower
    /// over x/arch's disassemblers: sums of named integers boxed into interfaces (`Reg(0) +
    /// Reg(x)`, 46 sites) read as string concatenations by the text, where the native engine
    /// has no concatenation. With all of the session's branches merged: `var` 0.9707,
    /// `make-slice` 0.9875 (0.9917 decided); floors are those minus 0.005.
    static let cmdFloors: [String?: Double] = [
        nil: 0.961, "append-grow": 0.99, "bytes-string": 0.934, "closure": 0.886, "composite": 0.99,
        "concat": 0.91, "iface-conv": 0.938, "make-map": 0.984, "make-slice": 0.982, "new": 0.986,
        "string-bytes": 0.991, "var": 0.965,
    ]

    /// The same on the sites the `-m` text decides (measured 0.9912 over all kinds).
    static let cmdDecidedFloors: [String?: Double] = [
        nil: 0.986, "append-grow": 0.99, "bytes-string": 0.981, "closure": 0.986, "composite": 0.991,
        "concat": 0.957, "iface-conv": 0.98, "make-map": 0.99, "make-slice": 0.986, "new": 0.991,
        "string-bytes": 0.991, "var": 0.965,
    ]

    /// Measured 2026-12-05 against go 1.27.3 (35,315 gc facts over 351 packages), per kind that
    /// appears at least 50 times, minus a small margin (0.005 where this measurement raised
    /// it: parameters of bodyless functions are no longer gc sites). `method-value` has no floor:
    /// without the assembly the gc engine reads every selector `x.f` as a boxed field (five
    /// times as common as a method value), so its 247 native method values all count as
    /// disagreements. `append-grow` measures 0.9712 (0.9815 before) since the native engine
    /// drops the appends whose growth the backend removes (a known length and capacity with
    /// room, `prove`'s first append, code dead once constants propagate: 154 of the 171 sites of
    /// the class "removed by the backend"), which the compiled code confirms
    /// (`NativeAllocationsAssemblyTests`: 0.9645 → 0.9716) and the `-m` text, printing every
    /// escaping `append`, cannot tell; on the decided sites it rose 0.9813 → 0.9875. All kinds
    /// 0.9625 (0.9642 before), decided 0.9896 (0.9887). With literals copied by inlining made
    /// from their pre-inlining bodies (GoIR), 2026-12-05: all kinds 0.9654, decided 0.9928
    /// (new 0.9906 / 0.9933); the floors are the measured values minus 0.005.
    static let floors: [String?: Double] = [
        nil: 0.960, "append-grow": 0.973, "bytes-string": 0.945, "closure": 0.938, "composite": 0.989,
        "concat": 0.979, "iface-conv": 0.901, "make-map": 0.970, "make-slice": 0.976, "new": 0.985,
        "string-bytes": 0.968, "var": 0.983,
    ]

    /// The same on the sites whose allocation and kind the `-m` text decides (measured 0.9896
    /// over all kinds, `append-grow` 0.9875).
    static let decidedFloors: [String?: Double] = [
        nil: 0.987, "append-grow": 0.990, "bytes-string": 0.984, "closure": 0.980, "composite": 0.991,
        "concat": 0.993, "iface-conv": 0.981, "make-map": 0.989, "make-slice": 0.984, "new": 0.988,
        "string-bytes": 0.971, "var": 0.983,
    ]
}

import Foundation
import XCTest
import GCEngine
import NativeEngine
import PassKit
import TestSupport

/// Native `alloc` facts against the gc engine's facts read from the compiler's assembly over
/// every package of std (`go build -a -gcflags=all='-m=2 -S' std`, go 1.27.3, linux/amd64, cgo
/// off): the honest oracle of the allocations pass. With the listing the gc engine knows which
/// sites call a run-time allocator (`newobject`, `makeslice`, `growslice`, `convT*`, ...), so a
/// heap site is one the compiled code allocates at, and the sites `-m` never prints
/// (`make(chan)`, map growth, `go`, heap `defer`, `s += x`) are compared too.
///
/// An assembly instruction carries a line, not a column, and an allocator call inlined from
/// another function sits on the inlined body's line, so sites are matched as multisets of
/// (file, line, kind); placements (`heap`, `stack`, `may`) are compared on the matched sites,
/// and heap sites are scored apart (the sites whose placement is `heap` on each side), as are
/// sites whose placement agrees too (a fact that says `stack` where the compiled code
/// allocates on the heap, or `may` where it decides, agrees on its line only).
///
/// Every disagreement is classified by its cause and written with it to
/// `$TMPDIR/heapsight-allocs-std-assembly-disagreements.txt`:
/// - generic shape instance: in a generic function (the compiler compiles per shape);
/// - kind differs on the line: both sides have a site on the line, of different kinds;
/// - escape verdict differs: the engines' escape verdicts on the line differ (the native
///   escape analysis, not the allocation rules);
/// - no allocator call in the assembly: a native site on a line whose verdicts agree, where
///   the compiled code calls no allocator of that kind (static data, a value the backend
///   keeps in registers, a call it removed);
/// - allocator call without a native site: the assembly calls an allocator (named in the
///   class) on a line where the native engine predicts none of that kind.
final class NativeAllocationsAssemblyTests: XCTestCase {
    /// The comparison key: file, line and kind (the assembly has no columns).
    struct Key: Hashable, Comparable {
        var file: String
        var line: Int
        var kind: String

        static func < (a: Key, b: Key) -> Bool { (a.file, a.line, a.kind) < (b.file, b.line, b.kind) }
        var text: String { "\(file):\(line) \(kind)" }
        var position: String { "\(file):\(line)" }
    }

    static func key(_ f: Fact) -> Key { Key(file: f.file, line: f.line, kind: NativeAllocationsStdTests.kind(f)) }
    static func placement(_ f: Fact) -> String { NativeAllocationsStdTests.placement(f) }

    /// Per kind counts of the two multisets and of their intersection.
    struct Score {
        var gc: [String: Int] = [:]
        var native: [String: Int] = [:]
        var both: [String: Int] = [:]

        func f1(_ kinds: [String]) -> Double {
            let c = kinds.reduce(0) { $0 + (gc[$1] ?? 0) }, n = kinds.reduce(0) { $0 + (native[$1] ?? 0) }
            let b = kinds.reduce(0) { $0 + (both[$1] ?? 0) }
            return c + n == 0 ? 1 : 2 * Double(b) / Double(c + n)
        }

        func precision(_ k: String) -> Double { (native[k] ?? 0) == 0 ? 1 : Double(both[k] ?? 0) / Double(native[k]!) }
        func recall(_ k: String) -> Double { (gc[k] ?? 0) == 0 ? 1 : Double(both[k] ?? 0) / Double(gc[k]!) }
        var kinds: [String] { Set(gc.keys).union(native.keys).sorted() }

        /// `kind gc N native N both N P R F1` per kind, and the total.
        var table: String {
            var out = "  all kinds      gc \(gc.values.reduce(0, +)) native \(native.values.reduce(0, +)) both \(both.values.reduce(0, +)) F1 \(String(format: "%.4f", f1(kinds)))\n"
            for k in kinds {
                out += "  \(k.padding(toLength: 14, withPad: " ", startingAt: 0)) gc \(gc[k] ?? 0) native \(native[k] ?? 0) both \(both[k] ?? 0)"
                    + " P \(String(format: "%.3f", precision(k))) R \(String(format: "%.3f", recall(k))) F1 \(String(format: "%.4f", f1([k])))\n"
            }
            return out
        }
    }

    /// The matching of the two sides' facts.
    struct Matching {
        var all = Score()
        var heap = Score()
        /// Sites matched with the same placement (`heap`, `stack` or `may`) on both sides: a
        /// fact agrees only when where it allocates agrees too.
        var placed = Score()
        var onlyGC: [(Key, Fact)] = []
        var onlyNative: [(Key, Fact)] = []
        var placements: [String: Int] = [:]
        /// The matched sites whose placements differ: `gc P native Q kind file:line subject in F`.
        var placementDiffers: [String] = []

        init(gc: [Fact], native: [Fact]) {
            var pool: [Key: [Fact]] = [:]
            for f in gc {
                let k = NativeAllocationsAssemblyTests.key(f)
                pool[k, default: []].append(f)
                all.gc[k.kind, default: 0] += 1
                placed.gc[k.kind, default: 0] += 1
                if NativeAllocationsAssemblyTests.placement(f) == "heap" { heap.gc[k.kind, default: 0] += 1 }
            }
            for f in native {
                let k = NativeAllocationsAssemblyTests.key(f), p = NativeAllocationsAssemblyTests.placement(f)
                all.native[k.kind, default: 0] += 1
                placed.native[k.kind, default: 0] += 1
                if p == "heap" { heap.native[k.kind, default: 0] += 1 }
                guard var list = pool[k], !list.isEmpty else { onlyNative.append((k, f)); continue }
                let i = list.firstIndex { NativeAllocationsAssemblyTests.placement($0) == p } ?? 0
                let match = list.remove(at: i)
                pool[k] = list
                all.both[k.kind, default: 0] += 1
                let q = NativeAllocationsAssemblyTests.placement(match)
                placements["gc \(q) native \(p)", default: 0] += 1
                if q == p {
                    placed.both[k.kind, default: 0] += 1
                } else {
                    placementDiffers.append("gc \(q) native \(p) \(k.kind) \(k.position) \(f.subject) in \(f.function ?? "")"
                                            + " | gc: \(match.explanation.suffix(2).joined(separator: " / ")) | native: \(f.explanation.suffix(4).joined(separator: " / "))")
                }
                if q == "heap" && p == "heap" { heap.both[k.kind, default: 0] += 1 }
            }
            for (k, list) in pool { for f in list { onlyGC.append((k, f)) } }
            onlyGC.sort { $0.0 < $1.0 }
            onlyNative.sort { $0.0 < $1.0 }
        }
    }

    /// The cause class of one disagreement.
    static func cause(_ k: Key, _ f: Fact, gcOnly: Bool, facts: NativeAllocationsStdTests.PackageFacts,
                      otherKinds: [String: Set<String>], gcAt: [String: [String]], nativeAt: [String: [String]]) -> String {
        let function = f.function ?? ""
        if facts.genericFunctions.contains(function) || function.contains("[") || f.subject.contains("go.shape") {
            return "generic shape instance"
        }
        if let kinds = otherKinds[k.position], !kinds.isEmpty { return "kind differs on the line" }
        let g = (gcAt[k.position] ?? []).sorted(), n = (nativeAt[k.position] ?? []).sorted()
        if g.contains(where: { $0.contains("go.shape") }) { return "generic shape instance" }
        if g != n { return "escape verdict differs" }
        if !gcOnly { return "no allocator call in the assembly" }
        let call = f.explanation.lazy.compactMap { line -> String? in
            guard let r = line.range(of: "call of runtime.") else { return nil }
            return String(line[r.upperBound...].prefix { $0 != " " })
        }.first ?? "?"
        return "allocator call without a native site (runtime.\(call))"
    }

    /// Scores, classifies and logs; returns the matching.
    static func compare(_ facts: NativeAllocationsStdTests.PackageFacts, packages: Int, untyped: [String]) throws -> Matching {
        let m = Matching(gc: facts.gcAllocs, native: facts.nativeAllocs)
        var gcAt: [String: [String]] = [:], nativeAt: [String: [String]] = [:]
        for v in facts.gcVerdicts { gcAt["\(v.file):\(v.line)", default: []].append("\(v.kind.rawValue) \(v.subject)") }
        for v in facts.nativeVerdicts { nativeAt["\(v.file):\(v.line)", default: []].append("\(v.kind.rawValue) \(v.subject)") }
        var gcOnlyKinds: [String: Set<String>] = [:], nativeOnlyKinds: [String: Set<String>] = [:]
        for (k, _) in m.onlyGC { gcOnlyKinds[k.position, default: []].insert(k.kind) }
        for (k, _) in m.onlyNative { nativeOnlyKinds[k.position, default: []].insert(k.kind) }
        var classes: [String: Int] = [:]
        var lines: [String] = []
        for (side, list, other) in [("only gc    ", m.onlyGC, nativeOnlyKinds), ("only native", m.onlyNative, gcOnlyKinds)] {
            let gcOnly = side.hasPrefix("only gc")
            for (k, f) in list {
                let c = cause(k, f, gcOnly: gcOnly, facts: facts, otherKinds: other, gcAt: gcAt, nativeAt: nativeAt)
                classes["\(c) (\(side.trimmingCharacters(in: .whitespaces)), \(k.kind) \(placement(f)))", default: 0] += 1
                lines.append("\(side) [\(c)] \(k.text) \(placement(f)) \(f.subject) in \(f.function ?? "")"
                             + " | gc: \((gcAt[k.position] ?? []).joined(separator: "; ")) | native: \((nativeAt[k.position] ?? []).joined(separator: "; "))")
            }
        }
        var report = "native alloc facts vs the gc engine's assembly-read facts over all of std (\(packages) packages), matched per (file, line, kind)\n"
        report += "all sites:\n" + m.all.table
        report += "heap sites (placement heap on each side):\n" + m.heap.table
        report += "sites with their placement (kind, line and heap/stack/may equal):\n" + m.placed.table
        report += "placements of matched sites:\n"
        for (p, n) in m.placements.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) { report += "  \(n)\t\(p)\n" }
        report += "packages that do not type-check natively: \(untyped.joined(separator: " "))\n"
        report += "disagreement classes:\n"
        for (c, n) in classes.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) { report += "  \(n)\t\(c)\n" }
        let log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("heapsight-allocs-std-assembly-disagreements.txt")
        try (report + lines.joined(separator: "\n") + "\nplacement differences:\n" + m.placementDiffers.sorted().joined(separator: "\n") + "\n")
            .write(to: log, atomically: true, encoding: .utf8)
        print(report)
        print("\(lines.count) disagreements in \(log.path)")
        return m
    }

    func testAllOfStdAgainstAssembly() throws {
        let oracle = try StdCompilerOracle.stdAssembly.get()
        XCTAssertGreaterThan(oracle.calls.values.reduce(0) { $0 + $1.count }, 20000, "the listing's allocator calls were read")
        let paths = NativeProgram(goroot: TestSupport.goToolchain.goroot).session.standardPackages()
        let (facts, packages, untyped) = try NativeAllocationsStdTests.collect(paths, compiler: oracle.facts, calls: oracle.calls,
                                                                                  methodValueWrappers: oracle.methodValueWrappers)
        let m = try Self.compare(facts, packages: packages, untyped: untyped)
        XCTAssertGreaterThan(packages, 340)
        XCTAssertEqual(untyped, [])
        for (floors, score, what) in [(Self.floors, m.all, "all sites"), (Self.heapFloors, m.heap, "heap sites"),
                                      (Self.placedFloors, m.placed, "sites with their placement")] {
            for (kind, floor) in floors {
                XCTAssertGreaterThanOrEqual(score.f1(kind.map { [$0] } ?? score.kinds), floor, "F1 of \(kind ?? "all kinds"), \(what)")
            }
        }
    }

    /// Measured 2026-12-05 against go 1.27.3 over 374 packages (35,924 gc facts, 35,925 native,
    /// all kinds 0.9845), per kind that appears at least 50 times, minus 0.005 (a floor is never
    /// lowered): every kind is at or above the 0.97 target; the lowest are `iface-conv` 0.9743,
    /// `closure` 0.9769, `make-slice` 0.9786; `new` 0.9847, `method-value` 0.9879 (classes in the
    /// log and in docs/native-engine.md).
    static let floors: [String?: Double] = [
        nil: 0.979, "append-grow": 0.978, "bytes-string": 0.980, "closure": 0.971, "composite": 0.984,
        "concat": 0.991, "go": 0.991, "iface-conv": 0.969, "make-chan": 0.990, "make-map": 0.979,
        "make-slice": 0.973, "map-grow": 0.979, "method-value": 0.982, "new": 0.979, "string-bytes": 0.977,
        "var": 0.985,
    ]

    /// The same on heap sites; `map-grow` has 11 heap sites (first inserts into small heap map
    /// literals). `closure` measures 0.9467: the closures copied by inlining are heap closures
    /// on both sides now (the compiler compiles the copies without inlining into them).
    static let heapFloors: [String?: Double] = [
        nil: 0.976, "append-grow": 0.979, "bytes-string": 0.953, "closure": 0.942, "composite": 0.979,
        "concat": 0.990, "iface-conv": 0.973, "make-chan": 0.990, "make-map": 0.975, "make-slice": 0.967,
        "map-grow": 0.911, "method-value": 0.975, "new": 0.975, "string-bytes": 0.985, "var": 0.985,
    ]

    /// The same with placements compared (kind, line and `heap` / `stack` / `may` equal), measured
    /// 2026-12-05 (all kinds 0.9812; 0.9725 before walk's and SSA's placement rules for appends,
    /// makes, concatenations and string conversions, and the gc engine's pairing of non-escaping
    /// conversions and constant makes): every kind that appears at least 50 times is at or above
    /// the 0.97 target; the lowest are `bytes-string` 0.9706, `string-bytes` 0.9714, `make-slice`
    /// 0.9715 and `iface-conv` 0.9735. 119 of 35,368 matched sites differ in placement (the log
    /// lists them).
    static let placedFloors: [String?: Double] = [
        nil: 0.976, "append-grow": 0.972, "bytes-string": 0.965, "closure": 0.968, "composite": 0.981,
        "concat": 0.990, "go": 0.991, "iface-conv": 0.968, "make-chan": 0.990, "make-map": 0.974,
        "make-slice": 0.966, "map-grow": 0.978, "method-value": 0.982, "new": 0.979, "string-bytes": 0.966,
        "var": 0.985,
    ]
}

import XCTest
@testable import GoTypes

/// `Program.intern`: a composite type is found by its structure, whatever was interned
/// between, and structurally different types stay apart, across the table's growth.
final class TypeInterningTests: XCTestCase {
    func testStructureFindsTheSameTypeAcrossGrowth() {
        let p = Program()
        let int = p.basicType(.int), str = p.basicType(.string)
        // Enough distinct types to grow the table several times (it starts at 256 slots).
        var arrays: [TypeID] = []
        for n in 0..<5_000 { arrays.append(p.array(Int64(n), int)) }
        XCTAssertEqual(Set(arrays).count, 5_000, "distinct array lengths are distinct types")
        for n in stride(from: 0, to: 5_000, by: 97) {
            XCTAssertEqual(p.array(Int64(n), int), arrays[n], "[\(n)]int found again")
        }
        XCTAssertNotEqual(p.array(3, str), arrays[3], "element type is part of the structure")
        let m = p.map(str, p.slice(int))
        XCTAssertEqual(p.map(str, p.slice(int)), m)
        XCTAssertNotEqual(p.map(p.slice(int), str), m)
        XCTAssertEqual(p.pointer(m), p.pointer(p.map(str, p.slice(int))))
    }

    func testTuplesAndSignaturesAreInternedByTheirVariables() {
        let p = Program()
        let int = p.basicType(.int)
        let a = p.newObject(ObjectRecord(kind: .variable, name: "a", package: -1, type: int, variableKind: .parameter))
        let b = p.newObject(ObjectRecord(kind: .variable, name: "b", package: -1, type: int, variableKind: .parameter))
        let t = p.tuple([a, b])
        XCTAssertEqual(p.tuple([a, b]), t)
        XCTAssertNotEqual(p.tuple([b, a]), t, "order is part of a tuple")
        let s = SignatureType(recv: nil, typeParams: [], params: [a], results: [b], variadic: false)
        XCTAssertEqual(p.signature(s), p.signature(s))
        var v = s
        v.variadic = true
        XCTAssertNotEqual(p.signature(v), p.signature(s))
    }
}

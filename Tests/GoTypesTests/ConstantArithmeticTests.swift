import XCTest
import GoSyntax
@testable import GoTypes

/// Exact constant arithmetic: big integers, rationals, rounding to IEEE formats and literal
/// values, with expectations that follow from the spec and IEEE 754 (not from our output).
final class ConstantArithmeticTests: XCTestCase {
    func testBigIntegerArithmeticAndText() {
        let two64 = BigInt.one.shiftedLeft(64)
        XCTAssertEqual(two64.description, "18446744073709551616")
        XCTAssertEqual((two64 - .one).uint64, UInt64.max)
        XCTAssertEqual((BigInt.one.shiftedLeft(100) / BigInt(1_000_000_007)).description, "1267650591354675262013")
        XCTAssertEqual((BigInt(-7) / BigInt(2)).description, "-3")     // truncated like Go
        XCTAssertEqual((BigInt(-7) % BigInt(2)).description, "-1")
        XCTAssertEqual(BigInt(-8).shiftedRight(1).description, "-4")
        XCTAssertEqual(BigInt(-7).shiftedRight(1).description, "-4")    // rounds toward -inf
        XCTAssertEqual((BigInt(-1) & BigInt(0xff)).description, "255")  // two's complement
        XCTAssertEqual(BigInt.andNot(BigInt(0xff), BigInt(0x0f)).description, "240")
        XCTAssertEqual((~BigInt(0)).description, "-1")
    }

    /// Digits are gathered a machine word at a time: values on both sides of each word
    /// boundary, in every base, with separators, equal the shifted-and-added value.
    func testDigitsAcrossWordBoundaries() throws {
        let two128 = BigInt.one.shiftedLeft(128)
        XCTAssertEqual(BigInt(digits: Array("340282366920938463463374607431768211457".utf8), base: 10), two128 + .one)
        XCTAssertEqual(BigInt(digits: Array("1_0000_0000_0000_0000_0000_0000_0000_0000".utf8), base: 16), two128)
        XCTAssertEqual(BigInt(digits: Array(("1" + String(repeating: "0", count: 128)).utf8), base: 2), two128)
        XCTAssertEqual(BigInt(digits: Array("18446744073709551615".utf8), base: 10)?.uint64, UInt64.max)
        XCTAssertEqual(BigInt(digits: Array("18446744073709551616".utf8), base: 10), BigInt.one.shiftedLeft(64))
        XCTAssertEqual(BigInt(digits: Array("2000000000000000000000".utf8), base: 8), BigInt.one.shiftedLeft(64))
        XCTAssertNil(BigInt(digits: Array("12a".utf8), base: 10))
        XCTAssertNil(BigInt(digits: Array("_".utf8), base: 10))
        let s = try XCTUnwrap(ConstantValue.literal(.string, "\"a\\tb\\x41\\u00e9\""))
        XCTAssertEqual(s, .string([97, 9, 98, 0x41, 0xc3, 0xa9]))
        XCTAssertEqual(ConstantValue.literal(.string, "\"plain é\""), .string(Array("plain é".utf8)))
    }

    func testFloatRounding() throws {
        let tenth = try XCTUnwrap(ConstantValue.literal(.float, "0.1")?.rational)
        XCTAssertEqual(tenth.description, "1/10")
        // 0.1 as float64 is 3602879701896397 / 2^55.
        XCTAssertEqual(tenth.float64?.description, "3602879701896397/36028797018963968")
        // 0.1 as float32 is 13421773 / 2^27.
        XCTAssertEqual(tenth.float32?.description, "13421773/134217728")
        // 2^1023 is a float64; 2^1024 overflows.
        let big = Rational(BigInt.one.shiftedLeft(1024))
        XCTAssertNil(big.float64)
        XCTAssertNotNil(Rational(BigInt.one.shiftedLeft(1023)).float64)
        // Smallest subnormal: 2^-1074 stays, half of it rounds to zero (ties to even).
        let tiny = Rational(.one).scaled(byPowerOfTwo: -1074)
        XCTAssertEqual(tiny.float64, tiny)
        XCTAssertEqual(tiny.scaled(byPowerOfTwo: -1).float64, .zero)
    }

    func testLiterals() {
        XCTAssertEqual(ConstantValue.literal(.int, "0x_FF")?.dumpText, "255")
        XCTAssertEqual(ConstantValue.literal(.int, "0o17")?.dumpText, "15")
        XCTAssertEqual(ConstantValue.literal(.int, "017")?.dumpText, "15")
        XCTAssertEqual(ConstantValue.literal(.int, "0b1010")?.dumpText, "10")
        XCTAssertEqual(ConstantValue.literal(.float, "1e3")?.dumpText, "1000")
        XCTAssertEqual(ConstantValue.literal(.float, "0x1p-2")?.dumpText, "1/4")
        XCTAssertEqual(ConstantValue.literal(.imag, "2.5i")?.dumpText, "(0, 5/2)")
        XCTAssertEqual(ConstantValue.literal(.imag, "0777i")?.dumpText, "(0, 777)")
        XCTAssertEqual(ConstantValue.literal(.char, "'\\u00e9'")?.dumpText, "233")
        XCTAssertEqual(ConstantValue.literal(.char, "'\\377'")?.dumpText, "255")
        XCTAssertEqual(ConstantValue.literal(.string, "\"a\\x00\\u00e9\"")?.dumpText, "\"a\\x00\\xc3\\xa9\"")
        XCTAssertEqual(ConstantValue.literal(.string, "`a\\n`")?.dumpText, "\"a\\\\n\"")
    }

    func testOperations() {
        let seven = ConstantValue.int(BigInt(7)), two = ConstantValue.int(BigInt(2))
        XCTAssertEqual(ConstantValue.binary(seven, .quo, two, integerDivision: true)?.dumpText, "3")
        XCTAssertEqual(ConstantValue.binary(seven, .quo, two, integerDivision: false)?.dumpText, "7/2")
        XCTAssertNil(ConstantValue.binary(seven, .quo, .int(.zero), integerDivision: true))
        XCTAssertEqual(ConstantValue.unary(.xor, .int(.one), unsignedBits: 8)?.dumpText, "254")
        XCTAssertEqual(ConstantValue.unary(.xor, .int(.one), unsignedBits: 0)?.dumpText, "-2")
        XCTAssertEqual(ConstantValue.compare(.float(Rational(BigInt(1), BigInt(3))), .lss, .int(.one)), true)
        let i = ConstantValue.complex(.zero, Rational(.one))
        XCTAssertEqual(ConstantValue.binary(i, .mul, i, integerDivision: false)?.dumpText, "(-1, 0)")
    }
}

extension ConstantArithmeticTests {
    /// Scaling by a power of two cancels twos by shifts: the result is the same lowest-terms
    /// rational a division by the gcd gives, for signs, odd and even parts and both directions.
    func testScaledByPowerOfTwoIsInLowestTerms() {
        let values: [Rational] = [
            Rational(BigInt(3), BigInt(8)), Rational(BigInt(-3), BigInt(8)), Rational(BigInt(12)), Rational(BigInt(-40)),
            Rational(BigInt(1), BigInt(10)), Rational(BigInt(7), BigInt(96)), Rational(BigInt.one.shiftedLeft(70) * BigInt(5)),
            Rational(BigInt(-5), BigInt.one.shiftedLeft(90)), .zero,
        ]
        for r in values {
            for e in [-100, -70, -33, -32, -5, -3, -1, 0, 1, 3, 5, 32, 33, 70, 100] {
                let expected = e >= 0 ? Rational(r.num.shiftedLeft(e), r.den) : Rational(r.num, r.den.shiftedLeft(-e))
                XCTAssertEqual(r.scaled(byPowerOfTwo: e), expected, "\(r) * 2^\(e)")
            }
        }
    }

    /// Boxed floats and complex values compare, hash and match as before.
    func testBoxedConstantValues() {
        let a = ConstantValue.float(Rational(BigInt(1), BigInt(3)))
        XCTAssertEqual(a, .float(Rational(BigInt(1), BigInt(3))))
        XCTAssertNotEqual(a, .float(Rational(BigInt(2), BigInt(3))))
        XCTAssertEqual(Set([a, .float(Rational(BigInt(1), BigInt(3))), .complex(.zero, Rational(BigInt(1)))]).count, 2)
        XCTAssertEqual(ConstantValue.complex(Rational(BigInt(2)), .zero).integer, BigInt(2))
        XCTAssertLessThanOrEqual(MemoryLayout<ConstantValue?>.size, 17)
    }
}

/// The per-file node tables: lookups, overwrites and removals keep every other entry.
final class NodeMapTests: XCTestCase {
    func testInsertOverwriteRemove() {
        var m = NodeMap<String>()
        XCTAssertNil(m[NodeID(5)])
        m[NodeID(5)] = "a"
        m[NodeID(100)] = "b"
        m[NodeID(1)] = "c"
        m[NodeID(5)] = "a2"
        XCTAssertEqual(m.count, 3)
        XCTAssertEqual(m[NodeID(5)], "a2")
        m[NodeID(5)] = nil
        XCTAssertNil(m[NodeID(5)])
        XCTAssertEqual(m[NodeID(100)], "b")
        XCTAssertEqual(m[NodeID(1)], "c")
        m[NodeID(7)] = nil
        XCTAssertEqual(m.count, 2)
        XCTAssertEqual(Set(m.map { "\($0.key.raw)=\($0.value)" }), ["100=b", "1=c"])
        var optional = NodeMap<Int?>()
        optional[NodeID(2)] = .some(nil)
        XCTAssertEqual(optional.count, 1)
        XCTAssertNotNil(optional[NodeID(2)])
    }
}

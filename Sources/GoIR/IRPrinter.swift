import Foundation
import GoSyntax
import GoTypes

/// Renders GoIR: expressions as the compiler prints them in its messages (`&T{...}`,
/// `... argument`, `(*S).String(s)`, `make([]int, n)`), and whole functions as a readable dump
/// (`heapsight ir`).
public struct IRPrinter {
    let program: Program
    let package: IRPackage
    let types: CompilerTypeName
    let localPackage: Int32

    /// A printer for a lowered package; `localPackage` is the package's index in the program,
    /// `shapes` spells type parameters as a shaped copy of a generic body prints them.
    public init(program: Program, package: IRPackage, localPackage: Int32, shapes: [TypeID: String] = [:]) {
        self.program = program
        self.package = package
        self.localPackage = localPackage
        self.types = CompilerTypeName(program: program, localPackage: localPackage, shapes: shapes)
    }

    // MARK: Message text

    /// `T(operand)` as the compiler prints an explicit conversion (`(*T)(operand)` when the
    /// type has no name).
    public func conversionText(to type: TypeID, _ operand: String) -> String {
        conversionHead(type) + "(\(operand))"
    }

    private func conversionHead(_ type: TypeID) -> String {
        let name = types.name(type)
        // `any` is the compiler's predeclared empty interface, a type with a name.
        return isNamed(type) || name == "any" ? name : "(\(name))"
    }

    /// The expression as the compiler prints it in `-m` messages, as part of an enclosing
    /// expression or statement.
    public func text(_ f: IRFunction, _ id: IRNodeID) -> String {
        var out = ""
        (inlinedShapePrinter(f, f[id].pos.inlined) ?? self).write(f, id, 0, &out)
        return out
    }

    /// The expression as the compiler prints the node a message is about (an allocation, a
    /// flow note's subject): a value marked as converted to its own type prints bare, since
    /// the compiler's message names the converted value itself and only an enclosing
    /// expression shows the conversion around it.
    public func subjectText(_ f: IRFunction, _ id: IRNodeID) -> String {
        guard id.exists, f[id].flags.contains(.sameTypeConversion) else { return text(f, id) }
        var out = ""
        (inlinedShapePrinter(f, f[id].pos.inlined) ?? self).writeOperand(f, id, 0, &out)
        return out
    }

    /// The conversion node `id` printed with `operand` as its operand's text: an explicit
    /// conversion whose operand the compiler rewrote to the constant it holds keeps its head
    /// (`any(uint8(3))` for `any(v)` after `v := uint8(3)`, `(interface {})(9)`).
    public func conversionText(_ f: IRFunction, _ id: IRNodeID, operand: String) -> String {
        (inlinedShapePrinter(f, f[id].pos.inlined) ?? self).conversionHead(f[id].type) + "(" + operand + ")"
    }

    /// For a node copied from shaped copies called with concrete type arguments (`inlined`
    /// names the innermost inlined call), a printer spelling their type parameters as shapes.
    private func inlinedShapePrinter(_ f: IRFunction, _ inlined: Int32) -> IRPrinter? {
        var k = inlined
        var shapes: [TypeID: String] = [:]
        while k >= 0, Int(k) < f.inlinedCalls.count {
            let call = f.inlinedCalls[Int(k)]
            for (p, s) in call.shapes where shapes[p] == nil { shapes[p] = s }
            k = call.parent
        }
        guard !shapes.isEmpty else { return nil }
        for (p, s) in types.shapes where shapes[p] == nil { shapes[p] = s }
        return IRPrinter(program: program, package: package, localPackage: localPackage, shapes: shapes)
    }

    private static func precedence(_ op: IROp, _ token: Token?) -> Int {
        switch op {
        case .unary, .addr, .deref, .recv: return 7
        case .binary:
            switch token {
            case .mul, .quo, .rem, .shl, .shr, .and, .andNot: return 6
            case .add, .sub, .or, .xor: return 5
            default: return 4
            }
        case .addString: return 5
        case .andAnd: return 3
        case .orOr: return 2
        // The compiler gives an inlined call no precedence: `(~r0).f`, `!(~r0)`.
        case .inlinedCall: return 0
        default: return 8
        }
    }

    private func skipImplicit(_ f: IRFunction, _ id: IRNodeID) -> IRNodeID {
        var id = id
        while id.exists {
            let n = f[id]
            switch n.op {
            case .addr, .deref, .conv, .convNop, .convIface:
                if n.flags.contains(.implicit) { id = n.a; continue }
            default: break
            }
            return id
        }
        return id
    }

    private func write(_ f: IRFunction, _ id0: IRNodeID, _ prec: Int, _ out: inout String) {
        let id = skipImplicit(f, id0)
        guard id.exists else { out += "<nil>"; return }
        if f[id].flags.contains(.sameTypeConversion) {
            // The conversion node the compiler keeps binds as tightly as a call.
            out += conversionHead(f[id].type) + "("
            writeOperand(f, id, 0, &out)
            out += ")"
            return
        }
        writeOperand(f, id, prec, &out)
    }

    /// Writes a node past its implicit wrappers and its same-type conversion mark.
    private func writeOperand(_ f: IRFunction, _ id: IRNodeID, _ prec: Int, _ out: inout String) {
        let n = f[id]
        let token = n.op == .binary || n.op == .unary ? Token(rawValue: UInt8(n.aux)) : nil
        let np = Self.precedence(n.op, token)
        if prec > np {
            out += "("
            writeOperand(f, id, 0, &out)
            out += ")"
            return
        }
        switch n.op {
        case .nilValue: out += "nil"
        case .literal: out += constantText(f.constants[Int(n.aux)], type: n.type)
        case .name:
            let v = f[IRVarID(n.aux)]
            out += v.name
        case .global: out += objectName(ObjectID(n.aux))
        case .function where n.aux2 >= 0, .methodExpr where n.aux2 >= 0:
            // The shaped copy a call with a dictionary calls.
            out += f.symbols[Int(n.aux2)]
        case .function: out += objectName(ObjectID(n.aux)) + shapedInstanceSuffix(ObjectID(n.aux))
        case .methodExpr:
            if let sig = program.signatureOf(program.object(ObjectID(n.aux)).type), let r = sig.recv {
                let rt = program.object(r).type
                let name = types.name(rt)
                out += (isPointerType(rt) ? "(\(name))" : name) + "." + program.object(ObjectID(n.aux)).name
            } else {
                out += program.object(ObjectID(n.aux)).name
            }
        case .typeOperand: out += types.name(n.type)
        case .typeWord: out += n.aux == TypeWordSource.dictionary.rawValue ? ".dict" : "type"
        case .dictionary: out += "&" + f.symbols[Int(n.aux)]
        case .closure: out += "func literal"
        case .ptrLit:
            out += "&"
            write(f, n.a, 0, &out)
        case .structLit, .arrayLit, .sliceLit, .mapLit:
            if n.op == .sliceLit && n.flags.contains(.implicit) { out += "... argument"; return }
            out += types.name(n.type) + (n.list == 0 ? "{}" : "{...}")
        case .structKey:
            write(f, n.a, 0, &out)
        case .key:
            write(f, n.a, 0, &out); out += ":"; write(f, n.b, 0, &out)
        case .dot, .dotPtr:
            write(f, n.a, np, &out)
            out += "." + fieldName(f[skipImplicit(f, n.a)].type, f[n.a].type, Int(n.aux))
        case .dotInter, .methodValue:
            write(f, n.a, np, &out)
            out += "." + program.object(ObjectID(n.aux)).name
        case .dotType:
            write(f, n.a, np, &out)
            // A comma-ok assertion has the tuple type (T, bool); it prints as `x.(T)`.
            var asserted = n.type
            if case .tuple(let vars) = program.node(n.type), let first = vars.first { asserted = program.object(first).type }
            out += ".(" + types.name(asserted) + ")"
        case .index, .indexMap:
            write(f, n.a, np, &out)
            out += "["; write(f, n.b, 0, &out); out += "]"
        case .slice:
            write(f, n.a, np, &out)
            out += "["
            if n.b.exists { write(f, n.b, 0, &out) }
            out += ":"
            if n.c.exists { write(f, n.c, 0, &out) }
            let mx = f.list(n.list)
            if let m = mx.first { out += ":"; write(f, m, 0, &out) }
            out += "]"
        case .conv, .convNop, .convIface, .stringToBytes, .bytesToString, .stringToRunes, .runesToString,
             .runeToString, .sliceToArray, .sliceToArrayPtr:
            out += conversionHead(n.type)
            out += "("; write(f, n.a, 0, &out); out += ")"
        case .new:
            // In a shaped copy, a type that depends on the shape is the dictionary's run-time
            // type, which the compiler prints as a dynamic type node.
            if types.printsShapes && ShapeNaming(program: program).mentionsTypeParameter(pointee(n.type)) {
                out += "new(<node DYNAMICTYPE>)"
            } else {
                out += "new(" + types.name(pointee(n.type)) + ")"
            }
        case .builtin:
            let b = BuiltinFunction(rawValue: UInt8(n.aux))
            switch b {
            case .add, .slice:
                out += "unsafe." + (b?.name ?? "") + "("
            case .string, .stringData, .sliceData:
                // The compiler's printer has no form for these operators: it prints the
                // operator's name alone.
                out += "<node unsafe." + (b?.name ?? "") + ">"
                return
            default:
                out += (b?.name ?? "builtin") + "("
            }
            writeList(f, f.list(n.list), &out)
            out += n.flags.contains(.spread) ? "...)" : ")"
        case .makeSlice, .makeMap, .makeChan:
            out += "make(" + types.name(n.type)
            if n.b.exists {
                out += ", "; write(f, n.a, 0, &out); out += ", "; write(f, n.b, 0, &out)
            } else if n.a.exists && (n.op == .makeSlice || !isUntypedConstant(f, n.a)) {
                out += ", "; write(f, n.a, 0, &out)
            }
            out += ")"
        case .call, .callInterface:
            write(f, n.a, np, &out)
            out += "("
            let args = f.list(n.list)
            writeList(f, args, &out)
            // Packed variadic arguments print as a spread slice: `... argument...`, or `nil...`
            // when there are none.
            let packed = args.last.map { (f[$0].op == .sliceLit || f[$0].op == .nilValue) && f[$0].flags.contains(.implicit) } ?? false
            out += (n.flags.contains(.spread) || packed) ? "...)" : ")"
        case .inlinedCall:
            let results = f.list(n.list2)
            if results.count == 1 { write(f, results[0], 0, &out) } else {
                out += "(."; writeList(f, results, &out); out += ")"
            }
        case .unary, .addr, .deref, .recv:
            let opText: String
            switch n.op {
            case .addr: opText = "&"
            case .deref: opText = "*"
            case .recv: opText = "<-"
            default: opText = token?.text ?? "?"
            }
            out += opText
            if f[n.a].op == n.op { out += " " }
            write(f, n.a, np + 1, &out)
        case .binary:
            write(f, n.a, np, &out)
            out += " " + (token?.text ?? "?") + " "
            write(f, n.b, np + 1, &out)
        case .andAnd, .orOr:
            write(f, n.a, np, &out)
            out += n.op == .andAnd ? " && " : " || "
            write(f, n.b, np + 1, &out)
        case .addString:
            for (i, x) in f.list(n.list).enumerated() {
                if i > 0 { out += " + " }
                // A concatenation's operands are never parenthesised inlined calls.
                write(f, x, f[skipImplicit(f, x)].op == .inlinedCall ? 0 : np, &out)
            }
        default:
            out += "<node \(n.op)>"
        }
    }

    private func writeList(_ f: IRFunction, _ items: [IRNodeID], _ out: inout String) {
        for (i, x) in items.enumerated() {
            if i > 0 { out += ", " }
            write(f, x, 0, &out)
        }
    }

    private func isUntypedConstant(_ f: IRFunction, _ id: IRNodeID) -> Bool {
        f[id].op == .literal && f[id].flags.contains(.implicit)
    }

    private func isPointerType(_ t: TypeID) -> Bool {
        if case .pointer = program.node(program.unalias(t)) { return true }
        return false
    }

    private func isNamed(_ t: TypeID) -> Bool {
        switch program.node(program.unalias(t)) {
        case .named, .basic, .typeParam: return true
        default: return false
        }
    }

    private func pointee(_ t: TypeID) -> TypeID {
        if case .pointer(let e) = program.node(program.under(t)) { return e }
        return t
    }

    private func fieldName(_ base: TypeID, _ raw: TypeID, _ index: Int) -> String {
        var t = raw
        if case .pointer(let p) = program.node(program.under(t)) { t = p }
        if case .structure(let s) = program.node(program.under(t)), index < s.fields.count {
            return program.object(s.fields[index]).name
        }
        return "?"
    }

    /// A package-level object's name: unqualified in the local package, else `pkg.Name`.
    /// `[go.shape.int]` after a generic function's name when this printer spells each of its
    /// type parameters as a shape (the shaped copy a wrapper calls); empty otherwise.
    func shapedInstanceSuffix(_ o: ObjectID) -> String {
        guard types.printsShapes, let params = program.signatureOf(program.object(o).type)?.typeParams,
              !params.isEmpty else { return "" }
        let spelled = params.compactMap { types.shapes[$0] }
        return spelled.count == params.count ? "[" + spelled.joined(separator: ",") + "]" : ""
    }

    public func objectName(_ o: ObjectID) -> String {
        let r = program.object(o)
        if r.package < 0 || r.package == localPackage { return r.name }
        return program.packages[Int(r.package)].name + "." + r.name
    }

    /// A constant as the compiler prints it: the value, `'x'` for runes, `T(v)` when the type
    /// is not the value's default type.
    public func constantText(_ v: ConstantValue, type: TypeID) -> String {
        let kind = program.basicKind(type)
        if case .basic(_, let name) = program.node(program.unalias(type)), name == "rune" || kind == .untypedRune,
           case .int(let i) = v, let x = i.int64, x >= 0, x <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(x)) {
            return Self.quoteRune(scalar)
        }
        let value = Self.valueText(v)
        let isDefault: Bool
        switch v {
        case .bool: isDefault = type == program.basicType(.bool) || kind == .untypedBool
        case .string: isDefault = type == program.basicType(.string) || kind == .untypedString
        case .int: isDefault = type == program.basicType(.int) || kind == .untypedInt || kind == .untypedRune
        case .float: isDefault = type == program.basicType(.float64) || kind == .untypedFloat
        case .complex: isDefault = type == program.basicType(.complex128) || kind == .untypedComplex
        case .unknown: isDefault = true
        }
        return isDefault ? value : "\(types.name(type))(\(value))"
    }

    /// go/constant's `String` of a value (long strings shortened).
    static func valueText(_ v: ConstantValue) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return i.description
        case .string(let bytes):
            // go/constant quotes first, then keeps 69 runes of a quoted form over 72 runes.
            let quoted = quote(bytes)
            let maxLength = 72
            if quoted.unicodeScalars.count > maxLength {
                return String(String.UnicodeScalarView(quoted.unicodeScalars.prefix(maxLength - 3))) + "..."
            }
            return quoted
        case .float(let r): return floatText(r)
        case .complex(let re, let im): return "(\(floatText(re)) + \(floatText(im))i)"
        case .unknown: return "unknown"
        }
    }

    /// A string constant quoted as Go quotes it: as `Program.quoteGo` where the bytes are UTF-8,
    /// each byte that starts no valid sequence as `\xNN`.
    static func quote(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return Program.quoteGo(text) }
        var out = "\""
        var i = 0
        for r in GoUTF8.runes(bytes) {
            if r.value == GoUTF8.runeError && r.width == 1 {
                let hex = String(bytes[i], radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else if let scalar = Unicode.Scalar(r.value) {
                out += Program.quoteGo(String(Character(scalar))).dropFirst().dropLast()
            }
            i += r.width
        }
        return out + "\""
    }

    /// go/constant's text of a float value: six significant digits (`%.6g`), integers too
    /// (`1e+06`, `1.79769e+308`), and the shortest digits that read back (`%g`) when six
    /// would print a fraction as a whole number (`100000.5`).
    static func floatText(_ r: Rational) -> String {
        let d = (Double(r.num.description) ?? 0) / (Double(r.den.description) ?? 1)
        let s = String(format: "%.6g", d)
        if !r.isInteger && !s.contains(".") { return shortestG(d) }
        return s
    }

    /// Go's `%g` of a float64: the shortest digits that read back as `d`, in exponent form
    /// (two exponent digits at least, as `%.6g` prints them too) when the decimal exponent is
    /// below -4 or 6 and above.
    static func shortestG(_ d: Double) -> String {
        guard d.isFinite, d != 0 else { return String(format: "%g", d) }
        // Swift's description is the shortest round-trip form; read its digits and exponent.
        let text = d.magnitude.description
        var digits = ""
        var point = 0
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            let mantissa = text[..<e]
            point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
            digits = mantissa.filter { $0 != "." }
        } else {
            point = text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
            digits = text.filter { $0 != "." }
        }
        var dp = point + exponent
        while digits.first == "0" && digits.count > 1 { digits.removeFirst(); dp -= 1 }
        while digits.last == "0" && digits.count > 1 { digits.removeLast() }
        let sign = d < 0 ? "-" : ""
        let exp = dp - 1
        if exp < -4 || exp >= 6 {
            let head = String(digits.prefix(1)), tail = String(digits.dropFirst())
            let e = abs(exp) < 10 ? "0\(abs(exp))" : "\(abs(exp))"
            return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (exp < 0 ? "-" : "+") + e
        }
        if dp <= 0 { return sign + "0." + String(repeating: "0", count: -dp) + digits }
        if dp >= digits.count { return sign + digits + String(repeating: "0", count: dp - digits.count) }
        return sign + String(digits.prefix(dp)) + "." + String(digits.dropFirst(dp))
    }

    static func quoteRune(_ c: Unicode.Scalar) -> String {
        switch c {
        case "\u{07}": return "'\\a'"
        case "\u{08}": return "'\\b'"
        case "\u{0C}": return "'\\f'"
        case "\n": return "'\\n'"
        case "\r": return "'\\r'"
        case "\t": return "'\\t'"
        case "\u{0B}": return "'\\v'"
        case "\\": return "'\\\\'"
        case "'": return "'\\''"
        default:
            if c.value < 0x20 || c.value == 0x7F { return String(format: "'\\x%02x'", c.value) }
            return "'\(Character(c))'"
        }
    }
}

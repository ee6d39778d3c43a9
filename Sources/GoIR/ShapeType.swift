import GoSyntax
import GoTypes

// Shapes: which type arguments share one compiled copy of a generic function.
//
// The compiler does not compile a generic function once per instantiation. It groups the type
// arguments by *shape* and compiles one copy per shape (`Index[go.shape.[]int,go.shape.int]`),
// which receives a dictionary of the instantiation's run-time type information as a leading
// parameter. The shape of a type argument is its underlying type, with one refinement: when the
// type parameter's constraint is fully described by its methods (a "basic" interface: no type
// terms, not `comparable`), every ordinary pointer type shares the shape `*uint8`. A shape is
// printed as `go.shape.` followed by the underlying type's link string, in which every named
// type and unexported field or method is qualified by its package path (`go.shape.struct {
// net/netip.isV6 bool }`); a link string longer than 500 bytes is replaced by its hash.
//
// A shape is kept as that link string and whether it is a pointer. In a shaped body a type
// parameter prints as its shape's name, so `[]E` with `E` shaped `string` is the shape
// `[]go.shape.string` (`Sort[go.shape.[]go.shape.string,go.shape.string]` inside
// `Sorted[go.shape.string]`), and shaping a type parameter again gives its own shape.

/// A shaped type argument: the link string of its underlying type, and whether it is a pointer.
public struct Shape: Hashable, Sendable {
    /// The link string (printed after `go.shape.`).
    public var link: String
    /// True for pointer types (they collapse to `*uint8` under a basic constraint).
    public var isPointer: Bool

    /// A shape.
    public init(link: String, isPointer: Bool) {
        self.link = link
        self.isPointer = isPointer
    }

    /// The shape every pointer shares under a basic constraint.
    public static let bytePointer = Shape(link: "*uint8", isPointer: true)

    /// `go.shape.` and the link string.
    public var name: String { "go.shape." + link }
}

/// The compiler's shapes of type arguments and their `go.shape.*` spelling.
public struct ShapeNaming {
    /// The type checker's tables.
    public let program: Program

    /// A namer over a program.
    public init(program: Program) {
        self.program = program
    }

    /// The shape of a type argument for a type parameter (see the essay above); `env` gives
    /// the shapes of the type parameters of the shaped body the argument is written in.
    public func shape(of argument: TypeID, for parameter: TypeID, in env: [TypeID: Shape] = [:]) -> Shape {
        shape(of: argument, for: parameter, ShapedLink(shapes: env))
    }

    private func shape(of argument: TypeID, for parameter: TypeID, _ shaping: ShapedLink) -> Shape {
        let basic = isBasicConstraint(parameter)
        if let s = shaping.shapes[argument] { return basic && s.isPointer ? Shape.bytePointer : s }
        let u = program.under(argument)
        if case .pointer = program.node(u), basic { return Shape.bytePointer }
        var inner = shaping
        if let origin = genericOrigin(argument) { inner.expanding.insert(origin) }
        var out = ""
        write(u, &out, inner)
        let isPointer: Bool
        if case .pointer = program.node(u) { isPointer = true } else { isPointer = false }
        return Shape(link: Self.bounded(out), isPointer: isPointer)
    }

    /// The generic type a named instance instantiates, nil for other types.
    public func genericOrigin(_ t: TypeID) -> TypeID? {
        guard case .named(let i) = program.node(program.unalias(t)), let origin = program.named[Int(i)].origin,
              !program.named[Int(i)].typeArgs.isEmpty else { return nil }
        return program.unalias(origin)
    }

    /// What writing a type inside a shaped body needs: the shapes of the body's type
    /// parameters, and the generic types whose underlying types are being spelled out (a type
    /// argument naming one of them keeps its name, which ends the recursion of a type that
    /// refers to itself, as `entry[K,V]`'s `overflow atomic.Pointer[entry[K,V]]` does).
    private struct ShapedLink {
        var shapes: [TypeID: Shape]
        var names: [TypeID: String]
        var expanding: Set<TypeID> = []

        init(shapes: [TypeID: Shape]) {
            self.shapes = shapes
            self.names = shapes.mapValues(\.name)
        }

        init(names: [TypeID: String]) {
            self.shapes = [:]
            self.names = names
        }
    }

    /// Link strings longer than this are replaced by their hash in shape names.
    public static let maximumShapeLength = 500

    /// A link string, or its hash when it is too long: SHA-256 with the first byte inverted,
    /// in hex (the compiler's bound on the symbol names users see).
    static func bounded(_ link: String) -> String {
        guard link.utf8.count > maximumShapeLength else { return link }
        var digest = SHA256.digest(Array(link.utf8))
        digest[0] ^= 0xff
        return digest.map { b in b < 16 ? "0" + String(b, radix: 16) : String(b, radix: 16) }.joined()
    }

    /// A type's link string with the environment's type parameters printed as their shapes.
    public func link(_ t: TypeID, _ env: [TypeID: Shape]) -> String {
        var out = ""
        write(t, &out, ShapedLink(shapes: env))
        return out
    }

    /// True when the type parameter's constraint is an interface described by its methods only.
    public func isBasicConstraint(_ parameter: TypeID) -> Bool {
        guard case .typeParam(let i) = program.node(parameter) else { return false }
        var seen: Set<TypeID> = []
        return isMethodSet(program.typeParams[Int(i)].constraint, &seen)
    }

    private func isMethodSet(_ t: TypeID, _ seen: inout Set<TypeID>) -> Bool {
        if program.unalias(t) == program.comparableType { return false }
        guard seen.insert(t).inserted else { return true }
        guard case .interface(let it) = program.node(program.under(t)) else { return false }
        if it.isImplicit { return false }
        return it.embeddeds.allSatisfy { isMethodSet($0, &seen) }
    }

    /// True when the type mentions a type parameter (not one of `bound`).
    public func mentionsTypeParameter(_ t: TypeID, except bound: [TypeID: Shape] = [:]) -> Bool {
        var seen: Set<TypeID> = []
        return mentionsTypeParameter(t, bound, &seen)
    }

    private func mentionsTypeParameter(_ t: TypeID, _ bound: [TypeID: Shape], _ seen: inout Set<TypeID>) -> Bool {
        guard seen.insert(t).inserted else { return false }
        switch program.node(t) {
        case .typeParam: return bound[t] == nil
        case .pointer(let e), .slice(let e), .array(_, let e), .chan(_, let e): return mentionsTypeParameter(e, bound, &seen)
        case .map(let k, let v): return mentionsTypeParameter(k, bound, &seen) || mentionsTypeParameter(v, bound, &seen)
        case .named(let i): return program.named[Int(i)].typeArgs.contains { mentionsTypeParameter($0, bound, &seen) }
        case .signature(let s):
            return (s.params + s.results).contains { mentionsTypeParameter(program.object($0).type, bound, &seen) }
        case .structure(let s): return s.fields.contains { mentionsTypeParameter(program.object($0).type, bound, &seen) }
        case .tuple(let vars): return vars.contains { mentionsTypeParameter(program.object($0).type, bound, &seen) }
        case .alias(let i): return mentionsTypeParameter(program.aliases[Int(i)].actual, bound, &seen)
        default: return false
        }
    }

    /// A type's link string: the compiler's unambiguous spelling, every named type qualified by
    /// its package path, `byte` as `uint8`, unexported fields and methods qualified.
    /// Type parameters in `substituting` print as the text given there.
    public func linkString(_ t: TypeID, substituting: [TypeID: String] = [:]) -> String {
        var out = ""
        write(t, &out, ShapedLink(names: substituting))
        return out
    }

    private func text(_ t: TypeID, _ sub: ShapedLink) -> String {
        var out = ""
        write(t, &out, sub)
        return out
    }

    private func qualified(_ object: ObjectID) -> String {
        let r = program.object(object)
        return r.package < 0 ? r.name : program.linkPath(r.package) + "." + r.name
    }

    private func fieldName(_ object: ObjectID) -> String {
        let r = program.object(object)
        return r.isExported || r.package < 0 ? r.name : program.linkPath(r.package) + "." + r.name
    }

    private func write(_ t: TypeID, _ out: inout String, _ sub: ShapedLink) {
        switch program.node(t) {
        case .basic(let k, let name):
            switch k {
            case .unsafePointer: out += "unsafe.Pointer"
            case .uint8: out += "uint8"
            case .int32: out += "int32"
            default: out += name
            }
        case .pointer(let e): out += "*"; write(e, &out, sub)
        case .slice(let e): out += "[]"; write(e, &out, sub)
        case .array(let n, let e): out += "[\(n)]"; write(e, &out, sub)
        case .map(let k, let v):
            out += "map["
            write(k, &out, sub)
            out += "]"
            write(v, &out, sub)
        case .chan(let d, let e):
            switch d {
            case .both: out += "chan "
            case .send: out += "chan<- "
            case .recv: out += "<-chan "
            }
            write(e, &out, sub)
        case .tuple(let vars):
            out += "(" + vars.map { text(program.object($0).type, sub) }.joined(separator: ", ") + ")"
        case .signature(let s):
            out += "func"
            writeSignature(s, &out, sub)
        case .structure(let s):
            if s.fields.isEmpty { out += "struct {}"; return }
            out += "struct { "
            for (i, f) in s.fields.enumerated() {
                if i > 0 { out += "; " }
                let r = program.object(f)
                if !r.embedded {
                    out += fieldName(f) + " "
                } else if !isNamedAfterItsType(r) {
                    out += fieldName(f) + " = "
                }
                write(r.type, &out, sub)
                if let tag = s.tags[i] { out += " " + Program.quoteGo(tag) }
            }
            out += " }"
        case .interface:
            let methods = program.interfaceMethods(t)
            if methods.isEmpty { out += "interface {}"; return }
            out += "interface { "
            out += methods.map { m -> String in
                var s = fieldName(m)
                if let sig = program.signatureOf(program.object(m).type) { writeSignature(sig, &s, sub) }
                return s
            }.joined(separator: "; ")
            out += " }"
        case .named(let i):
            let n = program.named[Int(i)]
            out += qualified(n.object)
            if !n.typeArgs.isEmpty {
                out += "[" + typeArguments(n, sub).joined(separator: ",") + "]"
            }
        case .typeParam(let i):
            if let name = sub.names[t] { out += name; return }
            out += program.object(program.typeParams[Int(i)].object).name
        case .alias(let i):
            let a = program.aliases[Int(i)]
            if program.object(a.object).package < 0 && program.object(a.object).name == "any" {
                out += "interface {}"
            } else {
                write(a.actual, &out, sub)
            }
        case .union:
            out += "union"
        }
    }

    /// The spelled type arguments of a named instance. In a shaped body, an instance whose
    /// arguments mention the body's shapes is itself read as a shaped instance: every argument
    /// becomes its shape (`atomic.Pointer[node[K,V]]` spells `atomic.Pointer[go.shape.struct {
    /// internal/sync.isEntry bool }]`), unless the argument is a type being spelled out.
    private func typeArguments(_ n: NamedType, _ sub: ShapedLink) -> [String] {
        guard !sub.shapes.isEmpty, let origin = n.origin,
              n.typeArgs.contains(where: { mentionsTypeParameter($0) && !isSelfReference($0, sub) }),
              case .named(let oi) = program.node(program.unalias(origin)),
              program.named[Int(oi)].typeParams.count == n.typeArgs.count else {
            return n.typeArgs.map { text($0, sub) }
        }
        return zip(n.typeArgs, program.named[Int(oi)].typeParams).map { a, p in
            isSelfReference(a, sub) ? text(a, sub) : shape(of: a, for: p, sub).name
        }
    }

    /// True for an argument kept as written: a generic type being spelled out, or an instance
    /// of a generic interface.
    private func isSelfReference(_ t: TypeID, _ sub: ShapedLink) -> Bool {
        guard let origin = genericOrigin(t) else { return false }
        if case .interface = program.node(program.under(t)) { return true }
        return sub.expanding.contains(origin)
    }

    /// True for an embedded field whose name is its type's name (`T`, `*T`, `pkg.T`); an
    /// instance (`node[K,V]`) or an alias names a field differently from its type.
    private func isNamedAfterItsType(_ field: ObjectRecord) -> Bool {
        var t = field.type
        if case .pointer(let e) = program.node(t) { t = e }
        guard case .named(let i) = program.node(t), program.named[Int(i)].typeArgs.isEmpty else { return false }
        return program.object(program.named[Int(i)].object).name == field.name
    }

    private func writeSignature(_ s: SignatureType, _ out: inout String, _ sub: ShapedLink) {
        out += "("
        for (i, p) in s.params.enumerated() {
            if i > 0 { out += ", " }
            let pt = program.object(p).type
            if s.variadic && i == s.params.count - 1 {
                out += "..."
                write(program.elementType(pt), &out, sub)
            } else {
                write(pt, &out, sub)
            }
        }
        out += ")"
        if s.results.count == 1 {
            out += " "
            write(program.object(s.results[0]).type, &out, sub)
        } else if s.results.count > 1 {
            out += " (" + s.results.map { text(program.object($0).type, sub) }.joined(separator: ", ") + ")"
        }
    }
}

import GoTypes

/// Types spelled as the compiler spells them in its messages: names of the package being
/// compiled unqualified, others qualified by package name, `struct { a int }` with spaces,
/// type arguments of instances qualified by package path (`main` for a command).
public struct CompilerTypeName {
    let program: Program
    /// The package being compiled (its names print unqualified).
    let localPackage: Int32
    /// The spelling of type parameters in a shaped copy of a generic body (`go.shape.int`),
    /// keyed by type parameter; others print by their name.
    let shapes: [TypeID: String]

    /// A formatter for messages about `localPackage`; `shapes` spells the type parameters of
    /// a shaped copy.
    public init(program: Program, localPackage: Int32, shapes: [TypeID: String] = [:]) {
        self.program = program
        self.localPackage = localPackage
        self.shapes = shapes
    }

    /// Whether type parameters spell as shapes (messages about a shaped copy).
    public var printsShapes: Bool { !shapes.isEmpty }

    /// The type's spelling.
    public func name(_ t: TypeID) -> String {
        var out = ""
        write(t, &out, inTypeArgument: false)
        return out
    }

    private func qualifier(_ pkg: Int32, inTypeArgument: Bool) -> String {
        if pkg < 0 { return "" }
        if inTypeArgument { return program.linkPath(pkg) + "." }
        if pkg == localPackage { return "" }
        return program.packages[Int(pkg)].name + "."
    }

    private func write(_ t: TypeID, _ out: inout String, inTypeArgument: Bool) {
        switch program.node(t) {
        case .basic(let k, let name):
            if k == .unsafePointer { out += "unsafe.Pointer" } else { out += name }
        case .pointer(let e): out += "*"; write(e, &out, inTypeArgument: inTypeArgument)
        case .slice(let e): out += "[]"; write(e, &out, inTypeArgument: inTypeArgument)
        case .array(let n, let e): out += "[\(n)]"; write(e, &out, inTypeArgument: inTypeArgument)
        case .map(let k, let v):
            out += "map["
            write(k, &out, inTypeArgument: inTypeArgument)
            out += "]"
            write(v, &out, inTypeArgument: inTypeArgument)
        case .chan(let d, let e):
            switch d {
            case .both: out += "chan "
            case .send: out += "chan<- "
            case .recv: out += "<-chan "
            }
            write(e, &out, inTypeArgument: inTypeArgument)
        case .tuple(let vars):
            out += "("
            out += vars.map { name(program.object($0).type) }.joined(separator: ", ")
            out += ")"
        case .signature(let s):
            out += "func("
            for (i, p) in s.params.enumerated() {
                if i > 0 { out += ", " }
                let pt = program.object(p).type
                if s.variadic && i == s.params.count - 1 {
                    out += "..."
                    write(program.elementType(pt), &out, inTypeArgument: inTypeArgument)
                } else {
                    write(pt, &out, inTypeArgument: inTypeArgument)
                }
            }
            out += ")"
            if s.results.count == 1 {
                out += " "
                write(program.object(s.results[0]).type, &out, inTypeArgument: inTypeArgument)
            } else if s.results.count > 1 {
                out += " ("
                for (i, r) in s.results.enumerated() {
                    if i > 0 { out += ", " }
                    write(program.object(r).type, &out, inTypeArgument: inTypeArgument)
                }
                out += ")"
            }
        case .structure(let s):
            if s.fields.isEmpty { out += "struct {}"; return }
            out += "struct { "
            for (i, f) in s.fields.enumerated() {
                if i > 0 { out += "; " }
                let r = program.object(f)
                if !r.embedded {
                    out += (inTypeArgument || (r.package != localPackage && r.package >= 0 && !r.isExported)
                            ? qualifier(r.package, inTypeArgument: true) : "") + r.name + " "
                }
                write(r.type, &out, inTypeArgument: inTypeArgument)
                if let tag = s.tags[i] { out += " " + Program.quoteGo(tag) }
            }
            out += " }"
        case .interface(let it):
            if it.methods.isEmpty && it.embeddeds.isEmpty {
                out += t == program.emptyInterface ? "any" : "interface {}"
                return
            }
            out += "interface { "
            out += program.interfaceMethods(t).map { m -> String in
                var sig = name(program.object(m).type)
                if sig.hasPrefix("func") { sig.removeFirst(4) }
                return program.object(m).name + sig
            }.joined(separator: "; ")
            out += " }"
        case .named(let i):
            let n = program.named[Int(i)]
            let o = program.object(n.object)
            out += qualifier(o.package, inTypeArgument: inTypeArgument) + o.name
            if !n.typeArgs.isEmpty {
                out += "[" + n.typeArgs.map { a -> String in
                    var s = ""
                    write(a, &s, inTypeArgument: true)
                    return s
                }.joined(separator: ",") + "]"
            }
        case .typeParam(let i):
            out += shapes[t] ?? program.object(program.typeParams[Int(i)].object).name
        case .alias(let i):
            let a = program.aliases[Int(i)]
            let o = program.object(a.object)
            if o.package < 0 { out += o.name } else { write(a.actual, &out, inTypeArgument: inTypeArgument) }
        case .union:
            out += "union"
        }
    }
}

/// Type strings in go/types' `TypeString` form, qualified by package path.
extension Program {
    /// The type as go/types prints it with a path qualifier.
    public func typeString(_ t: TypeID) -> String {
        var out = ""
        write(t, &out, nil)
        return out
    }

    /// The type as go/types prints it with a qualifier: `qualifier(p)` is the prefix for
    /// package `p`'s names ("" for none).
    public func typeString(_ t: TypeID, qualifier: (Int32) -> String) -> String {
        withoutActuallyEscaping(qualifier) { q in
            var out = ""
            write(t, &out, q)
            return out
        }
    }

    func qualifiedName(_ o: ObjectID, _ q: ((Int32) -> String)? = nil) -> String {
        let r = object(o)
        if r.package < 0 { return r.name }
        guard let q else { return packagePath(r.package) + "." + r.name }
        let prefix = q(r.package)
        return prefix.isEmpty ? r.name : prefix + "." + r.name
    }

    private func write(_ t: TypeID, _ out: inout String, _ q: ((Int32) -> String)?) {
        switch node(t) {
        case .basic(let k, let name):
            if k == .unsafePointer { out += "unsafe.Pointer" } else { out += name }
        case .pointer(let e): out += "*"; write(e, &out, q)
        case .slice(let e): out += "[]"; write(e, &out, q)
        case .array(let n, let e): out += "[\(n)]"; write(e, &out, q)
        case .map(let k, let v): out += "map["; write(k, &out, q); out += "]"; write(v, &out, q)
        case .chan(let d, let e):
            var parens = false
            switch d {
            case .both:
                out += "chan "
                if case .chan(.recv, _) = node(e) { parens = true }
            case .send: out += "chan<- "
            case .recv: out += "<-chan "
            }
            if parens { out += "(" }
            write(e, &out, q)
            if parens { out += ")" }
        case .tuple(let vars): writeTuple(vars, variadic: false, &out, q)
        case .signature(let s):
            out += "func"
            writeSignature(s, &out, q)
        case .structure(let s):
            out += "struct{"
            for (i, f) in s.fields.enumerated() {
                if i > 0 { out += "; " }
                let r = object(f)
                if !r.embedded { out += r.name + " " }
                write(r.type, &out, q)
                if let tag = s.tags[i] { out += " " + Program.quoteGo(tag) }
            }
            out += "}"
        case .interface(let it):
            if t == emptyInterface { out += "any"; return }
            if it.isImplicit && it.methods.isEmpty && it.embeddeds.count == 1 { write(it.embeddeds[0], &out, q); return }
            out += "interface{"
            var first = true
            for m in it.methods {
                if !first { out += "; " }
                first = false
                out += object(m).name
                if case .signature(let s) = node(object(m).type) { writeSignature(s, &out, q) }
            }
            for e in it.embeddeds {
                if !first { out += "; " }
                first = false
                write(e, &out, q)
            }
            out += "}"
        case .named(let i):
            let n = named[Int(i)]
            out += qualifiedName(n.object, q)
            if !n.typeArgs.isEmpty {
                out += "["
                for (j, a) in n.typeArgs.enumerated() { if j > 0 { out += ", " }; write(a, &out, q) }
                out += "]"
            } else if !n.typeParams.isEmpty {
                writeTypeParams(n.typeParams, &out, q)
            }
        case .typeParam(let i):
            out += object(typeParams[Int(i)].object).name
        case .alias(let i):
            out += qualifiedName(aliases[Int(i)].object, q)
        case .union(let terms):
            for (j, term) in terms.enumerated() {
                if j > 0 { out += " | " }
                if term.tilde { out += "~" }
                write(term.type, &out, q)
            }
        }
    }

    private func writeTypeParams(_ tps: [TypeID], _ out: inout String, _ q: ((Int32) -> String)?) {
        out += "["
        for (j, p) in tps.enumerated() {
            if j > 0 { out += ", " }
            guard case .typeParam(let k) = node(p) else { continue }
            out += object(typeParams[Int(k)].object).name
            let c = typeParams[Int(k)].constraint
            if j + 1 < tps.count, case .typeParam(let n) = node(tps[j + 1]), typeParams[Int(n)].constraint == c,
               !isBareTypeConstraint(c) { continue }
            out += " "
            write(c, &out, q)
        }
        out += "]"
    }

    /// True for the implicit interface of a constraint written as a plain type (`[T, U int]`):
    /// go/types gives each type parameter its own such interface, so a list prints one
    /// constraint per parameter (`[T int, U int]`); `~int`, unions and interfaces are shared.
    private func isBareTypeConstraint(_ c: TypeID) -> Bool {
        guard case .interface(let i) = node(c), i.isImplicit, i.embeddeds.count == 1 else { return false }
        if case .union = node(i.embeddeds[0]) { return false }
        return true
    }

    private func writeSignature(_ s: SignatureType, _ out: inout String, _ q: ((Int32) -> String)?) {
        if !s.typeParams.isEmpty { writeTypeParams(s.typeParams, &out, q) }
        writeTuple(s.params, variadic: s.variadic, &out, q)
        if s.results.isEmpty { return }
        out += " "
        if s.results.count == 1 && object(s.results[0]).name.isEmpty {
            write(object(s.results[0]).type, &out, q)
            return
        }
        writeTuple(s.results, variadic: false, &out, q)
    }

    private func writeTuple(_ vars: [ObjectID], variadic: Bool, _ out: inout String, _ q: ((Int32) -> String)?) {
        out += "("
        for (i, v) in vars.enumerated() {
            if i > 0 { out += ", " }
            let r = object(v)
            if !r.name.isEmpty { out += r.name + " " }
            if variadic && i == vars.count - 1 {
                if case .slice(let e) = node(r.type) {
                    out += "..."
                    write(e, &out, q)
                } else {
                    write(r.type, &out, q)
                    out += "..."
                }
            } else {
                write(r.type, &out, q)
            }
        }
        out += ")"
    }

    /// A Go double-quoted string literal for `s` (printable characters kept).
    public static func quoteGo(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    out += "\\x" + String(u.value, radix: 16).leftPadded(2)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

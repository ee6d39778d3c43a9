import GoSyntax
import GoTypes

/// The readable dump of lowered functions (`heapsight ir`): one line per statement, nested
/// bodies indented, expressions in the compiler's message syntax with their positions.
extension IRPrinter {
    /// Every function of the package whose name matches `filter` (all when nil), in table order.
    public func dump(matching filter: String? = nil) -> String {
        var out = ""
        for (i, f) in package.functions.enumerated() where filter == nil || f.name == filter || f.name.hasPrefix(filter! + ".") {
            out += dump(function: i)
        }
        return out
    }

    /// One function.
    public func dump(function index: Int) -> String {
        let f = package.functions[index]
        var out = "func \(f.name) (\(f.kind))"
        if f.isGeneric { out += " generic" }
        if let p = package.position(f.pos) { out += " at \(shortPath(p.file)):\(p.line):\(p.column)" }
        if f.parent >= 0 { out += " in \(package.functions[Int(f.parent)].name)" }
        out += "\n"
        func vars(_ label: String, _ ids: [IRVarID]) {
            guard !ids.isEmpty else { return }
            out += "  \(label): " + ids.map { variableText(f, $0) }.joined(separator: ", ") + "\n"
        }
        vars("params", f.params)
        vars("results", f.results)
        vars("captured", f.captured)
        if !f.hasBody { out += "  (no body)\n\n"; return out }
        for s in f.list(f[f.body].list) { statement(f, s, 1, &out) }
        out += "\n"
        return out
    }

    private func shortPath(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private func variableText(_ f: IRFunction, _ v: IRVarID) -> String {
        let x = f[v]
        var s = "\(x.name) \(types.name(x.type))"
        var flags: [String] = []
        if x.flags.contains(.addressTaken) { flags.append("addrtaken") }
        if x.flags.contains(.reassigned) { flags.append("reassigned") }
        if x.flags.contains(.captured) { flags.append("captured") }
        if x.flags.contains(.perIteration) { flags.append("per-iteration") }
        if x.loopDepth > 1 { flags.append("depth=\(x.loopDepth)") }
        if let o = x.outer { flags.append("outer=\(package.functions[Int(o.function)].name)") }
        if !flags.isEmpty { s += " [" + flags.joined(separator: " ") + "]" }
        return s
    }

    private func at(_ p: IRPos) -> String {
        guard let q = package.position(p) else { return "" }
        return "  @\(q.line):\(q.column)"
    }

    /// Inlined calls inside a statement's expressions (not inside nested statements).
    private func inlinedCalls(_ f: IRFunction, _ id: IRNodeID, _ out: inout [IRNodeID]) {
        guard id.exists else { return }
        let n = f[id]
        if n.op == .inlinedCall { out.append(id); return }
        if n.op.isStatement && n.op != .assign && n.op != .assignList && n.op != .assignCall && n.op != .assignOp
            && n.op != .returnStmt && n.op != .send && n.op != .ifStmt && n.op != .switchStmt && n.op != .rangeStmt
            && n.op != .goStmt && n.op != .deferStmt && n.op != .assignDotType && n.op != .assignMapRead && n.op != .assignRecv {
            return
        }
        inlinedCalls(f, n.a, &out)
        inlinedCalls(f, n.b, &out)
        inlinedCalls(f, n.c, &out)
        if !n.op.isStatement || n.op == .assignList || n.op == .returnStmt || n.op == .assignCall {
            for x in f.list(n.list) { inlinedCalls(f, x, &out) }
            for x in f.list(n.list2) { inlinedCalls(f, x, &out) }
        }
    }

    private func statement(_ f: IRFunction, _ id: IRNodeID, _ depth: Int, _ out: inout String) {
        let n = f[id]
        let pad = String(repeating: "  ", count: depth)
        func body(_ handle: Int32, _ d: Int) { for s in f.list(handle) { statement(f, s, d, &out) } }
        var calls: [IRNodeID] = []
        inlinedCalls(f, id, &calls)
        for c in calls {
            let call = f[c]
            out += pad + "INLCALL \(f.inlinedCalls[Int(call.aux)].callee)" + at(call.pos) + "\n"
            body(call.list, depth + 1)
        }
        switch n.op {
        case .block:
            out += pad + (n.flags.contains(.synthetic) ? "INIT" : "BLOCK") + at(n.pos) + "\n"
            body(n.list, depth + 1)
        case .declare:
            out += pad + "DCL " + variableText(f, IRVarID(n.aux)) + at(n.pos) + "\n"
        case .assign:
            let lhs = n.a.exists ? text(f, n.a) : "_"
            out += pad + "AS \(lhs) = " + (n.b.exists ? text(f, n.b) : "<zero>") + at(n.pos) + "\n"
        case .assignOp:
            out += pad + "ASOP \(text(f, n.a)) \(Token(rawValue: UInt8(n.aux))?.text ?? "?")= \(text(f, n.b))" + at(n.pos) + "\n"
        case .assignList:
            let lhs = f.list(n.list).map { $0.exists ? text(f, $0) : "_" }.joined(separator: ", ")
            let rhs = f.list(n.list2).map { text(f, $0) }.joined(separator: ", ")
            out += pad + "AS2 \(lhs) = \(rhs)" + at(n.pos) + "\n"
        case .assignCall, .assignDotType, .assignMapRead, .assignRecv:
            let lhs = f.list(n.list).map { $0.exists ? text(f, $0) : "_" }.joined(separator: ", ")
            let name = ["assignCall": "AS2FUNC", "assignDotType": "AS2DOTTYPE", "assignMapRead": "AS2MAPR",
                        "assignRecv": "AS2RECV"]["\(n.op)"] ?? "AS2"
            out += pad + "\(name) \(lhs) = \(text(f, n.a))" + at(n.pos) + "\n"
        case .ifStmt:
            out += pad + "IF \(text(f, n.a))" + at(n.pos) + "\n"
            body(n.list, depth + 1)
            if n.list2 != 0 { out += pad + "ELSE\n"; body(n.list2, depth + 1) }
        case .forStmt:
            out += pad + "FOR" + (n.a.exists ? " \(text(f, n.a))" : "") + (n.flags.contains(.distinctVars) ? " [per-iteration]" : "") + at(n.pos) + "\n"
            if n.b.exists { out += pad + "  POST\n"; statement(f, n.b, depth + 2, &out) }
            body(n.list, depth + 1)
        case .rangeStmt:
            let k = n.b.exists ? text(f, n.b) : "_", v = n.c.exists ? text(f, n.c) : "_"
            out += pad + "RANGE \(k), \(v) = range \(text(f, n.a))" + at(n.pos) + "\n"
            body(n.list2, depth + 1)
            body(n.list, depth + 1)
        case .switchStmt, .typeSwitch, .selectStmt:
            let name = n.op == .switchStmt ? "SWITCH" : n.op == .typeSwitch ? "TYPESWITCH" : "SELECT"
            out += pad + name + (n.a.exists ? " \(text(f, n.a))" : "") + at(n.pos) + "\n"
            body(n.list, depth + 1)
        case .caseClause, .typeCase:
            let values = f.list(n.list).map { text(f, $0) }.joined(separator: ", ")
            var head = n.flags.contains(.isDefault) ? "DEFAULT" : "CASE \(values)"
            if n.b.exists { head += " (\(variableText(f, IRVarID(f[n.b].aux))))" }
            out += pad + head + at(n.pos) + "\n"
            body(n.list2, depth + 1)
        case .commClause:
            out += pad + (n.a.exists ? "CASE" : "DEFAULT") + at(n.pos) + "\n"
            if n.a.exists { statement(f, n.a, depth + 2, &out) }
            body(n.list2, depth + 1)
        case .returnStmt:
            out += pad + "RETURN " + f.list(n.list).map { text(f, $0) }.joined(separator: ", ") + at(n.pos) + "\n"
        case .branch:
            let tok = Token(rawValue: UInt8(n.aux))?.text.uppercased() ?? "BRANCH"
            out += pad + tok + (n.aux2 >= 0 ? " \(f.labels[Int(n.aux2)])" : "") + at(n.pos) + "\n"
        case .fallthroughStmt: out += pad + "FALLTHROUGH\n"
        case .label: out += pad + "LABEL \(f.labels[Int(n.aux2)])" + at(n.pos) + "\n"
        case .goStmt, .deferStmt:
            out += pad + (n.op == .goStmt ? "GO " : "DEFER ") + text(f, n.a)
                + (n.flags.contains(.heapDefer) ? " [heap]" : "") + at(n.pos) + "\n"
        case .send: out += pad + "SEND \(text(f, n.a)) <- \(text(f, n.b))" + at(n.pos) + "\n"
        case .inlinedCall:
            break
        default:
            out += pad + text(f, id) + at(n.pos) + "\n"
        }
    }
}

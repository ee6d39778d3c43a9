import GoSyntax

/// Expressions as go/types' messages print them: rebuilt from the tree in one canonical
/// layout (`a + b`, `f(x, y)`, `T{…}`, `(func() literal)`), not copied from the source.
extension Checker {
    /// The canonical text of an expression (struct, interface and function types keep their
    /// source text).
    func exprString(_ n: NodeID) -> String {
        var out = ""
        writeExpr(n, &out)
        return out
    }

    private func writeExpr(_ n: NodeID, _ out: inout String) {
        let x = tree[n]
        switch x.kind {
        case .ident: out += x.identifier
        case .basicLit: out += x.literal
        case .ellipsis:
            out += "..."
            if x.elt.exists { writeExpr(x.elt, &out) }
        case .funcLit:
            out += "("
            out += sourceText(x.type)
            out += " literal)"
        case .compositeLit:
            if x.type.exists { writeExpr(x.type, &out) }
            out += x.elts.isEmpty ? "{}" : "{…}"
        case .parenExpr:
            out += "("; writeExpr(x.x, &out); out += ")"
        case .selectorExpr:
            writeExpr(x.x, &out); out += "."; out += tree[x.sel].identifier
        case .indexExpr:
            writeExpr(x.x, &out); out += "["; writeExpr(x.index, &out); out += "]"
        case .indexListExpr:
            writeExpr(x.x, &out); out += "["; writeList(Array(x.indices), &out); out += "]"
        case .sliceExpr:
            writeExpr(x.x, &out)
            out += "["
            if x.low.exists { writeExpr(x.low, &out) }
            out += ":"
            if x.high.exists { writeExpr(x.high, &out) }
            if x.slice3 {
                out += ":"
                if x.max.exists { writeExpr(x.max, &out) }
            }
            out += "]"
        case .typeAssertExpr:
            writeExpr(x.x, &out); out += ".("
            if x.type.exists { writeExpr(x.type, &out) } else { out += "type" }
            out += ")"
        case .callExpr:
            writeExpr(x.fun, &out)
            out += "("
            writeList(Array(x.args), &out)
            if x.ellipsis >= 0 { out += "..." }
            out += ")"
        case .starExpr:
            out += "*"; writeExpr(x.x, &out)
        case .unaryExpr:
            out += x.token.text; writeExpr(x.x, &out)
        case .binaryExpr:
            writeExpr(x.x, &out); out += " " + x.token.text + " "; writeExpr(x.y, &out)
        case .keyValueExpr:
            writeExpr(x.key, &out); out += ": "; writeExpr(x.value, &out)
        case .arrayType:
            out += "["
            if x.len.exists { writeExpr(x.len, &out) }
            out += "]"
            writeExpr(x.elt, &out)
        case .mapType:
            out += "map["; writeExpr(x.key, &out); out += "]"; writeExpr(x.value, &out)
        case .chanType:
            switch x.dir {
            case .send: out += "chan<- "
            case .recv: out += "<-chan "
            default: out += "chan "
            }
            writeExpr(x.value, &out)
        default:
            out += sourceText(n)
        }
    }

    private func writeList(_ list: [NodeID], _ out: inout String) {
        for (i, e) in list.enumerated() {
            if i > 0 { out += ", " }
            writeExpr(e, &out)
        }
    }

    /// The source text of a node.
    func sourceText(_ n: NodeID) -> String {
        let nd = tree[n]
        return tree.text(max(0, nd.pos), max(nd.pos, nd.end))
    }
}

import Foundation
import GoSyntax

/// The normalized text form of a checked package that `Tests/Oracles/typesdump` prints from
/// go/types: `file NAME` lines, `error` lines, then one line per definition, use and
/// expression, sorted by file, offset, kind (def, use, expr), longest first.
public enum TypesDump {
    /// Renders the dump of a checked package.
    public static func render(_ checker: Checker) -> String {
        let program = checker.program
        var out = ""
        for f in checker.files { out += "file \((f.path as NSString).lastPathComponent)\n" }
        for d in checker.diagnostics {
            out += "error \((d.file as NSString).lastPathComponent):\(d.line):\(d.column): \(d.message)\n"
        }
        struct Line { var offset: Int; var order: Int; var end: Int; var text: String }
        for (fi, f) in checker.files.enumerated() {
            let tree = f.tree
            let base = (f.path as NSString).lastPathComponent
            let facts = checker.facts[fi]
            var lines: [Line] = []
            func at(_ offset: Int) -> String {
                let p = tree.source.position(of: offset)
                return "\(base):\(p.line):\(p.column)"
            }
            func objectText(_ o: ObjectID?) -> String {
                guard let o else { return "-" }
                let r = program.object(o)
                let pkg = r.package < 0 ? "-" : program.packagePath(r.package)
                switch r.kind {
                case .packageName: return "pkgname \(pkg) \(program.packagePath(r.imported))"
                case .label: return "label \(pkg)"
                case .builtin: return "builtin \(pkg)"
                case .nilValue: return "nil \(pkg)"
                case .constant: return "const \(pkg) \(program.typeString(r.type))"
                case .typeName: return "typename \(pkg) \(program.typeString(r.type))"
                case .function: return "func \(pkg) \(program.typeString(r.type))"
                case .variable: return "var(\(r.variableKind.dumpName)) \(pkg) \(program.typeString(r.type))"
                }
            }
            for (id, o) in facts.defs {
                let n = tree[id]
                lines.append(Line(offset: n.pos, order: 0, end: n.end, text: "\(at(n.pos)) def \(n.identifier) \(objectText(o))"))
            }
            for (id, o) in facts.uses {
                let n = tree[id]
                lines.append(Line(offset: n.pos, order: 1, end: n.end, text: "\(at(n.pos)) use \(n.identifier) \(objectText(o))"))
            }
            func exprLine(_ pos: Int, _ end: Int, _ f: ExprFact) -> Line {
                let e = tree.source.position(of: end)
                var t = "\(at(pos))-\(e.line):\(e.column) expr \(f.mode.dumpName) "
                t += f.mode == .void ? "()" : program.typeString(f.type)
                if let v = f.value { t += " = " + v.dumpText }
                return Line(offset: pos, order: 2, end: end, text: t)
            }
            for (id, f) in facts.exprs {
                let n = tree[id]
                lines.append(exprLine(n.pos, n.end, f))
            }
            for s in facts.synthetic { lines.append(exprLine(s.offset, s.end, s.fact)) }
            lines.sort {
                if $0.offset != $1.offset { return $0.offset < $1.offset }
                if $0.order != $1.order { return $0.order < $1.order }
                if $0.end != $1.end { return $0.end > $1.end }
                return $0.text < $1.text
            }
            var last: String? = nil
            for l in lines where l.text != last {
                out += l.text + "\n"
                last = l.text
            }
        }
        return out
    }
}

import GoIR
import GoSyntax
import GoTypes

/// The functions the front end makes itself, decided on their lowered bodies and named as
/// the compiler names them: `func init()` declarations (`init.0`, `init.1`, ...: files by
/// name, declarations in order), the wrapper a `go`/`defer` call with arguments, a receiver
/// or results moves into (`F.deferwrap1`, `F.gowrap2`: one counter per function, at the
/// keyword), and the body of a range-over-func loop (`F-range1`, at the `for`). Wrappers and
/// loop bodies are closures of their function, so they get the closure budget.
extension GoIRInliner {
    /// The index of the declared function lowered from the `FuncDecl` `node` of file `file`.
    func declaredFunction(path: String, file: Int, node: NodeID) -> (IRPackage, Int)? {
        guard let pkg = package(path) else { return nil }
        guard let i = pkg.functions.firstIndex(where: {
            $0.kind == .declared && Int($0.sourceFile) == file && $0.sourceNode == node
        }) else { return nil }
        return (pkg, i)
    }

    /// Verdicts of the package's `go`/`defer` wrappers and range-over-func bodies whose
    /// outermost function is reported (a non-generic declared function with a name, an
    /// `init.N`, or the initialiser of package-level variables), in the package's order.
    public func frontEndVerdicts(forPackage path: String) -> [FunctionVerdict] {
        guard let pkg = package(path) else { return [] }
        var out: [FunctionVerdict] = []
        for i in pkg.functions.indices where isFrontEndFunction(pkg, i) {
            let f = pkg[function: i]
            guard hasReportedRoot(pkg, i), let v = verdict(pkg, i), let at = pkg.position(f.pos) else { continue }
            out.append(FunctionVerdict(file: at.file, line: at.line, column: at.column, name: f.name, verdict: v))
        }
        return out
    }

    /// True for a `go`/`defer` wrapper or a range-over-func body (read in place: the loops over
    /// every function of a package ask this first, and copying each function to ask it cost
    /// more than the rest of the loop).
    func isFrontEndFunction(_ pkg: IRPackage, _ i: Int) -> Bool {
        let kind = pkg[function: i].kind
        return kind == .goDeferWrapper || kind == .rangeBody
    }

    /// True when the outermost function enclosing function `i` is reported.
    func hasReportedRoot(_ pkg: IRPackage, _ i: Int) -> Bool {
        var j = i
        while pkg[function: j].parent >= 0 { j = Int(pkg[function: j].parent) }
        // Read in place: a copy of the function retains and releases each of its tables.
        switch pkg[function: j].kind {
        case .packageInit: return true
        case .declared:
            guard let o = pkg[function: j].object else { return pkg[function: j].name.hasPrefix("init.") }
            return !pkg[function: j].isGeneric && program.types.object(o).name != "_"
        default: return false
        }
    }
}

extension GoIRInliner {
    /// The `go`/`defer` wrappers and range-over-func bodies of a generic declaration's body,
    /// each with its position, the part of its name after the declaration's (`.deferwrap1`,
    /// `-range1`, `.func1.deferwrap1`) and its verdict. Every shaped copy of the declaration has
    /// these functions too, named after the copy; the lowering on the type parameters decides
    /// them (a wrapper's call and a loop body's statements do not depend on the shape).
    func frontEndFunctions(ofGeneric generic: ObjectID) -> [(suffix: String, at: (file: String, line: Int, column: Int), verdict: InlineVerdict)] {
        let r = program.types.object(generic)
        guard r.package >= 0, let pkg = package(program.types.packagePath(r.package)) else { return [] }
        guard let root = byObject[generic]?.index else { return [] }
        let rootName = pkg[function: root].name
        var out: [(suffix: String, at: (file: String, line: Int, column: Int), verdict: InlineVerdict)] = []
        for i in pkg.functions.indices where isFrontEndFunction(pkg, i) {
            var j = i
            while pkg[function: j].parent >= 0 { j = Int(pkg[function: j].parent) }
            guard j == root else { continue }
            let f = pkg[function: i]
            guard f.name.hasPrefix(rootName), let v = verdict(pkg, i), let at = pkg.position(f.pos) else { continue }
            out.append((String(f.name.dropFirst(rootName.count)), at, v))
        }
        return out
    }
}

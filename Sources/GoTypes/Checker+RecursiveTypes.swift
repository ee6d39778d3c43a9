import GoSyntax

/// Invalid recursive types: a defined type that contains itself by value (through struct
/// fields and array elements; pointers, slices, maps, channels, functions and interfaces
/// break the cycle) has no finite size. Checked once all declarations are done, over the
/// package's own non-generic defined types; each cycle is reported once, at the type of the
/// cycle declared first in the source. Alias cycles (`type A = B`, `type B = A`) are found as
/// the aliases are declared (`Checker.typeDecl`) and reported the same way.
extension Checker {
    /// Reports every invalid recursive type among the package-level type declarations.
    func reportRecursiveTypes() {
        var done = Set<TypeID>()
        var reported = Set<TypeID>()
        let typeObjects = declInfo.keys.filter { program.object($0).kind == .typeName }
        for o in typeObjects {
            let t = program.object(o).type
            guard case .named = program.node(t) else { continue }
            var path: [TypeID] = []
            visitByValue(t, &path, &done, &reported)
        }
    }

    private func visitByValue(_ t: TypeID, _ path: inout [TypeID], _ done: inout Set<TypeID>, _ reported: inout Set<TypeID>) {
        let t = program.unalias(t)
        switch program.node(t) {
        case .named(let i):
            let n = program.named[Int(i)]
            guard n.origin == nil, n.typeParams.isEmpty, program.object(n.object).package == pkg.index else { return }
            if let start = path.firstIndex(of: t) {
                let cycle = Array(path[start...])
                if cycle.allSatisfy({ !reported.contains($0) }) { reportTypeCycle(cycle) }
                reported.formUnion(cycle)
                return
            }
            if done.contains(t) { return }
            path.append(t)
            visitByValue(n.underlying, &path, &done, &reported)
            path.removeLast()
            done.insert(t)
        case .array(_, let e):
            visitByValue(e, &path, &done, &reported)
        case .structure(let s):
            for f in s.fields { visitByValue(program.object(f).type, &path, &done, &reported) }
        default:
            break
        }
    }

    private func reportTypeCycle(_ cycle: [TypeID]) {
        reportCycle(objects: cycle.map { program.named[program.namedIndex($0)].object })
    }

    /// Reports a cycle of type declarations (each refers to the next, the last to the first)
    /// at the one declared first in the source.
    func reportCycle(objects: [ObjectID]) {
        let start = objects.indices.min {
            let a = program.object(objects[$0]), b = program.object(objects[$1])
            return (a.file, a.offset) < (b.file, b.offset)
        } ?? 0
        let first = program.object(objects[start])
        var message: String
        if objects.count == 1 {
            message = "invalid recursive type: \(first.name) refers to itself"
        } else {
            message = "invalid recursive type \(first.name)"
            for k in 0..<objects.count {
                let from = objects[(start + k) % objects.count], to = objects[(start + k + 1) % objects.count]
                message += "\n\t\(program.object(from).name) refers to \(program.object(to).name)"
            }
        }
        inFile(Int(first.file)) { error(at: Int(first.offset), message) }
    }
}

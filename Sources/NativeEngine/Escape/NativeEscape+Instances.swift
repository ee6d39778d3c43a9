import EscapeGraph
import GoIR
import GoTypes

// Shape instances in escape analysis.
//
// The compiler analyses a generic function once per shape instance a package compiles
// (`F[go.shape.int]`, `(*Pointer[go.shape.int]).Store`), in that package: its messages name
// the instance (`x escapes to heap in F[go.shape.int]:`, `... for F[go.shape.int].func1 ...`),
// and, when the generic is declared in another package, the body's own names print as that
// package's (`parameter slices.s leaks ...`, `make([]byte, ecdh.c.N)`, `&ecdh.PrivateKey{...}`),
// as names of an inlined body do. The body is never reported for itself.
//
// The native engine lowers and expands a generic body once, on its type parameters, in its own
// package, and keeps the batches it forms (`PackageEscape.genericBatches`). Each package
// compiling an instance solves those batches again as that instance: the functions renamed to
// the instance's name, the body's variables named as the instantiating package sees them, and
// texts printed from that package with the instance's type parameters spelled as their shapes
// (`go.shape.[]uint8{}`, `make([]go.shape.int, n)`; a `new` of a shape-dependent type is the
// dictionary's run-time type, `new(<node DYNAMICTYPE>)`). The verdicts, explanations and
// capture lines are the instance's. The instance wrappers (`F[int]`) are analysed too
// (`NativeEscape+Wrappers`), and so is the second shaped copy of a self-referencing instance,
// named by its arguments. Generic callees inlined into the body print the shapes of the
// arguments the instance passes them (`InlinedShapes`). What still differs from the compiler:
// the dictionary's reads are not locations (`(func(go.shape.*uint8)
// int)(&.dict[0])(h())` where the body says `h().Size()`, the sub-dictionaries
// `(*[16]uintptr)(.dict[1])` passed to generic callees).

extension NativeEscape {
    /// What one package prints for the shape instances it compiles.
    struct InstanceMessages {
        var messages = EscapeMessages()
        var bodyVerdicts: [EscapeVerdict] = []
    }

    /// The messages of every shape instance the package at `index` compiles, in the order the
    /// instances are found; `own` is the package's analysis so far (its generic bodies),
    /// `decisions` the package's inline expansion decisions (built once per package).
    func instanceMessages(index: Int32, own: PackageEscape, decisions: InlineDecisions) -> InstanceMessages {
        let types = ir.program.types
        guard let pkg = ir.program.package(index: index) else { return InstanceMessages() }
        var out = InstanceMessages()
        let collector = ir.withInliner { $0.shapeInstances(pkg) }
        // One working copy of each declaring package's GoIR, its instance members renamed for
        // one instance at a time and restored after it: renaming in a fresh copy per instance
        // copied the package's whole function table each time.
        var working: [Int32: IRPackage] = [:]
        for instance in collector.instances {
            let declaring = types.object(instance.generic).package
            let declared: PackageEscape? = declaring == index ? own : analyze(types.packagePath(declaring))
            guard let declared, let batches = declared.genericBatches[instance.generic] else { continue }
            if declaring == index { out.bodyVerdicts += own.genericVerdicts[instance.generic] ?? [] }
            let env = collector.environment(of: instance)
            var package = working.removeValue(forKey: declaring) ?? declared.package
            let r = solveInstance(instance, batches: batches, declared: declared, declaring: declaring, in: index,
                                  shapes: env, package: &package)
            working[declaring] = package
            out.messages.append(contentsOf: r)
        }
        // The instance wrappers of each declaring package, built together when its first one
        // is reached.
        var bodies: [Int32: WrapperBodies?] = [:]
        for (place, wrapper) in collector.wrappers.enumerated() {
            let declaring = types.object(wrapper.generic).package
            let declared: PackageEscape? = declaring == index ? own : analyze(types.packagePath(declaring))
            guard let declared, let batches = declared.genericBatches[wrapper.generic] else { continue }
            let env = collector.environment(of: wrapper.instance)
            let shapes = env.mapValues(\.name)
            let r: EscapeMessages
            if wrapper.isShapedCopy {
                // The second shaped copy of a self-referencing instance, named by its arguments.
                var package = working.removeValue(forKey: declaring) ?? declared.package
                r = solveInstance(wrapper.instance, batches: batches, declared: declared, declaring: declaring, in: index,
                                  shapes: env, arguments: wrapper.arguments, package: &package)
                working[declaring] = package
            } else {
                if bodies[declaring] == nil {
                    let same = collector.wrappers.enumerated().filter { _, w in
                        !w.isShapedCopy && types.object(w.generic).package == declaring
                            && declared.genericBatches[w.generic] != nil
                    }.map { p, w in (place: p, wrapper: w, shapes: collector.environment(of: w.instance).mapValues(\.name)) }
                    bodies[declaring] = .some(wrapperBodies(same, declared: declared, declaring: declaring, in: index,
                                                            decisions: decisions))
                }
                if let built = bodies[declaring] ?? nil, let members = built.members[place] {
                    r = wrapperMessages(members, in: built, declared: declared, declaring: declaring, in: index,
                                        shapes: shapes)
                } else {
                    r = EscapeMessages()
                }
            }
            out.messages.append(contentsOf: r)
        }
        return out
    }

    /// One shape instance's body solved as the package at `index` compiles it. `package` is a
    /// working copy of the declaring package's GoIR, as `declared.package` on entry and on return.
    private func solveInstance(_ instance: ShapeInstance, batches: [[Int]], declared: PackageEscape,
                               declaring: Int32, in index: Int32, shapes env: [TypeID: Shape],
                               arguments: [String]? = nil, package: inout IRPackage) -> EscapeMessages {
        guard let root = declared.package.functionsByObject[instance.generic],
              let owner = ir.program.package(index: declaring) else { return EscapeMessages() }
        let name = ir.withInliner { $0.instanceName(instance.generic, arguments: arguments ?? instance.shapes.map(\.name), from: owner) }
        let qualifier = declaring == index ? "" : declared.package.name + "."
        let members = batches.flatMap { $0 }
        Self.renameInstance(&package, members: members, genericName: declared.package[function: root].name,
                            instanceName: name, qualifier: qualifier)
        let naming = ShapeNaming(program: ir.program.types)
        for m in members { naming.shapeInlinedGenerics(&package.functions[m], base: env) }
        let printer = IRPrinter(program: ir.program.types, package: package, localPackage: index, shapes: env.mapValues(\.name))
        let out = solve(batches: batches, package: package, printer: printer, literalTags: declared.literalTags,
                        declaring: declaring, declaredTags: declared.tags)
        for m in members { package.functions[m] = declared.package.functions[m] }
        return out
    }

    /// The declaring package's GoIR with a generic body's functions named after one instance
    /// (`F` → `F[go.shape.int]`, `F.func1` → `F[go.shape.int].func1`, `F-range1` likewise) and,
    /// for an instance compiled in another package, the body's variables named as that package
    /// prints them (`s` → `slices.s`; temporaries and names of bodies inlined from elsewhere
    /// keep theirs).
    static func renameInstance(_ package: inout IRPackage, members: [Int], genericName: String,
                               instanceName: String, qualifier: String) {
        // Renamed in place: a copy of each function out of the table and back retained and
        // released its every table, and copied its variables once more on the first rename.
        for m in members {
            let name = package.functions[m].name
            if name == genericName {
                package.functions[m].name = instanceName
            } else if name.hasPrefix(genericName),
                      let next = name.dropFirst(genericName.count).first, next == "." || next == "-" {
                package.functions[m].name = instanceName + name.dropFirst(genericName.count)
            }
            if !qualifier.isEmpty {
                for i in package.functions[m].variables.indices where isPackageLocalName(package.functions[m].variables[i].name) {
                    package.functions[m].variables[i].name = qualifier + package.functions[m].variables[i].name
                }
            }
        }
    }

    /// A variable name the compiler qualifies by its package outside it: the body's own
    /// names, results, dictionary and range-over-func state included (`slices.~r0`,
    /// `slices..dict`, `slices.#state1`);
    /// not the compiling package's temporaries (`.autotmp_1`), not blank, not already
    /// qualified.
    static func isPackageLocalName(_ name: String) -> Bool {
        if name == ".dict" { return true }
        guard let first = name.first, first != ".", name != "_" else { return false }
        return !name.contains(".")
    }
}

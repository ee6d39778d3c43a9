import GoIR
import GoTypes

/// Which imported bodies a package can inline: the compiler inlines a call only when the
/// callee's body is in the export data it reads, and it reads only the export data of the
/// package's direct imports. A package's export data carries the bodies of its own inlinable
/// functions and, re-exported, the bodies of imported functions it loaded because it inlined
/// them somewhere (in its own functions, in bodies inlined into them, in the shaped copies of
/// generics it compiles). So a function declared in package D is inlinable in package Q only
/// when Q is D, Q imports D, or a direct import of Q inlined it.
///
/// This decides the cost of a call whose callee lives in a package the caller's package does
/// not import, which happens mostly in the shaped copy of another package's generic: the
/// copy of `atomic.Pointer[T].Load` inlines `(*atomic.UnsafePointer).Load` (cost 7) in a
/// package that imports `runtime` (runtime inlines it, so its export data carries the body)
/// and calls it (cost 60) in one that reaches `runtime` only through `unique`. The loaded
/// bodies of a package are found by following, from every function the package lowers, the
/// calls of inlinable callees whose bodies are visible there, through those callees' bodies
/// and through the bodies of the generics it calls (compiled in the package as shaped copies).
/// The shaped copies a package compiles because its types or method sets name an instance
/// (`sync.Map`'s field of type `HashTrieMap[any, any]`) are followed too: a package that only
/// declares such a type still loads, and re-exports, what those copies inline. A package's own
/// generic bodies are followed as if it instantiated them: telling the instances it compiles
/// from the ones it does not is not modelled here (leaving the uninstantiated ones out,
/// measured, lost more over std than it gained).
extension GoIRInliner {
    /// True when the body of the declared function or method `o` is available for inlining in
    /// the package at `path`.
    func isBodyVisible(_ o: ObjectID, in path: String) -> Bool {
        let types = program.types
        let origin = types.object(o).origin ?? o
        let r = types.object(origin)
        guard r.package >= 0 else { return true }
        let declaring = types.packagePath(r.package)
        if declaring == path { return true }
        // A generic's body travels with every export data that names one of its instances:
        // whoever compiles a shaped copy has the body it was made from.
        if isGenericFunction(origin) { return true }
        if let known = visibility.importedBodies[path] { return known.imports.contains(declaring) || known.loaded.contains(origin) }
        let imports = directImports(path)
        if imports.contains(declaring) { return true }
        let visible = imports.contains { loadedBodies($0).contains(origin) }
        rememberImportedBodies(path, imports: imports)
        return visible
    }

    /// Keeps what a package's direct imports make visible (`ImportedBodies`) once every import's
    /// loaded bodies are final: the answers above then take two set lookups instead of one per
    /// import, and stay the same (a package's loaded bodies never change once computed).
    private func rememberImportedBodies(_ path: String, imports: Set<String>) {
        var loaded: Set<ObjectID> = []
        for i in imports {
            guard !visibility.loading.contains(i), let bodies = visibility.loaded[i] else { return }
            loaded.formUnion(bodies)
        }
        visibility.importedBodies[path] = ImportedBodies(imports: imports, loaded: loaded)
    }

    /// The canonical paths of the packages a package imports in its files.
    func directImports(_ path: String) -> Set<String> {
        if let known = visibility.imports[path] { return known }
        var out: Set<String> = []
        if let pkg = program.package(path) {
            var written: Set<String> = []
            for file in pkg.files { for i in file.imports { written.insert(i.path) } }
            // Paths as written, vendored ones by the package they resolve to.
            for (key, canonical) in program.types.importAliases where key.importer == pkg.path && written.contains(key.path) {
                written.remove(key.path)
                out.insert(canonical)
            }
            out.formUnion(written)
        }
        visibility.imports[path] = out
        return out
    }

    /// The imported functions whose bodies the package at `path` loads by inlining them: the
    /// bodies its export data re-exports.
    func loadedBodies(_ path: String) -> Set<ObjectID> {
        if let known = visibility.loaded[path] { return known }
        visibility.loaded[path] = []  // an import cycle (never valid Go) ends here
        visibility.loading.insert(path)
        defer { visibility.loading.remove(path) }
        guard let pkg = package(path) else { return [] }
        var loaded: Set<ObjectID> = []
        var scanned: Set<BodyKey> = []
        var pending = pkg.functions.indices.map { BodyKey(path: pkg.path, index: $0) }
        // The shaped copies the package compiles because its types or method sets name an
        // instance (not only its calls): their calls are the package's too.
        for g in visibility.compiledGenerics?(path) ?? [] {
            let o = program.types.object(g).origin ?? g
            if let (owner, index) = declared(o), owner.path != pkg.path { pending.append(BodyKey(path: owner.path, index: index)) }
        }
        while let key = pending.popLast() {
            guard scanned.insert(key).inserted, let owner = package(key.path) else { continue }
            let f = owner.functions[key.index]
            pending += f.literals.map { BodyKey(path: owner.path, index: Int($0)) }
            for node in f.nodes where node.op == .function || node.op == .methodExpr {
                let o = program.types.object(ObjectID(node.aux)).origin ?? ObjectID(node.aux)
                guard let (calleePackage, index) = declared(o), calleePackage.path != pkg.path else { continue }
                let body = BodyKey(path: calleePackage.path, index: index)
                if isGenericFunction(o) {
                    // A generic's shaped copy is compiled here: its calls are this package's.
                    pending.append(body)
                    continue
                }
                guard !loaded.contains(o), let cost = calleeCost(o), cost <= InlineBudget.callee,
                      isBodyVisible(o, in: pkg.path) else { continue }
                loaded.insert(o)
                pending.append(body)
            }
        }
        visibility.loaded[path] = loaded
        return loaded
    }

    /// True for a generic function or a method of a generic type.
    func isGenericFunction(_ o: ObjectID) -> Bool {
        let types = program.types
        guard let s = types.signatureOf(types.object(types.object(o).origin ?? o).type) else { return false }
        return !s.typeParams.isEmpty || !s.recvTypeParams.isEmpty
    }

    /// One lowered function: its package and index there.
    struct BodyKey: Hashable {
        var path: String
        var index: Int
    }

    /// A package's direct imports and the union of the bodies they load.
    struct ImportedBodies {
        var imports: Set<String>
        var loaded: Set<ObjectID>
    }

    /// What `isBodyVisible` has computed: each package's direct imports and loaded bodies.
    struct BodyVisibility {
        var imports: [String: Set<String>] = [:]
        var loaded: [String: Set<ObjectID>] = [:]
        /// Packages whose loaded bodies are being computed (their entry in `loaded` is not final).
        var loading: Set<String> = []
        /// What each package's direct imports make visible, once all of them are final.
        var importedBodies: [String: ImportedBodies] = [:]
        /// The generic functions and methods whose shaped copies the package at a path compiles
        /// (the shape instances and instance wrappers found in it); nil: calls alone.
        var compiledGenerics: ((String) -> [ObjectID])? = nil
    }
}

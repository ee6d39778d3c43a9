/// The import graph among the loaded packages and its bottom-up order.
struct ImportGraph {
    /// Packages with every package after the ones it imports; ties broken by import path.
    let bottomUp: [LoadedPackage]
    /// Notes for import cycles (which the go tool rejects); their packages are appended in
    /// import-path order.
    let cycleNotes: [LoadNote]

    init(_ packages: [LoadedPackage]) {
        var byPath: [String: LoadedPackage] = [:]
        var duplicates: [LoadNote] = []
        for p in packages {
            if byPath[p.importPath] != nil {
                duplicates.append(LoadNote(level: .warning, path: p.directory, line: 0,
                                           message: "package \(p.importPath) found twice; this copy is ignored"))
                continue
            }
            byPath[p.importPath] = p
        }
        var remaining: [String: Int] = [:]      // unresolved in-set imports per package
        var importers: [String: [String]] = [:]
        for (path, p) in byPath {
            let deps = p.imports.filter { byPath[$0] != nil && $0 != path }
            remaining[path] = deps.count
            for d in deps { importers[d, default: []].append(path) }
        }
        var ready = remaining.filter { $0.value == 0 }.map(\.key).sorted()
        var order: [LoadedPackage] = []
        while !ready.isEmpty {
            let next = ready.removeFirst()
            order.append(byPath[next]!)
            for importer in importers[next] ?? [] {
                remaining[importer]! -= 1
                if remaining[importer] == 0 {
                    let index = ready.firstIndex { $0 > importer } ?? ready.count
                    ready.insert(importer, at: index)
                }
            }
        }
        var notes = duplicates
        let stuck = remaining.filter { $0.value > 0 }.map(\.key).sorted()
        for path in stuck {
            order.append(byPath[path]!)
            notes.append(LoadNote(level: .error, path: byPath[path]!.directory, line: 0,
                                  message: "package \(path) is part of an import cycle; analysed after the others"))
        }
        bottomUp = order
        cycleNotes = notes
    }
}

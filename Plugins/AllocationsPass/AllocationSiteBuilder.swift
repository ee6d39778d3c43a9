import GCEngine
import PassKit

/// Builds a package's allocation sites from escape verdicts, the compiler's allocator calls
/// (when the assembly was listed) and the source layout.
struct AllocationSiteBuilder {
    let files: [String: SourceLayout]
    /// The folder the package's fact paths are relative to (the scanned root), when known.
    let root: String?
    let functions: [FunctionRecord]
    let index: EnclosingFunctionIndex
    private let byID: [String: FunctionRecord]
    private let byNormalizedID: [String: String]
    /// Function ids by the linker symbol a `//go:linkname` directive gives them.
    private let linknamed: [String: String]
    /// The names each file's imports bind, with their import paths (`http` for `net/http`), by fact path.
    let importedNames: [String: [String: String]]
    /// The package's import path.
    let packagePath: String

    init(package: PackageInput, functions: [FunctionRecord]) {
        var files: [String: SourceLayout] = [:]
        var importedNames: [String: [String: String]] = [:]
        for (i, file) in package.files.enumerated() {
            let parsed = package.parsedFile(at: i)
            files[file.path] = SourceLayout(bytes: file.bytes, tree: parsed.tree)
            importedNames[file.path] = Self.boundImports(parsed.imports)
        }
        self.files = files
        self.importedNames = importedNames
        packagePath = package.importPath
        root = package.files.lazy.compactMap { f -> String? in
            f.absolutePath.hasSuffix("/" + f.path) ? String(f.absolutePath.dropLast(f.path.count + 1)) : nil
        }.first
        self.functions = functions
        index = EnclosingFunctionIndex(functions)
        byID = Dictionary(functions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        byNormalizedID = Dictionary(functions.map { (Self.normalize($0.id), $0.id) }, uniquingKeysWith: { a, _ in a })
        var linknamed: [String: String] = [:]
        for file in package.files {
            for (local, symbol) in Self.linknames(in: file.bytes) {
                let id = package.importPath + "." + local
                if byID[id] != nil { linknamed[symbol] = id }
            }
        }
        self.linknamed = linknamed
    }

    /// Removes type-argument lists (`[go.shape.int]`, `[T]`) so that linker symbols of
    /// instantiations meet the source function ids.
    static func normalize(_ symbol: String) -> String {
        var out = ""
        var depth = 0
        for c in symbol {
            if c == "[" { depth += 1; continue }
            if c == "]" { depth -= 1; continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }

    /// The function id of a linker symbol: exact, else the nearest enclosing name
    /// (`F.gowrap1`, `F-range1` → `F`); nil for symbols of no scanned function.
    /// Compiler wrappers are left out: method-value wrappers (`T.M-fm`) and the dictionary
    /// wrappers of generic instantiations (`F[int]`; the code runs in the shape function
    /// `F[go.shape.int]`), which would count a site twice.
    ///
    /// A closure copied where its enclosing function was inlined is compiled under the
    /// closure's name with a hash of the inlining stack (`F.func1#hash#`, and its range-over-func
    /// bodies `F.func1#hash#-range1`): its code is the closure's own, at the closure's lines.
    func functionID(ofSymbol symbol: String) -> String? {
        if symbol.hasSuffix("-fm") || (symbol.contains("[") && !symbol.contains("go.shape")) { return nil }
        var name = Self.normalize(Self.trimInlineHashes(symbol))
        // A function of the package compiled under its own name first: a body-less declaration
        // may name it in a `//go:linkname` (`badlinkname_Checker_infer` for `(*Checker).infer`).
        if let id = byNormalizedID[name] { return id }
        if let id = linknamed[symbol] { return id }  // compiled under the name its directive gives it
        while true {
            if let id = byNormalizedID[name] { return id }
            guard let cut = name.lastIndex(where: { $0 == "." || $0 == "-" }) else { return nil }
            name = String(name[..<cut])
        }
    }

    /// The symbol without the inlining-stack hashes (`#…#`) of cloned closures.
    static func trimInlineHashes(_ symbol: String) -> String {
        guard symbol.contains("#") else { return symbol }
        var out = ""
        var inHash = false
        for c in symbol {
            if c == "#" { inHash.toggle(); continue }
            if !inHash { out.append(c) }
        }
        return out
    }

    struct Candidate {
        var site: AllocationSite
        var kinds: [AllocationKind]
        var escapes: Bool
        var matched = false
    }

    private func offset(_ file: String, _ line: Int, _ column: Int) -> Int? {
        files[file]?.offset(line: line, column: column)
    }

    func depth(file: String, line: Int, column: Int, function: FunctionRecord) -> Int {
        guard let layout = files[file], let at = layout.offset(line: line, column: column),
              let start = layout.offset(line: function.startLine, column: function.startColumn) else { return 0 }
        return layout.loopDepth(at: at, functionStart: start)
    }

    /// True when the position lies in the function's signature (before its body opens, or
    /// anywhere in a declaration without a body: an assembly or linknamed function's
    /// parameters).
    private func inSignature(file: String, line: Int, column: Int, function: FunctionRecord) -> Bool {
        guard let layout = files[file], let at = layout.offset(line: line, column: column),
              let keyword = layout.offset(line: function.startLine, column: function.startColumn) else { return false }
        guard let open = layout.bodyOpen(funcKeyword: keyword) else { return true }
        return at < open
    }

    /// The sites of the package.
    ///
    /// `methodValueWrappers` (with the assembly): the method names of the method value wrappers
    /// each listed package compiles (`GCCompilation.methodValueWrappersByPackage`); a selector
    /// `x.M` is a method value only when the package its code comes from compiles an `M-fm`
    /// wrapper, else it is a field (or package variable) converted to an interface.
    func build(verdicts: [Fact], calls: [AllocatorCall]?, methodValueWrappers: [String: Set<String>]? = nil) -> AllocationsResult {
        var candidates: [Candidate] = []
        for fact in verdicts where !fact.external {
            guard [.escapes, .noEscape, .movedToHeap].contains(fact.kind),
                  let function = index.owner(of: fact) else { continue }
            if fact.kind == .noEscape && inSignature(file: fact.file, line: fact.line, column: fact.column, function: function) {
                continue  // a parameter verdict, not an allocating expression
            }
            if fact.kind != .movedToHeap && fact.line == function.line && fact.column == function.column {
                continue  // printed for a compiler wrapper (generic dictionary wrapper) at the function's name
            }
            var kinds = fact.kind == .movedToHeap ? [AllocationKind.heapVar] : SubjectShape.kinds(of: fact.subject)
            if kinds == [.methodValue, .ifaceConv] && (isQualifiedIdentifier(fact.subject, file: fact.file)
                || !mayBeMethodValue(fact.subject, at: fact, function: function, wrappers: methodValueWrappers)) {
                kinds = [.ifaceConv]
            }
            guard let first = kinds.first else { continue }  // a constant: read-only data
            if fact.kind == .escapes && SubjectShape.isEmptySliceLiteral(fact.subject) {
                continue  // `[]T{}`: no elements, no backing array to allocate
            }
            let site = AllocationSite(kind: first, placement: fact.kind == .noEscape ? .stack : .heap,
                                      file: fact.file, line: fact.line, column: fact.column, subject: fact.subject,
                                      loopDepth: depth(file: fact.file, line: fact.line, column: fact.column, function: function),
                                      function: function.id, explanation: fact.explanation, external: false)
            candidates.append(Candidate(site: site, kinds: kinds, escapes: fact.kind != .noEscape))
        }
        Self.separateBoxing(&candidates)
        var result = AllocationsResult()
        var sites: [AllocationSite]
        if let calls {
            sites = combine(&candidates, calls: calls)
            result.confirmedByAssembly = true
        } else {
            sites = candidates.map { refineWithoutAssembly($0) }
        }
        return finish(sites, into: result)
    }

    /// The compiler prints an allocating expression that is also boxed into an interface twice,
    /// with the same text at the same position (`k + "=" + v escapes to heap` for the string
    /// and for its box): one verdict is the expression's own storage, the other the boxed copy.
    /// The first of such a group (or the one whose `-m=2` flow goes through the conversion,
    /// `(interface-converted)`) keeps the expression's kind, a named literal `T{...}` being a
    /// slice or map literal then; the others are boxings.
    static func separateBoxing(_ candidates: inout [Candidate]) {
        var groups: [String: [Int]] = [:]
        for (i, c) in candidates.enumerated() where c.site.kind != .heapVar {
            groups["\(c.site.file):\(c.site.line):\(c.site.column)|\(c.site.subject)", default: []].append(i)
        }
        for members in groups.values where members.count > 1 {
            // Only texts that name both an allocating expression and a possible boxing: a
            // concatenation, or a named composite literal (`append` or `new(T)` printed twice
            // at one call site are two inlined allocations, not a boxing).
            let c = candidates[members[0]]
            let literal = c.site.subject.hasSuffix("{...}") || c.site.subject.hasSuffix("{}")
            guard c.kinds.contains(.ifaceConv) && (literal || c.kinds.contains(.concat)) else { continue }
            let inner = members.first { i in candidates[i].site.explanation.contains { $0.contains("from \(candidates[i].site.subject) (interface-converted)") } }
                ?? members[0]
            for i in members {
                let own = candidates[i].kinds.filter { $0 != .ifaceConv }
                candidates[i].kinds = i == inner ? (own.isEmpty ? [.composite] : own) : [.ifaceConv]
                candidates[i].site.kind = candidates[i].kinds[0]
            }
        }
    }

    /// The functions whose own body (not a nested literal's) holds a `for` or `range` loop.
    private func functionsWithLoops() -> Set<String> {
        var byFile: [String: [(id: String, start: Int, end: Int)]] = [:]
        for function in functions {
            guard let layout = files[function.file],
                  let start = layout.offset(line: function.startLine, column: function.startColumn),
                  let end = layout.offset(line: function.endLine, column: function.endColumn) else { continue }
            byFile[function.file, default: []].append((function.id, start, end))
        }
        var out: Set<String> = []
        for (file, spans) in byFile {
            guard let layout = files[file] else { continue }
            for i in layout.spansWithLoops(spans.map { ($0.start, $0.end) }) { out.insert(spans[i].id) }
        }
        return out
    }

    /// Sorts the sites into canonical order and counts them per function.
    func finish(_ unsorted: [AllocationSite], into start: AllocationsResult) -> AllocationsResult {
        var result = start
        var sites = unsorted
        sites.sort { ($0.file, $0.line, $0.column, $0.kind.rawValue, $0.subject) < ($1.file, $1.line, $1.column, $1.kind.rawValue, $1.subject) }
        result.sites = sites
        let looping = functionsWithLoops()
        for function in functions {
            var counts = FunctionAllocations()
            counts.hasLoops = looping.contains(function.id)
            result.functions[function.id] = counts
        }
        for site in sites {
            var counts = result.functions[site.function] ?? FunctionAllocations()
            switch site.placement {
            case .heap:
                counts.heapSites += 1
                if site.loopDepth > 0 { counts.heapSitesInLoops += 1 } else { counts.allocationsPerCall += site.allocations }
            case .may: counts.maySites += 1
            case .stack: counts.stackSites += 1
            }
            result.functions[site.function] = counts
        }
        return result
    }

    /// Without the assembly, placements follow the verdicts, with the run-time rules that are
    /// decidable from the text: a non-escaping variable-size make, append, string conversion or
    /// concatenation uses a small stack buffer and falls back to the heap when it is too small.
    private func refineWithoutAssembly(_ candidate: Candidate) -> AllocationSite {
        var site = candidate.site
        // A selector `x.f` is a field boxed into an interface far more often than a method
        // value (about five to one over std); only the assembly can tell them apart.
        if candidate.kinds == [.methodValue, .ifaceConv] { site.kind = .ifaceConv }
        if !candidate.escapes {
            switch site.kind {
            case .appendGrow, .concat, .bytesString, .stringBytes, .stringRunes, .runesString: site.placement = .may
            case .makeSlice where !site.subject.dropFirst("make(".count).split(separator: ",").dropFirst()
                    .allSatisfy({ $0.trimmingCharacters(in: .whitespaces).dropLast($0.hasSuffix(")") ? 1 : 0).allSatisfy(\.isNumber) }):
                site.placement = .may
            default: break
            }
        }
        return Self.explained(site, escapes: candidate.escapes, printed: true)
    }

    /// The site with its cause and remedy appended to its explanation, when it is on the heap
    /// or may be.
    static func explained(_ site: AllocationSite, escapes: Bool, printed: Bool) -> AllocationSite {
        guard site.placement != .stack else { return site }
        var site = site
        site.explanation += AllocationCause.of(kind: site.kind, placement: site.placement, escapes: escapes,
                                               printed: printed).explanationLines
        return site
    }

    /// Pairs verdict sites with the allocator calls of their function.
    private func combine(_ candidates: inout [Candidate], calls: [AllocatorCall]) -> [AllocationSite] {
        var callsByFunction: [String: [AllocatorCall]] = [:]
        let initializerLiterals = initializerLiteralsBySymbol(calls)
        for call in calls where !isWrittenCall(call) {
            guard let id = initializerLiterals[call.symbol] ?? functionID(ofSymbol: call.symbol) else { continue }
            callsByFunction[id, default: []].append(call)
        }
        var used: [String: [Bool]] = callsByFunction.mapValues { Array(repeating: false, count: $0.count) }
        func compatible(_ call: AllocatorCall, _ kinds: [AllocationKind], subject: String, sameLine: Bool, escapes: Bool) -> Bool {
            guard !call.runtimeFunction.hasPrefix("moveSlice"),
                  let kind = AllocatorCall.kind(ofRuntimeFunction: call.runtimeFunction) else { return false }
            // A site that does not escape lives in stack memory unless walk calls the allocator
            // for a run-time size or a large value; a plain object allocation (`newobject`,
            // `mallocgc*`) is never made for one but for a constant string's bytes above the
            // stack limit (and a non-escaping method value `x.M` never takes the call of a
            // goroutine's argument record or of an escaping literal inlined from elsewhere).
            if !escapes && !Self.mayAllocateWithoutEscaping(kind)
                && !(kind == .new && kinds.contains(.stringBytes) && Self.mayBeLargeConstant(subject)) {
                return false
            }
            if kinds.contains(kind) { return true }
            // A plain object allocation (`newobject`, `mallocgc*`) also backs `[]byte` of a
            // constant string (a fresh array of its bytes) and a `make` fused with the `copy`
            // that fills it (pointer-free elements: `mallocgc` and a memmove). A named literal
            // (`T{...}`: most often a boxed struct, else a named slice's backing array) takes
            // one only on its own line: code inlined from elsewhere allocates its own literals
            // there (`errors.New`'s `&errorString{...}`).
            if kind == .new {
                guard sameLine || kinds.first != .ifaceConv else { return false }
                return kinds.contains { Self.objectKinds.contains($0) }
            }
            return false
        }
        var matchedCall: [Int: AllocatorCall] = [:]
        // Round 1: a call on the verdict's own line; round 3: any other call of the function
        // (code inlined at the verdict's call site runs on the inlined body's lines, in this
        // file or another), escaping verdicts first. A non-escaping verdict pairs only when walk
        // can still call the allocator for it (run-time sizes, large boxed values): a
        // non-escaping literal, closure, method value, `new` or variable is stack memory, and
        // pairing it would take the call of an escaping site inlined from another line.
        let order = candidates.indices.filter { candidates[$0].escapes } + candidates.indices.filter { !candidates[$0].escapes }
        // In the last round a selector (`x.f` boxed, or a method value `x.M`) comes after the other
        // escaping verdicts: a selector boxed as a zero-size or pointer-shaped value
        // (`binary.LittleEndian`) calls nothing, and pairing it first took the call of a
        // literal inlined from another line (`errors.New`'s `&errorString{...}`).
        let selectors = Set(candidates.indices.filter { candidates[$0].kinds == [.methodValue, .ifaceConv] })
        let escaping = Set(candidates.indices.filter { candidates[$0].escapes })
        // Last come the non-escaping string conversions their own line writes: a call in code
        // inlined elsewhere is first an inlined body's own conversion (`parseDecimalBytes`'s
        // `string(b)` at internal/xcoff/ar.go:206, not `switch string(magic[:])` at :116, which
        // order compiles without a copy).
        let ownConversions = Set(candidates.indices.filter { !candidates[$0].escapes && writesConversion(candidates[$0].site) })
        let secondOrder = order.filter { escaping.contains($0) && !selectors.contains($0) }
            + order.filter { escaping.contains($0) && selectors.contains($0) }
            + order.filter { !escaping.contains($0) && !ownConversions.contains($0) } + order.filter { ownConversions.contains($0) }
        // Between the two, a call of inlined code whose inline mark sits on the verdict's line
        // (`AllocatorCall.inlineMarkLine`): two inlinings of one body run on the same lines,
        // and the mark tells their call sites apart.
        for round in 0..<3 {
            for i in (round < 2 ? order : secondOrder) where !candidates[i].matched {
                let site = candidates[i].site
                if !candidates[i].escapes && !candidates[i].kinds.contains(where: Self.mayAllocateWithoutEscaping) { continue }
                if !candidates[i].escapes && Self.isConstantStackMake(site.subject, kinds: candidates[i].kinds) { continue }
                guard let list = callsByFunction[site.function] else { continue }
                // An allocation the verdict's own text writes at its position (`new(T)`, `&T{...}`
                // in the function's own code, not a call site an inlined body's verdict is printed
                // at) is compiled on its own line: without a call there it allocates nothing
                // (zero-size `new`, a literal the backend removed), and a call elsewhere is
                // another site's.
                // Conversely such a verdict printed at an inlined call has its call in the inlined
                // body's code: a call on the call site's own line is another construct's (a method
                // value taking the result of an inlined constructor).
                let writes = writesAllocation(site)
                if round > 0 && writes == true || round == 0 && writes == false { continue }
                // The call of the verdict's most likely kind first (`make(depSet)` inlined from
                // another line takes the `makemap_small` of its body, not a `makechan` of the
                // function's own), then in listing order. In the last round a call in inlined
                // code comes before one in the function's own lines: a verdict without a call on
                // its own line is printed for code inlined at it, and a call on one of the
                // function's own lines belongs to that line's construct (a `go` statement's
                // argument record, a literal).
                var best: (index: Int, rank: Int)?
                for (j, call) in list.enumerated() where !used[site.function]![j] {
                    let sameLine = call.file == site.file && call.line == site.line
                    let marked = call.inlineMarkLine == site.line && !ownCode(call, site.function)
                    guard round == 2 || (round == 0 ? sameLine : marked),
                          compatible(call, candidates[i].kinds, subject: site.subject, sameLine: sameLine,
                                     escapes: candidates[i].escapes) else { continue }
                    let kind = AllocatorCall.kind(ofRuntimeFunction: call.runtimeFunction)
                    var rank = kind.flatMap { candidates[i].kinds.firstIndex(of: $0) } ?? candidates[i].kinds.count
                    if round == 2 && ownCode(call, site.function) { rank += Self.ownLinePenalty }
                    if best == nil || rank < best!.rank { best = (j, rank) }
                    if rank == 0 { break }
                }
                if let best {
                    used[site.function]![best.index] = true
                    candidates[i].matched = true
                    matchedCall[i] = list[best.index]
                }
            }
        }
        var sites: [AllocationSite] = []
        var heapMaps: [String: HeapMap] = [:]
        for (i, candidate) in candidates.enumerated() {
            var site = candidate.site
            if let call = matchedCall[i], let kind = AllocatorCall.kind(ofRuntimeFunction: call.runtimeFunction) {
                if candidate.kinds.contains(kind) {
                    site.kind = kind
                } else if kind == .new, let object = candidate.kinds.first(where: Self.objectKinds.contains) {
                    site.kind = object  // a plain object allocation: the first kind that is an object
                }
                site.placement = candidate.escapes || Self.alwaysAllocates(call.runtimeFunction) ? .heap : .may
                site.explanation.append("compiled to a call of runtime.\(call.runtimeFunction)")
                // An empty literal (`map[K]V{}`) has no inserts of its own: a call of
                // `mapassign*` on its line inserts into another map (`g.edges[k] = map[K]V{}`).
                if site.kind == .makeMap && site.placement == .heap && !site.subject.hasSuffix("{}") {
                    // Keyed by the call's line, where the literal's inserts are: for a literal
                    // inlined from another function that is the body's line, not the verdict's.
                    heapMaps["\(site.function)|\(call.file):\(call.line)"] = HeapMap(site: site, small: call.runtimeFunction == "makemap_small")
                }
            } else if candidate.escapes {
                continue  // compiled without an allocator call: constant data, a closure without captures, or optimised away
            } else {
                site.placement = .stack
            }
            sites.append(Self.explained(site, escapes: candidate.escapes, printed: true))
        }
        for (id, list) in callsByFunction.sorted(by: { $0.key < $1.key }) {
            guard let record = byID[id] else { continue }
            for (j, call) in list.enumerated() where !used[id]![j] {
                guard let kind = AllocatorCall.kind(ofRuntimeFunction: call.runtimeFunction) else { continue }
                let mapKey = "\(id)|\(call.file):\(call.line)"
                if kind == .mapGrow, let map = heapMaps[mapKey] {
                    // The inserts of a heap map literal's entries, on the literal's line. walk
                    // sizes the map for every entry: a small map (`makemap_small`) allocates its
                    // one group at the first insert; a larger one is created with its groups,
                    // and no insert into it allocates.
                    guard map.small, !map.firstInsertSeen else { continue }
                    heapMaps[mapKey]?.firstInsertSeen = true
                    var site = unprintedSite(call: call, kind: kind, record: record, freshHeapMap: true)
                    if site.column == 0 || site.line != map.site.line || site.file != map.site.file {
                        // Reported at the literal, as its verdict is (for a literal inlined from
                        // another function, at the call site).
                        (site.file, site.line, site.column) = (map.site.file, map.site.line, map.site.column)
                        site.subject = map.site.subject + " (first insert)"
                    }
                    sites.append(site)
                    continue
                }
                sites.append(unprintedSite(call: call, kind: kind, record: record, freshHeapMap: false))
            }
        }
        return sites
    }

    /// Ranks a call on the function's own lines after every call in inlined code (above any
    /// kind rank).
    static let ownLinePenalty = 1_000

    /// For a verdict on `new(T)` or `&T{...}`: true when the source at its position writes that
    /// expression (the function's own code; the compiler places `new(` at its parenthesis),
    /// false when it is the call site an inlined body's verdict is printed at; nil for other
    /// subjects.
    private func writesAllocation(_ site: AllocationSite) -> Bool? {
        guard let layout = files[site.file] else { return nil }
        if site.subject.hasPrefix("new(") {
            return layout.starts(with: "new(", line: site.line, column: site.column - "new".utf8.count)
        }
        if site.subject.hasPrefix("&") { return layout.starts(with: "&", line: site.line, column: site.column) }
        return nil
    }

    /// True for a `string(b)` or `[]byte(s)` verdict on a line whose source writes that
    /// conversion (not only a call site an inlined body's conversion is printed at).
    private func writesConversion(_ site: AllocationSite) -> Bool {
        let token: String
        switch site.kind {
        case .bytesString where site.subject.hasPrefix("string("): token = "string("
        case .stringBytes where site.subject.hasPrefix("([]byte)("): token = "[]byte("
        default: return false
        }
        return files[site.file]?.column(of: token, line: site.line) != nil
    }

    /// The functions of the literals in package-level initialisers, by their symbols. The
    /// compiler numbers those literals (`PKG.init.funcN`) in the order the package initialises
    /// its variables, the functions pass in source order, so the numbers may name different
    /// literals; a literal whose code the listing places on a line of the package's own files is
    /// the innermost initialiser literal holding that line, nested as deep as the symbol's (a
    /// deeper one is a literal inlined into it).
    private func initializerLiteralsBySymbol(_ calls: [AllocatorCall]) -> [String: String] {
        func depth(_ name: String) -> Int? {
            guard let r = name.range(of: Self.initializerLiteral) else { return nil }
            return name[r.upperBound...].filter { $0 == "." }.count
        }
        var out: [String: String] = [:]
        for call in calls where out[call.symbol] == nil && !call.external {
            guard let nesting = depth(call.symbol) else { continue }
            for column in [1, Self.lineEndColumn] {
                if let record = index.function(file: call.file, line: call.line, column: column), depth(record.id) == nesting {
                    out[call.symbol] = record.id
                    break
                }
            }
        }
        return out
    }

    /// The name part of a package-level initialiser's literal (`PKG.init.func1`).
    static let initializerLiteral = ".init.func"
    /// A column past the end of any line (a position on a literal's first line after its `func`).
    static let lineEndColumn = 10_000

    /// True when a call lies in the function's own lines (not in code inlined into it).
    private func ownCode(_ call: AllocatorCall, _ function: String) -> Bool {
        guard let record = byID[function] else { return true }
        return call.file == record.file && call.line >= record.startLine && call.line <= record.endLine
    }

    /// The kinds a plain object allocation (`newobject`, `mallocgc*`) can back.
    static let objectKinds: Set<AllocationKind> = [.heapVar, .composite, .closure, .methodValue, .new, .stringBytes, .makeSlice]

    /// A heap map created on a line: its site, and whether walk created it small
    /// (`makemap_small`: its first insert allocates the group).
    struct HeapMap {
        var site: AllocationSite
        var small: Bool
        var firstInsertSeen = false
    }

    /// Kinds walk may still allocate for although their verdict says "does not escape": sizes
    /// known only at run time (a stack buffer that can overflow), constant map hints above 8,
    /// boxed values above 1 KiB.
    static func mayAllocateWithoutEscaping(_ kind: AllocationKind) -> Bool {
        switch kind {
        case .makeSlice, .makeMap, .appendGrow, .concat, .bytesString, .stringBytes, .stringRunes, .runesString,
             .runeString, .ifaceConv: return true
        default: return false
        }
    }

    /// True when a conversion's text may be of a constant string above the stack limit: the
    /// compiler prints a long constant cut, its closing quote replaced by `...`. A non-escaping `[]byte(s)`
    /// of anything else calls `stringtoslicebyte` or uses a stack array, never a plain object
    /// allocation (pairing one took a `newobject` of inlined code: database/sql/convert.go:274).
    static func mayBeLargeConstant(_ subject: String) -> Bool {
        subject.contains("(\"") && subject.hasSuffix("...)")
    }

    /// A non-escaping `make` whose sizes the compiler prints as constants: walk gives a slice a
    /// stack array of that capacity (escape analysis already sent one above 64 KiB to the heap),
    /// a map with a hint of at most 8 its stack group, so no allocator call is its own; pairing
    /// it took the call of an escaping `make` inlined at the same line.
    static func isConstantStackMake(_ subject: String, kinds: [AllocationKind]) -> Bool {
        guard kinds.first == .makeSlice, let arguments = makeArguments(subject), arguments.count >= 2 else { return false }
        let sizes = arguments.dropFirst().map { Int($0) }
        guard sizes.allSatisfy({ $0 != nil }) else { return false }
        return kinds == [.makeSlice] || sizes.allSatisfy { $0! <= 8 }
    }

    /// Allocator entry points that allocate whenever they are called, even for a site whose
    /// verdict is "does not escape": boxing a non-escaping value larger than 1024 bytes still
    /// calls `convT` / `convTnoptr` (the stack temp is only used for smaller values).
    static func alwaysAllocates(_ runtimeFunction: String) -> Bool {
        runtimeFunction == "convT" || runtimeFunction == "convTnoptr"
    }

    /// A site the compiler's `-m` text does not print (channel creation, goroutine start, heap
    /// defer, map growth, `s += x`, append beyond the stack buffer, …), from its allocator call.
    func unprintedSite(call: AllocatorCall, kind: AllocationKind, record: FunctionRecord, freshHeapMap: Bool) -> AllocationSite {
        let placement: Placement
        switch kind {
        case .go, .defer, .appendGrow, .bytesString, .stringBytes, .stringRunes, .runesString, .runeString: placement = .may
        case .mapGrow: placement = freshHeapMap ? .heap : .may
        default: placement = .heap
        }
        let local = !call.external && call.file == record.file && call.line >= record.startLine && call.line <= record.endLine
        var column = 0
        var subject = "runtime.\(call.runtimeFunction)"
        if local, let layout = files[call.file] {
            let from = call.line == record.startLine ? record.startColumn : 1
            switch kind {
            case .makeChan:
                if let c = layout.column(of: "make(chan", line: call.line, fromColumn: from) {
                    column = c + 4
                    subject = layout.balancedText(line: call.line, openColumn: column).map { "make" + $0 } ?? "make(chan)"
                }
            case .go:
                if let c = layout.column(of: "go", line: call.line, fromColumn: from) { column = c; subject = "go statement" }
            case .defer:
                if let c = layout.column(of: "defer", line: call.line, fromColumn: from) { column = c; subject = "defer statement" }
            case .concat:
                if let c = layout.column(of: "+=", line: call.line, fromColumn: from) { column = c; subject = "+=" }
            case .mapGrow:
                if let c = layout.column(of: "] =", line: call.line, fromColumn: from) ?? layout.column(of: "]=", line: call.line, fromColumn: from) {
                    column = c + (layout.column(of: "] =", line: call.line, fromColumn: from) != nil ? 2 : 1)
                    subject = "map assignment"
                }
            case .appendGrow:
                if let c = layout.column(of: "append", line: call.line, fromColumn: from) { column = c + 6; subject = "append" }
            default: break
            }
        }
        let depth = local ? self.depth(file: call.file, line: call.line, column: max(column, 1), function: record) : 0
        var allocations = 1
        if kind == .makeChan, let arguments = Self.makeArguments(subject), arguments.count == 2,
           arguments[1] != "0", Self.elementHoldsPointers(arguments[0].dropFirst("chan".count)) {
            allocations = 2  // makechan allocates the channel and, separately, a pointerful buffer
        }
        let site = AllocationSite(kind: kind, placement: placement, file: call.file, line: call.line, column: column,
                                  subject: subject, loopDepth: depth, function: record.id,
                                  explanation: ["not printed by -m; compiled to a call of runtime.\(call.runtimeFunction)"],
                                  external: call.external, allocations: allocations)
        return Self.explained(site, escapes: false, printed: false)
    }

    /// The top-level arguments of `make(…)` text, trimmed.
    static func makeArguments(_ text: String) -> [String]? {
        guard text.hasPrefix("make("), text.hasSuffix(")") else { return nil }
        var parts: [String] = []
        var depth = 0
        var current = ""
        for c in text.dropFirst(5).dropLast() {
            if "([{".contains(c) { depth += 1 }
            if ")]}".contains(c) { depth -= 1 }
            if c == "," && depth == 0 { parts.append(current); current = ""; continue }
            current.append(c)
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// True when an element type, as written, certainly holds pointers (pointers, slices, maps,
    /// channels, functions, strings, interfaces). Named types are not resolved: false.
    static func elementHoldsPointers<S: StringProtocol>(_ type: S) -> Bool {
        let t = type.trimmingCharacters(in: .whitespaces)
        return ["*", "[]", "map[", "chan", "func", "<-chan"].contains { t.hasPrefix($0) }
            || ["string", "any", "error"].contains(t) || t.hasPrefix("interface")
    }
}

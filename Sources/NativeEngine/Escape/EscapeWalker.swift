import EscapeGraph
import GoIR
import GoSyntax
import GoTypes

/// Builds one batch's escape graph from GoIR bodies (after inline expansion): locations for
/// variables and allocating nodes, holes for expressions, statements and calls, as
/// go-compiler-facts.md §2.3–2.6 describe. `NativeEscape` groups functions into batches,
/// supplies callees' tags, and solves.
struct EscapeWalker {
    let program: Program
    let package: IRPackage
    let printer: IRPrinter
    /// The batch's functions (indexes into `package.functions`), declared in this order.
    let members: [Int]
    /// Tags of callees outside the batch: per parameter, receiver first; nil when unknown.
    let tags: (ObjectID) -> [LeakSummary]?
    /// Tags of the package's non-capturing literals analysed in earlier batches.
    var literalTags: [Int: [LeakSummary]] = [:]
    var graph: EscapeGraph
    /// The graph's function id of each member.
    var functionIDs: [Int: FunctionID] = [:]
    /// Locations of variables, by function and variable.
    var locations: [Int: [Int32: LocationID]] = [:]
    /// Forced-heap facts of the locations created so far, in creation order.
    var sizeFacts: [(LocationID, HeapAllocationFacts)] = []
    /// The function being walked.
    var current = 0
    /// What each location created for a node or variable stands for, in creation order.
    var origins: [(location: LocationID, site: EscapeSite)] = []

    /// Which types hold pointers the analysis follows.
    let pointers: HeapPointers

    init(program: Program, package: IRPackage, printer: IRPrinter, members: [Int], explains: Bool,
         pointers: HeapPointers, tags: @escaping (ObjectID) -> [LeakSummary]?) {
        self.program = program
        self.pointers = pointers
        self.package = package
        self.printer = printer
        self.members = members
        self.tags = tags
        self.graph = EscapeGraph(options: EscapeOptions(reportsVerdicts: true, explains: explains))
    }

    var f: IRFunction { _read { yield package[function: current] } }

    // MARK: Positions and texts

    /// The first column the compiler's positions cannot hold (8 bits, the largest value
    /// meaning "unknown"): such positions print without a column.
    static let unrepresentableColumn = 255

    /// The position the compiler prints for a node of function `fn`.
    func position(_ p: IRPos, in fn: Int) -> EscapePosition {
        let q = package.reportedPosition(p, in: package[function: fn])
        guard let r = package.position(q) else { return .none }
        let column = r.column >= Self.unrepresentableColumn ? 0 : r.column
        return EscapePosition(file: r.file, line: Int32(r.line), column: Int32(column))
    }

    func site(_ id: IRNodeID) -> NoteSite {
        guard graph.options.explains else { return NoteSite("", at: .none) }
        return NoteSite(printer.subjectText(f, id), at: position(f[id].pos, in: current))
    }

    func statementSite(_ id: IRNodeID, _ text: String) -> NoteSite {
        NoteSite(text, at: position(f[id].pos, in: current))
    }

    // MARK: Declaring the batch

    /// Declares every member function and the locations of their variables (closures' when
    /// their literal is reached, as the compiler does).
    mutating func declare() {
        for m in members {
            let fn = package[function: m]
            var flags: FunctionFlags = []
            if fn.kind == .goDeferWrapper { flags.insert(.wrapper) }
            if fn.isGeneric || fn.kind == .instanceWrapper { flags.insert(.dupok) }
            if !fn.hasBody { flags.insert(.bodyless) }
            if fn.pragmas.contains("noescape") { flags.insert(.noescape) }
            if fn.pragmas.contains("uintptrescapes") { flags.insert(.uintptrEscapes) }
            let parent = fn.parent >= 0 && !fn.captured.isEmpty ? functionIDs[Int(fn.parent)] : nil
            functionIDs[m] = graph.declareFunction(fn.name, closureParent: parent, flags: flags)
        }
        for m in members where !isCapturingLiteral(m) { declareVariables(of: m) }
    }

    func isCapturingLiteral(_ m: Int) -> Bool {
        let fn = package[function: m]
        return fn.parent >= 0 && !fn.captured.isEmpty && functionIDs[Int(fn.parent)] != nil
    }

    /// Locations for a function's parameters, results and locals, and its parameter list.
    mutating func declareVariables(of m: Int) {
        let fn = package[function: m]
        guard let id = functionIDs[m] else { return }
        var map: [Int32: LocationID] = [:]
        for (i, v) in fn.variables.enumerated() where v.varClass != .captured {
            let cls: VariableClass
            var resultIndex: Int? = nil
            switch v.varClass {
            case .param: cls = .parameter
            case .result:
                cls = .result
                resultIndex = (fn.results.firstIndex(of: IRVarID(Int32(i))) ?? 0) + 1
            case .temp: cls = .autotmp
            default: cls = .local
            }
            if (v.varClass == .param || v.varClass == .result) && v.flags.contains(.blank) && fn.hasBody {
                // Unnamed and blank parameters and results still get a location.
            }
            let loc = graph.addVariable(v.name, cls, at: position(v.pos, in: m), in: id, resultIndex: resultIndex,
                                        loopDepth: v.loopDepth)
            map[Int32(i)] = loc
            origins.append((loc, EscapeSite(function: m, node: .none, variable: IRVarID(Int32(i)), escapes: false,
                                            loopDepth: v.loopDepth, position: position(v.pos, in: m), text: v.name)))
            let shape: HeapAllocationFacts.Shape = (v.varClass == .param || v.varClass == .result) ? .parameterOrResult : .plain
            sizeFacts.append((loc, HeapAllocationFacts(shape: shape, typeSize: program.sizeof(v.type),
                                                       typeAlignment: program.alignof(v.type))))
        }
        locations[m] = map
        let params = fn.params.map { p -> ParameterDeclaration in
            let v = fn[p]
            let blank = v.flags.contains(.blank)
            return ParameterDeclaration(name: blank ? (v.name == "_" ? "_" : nil) : v.name,
                                        position: position(v.pos, in: m), hasPointers: pointers.hasPointers(v.type),
                                        isUintptr: program.basicKind(v.type) == .uintptr,
                                        location: fn.hasBody && !blank ? map[p.raw] : nil)
        }
        graph.declareParameters(of: id, params)
    }

    /// The location of a variable of function `m` (closure variables resolve to the variable
    /// they capture).
    func location(_ v: IRVarID, in m: Int) -> LocationID? {
        var fn = m
        var id = v
        for _ in 0..<64 {
            let x = package[function: fn][id]
            if x.varClass == .captured, let o = x.outer {
                fn = Int(o.function)
                id = o.variable
                continue
            }
            return locations[fn]?[id.raw]
        }
        return nil
    }

    // MARK: Walking

    /// Walks every member that is not a capturing literal (those are walked at their literal).
    mutating func walk() {
        for m in members where !isCapturingLiteral(m) {
            walkFunction(m)
        }
    }

    mutating func walkFunction(_ m: Int) {
        let saved = (current, graph.cursor)
        current = m
        guard let id = functionIDs[m] else { return }
        graph.enter(id)
        let fn = package[function: m]
        if fn.hasBody && fn.body.exists {
            labels = [:]
            findLabels(fn.body)
            block(fn[fn.body].list)
        }
        current = saved.0
        graph.cursor = saved.1
    }

    /// Looping labels: a label some later `goto` jumps back to.
    var labels: [Int32: Bool] = [:]

    mutating func findLabels(_ body: IRNodeID) {
        var seen: Set<Int32> = []
        f.forEachReachable(from: body) { _, n in
            if n.op == .label { seen.insert(n.aux2); labels[n.aux2] = false }
            if n.op == .branch, Token(rawValue: UInt8(n.aux)) == .kwGoto, n.aux2 >= 0, seen.contains(n.aux2) {
                labels[n.aux2] = true
            }
        }
    }

    /// Does `n` have pointers (untyped and invalid types count as pointer-free).
    func hasPointers(_ t: TypeID) -> Bool { pointers.hasPointers(t) }
}

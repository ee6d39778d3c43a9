import EscapeGraph
import Foundation
import GoIR
import GoTypes
import PassKit

/// One location of the escape graph that stands for an allocating node or a variable of the
/// package's expanded GoIR, with the verdict it received.
public struct EscapeSite: Sendable {
    /// The function (index into the expanded package's function table).
    public var function: Int
    /// The allocating node, or none for a variable.
    public var node: IRNodeID
    /// The variable, for variable locations.
    public var variable: IRVarID?
    /// True when the location must live on the heap.
    public var escapes: Bool
    /// Loop depth where the node is evaluated (variables: where they are declared).
    public var loopDepth: Int32
    /// The position the compiler reports it at.
    public var position: SourcePosition
    /// The node's text in messages (a variable's name).
    public var text: String
}

/// The escape analysis of one package: every `-m` verdict line the compiler prints for it,
/// the `-m=2` flow explanations, and its functions' leak tags (what importers read).
public struct PackageEscape: Sendable {
    /// The GoIR the analysis read (after inline expansion).
    public var package: IRPackage
    /// Every allocating node and variable with its verdict, in creation order.
    public var sites: [EscapeSite]
    /// What the analysis prints, batch by batch: the package's functions, then the shape
    /// instances and the method wrappers it compiles.
    public var messages = EscapeMessages()
    /// Verdict lines (moved to heap, escapes, does not escape, leaking param, ...).
    public var verdicts: [EscapeVerdict] { messages.verdicts }
    /// Flow explanations, in the order the compiler prints them.
    public var explanations: [FlowExplanation] { messages.explanations }
    /// Closure capture decisions (`F capturing by value: x`), in the compiler's order.
    public var captures: [CaptureDecision] { messages.captures }
    /// Leak tags of declared functions and methods: one per parameter, receiver first.
    public var tags: [ObjectID: [LeakSummary]]
    /// The batches of each generic function's body (its literals included), in solving
    /// order: each package compiling a shape instance of it analyses them again as that
    /// instance (`NativeEscape.instanceMessages`).
    public var genericBatches: [ObjectID: [[Int]]] = [:]
    /// The verdicts of each generic body's own batches, texts on its type parameters.
    var genericVerdicts: [ObjectID: [EscapeVerdict]] = [:]
    /// The generic bodies' own verdicts, once per shape instance the package compiles of its
    /// own generics: their texts name what the unshaped body's nodes print (allocation sites
    /// of generic bodies find their verdict by it).
    public var bodyVerdicts: [EscapeVerdict] = []
    /// Tags of the package's function literals that have no object, by function index.
    var literalTags: [Int: [LeakSummary]] = [:]
}

/// Native escape analysis over GoIR, package by package: a package's imports are analysed
/// first (their tags summarise their functions for callers), then its functions in batches,
/// bottom-up over the strongly connected components of the "mentions" graph, each batch
/// solved by `EscapeGraph` on the bodies after inline expansion.
///
/// Packages are analysed on any thread, several at once: each package once (a thread asking
/// for a package another thread is analysing waits for it; one asking for a package it is
/// analysing itself, up its own stack, gets nil, as a cycle would), its result then a value
/// every thread reads. What the analysis asks of the inliner takes the inliner's lock
/// (`NativeIR`); the type-pointer cache is per thread.
public final class NativeEscape: @unchecked Sendable {
    /// The GoIR of the run.
    public let ir: NativeIR
    /// Whether flow explanations are recorded (`-m=2`).
    public let explains: Bool
    /// Guards `results` and `running`; signalled when a package's analysis ends.
    private let state = NSCondition()
    private var results: [String: PackageEscape] = [:]
    /// Packages being analysed, with the thread analysing each.
    private var running: [String: UInt] = [:]
    /// `HeapPointers` of each thread (its cache is filled as the walker asks).
    private var pointerCaches: [UInt: HeapPointers] = [:]
    /// The run's cached leak tags (`LeakTagSummaries`): read for packages not analysed here,
    /// written for those analysed; nil without a cache.
    var leakTagSummaries: LeakTagSummaries?

    /// Escape analysis over a run's GoIR.
    public init(ir: NativeIR, explains: Bool = true) {
        self.ir = ir
        self.explains = explains
    }

    /// Packages `go list` names that the compiler never compiles: their declarations only
    /// document what the compiler implements itself.
    static let documentationOnlyPackages: Set<String> = ["builtin", "unsafe"]

    /// The package's escape analysis (computed once; imports first); nil for an unknown
    /// package and for `builtin` and `unsafe`.
    public func analyze(_ path: String) -> PackageEscape? {
        if let r = state.withLock({ results[path] }) { return r }
        if Self.documentationOnlyPackages.contains(path) { return nil }
        guard let typed = ir.program.package(path) else { return nil }
        let me = Self.currentThread
        state.lock()
        while true {
            if let r = results[typed.path] {
                state.unlock()
                return r
            }
            guard let owner = running[typed.path] else { break }
            if owner == me {
                state.unlock()
                return nil
            }
            state.wait()
        }
        running[typed.path] = me
        state.unlock()
        let r = ir.expanded(typed.path).map { package in
            ir.program.stages.measure(.escape) {
                analyze(package, index: typed.index, mentioned: ir.batchMentions(typed.path))
            }
        }
        state.withLock {
            running[typed.path] = nil
            if let r {
                results[path] = r
                results[typed.path] = r
            }
            state.broadcast()
        }
        if let r { leakTagSummaries?.export(r, package: typed.path) }
        return r
    }

    /// The tags of a function or method of any package (nil when unknown).
    func tags(of o: ObjectID) -> [LeakSummary]? {
        let types = ir.program.types
        let r = types.object(types.object(o).origin ?? o)
        guard r.package >= 0 else { return nil }
        let path = types.packagePath(r.package)
        let (done, mine) = state.withLock { (results[path], running[path] == Self.currentThread) }
        if let done { return done.tags[types.object(o).origin ?? o] ?? done.tags[o] }
        // A package being analysed up this thread's stack answers nil below (its tags are not
        // final); so must the cache.
        if let summaries = leakTagSummaries, !mine, let cached = summaries.tags(of: types.object(o).origin ?? o, package: path) {
            return cached
        }
        guard let p = analyze(path) else { return nil }
        return p.tags[types.object(o).origin ?? o] ?? p.tags[o]
    }

    /// The calling thread's type-pointer cache.
    var pointers: HeapPointers {
        let me = Self.currentThread
        return state.withLock {
            if let known = pointerCaches[me] { return known }
            let made = HeapPointers(program: ir.program.types)
            pointerCaches[me] = made
            return made
        }
    }

    /// The calling thread, as `pthread_self()` names it.
    private static var currentThread: UInt {
        #if os(Linux)
        UInt(pthread_self())
        #else
        UInt(bitPattern: pthread_self())
        #endif
    }

    /// `mentioned`: what each batch root mentions (`NativeIR.batchMentions`), when known.
    private func analyze(_ package: IRPackage, index: Int32, mentioned: [[Int]]?) -> PackageEscape {
        let program = ir.program.types
        let printer = IRPrinter(program: program, package: package, localPackage: index)
        var out = PackageEscape(package: package, sites: [], tags: [:])
        var literalTags: [Int: [LeakSummary]] = [:]
        for batch in EscapeBatches.order(package, mentioned: mentioned) {
            let members = EscapeBatches.members(batch, in: package)
            let generic = genericOwner(members, in: package)
            // A generic body's own explanations and capture lines are never printed (its
            // instances' are): the batch is solved without them, for its verdicts and tags.
            let (walker, result) = solve(members, package: package, printer: printer, literalTags: { literalTags[$0] },
                                         explains: explains && generic == nil) { [unowned self] o in
                let declared = program.object(o).origin ?? o
                if program.object(declared).package == index { return out.tags[declared] }
                return self.tags(of: o)
            }
            for (loc, site) in walker.origins {
                var s = site
                s.escapes = walker.graph.attributes(of: loc).contains(.escapes)
                out.sites.append(s)
            }
            if let generic {
                // Reported per shape instance (`instanceMessages`), never for the body itself.
                out.genericBatches[generic, default: []].append(members)
                out.genericVerdicts[generic, default: []] += result.verdicts
            } else {
                out.messages.append(result)
            }
            for m in members {
                guard let id = walker.functionIDs[m], let t = result.tags[id] else { continue }
                // The object alone is read (the borrow ends before the tables change).
                let object = package.functions[m].object
                if let o = object { out.tags[o] = t } else { literalTags[m] = t }
            }
        }
        out.literalTags = literalTags
        let decisions = ir.program.package(index: index).map { ir.decisions(for: $0) }
        if let decisions {
            let instances = instanceMessages(index: index, own: out, decisions: decisions)
            out.messages.append(contentsOf: instances.messages)
            out.bodyVerdicts = instances.bodyVerdicts
            // The compiler analyses the method wrappers after every other function.
            out.messages.append(contentsOf: methodWrapperMessages(index: index, own: out, decisions: decisions))
        }
        return out
    }

    /// Builds and solves one batch of `package`'s functions, texts printed by `printer`;
    /// `tags` answers for callees outside the batch, `literalTags` for the package's literals
    /// solved before (both read when asked: the caller keeps adding to what they read, and the
    /// walker never holds a copy). `explains` (the analysis' own setting when nil) says whether
    /// explanations and capture lines are recorded; verdicts and tags do not depend on it.
    func solve(_ members: [Int], package: IRPackage, printer: IRPrinter,
               literalTags: @escaping (Int) -> [LeakSummary]?, explains: Bool? = nil,
               tags: @escaping (ObjectID) -> [LeakSummary]?) -> (EscapeWalker, EscapeBatchResult) {
        var walker = EscapeWalker(program: ir.program.types, package: package, printer: printer, members: members,
                                  explains: explains ?? self.explains, pointers: pointers, tags: tags,
                                  literalTags: literalTags, uintptrEscapes: { [unowned self] in self.uintptrEscapes($0) })
        walker.declare()
        walker.walk()
        walker.graph.decideCaptures()
        for (loc, facts) in walker.sizeFacts {
            if let reason = HeapAllocationRule.reason(for: facts) { walker.graph.forceHeapAllocation(loc, reason: reason) }
        }
        var result = walker.graph.solve()
        result.describeDeferredSites { walker.describe($0) }
        return (walker, result)
    }

    /// True when a function or method is declared `//go:uintptrescapes` (its declaration's
    /// directives, in whichever package declares it).
    func uintptrEscapes(_ o: ObjectID) -> Bool {
        let types = ir.program.types
        let r = types.object(types.object(o).origin ?? o)
        guard r.package >= 0, let owner = ir.program.package(index: r.package),
              let i = owner.function(file: Int(r.file), nameOffset: Int(r.offset)) else { return false }
        return owner.functions[i].pragmas.contains("uintptrescapes")
    }

    /// Solves `batches` of `package` in order, texts printed by `printer`: the tags of each
    /// batch's literals serve the batches after it, `literalTags` those solved before the first;
    /// callees declared in the package at `declaring` are answered by `declaredTags`, others by
    /// their own package's analysis. The messages of every batch, in order.
    func solve(batches: [[Int]], package: IRPackage, printer: IRPrinter, literalTags initial: [Int: [LeakSummary]],
               declaring: Int32, declaredTags: [ObjectID: [LeakSummary]]) -> EscapeMessages {
        let types = ir.program.types
        var literalTags = initial
        var out = EscapeMessages()
        for members in batches {
            let (walker, result) = solve(members, package: package, printer: printer,
                                         literalTags: { literalTags[$0] }) { [unowned self] o in
                let d = types.object(o).origin ?? o
                if types.object(d).package == declaring { return declaredTags[d] }
                return self.tags(of: o)
            }
            out.append(result)
            for m in members where package[function: m].object == nil {
                if let id = walker.functionIDs[m], let t = result.tags[id] { literalTags[m] = t }
            }
        }
        return out
    }

    /// The generic function a batch analyses, when every member is it or one of its literals.
    private func genericOwner(_ members: [Int], in package: IRPackage) -> ObjectID? {
        var owner: ObjectID? = nil
        for m in members {
            var top = m
            while package[function: top].parent >= 0 { top = Int(package[function: top].parent) }
            guard package[function: top].isGeneric, let o = package[function: top].object, owner == nil || owner == o else {
                return nil
            }
            owner = o
        }
        return owner
    }

    /// Facts for the package's verdicts: every kind the compiler prints at `-m`, with
    /// positions in the package's files (verdicts about other files, such as generic code of
    /// an imported package instantiated here, are kept with their own paths). Each
    /// `moved-to-heap`, `escapes` and `leak-*` fact carries its `-m=2` explanation as the gc
    /// engine stores the compiler's (`FlowExplanations`); `notePath` renders the files that
    /// the explanation's notes point at.
    public func facts(_ path: String, relativePaths: [String: String], notePath: (String) -> String = { $0 }) -> [Fact] {
        guard let r = analyze(path) else { return [] }
        return Self.facts(of: r, relativePaths: relativePaths, notePath: notePath)
    }

    /// The facts of a package's finished analysis (see `facts(_:relativePaths:notePath:)`): a
    /// function of the result alone, so it needs no lock around the run's tables.
    public static func facts(of r: PackageEscape, relativePaths: [String: String],
                             notePath: (String) -> String = { $0 }) -> [Fact] {
        facts(of: r, path: { relativePaths[$0] }, notePath: notePath)
    }

    /// The facts of a package's finished analysis with their paths given by `path` (nil leaves a
    /// verdict out): for a corpus whose facts about other packages' files (generic code
    /// instantiated here) are kept under paths of their own.
    public static func facts(of r: PackageEscape, path: (String) -> String?,
                             notePath: (String) -> String = { $0 }) -> [Fact] {
        var explanations = FlowExplanations(r)
        return r.verdicts.indices.compactMap { index -> Fact? in
            let v = r.verdicts[index]
            guard let file = path(v.position.file) else { return nil }
            let line = Int(v.position.line), column = Int(v.position.column)
            guard let kind = v.kind.factKind else { return nil }
            let detail = kind == .leakResult
                ? v.text.range(of: " to result ").map { String(v.text[$0.upperBound...]) } ?? "" : ""
            let explained = explanations.lines(ofVerdict: index, path: { path($0) ?? notePath($0) })
            return Fact(kind: kind, file: file, line: line, column: column, subject: v.subject, detail: detail,
                        explanation: explained)
        }
    }
}

extension VerdictKind {
    /// The fact kind a verdict of this kind is stored as (a parameter that does not escape is
    /// a `no-escape` fact); nil for the kinds heapsight does not store (`-d=escapemutationscalls`
    /// lines, uintptr notes, zero-copy conversions).
    var factKind: FactKind? {
        switch self {
        case .movedToHeap: .movedToHeap
        case .escapes: .escapes
        case .noEscape, .parameterNoEscape: .noEscape
        case .leakParam: .leakParam
        case .leakParamContent: .leakParamContent
        case .leakResult: .leakResult
        case .mutatesParam, .callsParam, .parameterUntouched, .assumingUnsafeUintptr, .markingEscapingUintptr, .zeroCopy: nil
        }
    }
}

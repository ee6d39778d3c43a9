import EscapeGraph
import GoIR
import GoSyntax
import GoTypes
import PassKit

/// Native allocation counting (go-compiler-facts.md §4): every allocation site of every
/// function of a package, from its GoIR after inline expansion and the native escape verdicts,
/// without running the compiler.
///
/// Model. Escape analysis gives each allocating node and each variable a location and a
/// verdict (`PackageEscape.sites`); walk then decides what the verdict costs at run time. This
/// builder replays walk's decisions on the nodes:
/// 1. sites with a verdict (`new`, `&T{}`, slice and map literals, `make`, closures, method
///    values, boxing, concatenation, string conversions, `append`, moved variables): heap when
///    the verdict escapes, unless walk needs no allocation at all (zero-size values,
///    non-capturing closures, boxing of constants, static composite literals, bools and
///    one-byte integers); stack when it does not escape, unless a walk rule still calls the
///    allocator: the 32-byte buffers of run-time-sized `make`, conversions, concatenation and
///    `append` (`may`), boxing of values above 1 KiB (heap), constant map hints above 8 (heap);
/// 2. sites escape analysis never models, found by walking the statements: `make(chan)`
///    (heap; two allocations for a buffered channel of pointers), map inserts (`may`, the first
///    insert into a map literal that escapes: heap), `go` statements (`may`: goroutines come
///    from a free list), heap `defer`s (`may`: pooled records) and `s += x` (heap).
/// Every heap or `may` site gets an `AllocationCause` (why, and what would remove it).
///
/// Sites are reported where the compiler reports them: verdict sites at the verdict's position
/// and text, the others at the code's line with the run-time call (`NativeSiteReporting`).
///
/// Three backend rules are replayed: appends into a slice whose length and capacity SSA knows
/// (constants, lengths of unassigned slices, slices of arrays) with room for them lose their
/// growth (`SiteWalker+KnownCapacity`); code that constants, inlined arguments included, make
/// unreachable holds no site (`SiteWalker+DeadCode`); and `make([]T, 0)` is `runtime.zerobase`. In the FIPS 140 module's packages (`FIPSModule`) a boxed constant or
/// static literal is built at run time, not read from read-only data.
///
/// Estimated: run-time values (small integers boxed from a static table, string lengths that
/// fit a stack buffer, run-time append capacities) are not known; those sites say `heap` or
/// `may` as the gc engine's assembly would. Other SSA optimisations after walk (dead stores
/// removing an allocation, `prove` facts beyond a first append's constant bound) are not
/// modelled. Cost: linear in the nodes.
public struct NativeAllocations {
    /// The program's types.
    public let program: Program
    /// The analysed package (its GoIR after inline expansion, sites and verdicts).
    public let escape: PackageEscape

    /// Renders the files that explanation notes point at (`at FILE:LINE`).
    public let notePath: (String) -> String

    /// The builder for one package's escape analysis, notes' files rendered by `notePath`.
    public init(program: Program, escape: PackageEscape, notePath: @escaping (String) -> String = { $0 }) {
        self.program = program
        self.escape = escape
        self.notePath = notePath
    }

    /// Every site of every function with a body, in function then node order.
    public func sites() -> [NativeAllocationSite] { siteSets().kept }

    /// The sites, and apart from them the sites whose verdicts `-m` prints in code the backend
    /// removes (`SiteWalker+DeadCode`, `SiteWalker+KnownCapacity`): no allocation there.
    public func siteSets() -> (kept: [NativeAllocationSite], removed: [NativeAllocationSite]) {
        var verdictKeys: Set<SiteKey> = []
        var zeroCopyKeys: Set<SiteKey> = []
        // Sized once: growing the set rehashes every key at each doubling.
        verdictKeys.reserveCapacity(escape.verdicts.count + escape.bodyVerdicts.count)
        for verdicts in [escape.verdicts, escape.bodyVerdicts] {
            for v in verdicts {
                switch v.kind {
                case .escapes, .noEscape, .movedToHeap: verdictKeys.insert(Self.key(v.position, v.subject))
                case .zeroCopy: zeroCopyKeys.insert(Self.key(v.position, v.subject))
                default: break
                }
            }
        }
        let explanations = SiteExplanations(escape.explanations, path: notePath)
        // Sites by function index, in tables where dictionaries keyed by function hashed every site.
        let functionCount = escape.package.functions.count
        var nodeSites = [[EscapeSite]](repeating: [], count: functionCount)
        var variableSites = [[EscapeSite]](repeating: [], count: functionCount)
        for s in escape.sites where s.function >= 0 && s.function < functionCount {
            if s.variable != nil {
                variableSites[s.function].append(s)
            } else if s.node.exists {
                nodeSites[s.function].append(s)
            }
        }
        var out: [NativeAllocationSite] = []
        var removed: [NativeAllocationSite] = []
        // Walked for only when the package has generic bodies: the walk reads every body.
        let functions = escape.package.functions
        let hasGenericBodies = functions.indices.contains { functions[$0].isGeneric && functions[$0].body.exists }
        let instantiated = hasGenericBodies ? instantiatedGenerics() : []
        // By index: the walker holds the one copy of each function it needs.
        for index in functions.indices where functions[index].hasBody && functions[index].body.exists {
            // A generic body has code only where the package instantiates it (its shape
            // function is compiled here, at the body's own lines).
            if functions[index].isGeneric && !(functions[index].object.map { instantiated.contains($0) } ?? false) { continue }
            var walker = SiteWalker(program: program, package: escape.package, f: functions[index], functionIndex: index,
                                    nodeSites: NodeSites(nodeSites[index], nodeCount: functions[index].nodes.count),
                                    verdictKeys: verdictKeys, zeroCopyKeys: zeroCopyKeys,
                                    explanations: explanations)
            for group in walker.movedVariableGroups(variableSites[index]) {
                if let first = group.first { walker.variable(first, movedWith: group) }
            }
            walker.visit(functions[index].body, parent: .none, depth: 0)
            out += walker.sites
            removed += walker.removedSites
        }
        return (out, removed)
    }

    /// The generic functions and methods of the package that its non-generic code refers to
    /// (called, used as values or through method expressions), by their generic object.
    func instantiatedGenerics() -> Set<ObjectID> {
        var out: Set<ObjectID> = []
        for function in escape.package.functions where !function.isGeneric && function.body.exists {
            function.forEachReachable(from: function.body) { _, n in
                guard n.op == .function || n.op == .methodExpr || n.op == .methodValue else { return }
                let o = ObjectID(n.aux)
                out.insert(program.object(o).origin ?? o)
            }
        }
        return out
    }

    /// A printed line's position and subject, as verdicts, explanations and sites name each other.
    struct SiteKey: Hashable {
        var position: EscapePosition
        var text: String
    }

    /// The key of a line at `p` about `text` (a value, not a formatted string: every verdict
    /// and every site makes one).
    static func key(_ p: EscapePosition, _ text: String) -> SiteKey { SiteKey(position: p, text: text) }
}

/// The `-m=2` explanations of a package's escaping locations by the site they explain,
/// rendered when a site asks for them, once per site key: explanations of sites no walk
/// records (code the package never compiles) are never turned into text.
final class SiteExplanations {
    private let explanations: [NativeAllocations.SiteKey: [FlowExplanation]]
    private let path: (String) -> String
    private var rendered: [NativeAllocations.SiteKey: [String]] = [:]

    /// Groups `all` by site key; notes' files are rendered by `path`.
    init(_ all: [FlowExplanation], path: @escaping (String) -> String) {
        var grouped: [NativeAllocations.SiteKey: [FlowExplanation]] = [:]
        // Sized once: a package's explanations are mostly one per site, and growing the table
        // rehashed every key at each doubling.
        grouped.reserveCapacity(all.count)
        for e in all {
            if case .escapes(let subject, _) = e.subject {
                // An `append` site is named `append` by its verdict, by the whole call in its flow.
                let named = subject.hasPrefix("append(") ? "append" : subject
                grouped[NativeAllocations.key(e.position, named), default: []].append(e)
            }
        }
        explanations = grouped
        self.path = path
    }

    /// The lines of every explanation of `key`, in print order (repeats kept), empty if none.
    func lines(for key: NativeAllocations.SiteKey) -> [String] {
        if let done = rendered[key] { return done }
        guard let found = explanations[key] else { return [] }
        var out: [String] = []
        for e in found { out += e.messages(path: path) }
        rendered[key] = out
        return out
    }
}

// Profile attribution: which source position each sample of a profile is charged to.
//
// Model. A pprof sample is a stack (innermost frame first, inlined frames expanded) and one
// value per sample type. heapsight charges the whole sample to one position: the innermost
// frame inside the scanned tree (`ProfileTree`). For a heap profile every sample counts — Go's
// heap profile stacks start at the allocating function, so the innermost in-tree frame is the
// allocation itself, or the call into a library that allocated. For a CPU profile only samples
// spent allocating count: those with a frame in one of the runtime's allocation entry points
// (`AllocationRuntime`). This is pprof's own flat attribution with `-show` set to the scanned
// packages (and, for CPU, `-focus` set to those runtime functions), which is what the tests
// compare against, position by position.
//
// Positions are keyed by (file, line, symbol, call site). The call site matters for inlined
// frames: when `newRecord` is inlined into `Build`, the profile's innermost frame is the line in
// `newRecord`, but the compiler, compiling `Build`, reports the allocation at the call in
// `Build` — the next frame of the inlining chain. Each position gets
// a status: `stale` when the line does not exist in the scanned source (file not scanned, line
// past the end, or the symbol names a function that the source has elsewhere), `site` when a
// pass reported a heap site on the line or at its call site, `unknown` otherwise — the profile
// saw an allocation there that no pass explains. Nothing is
// dropped: samples with no frame in the tree are counted in the profile's totals, and stale and
// unknown positions are recorded and reported.
//
// Cost: linear in the frames of all samples, plus one dictionary lookup per frame.
import FactStore
import PassKit
import PprofFormat

/// The runtime functions whose presence in a CPU sample makes it allocation time.
enum AllocationRuntime {
    /// Exact names.
    static let exact: Set<String> = ["runtime.mallocgc", "runtime.growslice", "runtime.newobject",
                                     "runtime.makeslice", "runtime.makemap"]
    /// Name prefixes (`runtime.convT64`, `runtime.concatstring2`, `runtime.makemap_small`).
    static let prefixes = ["runtime.convT", "runtime.concatstring", "runtime.makemap_"]

    /// True when `symbol` is one of them.
    static func contains(_ symbol: String) -> Bool {
        exact.contains(symbol) || prefixes.contains { symbol.hasPrefix($0) }
    }
}

/// What the run knows about its source, for deciding each position's status.
struct ProfileSourceIndex: Sendable {
    /// Line counts of the scanned files.
    let lineCounts: [String: Int]
    /// Functions per file.
    let functionsByFile: [String: [FunctionRecord]]
    /// Ranges of each function id.
    let functionsByID: [String: [FunctionRecord]]
    /// Positions (file, line) of heap sites.
    let heapLines: Set<PositionKey>

    /// A (file, line) key.
    struct PositionKey: Hashable, Sendable {
        let file: String
        let line: Int
    }

    /// Builds the index from a run's content. Heap sites are heap `alloc` facts, or `escapes` and
    /// `moved-to-heap` when the run has no `alloc` facts (the metrics' definition).
    init(_ content: RunContent) {
        lineCounts = Dictionary(content.files.map { ($0.path, $0.lines) }, uniquingKeysWith: max)
        functionsByFile = Dictionary(grouping: content.functions, by: \.file)
        functionsByID = Dictionary(grouping: content.functions, by: \.id)
        let inTree = content.facts.filter { !$0.external }
        let hasAlloc = inTree.contains { $0.kind == .alloc }
        heapLines = Set(inTree.filter { f in
            hasAlloc ? f.kind == .alloc && f.detail.split(separator: " ").contains("heap")
                     : f.kind == .escapes || f.kind == .movedToHeap
        }.map { PositionKey(file: $0.file, line: $0.line) })
    }

    /// The innermost function of `file` whose body contains `line`.
    func function(file: String, line: Int) -> FunctionRecord? {
        (functionsByFile[file] ?? []).filter { $0.startLine <= line && line <= $0.endLine }
            .max { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }
    }

    /// The status and function of a position (an inlined one also counts as a site when a heap
    /// site is reported at its call site).
    func classify(file: String?, line: Int, symbol: String, call: PositionKey? = nil) -> (ProfileSiteStatus, String?) {
        guard let file, let lines = lineCounts[file], line >= 1, line <= lines else { return (.stale, nil) }
        let enclosing = function(file: file, line: line)
        let name = String(symbol.prefix { $0 != "[" })
        if let named = functionsByID[name],
           !named.contains(where: { $0.file == file && $0.startLine <= line && line <= $0.endLine }) {
            return (.stale, enclosing?.id)
        }
        let known = heapLines.contains(PositionKey(file: file, line: line)) || call.map(heapLines.contains) == true
        let status: ProfileSiteStatus = known ? .site : .unknown
        return (status, enclosing?.id)
    }
}

/// Attributes one decoded profile to the scanned tree.
struct ProfileAttribution {
    let tree: ProfileTree
    let index: ProfileSourceIndex

    /// Column indices of the sample types heapsight reads.
    struct Columns {
        var allocObjects, allocBytes, inuseObjects, inuseBytes, cpu: Int?

        init(_ p: PprofProfile) {
            allocObjects = p.index(of: "alloc_objects")
            allocBytes = p.index(of: "alloc_space")
            inuseObjects = p.index(of: "inuse_objects")
            inuseBytes = p.index(of: "inuse_space")
            cpu = p.sampleTypes.firstIndex { $0.type == "cpu" && $0.unit == "nanoseconds" }
        }

        func weight(_ values: [Int64]) -> ProfileWeight {
            func v(_ i: Int?) -> Int64 { i.map { values[$0] } ?? 0 }
            return ProfileWeight(allocObjects: v(allocObjects), allocBytes: v(allocBytes), inuseObjects: v(inuseObjects),
                                 inuseBytes: v(inuseBytes), cpuNanoseconds: v(cpu))
        }
    }

    private struct Key: Hashable {
        let file: String?
        let profileFile: String
        let line: Int
        let symbol: String
        let call: ProfileSourceIndex.PositionKey?
    }

    /// For an inlined frame at `i`, the call in the function it was inlined into (the next
    /// frame), when that is a scanned file: where the compiler reports the inlined allocation
    /// when it compiles that function.
    func callSite(_ frames: [PprofProfile.Frame], from i: Int) -> ProfileSourceIndex.PositionKey? {
        guard frames[i].inlined, i + 1 < frames.count, case .file(let f) = tree.place(frames[i + 1]) else { return nil }
        return ProfileSourceIndex.PositionKey(file: f, line: frames[i + 1].line)
    }

    /// The profile's record: totals over all samples and one site per charged position,
    /// heaviest first (by `alloc_space` for heap, CPU for CPU profiles; then file, line, symbol).
    func attribute(_ input: ProfileInput) -> ProfileRecord {
        let columns = Columns(input.profile)
        var total = ProfileWeight.zero
        var weights: [Key: ProfileWeight] = [:]
        var inlined: [Key: Bool] = [:]
        var attributed = 0
        for sample in input.profile.samples {
            let w = columns.weight(sample.values)
            total = total + w
            if input.kind == .cpu && !sample.frames.contains(where: { AllocationRuntime.contains($0.function) }) { continue }
            for (i, frame) in sample.frames.enumerated() {
                let file: String?
                switch tree.place(frame) {
                case .outside: continue
                case .file(let f): file = f
                case .unmatched: file = nil
                }
                let key = Key(file: file, profileFile: file == nil ? frame.file : "", line: frame.line, symbol: frame.function,
                              call: callSite(sample.frames, from: i))
                weights[key, default: .zero] = weights[key, default: .zero] + w
                inlined[key] = (inlined[key] ?? false) || frame.inlined
                attributed += 1
                break
            }
        }
        let measure: ProfileMeasure = input.kind == .cpu ? .cpu : .allocBytes
        let sites = weights.map { key, w -> ProfileSite in
            let (status, function) = index.classify(file: key.file, line: key.line, symbol: key.symbol, call: key.call)
            return ProfileSite(file: key.file ?? key.profileFile, line: key.line, symbol: key.symbol, functionID: function,
                               inlined: inlined[key] ?? false, status: status, weight: w,
                               callFile: key.call?.file, callLine: key.call?.line)
        }.sorted { a, b in
            let (x, y) = (a.weight.value(measure), b.weight.value(measure))
            if x != y { return x > y }
            if (a.file, a.line, a.symbol) != (b.file, b.line, b.symbol) { return (a.file, a.line, a.symbol) < (b.file, b.line, b.symbol) }
            return (a.callFile ?? "", a.callLine ?? 0) < (b.callFile ?? "", b.callLine ?? 0)
        }
        return ProfileRecord(path: input.path, sha256: input.sha256, kind: input.kind,
                             sampleTypes: input.profile.sampleTypes.map { "\($0.type)/\($0.unit)" },
                             sampleCount: input.profile.samples.count, attributedCount: attributed,
                             totalObjects: total.allocObjects, totalBytes: total.allocBytes,
                             totalCPUNanoseconds: total.cpuNanoseconds,
                             durationNanoseconds: input.profile.durationNanos, sites: sites)
    }

    /// True when at least one sample has a frame inside the tree (a profile of this program).
    static func touchesTree(_ input: ProfileInput, _ tree: ProfileTree) -> Bool {
        input.profile.samples.contains { s in s.frames.contains { tree.place($0) != .outside } }
    }
}

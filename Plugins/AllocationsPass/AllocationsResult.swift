/// Allocation counts of one function.
public struct FunctionAllocations: Sendable, Hashable {
    /// Sites that always allocate on the heap when they run.
    public var heapSites: Int = 0
    /// Heap sites inside at least one loop.
    public var heapSitesInLoops: Int = 0
    /// Sites whose heap allocation depends on run-time values.
    public var maySites: Int = 0
    /// Sites that stay on the stack.
    public var stackSites: Int = 0
    /// True when the function body holds a loop.
    public var hasLoops: Bool = false
    /// Heap allocations of one call along the loop-free part of the function: heap sites at
    /// loop depth 0 (sites whose run-time values decide are not counted; see `maySites`). For a
    /// function without loops and branches this is the exact number the compiler's code
    /// performs when every `may` site stays off the heap.
    public var allocationsPerCall: Int = 0

    /// No sites.
    public init() {}
}

/// What the allocations pass found in one package.
public struct AllocationsResult: Sendable {
    /// Every site, in canonical position order.
    public var sites: [AllocationSite] = []
    /// Counts per function id (every function of the package, sites or not).
    public var functions: [String: FunctionAllocations] = [:]
    /// True when the compiler's assembly confirmed the heap sites (engine gc); false when
    /// placements come from escape verdicts alone.
    public var confirmedByAssembly = false

    /// An empty result.
    public init() {}
}

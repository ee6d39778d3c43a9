/// A per-run quantity that `trend` follows: one column of `package_metrics` /
/// `function_metrics` (see docs/schema.md for each definition).
public enum TrendMetric: String, CaseIterable, Sendable {
    /// Heap allocation sites.
    case heapSites = "heap-sites"
    /// Heap allocation sites inside loops.
    case heapSitesInLoops = "heap-sites-in-loops"
    /// Variables moved to the heap.
    case movedToHeap = "moved-to-heap"
    /// Escaping expressions.
    case escapes
    /// Non-escaping expressions.
    case noEscape = "no-escape"
    /// Leaking parameters.
    case leaks
    /// Inlinable functions.
    case inlinable
    /// Functions the inliner refuses.
    case notInlinable = "not-inlinable"
    /// Inlined call sites.
    case inlineCalls = "inline-calls"
    /// Allocation sites of any placement.
    case allocs
    /// Facts of any kind.
    case facts
    /// Functions recorded.
    case functions
    /// Bytes the run's heap profiles attributed to positions in the source (`scan --profile`).
    case profiledBytes = "profiled-bytes"
    /// Objects the run's heap profiles attributed to positions in the source.
    case profiledObjects = "profiled-objects"

    /// The metrics column.
    var column: String {
        switch self {
        case .heapSites: return "heap_sites"
        case .heapSitesInLoops: return "heap_sites_in_loops"
        case .movedToHeap: return "moved_to_heap"
        case .escapes: return "escapes"
        case .noEscape: return "no_escape"
        case .leaks: return "leaks"
        case .inlinable: return "inlinable"
        case .notInlinable: return "not_inlinable"
        case .inlineCalls: return "inline_calls"
        case .allocs: return "allocs"
        case .facts: return "facts"
        case .functions: return "functions"
        case .profiledBytes: return "profiled_bytes"
        case .profiledObjects: return "profiled_objects"
        }
    }
}

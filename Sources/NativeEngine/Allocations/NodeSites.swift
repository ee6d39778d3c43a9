import GoIR

/// The escape sites of one function's allocating nodes, found by node id through a table
/// indexed by the node's dense id: a dictionary per function hashed every node a walk visits,
/// and the hashing grew with the package (perf over a generated 4 MB package).
struct NodeSites {
    private var sites: [EscapeSite] = []
    /// Per node: its site's index in `sites` plus one, 0 for none.
    private var slots: [Int32] = []

    /// The sites of a function with `nodeCount` node slots (`IRFunction.nodes.count`); of two
    /// sites of one node the later one is kept.
    init(_ sites: [EscapeSite], nodeCount: Int) {
        guard !sites.isEmpty else { return }
        self.sites = sites
        slots = [Int32](repeating: 0, count: nodeCount)
        for (i, s) in sites.enumerated() where s.node.raw >= 0 && Int(s.node.raw) < nodeCount {
            slots[Int(s.node.raw)] = Int32(i + 1)
        }
    }

    /// No site at all: the walk skips its lookups.
    var isEmpty: Bool { sites.isEmpty }

    /// The site of node `id`, nil when it has none.
    subscript(id: IRNodeID) -> EscapeSite? {
        let i = Int(id.raw)
        guard i >= 0, i < slots.count else { return nil }
        let s = slots[i]
        return s == 0 ? nil : sites[Int(s) - 1]
    }
}

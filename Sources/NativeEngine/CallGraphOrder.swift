/// The compiler's bottom-up order over a package's functions: a depth-first walk in
/// declaration order that emits each strongly connected component of the "mentions" graph
/// once all the components it reaches are emitted. Within a component, functions come in
/// the order the walk first reached them.
struct CallGraphOrder {
    private let count: Int
    private let edges: (Int) -> [Int]
    private var visitID: [Int]
    private var generation = 0
    private var stack: [Int] = []
    private static let done = Int.max

    /// A walk over `count` functions whose mentioned functions are `edges(i)`.
    init(count: Int, edges: @escaping (Int) -> [Int]) {
        self.count = count
        self.edges = edges
        self.visitID = Array(repeating: 0, count: count)
    }

    /// Calls `emit` with each component, callees first.
    mutating func run(_ emit: ([Int]) -> Void) {
        for i in 0..<count { _ = visit(i, emit) }
    }

    private mutating func visit(_ i: Int, _ emit: ([Int]) -> Void) -> Int {
        if visitID[i] > 0 { return visitID[i] }
        generation += 1
        let id = generation
        visitID[i] = id
        generation += 1
        var lowest = generation
        stack.append(i)
        for j in edges(i) {
            let m = visit(j, emit)
            if m < lowest { lowest = m }
        }
        if lowest == id || lowest == id + 1 {
            let start = stack.lastIndex(of: i)!
            let block = Array(stack[start...])
            stack.removeSubrange(start...)
            for x in block { visitID[x] = Self.done }
            emit(block)
        }
        return lowest
    }
}

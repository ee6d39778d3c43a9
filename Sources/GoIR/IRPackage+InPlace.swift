/// Reading a function of the package without copying it.
///
/// `IRFunction` is a value with a dozen tables (nodes, lists, variables, constants, …).
/// `functions[i]` hands out a copy of the element, which retains and releases every table
/// each time: the walkers of escape analysis and of dead-local removal read a function per
/// node, and those copies were a measurable share of a scan (perf over std). The subscript
/// here yields the element where it lives, so `package[function: i][id]` and passing
/// `package[function: i]` to a parameter copy nothing.
extension IRPackage {
    /// Function `i`, read in place (the same value as `functions[i]`).
    @inlinable
    public subscript(function i: Int) -> IRFunction {
        _read {
            precondition(functions.indices.contains(i), "function index out of range")
            // The table is not changed while `self` is borrowed by this read, so its storage
            // outlives the yield.
            let base = functions.withUnsafeBufferPointer { $0.baseAddress! }
            yield base[i]
        }
    }
}

extension IRPackage {
    /// True when function `i` is a function literal that captures variables of the function
    /// enclosing it. Such a literal is no unit of its own: dead-local removal and escape
    /// analysis take it with its parent (the escape batches are rooted at the other functions,
    /// and what the clean-up collects for them is keyed by those roots), so every pass that
    /// tells the two kinds apart asks this one question.
    @inlinable
    public func isCapturingLiteral(_ i: Int) -> Bool {
        self[function: i].parent >= 0 && !self[function: i].captured.isEmpty
    }
}

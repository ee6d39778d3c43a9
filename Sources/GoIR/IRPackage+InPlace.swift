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

/// Why a location must be heap allocated whatever the flows say (`HeapAllocReason`).
public enum HeapAllocationReason: String, Sendable, Hashable, Codable {
    /// Over the explicit or implicit stack size limit.
    case tooLargeForStack = "too large for stack"
    /// Aligned more strictly than a pointer.
    case tooAlignedForStack = "too aligned for stack"
    /// `make([]T, …)` of a zero-sized `T`.
    case zeroSizedElement = "zero-sized element"

    var flowReason: FlowReason {
        switch self {
        case .tooLargeForStack: return .tooLargeForStack
        case .tooAlignedForStack: return .tooAlignedForStack
        case .zeroSizedElement: return .zeroSizedElement
        }
    }
}

/// The type facts about a location's node that decide a forced heap allocation.
public struct HeapAllocationFacts: Sendable, Hashable {
    /// What the node is, with the extra sizes each kind needs.
    public enum Shape: Sendable, Hashable {
        /// A variable or any other node with no special rule.
        case plain
        /// A parameter or result: never moved for size.
        case parameterOrResult
        /// `new(T)` or `&T{}`: `T`'s size and alignment.
        case newOrPointerLiteral(elementSize: Int64, elementAlignment: Int64)
        /// A closure or method-value record of this size.
        case record(size: Int64)
        /// `make([]T, …)`: `T`'s size and the cap (or len) when it is a small integer constant.
        case makeSlice(elementSize: Int64, constantCap: Int64?)
    }

    /// The node's shape.
    public var shape: Shape
    /// The node's type size (for a pointer-typed node, the pointer's).
    public var typeSize: Int64
    /// The node's type alignment.
    public var typeAlignment: Int64

    /// Creates the facts.
    public init(shape: Shape, typeSize: Int64, typeAlignment: Int64) {
        self.shape = shape
        self.typeSize = typeSize
        self.typeAlignment = typeAlignment
    }
}

/// The compiler's forced-heap rules with amd64 limits (`-smallframes` off).
public enum HeapAllocationRule {
    /// Largest explicit variable kept on the stack (`ir.MaxStackVarSize`).
    public static let maxStackVariableSize: Int64 = 128 * 1024
    /// Largest implicit allocation kept on the stack (`ir.MaxImplicitStackVarSize`).
    public static let maxImplicitStackVariableSize: Int64 = 64 * 1024
    /// Pointer size and alignment on 64-bit targets.
    public static let pointerSize: Int64 = 8

    /// The reason a node must be heap allocated, or nil.
    public static func reason(for facts: HeapAllocationFacts) -> HeapAllocationReason? {
        if facts.shape == .parameterOrResult { return nil }
        if facts.typeSize > maxStackVariableSize { return .tooLargeForStack }
        if facts.typeAlignment > pointerSize { return .tooAlignedForStack }
        switch facts.shape {
        case .plain, .parameterOrResult:
            return nil
        case let .newOrPointerLiteral(size, alignment):
            if size > maxImplicitStackVariableSize { return .tooLargeForStack }
            if alignment > pointerSize { return .tooAlignedForStack }
            return nil
        case let .record(size):
            return size > maxImplicitStackVariableSize ? .tooLargeForStack : nil
        case let .makeSlice(elementSize, constantCap):
            if elementSize == 0 { return .zeroSizedElement }
            guard let cap = constantCap else { return nil }
            return cap > maxImplicitStackVariableSize / elementSize ? .tooLargeForStack : nil
        }
    }
}

extension EscapeGraph {
    /// Forces `location` to the heap for `reason`: its address flows to the heap with a note
    /// naming the location itself (explained at once, as the compiler does). Call after
    /// `decideCaptures`, for locations in creation order.
    public mutating func forceHeapAllocation(_ location: LocationID, reason: HeapAllocationReason) {
        let site = NoteSite(texts[location.index], at: positions[location.index])
        flow(addr(.heap, site, reason.flowReason), location)
    }
}

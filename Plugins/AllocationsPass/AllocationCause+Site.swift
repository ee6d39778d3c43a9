import PassKit

extension AllocationCause {
    /// The cause of a heap or `may` site of the gc engine, which knows a site by its kind, its
    /// placement, whether its `-m` verdict sent it to the heap, and whether `-m` printed it at
    /// all (sites known only from the run-time call: `make(chan)`, map growth, `go`, heap
    /// `defer`, `s += x`, append spills). The native engine knows the walk rule itself and sets
    /// the cause where it builds the site.
    static func of(kind: AllocationKind, placement: Placement, escapes: Bool, printed: Bool) -> AllocationCause {
        switch kind {
        case .heapVar: return .movedToHeap
        case .new, .composite: return escapes ? .escapes : .tooLarge
        case .makeMap: return escapes ? .escapes : placement == .may ? .runtimeSize : .mapHint
        case .makeSlice, .bytesString, .stringBytes, .stringRunes, .runesString, .runeString:
            return escapes ? .escapes : .runtimeSize
        case .concat: return !printed ? .concatAssign : escapes ? .escapes : .runtimeSize
        case .ifaceConv: return escapes ? .interfaceConversion : .largeInterfaceValue
        case .closure: return .closure
        case .methodValue: return .methodValue
        case .appendGrow: return .appendGrowth
        case .mapGrow: return .mapGrowth
        case .makeChan: return .channel
        case .go: return .goroutine
        case .defer: return .heapDefer
        }
    }
}

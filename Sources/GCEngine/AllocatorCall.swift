import PassKit

/// A call into the Go run-time allocator found in the compiler's assembly listing (`-S`): the
/// compiler's own word that this line of this function may allocate on the heap.
public struct AllocatorCall: Sendable, Hashable {
    /// The linker symbol of the function holding the call (`example.com/m.F`, `example.com/m.F.func1`).
    public var symbol: String
    /// Fact path of the source line the instruction belongs to (for inlined code: the inlined
    /// body's own line, not the call site).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// The run-time function called (`newobject`, `growslice`, `convT64`, ...).
    public var runtimeFunction: String
    /// True when the file lies outside the scanned root.
    public var external: Bool
    /// The line of the last inline mark before the call in the function's own file: for a call
    /// in inlined code (outside the function's own lines), the call site the inlined body most
    /// likely belongs to. nil when no mark preceded it.
    public var inlineMarkLine: Int?

    /// Creates a call record.
    public init(symbol: String, file: String, line: Int, runtimeFunction: String, external: Bool, inlineMarkLine: Int? = nil) {
        self.symbol = symbol
        self.file = file
        self.line = line
        self.runtimeFunction = runtimeFunction
        self.external = external
        self.inlineMarkLine = inlineMarkLine
    }

    /// The allocation kind of a run-time allocator entry point, nil when the function does
    /// not allocate.
    public static func kind(ofRuntimeFunction name: String) -> AllocationKind? {
        switch name {
        case "newobject": return .new
        case "makeslice", "makeslice64", "makeslicecopy": return .makeSlice
        // The slice pass's appends whose capacity is used grow through their stack buffer
        // (`growsliceBuf`); the `NoAlias` forms free the old array (GOEXPERIMENT=runtimefreegc).
        case "growslice", "growsliceBuf", "growsliceBufNoAlias", "growsliceNoAlias": return .appendGrow
        case "makemap", "makemap_small", "makemap64": return .makeMap
        case "makechan", "makechan64": return .makeChan
        case "convT", "convTnoptr", "convT16", "convT32", "convT64", "convTstring", "convTslice": return .ifaceConv
        case "concatstring2", "concatstring3", "concatstring4", "concatstring5", "concatstrings": return .concat
        case "slicebytetostring": return .bytesString
        // `[]byte(a + b)` concatenates straight into the new slice (`concatbyte2..5`, `concatbytes`).
        case "stringtoslicebyte", "concatbyte2", "concatbyte3", "concatbyte4", "concatbyte5", "concatbytes": return .stringBytes
        case "stringtoslicerune": return .stringRunes
        case "slicerunetostring": return .runesString
        case "intstring": return .runeString
        case "newproc": return .go
        case "deferproc", "deferprocat": return .`defer`
        default:
            if name.hasPrefix("mallocgc") { return .new }
            if name.hasPrefix("moveSlice") { return .appendGrow }
            if name.hasPrefix("mapassign") { return .mapGrow }
            return nil
        }
    }
}

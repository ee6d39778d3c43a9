/// Calls the cost model treats as ordinary nodes (cost 1, no call cost): compiler intrinsics
/// for amd64 (the `amd64` rows of `cmd/compile/internal/ssagen/intrinsics_test.go`, Go 1.27) and
/// the helpers the inliner declares cheap.
public enum CheapCalls {
    /// `package path` → function names that are intrinsics on amd64.
    public static let intrinsics: [String: Set<String>] = [
        "crypto/internal/constanttime": ["Select", "boolToUint8"],
        "internal/runtime/atomic": ["And", "And32", "And64", "And8", "Cas", "Cas64", "CasRel", "Casint32", "Casint64", "Casp1", "Casuintptr", "Load", "Load64", "Load8", "LoadAcq", "LoadAcq64", "LoadAcquintptr", "Loadint32", "Loadint64", "Loadp", "Loaduint", "Loaduintptr", "Or", "Or32", "Or64", "Or8", "Store", "Store64", "Store8", "StoreRel", "StoreRel64", "StoreReluintptr", "Storeint32", "Storeint64", "StorepNoWB", "Storeuintptr", "Xadd", "Xadd64", "Xaddint32", "Xaddint64", "Xadduintptr", "Xchg", "Xchg64", "Xchg8", "Xchgint32", "Xchgint64", "Xchguintptr"],
        "internal/runtime/maps": ["bitsetFirst", "bitsetLowestSet", "bitsetRemoveBelow", "bitsetShiftOutLowest", "ctrlGroupMatchEmpty", "ctrlGroupMatchEmptyOrDeleted", "ctrlGroupMatchFull", "ctrlGroupMatchH2"],
        "internal/runtime/math": ["Add64", "MulUintptr"],
        "internal/runtime/sys": ["Bswap32", "Bswap64", "GetCallerPC", "GetCallerSP", "GetClosurePtr", "Len64", "Len8", "OnesCount64", "Prefetch", "PrefetchStreamed", "TrailingZeros32", "TrailingZeros64", "TrailingZeros8"],
        "math": ["Ceil", "FMA", "Floor", "RoundToEven", "Trunc", "sqrt"],
        "math/big": ["mulWW"],
        "math/bits": ["Add", "Add64", "Div", "Div64", "Len", "Len16", "Len32", "Len64", "Len8", "Mul", "Mul64", "OnesCount", "OnesCount16", "OnesCount32", "OnesCount64", "ReverseBytes32", "ReverseBytes64", "RotateLeft", "RotateLeft16", "RotateLeft32", "RotateLeft64", "RotateLeft8", "Sub", "Sub64", "TrailingZeros16", "TrailingZeros32", "TrailingZeros64", "TrailingZeros8"],
        "runtime": ["KeepAlive", "slicebytetostringtmp"],
        "sync/atomic": ["AddInt32", "AddInt64", "AddUint32", "AddUint64", "AddUintptr", "AndInt32", "AndInt64", "AndUint32", "AndUint64", "AndUintptr", "CompareAndSwapInt32", "CompareAndSwapInt64", "CompareAndSwapUint32", "CompareAndSwapUint64", "CompareAndSwapUintptr", "LoadInt32", "LoadInt64", "LoadPointer", "LoadUint32", "LoadUint64", "LoadUintptr", "OrInt32", "OrInt64", "OrUint32", "OrUint64", "OrUintptr", "StoreInt32", "StoreInt64", "StoreUint32", "StoreUint64", "StoreUintptr", "SwapInt32", "SwapInt64", "SwapUint32", "SwapUint64", "SwapUintptr"],
    ]

    /// Byte-order helpers that amd64 merges into single loads and stores (functions of
    /// `internal/byteorder`, methods of `encoding/binary`'s `littleEndian`/`bigEndian`).
    static let byteOrderSuffixes = ["Uint64", "Uint32", "Uint16", "PutUint64", "PutUint32", "PutUint16",
                                    "AppendUint64", "AppendUint32", "AppendUint16"]

    /// True when a call to function `name` of package `path` costs like an ordinary node.
    public static func isCheapFunction(path: String, name: String) -> Bool {
        if intrinsics[path]?.contains(name) == true { return true }
        switch path {
        case "internal/abi": return name == "NoEscape" || name == "EscapeNonString"
        case "runtime": return name == "panicrangestate"
        case "internal/byteorder":
            return byteOrderSuffixes.contains { name == "LE" + $0 || name == "BE" + $0 }
        default: return false
        }
    }

    /// True when a call to method `receiver.name` of package `path` costs like an ordinary node.
    public static func isCheapMethod(path: String, receiver: String, name: String) -> Bool {
        if path == "encoding/binary" && (receiver == "littleEndian" || receiver == "bigEndian") {
            return byteOrderSuffixes.contains(name)
        }
        return path == "runtime" && receiver == "heapBits" && name == "nextArena"
    }
}

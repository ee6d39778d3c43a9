/// Why a value flows along an edge: the compiler's WHY strings, printed in `-m=2`
/// explanations as `from WHERE (WHY) at POS`. The raw values are the exact texts.
public enum FlowReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// `&x`.
    case addressOf = "address-of"
    /// `*p`.
    case indirection = "indirection"
    /// `x.f`, method selectors, type assertions.
    case dot = "dot"
    /// `p.f` through a pointer, and slice indexing.
    case dotOfPointer = "dot of pointer"
    /// `a[i]` on an array value.
    case fixedArrayIndexOf = "fixed-array-index-of"
    /// `s[i:j]`.
    case slice = "slice"
    /// A conversion to an interface.
    case interfaceConverted = "interface-converted"
    /// The address of a new allocation flowing to where the expression goes.
    case spill = "spill"
    /// `x = v`, `x op= v`.
    case assign = "assign"
    /// `a, b = x, y`.
    case assignPair = "assign-pair"
    /// `v, ok = x.(T)`.
    case assignPairDotType = "assign-pair-dot-type"
    /// `v, ok = m[k]`.
    case assignPairMapRead = "assign-pair-mapr"
    /// `v, ok = <-ch`.
    case assignPairReceive = "assign-pair-receive"
    /// `return v`.
    case `return` = "return"
    /// An argument of a call.
    case callParameter = "call parameter"
    /// The function operand of a call with unknown callee.
    case calleeOperand = "callee operand"
    /// The first operand of `append`.
    case appendeeSlice = "appendee slice"
    /// The `xs...` operand of `append`.
    case appendedSlice = "appended slice..."
    /// The source operand of `copy`.
    case copiedSlice = "copied slice"
    /// An element of an array literal.
    case arrayLiteralElement = "array literal element"
    /// An element of a slice literal.
    case sliceLiteralElement = "slice-literal-element"
    /// A field of a struct literal.
    case structLiteralElement = "struct literal element"
    /// A key of a map literal.
    case mapLiteralKey = "map literal key"
    /// A value of a map literal.
    case mapLiteralValue = "map literal value"
    /// The key of `m[k] = v`.
    case keyOfMapPut = "key of map put"
    /// `ch <- v`.
    case send = "send"
    /// A range over an array value.
    case range = "range"
    /// A range over anything else.
    case rangeDeref = "range-deref"
    /// A type-switch guard flowing into a clause variable.
    case switchCase = "switch case"
    /// A variable captured by a closure.
    case capturedByClosure = "captured by a closure"
    /// A variable captured by reference.
    case reference = "reference"
    /// `[N]T(s)`.
    case sliceToArray = "slice-to-array"
    /// A write of `reflect.SliceHeader.Data` / `StringHeader.Data`.
    case reflectHeaderData = "reflect.Header.Data"
    /// A pointer converted to `unsafe.Pointer` under checkptr/asan.
    case conversionToUnsafePointer = "conversion to unsafe.Pointer"
    /// A `uintptr(unsafe.Pointer(p))` argument of a `//go:uintptrescapes` function.
    case uintptrEscapes = "//go:uintptrescapes"
    /// A forced heap allocation: over the stack size limit.
    case tooLargeForStack = "too large for stack"
    /// A forced heap allocation: over-aligned.
    case tooAlignedForStack = "too aligned for stack"
    /// A forced heap allocation: `make` of zero-sized elements.
    case zeroSizedElement = "zero-sized element"
}

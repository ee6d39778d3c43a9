/// The operations of GoIR: the subset of the compiler's IR ops that the inliner and escape
/// analysis read, with the same meaning. Children (`a`, `b`, `c`), lists (`list`, `list2`) and
/// the payload (`aux`) per op are given below; an absent child is `IRNodeID.none`.
public enum IROp: UInt8, Sendable, CaseIterable {
    /// Nothing (slot 0).
    case none

    // MARK: Names and constants
    /// A local, parameter, result or captured variable: `aux` = `IRVarID`.
    case name
    /// A package-level variable (ONAME PEXTERN): `aux` = `ObjectID`.
    case global
    /// A declared function used as a value or callee (PFUNC): `aux` = `ObjectID`.
    case function
    /// A method expression `T.M` (OMETHEXPR): `aux` = method `ObjectID`, `b` unused; the
    /// receiver type is the first parameter of the node's type.
    case methodExpr
    /// A constant (OLITERAL): `aux` = index into `IRFunction.constants`.
    case literal
    /// `nil` (ONIL).
    case nilValue
    /// A type operand (the `T` of `x.(T)` cases in a type switch, the `T` of `new(T)`): the type
    /// is `type`. In a shaped copy, a type that mentions a type parameter is a dynamic type
    /// (ODYNAMICTYPE) and `a` is the `typeWord` its run-time type is read from.
    case typeOperand
    /// Run-time type information a shaped copy reads (`TypeWordSource`): a word of its
    /// dictionary (`.dict[i]`) or a type descriptor's address; `aux` = the source's raw value.
    case typeWord
    /// The address of an instantiation's dictionary (`&.dict.F[int]`), the hidden argument a
    /// call passes to a shaped copy (after the receiver of a method): `aux` = index into
    /// `IRFunction.symbols`, which holds the symbol's name.
    case dictionary

    // MARK: Operators
    /// A unary operator `-x`, `+x`, `!x`, `^x`: `a` = x, `aux` = `Token` raw value.
    case unary
    /// A binary operator (arithmetic, comparison, shift): `a`, `b`, `aux` = `Token` raw value.
    case binary
    /// `a && b` (OANDAND).
    case andAnd
    /// `a || b` (OOROR).
    case orOr
    /// String concatenation of two or more operands (OADDSTR): `list` = operands.
    case addString
    /// `&x` (OADDR): `a` = x.
    case addr
    /// `*p` (ODEREF): `a` = p.
    case deref
    /// `<-c` (ORECV): `a` = c.
    case recv

    // MARK: Selections
    /// `x.f` of a struct value (ODOT): `a` = x, `aux` = field index.
    case dot
    /// `p.f` through a pointer (ODOTPTR): `a` = p, `aux` = field index.
    case dotPtr
    /// The method of an interface value, as a callee (ODOTINTER): `a` = x, `aux` = method `ObjectID`.
    case dotInter
    /// A method value `x.M` (OMETHVALUE): `a` = receiver (converted to the method's receiver type),
    /// `aux` = method `ObjectID`.
    case methodValue
    /// `a[i]` on an array, slice or string (OINDEX): `a`, `b` = index.
    case index
    /// `m[k]` (OINDEXMAP): `a` = map, `b` = key.
    case indexMap
    /// `x[lo:hi:max]` (OSLICE*): `a` = x, `b` = lo, `c` = hi, `list` = [max] when three-index.
    case slice
    /// `x.(T)` (ODOTTYPE): `a` = x.
    case dotType

    // MARK: Conversions
    /// A numeric or other value-changing conversion (OCONV): `a` = operand.
    case conv
    /// A conversion that changes no bits (OCONVNOP): `a` = operand.
    case convNop
    /// A conversion of a concrete or interface value to an interface (OCONVIFACE): `a` = operand.
    case convIface
    /// `[]byte(s)` (OSTR2BYTES): `a` = s.
    case stringToBytes
    /// `string(b)` (OBYTES2STR): `a` = b.
    case bytesToString
    /// `[]rune(s)` (OSTR2RUNES): `a` = s.
    case stringToRunes
    /// `string(r)` of a `[]rune` (ORUNES2STR): `a` = r.
    case runesToString
    /// `string(r)` of an integer (ORUNESTR): `a` = r.
    case runeToString
    /// `[N]T(s)` (OSLICE2ARR): `a` = s.
    case sliceToArray
    /// `(*[N]T)(s)` (OSLICE2ARRPTR): `a` = s.
    case sliceToArrayPtr

    // MARK: Allocations and literals
    /// `new(T)` (ONEW): the node's type is `*T`.
    case new
    /// `&T{...}` (OPTRLIT): `a` = the literal.
    case ptrLit
    /// `T{...}` of a struct (OSTRUCTLIT): `list` = `structKey` nodes.
    case structLit
    /// `[N]T{...}` (OARRAYLIT): `list` = elements (a `key` node for a keyed element).
    case arrayLit
    /// `[]T{...}` (OSLICELIT), including the implicit slice of variadic arguments: `list` =
    /// elements, `aux` = backing array length.
    case sliceLit
    /// `map[K]V{...}` (OMAPLIT): `list` = `key` nodes.
    case mapLit
    /// One field of a struct literal (OSTRUCTKEY): `a` = value, `aux` = field index.
    case structKey
    /// `k: v` in an array, slice or map literal (OKEY): `a` = key, `b` = value.
    case key
    /// A function literal (OCLOSURE): `aux` = index of the literal's function in `IRPackage.functions`.
    case closure
    /// `make([]T, len, cap)` (OMAKESLICE): `a` = len, `b` = cap.
    case makeSlice
    /// `make(map[K]V, hint)` (OMAKEMAP): `a` = hint.
    case makeMap
    /// `make(chan T, n)` (OMAKECHAN): `a` = size.
    case makeChan

    // MARK: Calls
    /// A call of a function value, function or method expression (OCALLFUNC): `a` = callee,
    /// `list` = arguments (receiver first for methods; variadic extras already in a `sliceLit`).
    case call
    /// A call of an interface method (OCALLINTER): `a` = a `dotInter` node, `list` = arguments.
    case callInterface
    /// A built-in function other than `make` and `new` (OAPPEND, OCOPY, OLEN, ...): `aux` =
    /// `BuiltinFunction` raw value, `list` = arguments.
    case builtin
    /// A call the inliner replaced by the callee's body (OINLCALL): `list` = body statements,
    /// `list2` = result variables (`name` nodes), `aux` = index into `IRFunction.inlinedCalls`.
    case inlinedCall

    // MARK: Statements
    /// A statement list (OBLOCK): `list`.
    case block
    /// Declaration of a variable (ODCL): `aux` = `IRVarID`.
    case declare
    /// `a = b` (OAS); `b` absent for a zero-value declaration `var x T`.
    case assign
    /// `a op= b` (OASOP), also `x++`: `aux` = the operator `Token` raw value (`+`, `-`, ...).
    case assignOp
    /// `l1, l2 = r1, r2` (OAS2): `list` = left, `list2` = right.
    case assignList
    /// `l1, l2 = f()` (OAS2FUNC): `list` = left, `a` = the call.
    case assignCall
    /// `v, ok = x.(T)` (OAS2DOTTYPE): `list` = left, `a` = the `dotType`.
    case assignDotType
    /// `v, ok = m[k]` (OAS2MAPR): `list` = left, `a` = the `indexMap`.
    case assignMapRead
    /// `v, ok = <-c` (OAS2RECV): `list` = left, `a` = the `recv`.
    case assignRecv
    /// `if a { list } else { list2 }` (OIF).
    case ifStmt
    /// `for ; a; b { list }` (OFOR): `a` = condition, `b` = post statement, `aux2` = label index or -1.
    case forStmt
    /// `for b, c = range a { list }` (ORANGE): `aux2` = label index or -1.
    case rangeStmt
    /// `switch a { list }` (OSWITCH) with `caseClause` nodes; `aux2` = label index or -1.
    case switchStmt
    /// `switch c := a.(type) { list }` (OSWITCH with a type guard) with `typeCase` nodes;
    /// `aux` = 1 when the guard binds a symbol, `aux2` = label index or -1.
    case typeSwitch
    /// `case list: list2` of a value switch (OCASE); `isDefault` for `default`.
    case caseClause
    /// `case list: list2` of a type switch; `b` = the clause's variable (`name`) when declared.
    case typeCase
    /// `select { list }` (OSELECT) of `commClause` nodes; `aux2` = label index or -1.
    case selectStmt
    /// `case a: list2` of a select (OCASE); `a` absent for `default`.
    case commClause
    /// `return list` (ORETURN).
    case returnStmt
    /// `break`, `continue`, `goto` (OBREAK, OCONTINUE, OGOTO): `aux` = `Token` raw value,
    /// `aux2` = label index or -1.
    case branch
    /// `fallthrough` (OFALL).
    case fallthroughStmt
    /// A label (OLABEL): `aux2` = label index.
    case label
    /// `go a` (OGO): `a` = a call of a function with no arguments and no results.
    case goStmt
    /// `defer a` (ODEFER): `a` = a call of a function with no arguments and no results.
    case deferStmt
    /// `a <- b` (OSEND).
    case send
    /// A call to `runtime.panicrangestate` and other compiler-made statements that only
    /// evaluate `a`.
    case evaluate

    /// True for the ops that allocate storage of their own when they escape (escape analysis
    /// gives each a location and prints a verdict for it).
    public var allocates: Bool {
        switch self {
        case .new, .ptrLit, .sliceLit, .mapLit, .closure, .methodValue, .makeSlice, .makeMap,
             .stringToBytes, .bytesToString, .stringToRunes, .runesToString, .runeToString, .addString:
            return true
        default:
            return false
        }
    }

    /// True for statement ops.
    public var isStatement: Bool { rawValue >= IROp.block.rawValue }
}

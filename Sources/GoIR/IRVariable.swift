import GoTypes

/// What a variable is to the function that holds it (the compiler's `Class` of a name).
public enum IRVariableClass: UInt8, Sendable {
    /// A parameter or the receiver (PPARAM).
    case param
    /// A result (PPARAMOUT), named or `~rN`.
    case result
    /// A local declared in the body (PAUTO).
    case local
    /// A compiler temporary (`.autotmp_N`), a PAUTO too.
    case temp
    /// A variable of an enclosing function used by a function literal (a closure variable):
    /// `IRVariable.outer` names the captured variable.
    case captured
}

/// Facts about a variable gathered once per function by the lowering.
public struct IRVariableFlags: OptionSet, Hashable, Sendable {
    /// Raw bits.
    public let rawValue: UInt8
    /// Creates flags.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Its address is taken (`&x`, an implicit `&` for a pointer method, slicing an array).
    public static let addressTaken = IRVariableFlags(rawValue: 1 << 0)
    /// Assigned after its definition (the defining statement and a bare `var x T` do not count).
    public static let reassigned = IRVariableFlags(rawValue: 1 << 1)
    /// Used by a function literal.
    public static let captured = IRVariableFlags(rawValue: 1 << 2)
    /// Declared by a statement of the loop header or body of a per-iteration loop.
    public static let perIteration = IRVariableFlags(rawValue: 1 << 3)
    /// A variable of an inlined callee (parameter, result or local) copied into this function.
    public static let inlined = IRVariableFlags(rawValue: 1 << 4)
    /// An unnamed or `_` parameter or result.
    public static let blank = IRVariableFlags(rawValue: 1 << 5)
}

/// A captured variable: the function holding it and its id there.
public struct IRVarRef: Hashable, Sendable {
    /// Index into `IRPackage.functions`.
    public var function: Int32
    /// The variable in that function.
    public var variable: IRVarID
    /// Creates a reference.
    public init(function: Int32, variable: IRVarID) {
        self.function = function
        self.variable = variable
    }
}

/// One variable of a function: parameters, results, locals, temporaries and closure variables.
public struct IRVariable: Sendable {
    /// The name the compiler prints (`x`, `~r0`, `.autotmp_3`, `#state1`).
    public var name: String
    /// The type.
    public var type: TypeID
    /// The type checker's object, for variables written in the source.
    public var object: ObjectID?
    /// What it is.
    public var varClass: IRVariableClass
    /// Where it is declared (its identifier; the result type for unnamed results).
    public var pos: IRPos
    /// Flags.
    public var flags: IRVariableFlags
    /// Loop depth at the declaration (1 outside any loop; parameters are 1).
    public var loopDepth: Int32
    /// For a closure variable: the variable it captures.
    public var outer: IRVarRef?
    /// The statement defining it (`x := v`, `var x = v`, the range that declares it), or none.
    public var definition: IRNodeID
}

extension IRVariable {
    /// The variable as a parameter or result of a compiler-generated wrapper that calls the
    /// function declaring it: no defining statement, and none of the flags its uses in the
    /// original body set (reassigned, address taken, captured).
    public var copiedIntoWrapper: IRVariable {
        var x = self
        x.definition = .none
        x.flags.remove(.reassigned)
        x.flags.remove(.addressTaken)
        x.flags.remove(.captured)
        return x
    }
}

extension IRVariable {
    /// A variable made by the compiler rather than declared in source (no object, no outer
    /// variable, no definition yet).
    public init(synthetic name: String, type: TypeID, varClass: IRVariableClass, pos: IRPos, flags: IRVariableFlags = [],
                loopDepth: Int32 = 1) {
        self.init(name: name, type: type, object: nil, varClass: varClass, pos: pos, flags: flags, loopDepth: loopDepth,
                  outer: nil, definition: .none)
    }
}

import GoSyntax
import GoTypes

// Dictionary reads of shaped copies.
//
// The compiler compiles a generic body once per shape of its type arguments, and what the
// shapes do not say (the exact run-time type of `T`, the itab of `T` for an interface, the code
// of `T`'s methods, the dictionaries of the generic functions the body calls) it reads from the
// dictionary its shaped copy receives as a hidden first parameter, `.dict`. A read is
// `.dict[i]`: an index of the dereferenced dictionary pointer by a constant, converted to the
// type the word holds. GoIR lowers a generic body once, on its type parameters, and marks the
// reads every shape makes alike as `typeWord` nodes, so the inliner's cost and inline expansion
// see the nodes the compiler builds:
//
// - a type assertion to a type that mentions a type parameter is a dynamic assertion: the
//   asserted type's word (`b`) and the asserted value's run-time type (`c`: a dictionary word
//   when that type mentions a type parameter too, else the type descriptor's address);
// - a type-switch case and the `T` of `new(T)` that mention a type parameter are dynamic types
//   holding their word;
// - a method call on a value of type-parameter type calls the method's code read from the
//   dictionary (the `dotInter` callee holds the word): an indirect call, never inlined;
// - `unsafe.Sizeof`, `Alignof` and `Offsetof` of a type-parameter operand are constants of the
//   shape (one node, and a conversion of one folds into it).
//
// - a conversion to or from a type parameter is the conversion its shapes make: a constant
//   converted to a type parameter is the constant (under a no-op conversion that keeps it from
//   folding), and otherwise the op every pair of terms of the type sets agrees on (`int` to
//   `T ~int | ~int64` changes no bits on amd64); where the terms disagree, the op depends on
//   the shape and GoIR keeps a conversion.

/// Where a `typeWord` node's run-time type information comes from.
public enum TypeWordSource: Int32, Sendable {
    /// A word of the shaped copy's dictionary: `(*uint8)(.dict[i])` (the index, the implicit
    /// dereference of `.dict`, its name and the constant; the conversion costs nothing).
    case dictionary
    /// The address of a type descriptor the compiler knows statically (`&type:T`).
    case staticType
}

extension FunctionLowerer {
    /// True when the lowered function is a generic body and `t` mentions a type parameter: its
    /// shaped copies read `t`'s run-time type from their dictionary.
    func isDerived(_ t: TypeID) -> Bool {
        function.isGeneric && !t.isInvalid && ShapeNaming(program: program).mentionsTypeParameter(t)
    }

    /// A word of run-time type information at `at`.
    func typeWord(_ source: TypeWordSource, at: IRPos) -> IRNodeID {
        function.add(.typeWord, type: program.basicType(.uintptr), pos: at, aux: source.rawValue)
    }

    /// The run-time type of `t` as a shaped copy reads it: a dictionary word when `t` mentions
    /// a type parameter, else the type descriptor's address.
    func runtimeType(of t: TypeID, at: IRPos) -> IRNodeID {
        typeWord(isDerived(t) ? .dictionary : .staticType, at: at)
    }

    /// `x.(T)`: a dynamic assertion when `T` mentions a type parameter (see the essay above).
    func typeAssertion(_ x: IRNodeID, type t: TypeID, at: IRPos) -> IRNodeID {
        guard isDerived(t) else { return function.add(.dotType, type: t, pos: at, a: x) }
        let asserted = typeWord(.dictionary, at: at)
        let source = runtimeType(of: function[x].type, at: at)
        return function.add(.dotType, type: t, pos: at, a: x, b: asserted, c: source)
    }

    /// A type operand: dynamic (holding its dictionary word) when it mentions a type parameter.
    func typeOperand(_ t: TypeID, at: IRPos) -> IRNodeID {
        let word = isDerived(t) ? typeWord(.dictionary, at: at) : IRNodeID.none
        return function.add(.typeOperand, type: t, pos: at, a: word)
    }

    /// The dictionary word holding the code of a type parameter's method, for a method call
    /// on a value of type-parameter type (none for other receivers).
    func methodWord(receiver t: TypeID, at: IRPos) -> IRNodeID {
        function.isGeneric && program.isTypeParam(t) ? typeWord(.dictionary, at: at) : .none
    }

    /// The op of a conversion in a generic body between `source` and `target` when either is
    /// a type parameter (nil otherwise, and for conversions to or from real interfaces).
    func shapedConversionOp(from source: TypeID, to target: TypeID) -> IROp? {
        guard function.isGeneric, program.isTypeParam(source) || program.isTypeParam(target) else { return nil }
        let sources = termTypes(source), targets = termTypes(target)
        guard !sources.isEmpty, !targets.isEmpty else { return nil }
        var ops: Set<IROp> = []
        for s in sources {
            for t in targets { ops.insert(conversionOp(from: s, to: t)) }
        }
        return ops.count == 1 ? ops.first : .conv
    }

    /// The type a composite literal of `t` builds: for a type parameter whose terms share one
    /// underlying type (`S ~[]E`), that type; `t` otherwise.
    func literalType(_ t: TypeID) -> TypeID {
        guard program.isTypeParam(t) else { return t }
        let terms = termTypes(t)
        guard let first = terms.first, terms.allSatisfy({ program.identical($0, first) }) else { return t }
        return first
    }

    /// The underlying types a type is one of: a type parameter's terms (none when its
    /// constraint lists none, or lists an interface), the type itself otherwise.
    private func termTypes(_ t: TypeID) -> [TypeID] {
        guard case .typeParam(let i) = program.node(program.unalias(t)) else {
            return program.isInterface(t) ? [] : [program.under(t)]
        }
        var out: [TypeID] = []
        var seen: Set<TypeID> = []
        collectTerms(program.typeParams[Int(i)].constraint, into: &out, &seen)
        return out.contains(where: { program.isInterface($0) || program.isTypeParam($0) }) ? [] : out
    }

    private func collectTerms(_ t: TypeID, into out: inout [TypeID], _ seen: inout Set<TypeID>) {
        guard seen.insert(t).inserted else { return }
        switch program.node(program.under(t)) {
        case .interface(let it):
            for e in it.embeddeds { collectTerms(e, into: &out, &seen) }
        case .union(let terms):
            for term in terms { out.append(program.under(term.type)) }
        default:
            out.append(program.under(t))
        }
    }

    /// True for `unsafe.Sizeof`, `Alignof` or `Offsetof` whose operand's size depends on a
    /// shape: the shaped copy holds a constant (lowered as the built-in with no operand).
    func isShapeConstant(_ b: BuiltinFunction) -> Bool {
        function.isGeneric && (b == .sizeof || b == .alignof || b == .offsetof)
    }

    /// True for a node lowered by `isShapeConstant`: a conversion of it is folded.
    func isShapeConstantNode(_ id: IRNodeID) -> Bool {
        let n = function[id]
        guard n.op == .builtin, n.list == 0, let b = BuiltinFunction(rawValue: UInt8(n.aux)) else { return false }
        return isShapeConstant(b)
    }
}

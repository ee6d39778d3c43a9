import EscapeGraph
import GoIR
import GoSyntax
import GoTypes

/// Expressions into holes (go-compiler-facts.md §2.3): the scalar short-circuit, `&` and `*`,
/// field and index selections, conversions and their boxed copies, allocating nodes spilled
/// into locations of their own, closures recorded with their captured variables.
extension EscapeWalker {
    mutating func discard(_ id: IRNodeID) { expr(.discard, id) }

    mutating func expr(_ k0: Hole, _ id: IRNodeID) {
        guard id.exists else { return }
        let n = f[id]
        var k = k0
        if k.derefs >= 0 && !program.isUntyped(n.type) && !n.type.isInvalid && !hasPointers(n.type) {
            k = .discard
        }
        switch n.op {
        case .none, .literal, .nilValue, .typeOperand, .methodExpr, .function, .global, .dictionary: break
        case .name:
            if let loc = location(IRVarID(n.aux), in: current) { graph.flow(k, loc) }
        case .unary, .binary, .andAnd, .orOr:
            discard(n.a)
            discard(n.b)
        case .addr: expr(graph.addr(k, site(id), .addressOf), n.a)
        case .deref: expr(graph.deref(k, site(id), .indirection), n.a)
        case .dot, .dotInter: expr(graph.note(k, site(id), .dot), n.a)
        case .dotPtr: expr(graph.deref(k, site(id), .dotOfPointer), n.a)
        case .dotType:
            // A comma-ok assertion's value is its tuple's first element.
            var target = n.type
            if case .tuple(let vars) = program.node(n.type), let first = vars.first { target = program.object(first).type }
            let shaped = program.isInterface(target) || program.isPointerShaped(target)
            expr(graph.dotType(k, targetIsInterfaceOrPointerShaped: shaped, site(id), .dot), n.a)
        case .index:
            if case .array = program.node(program.under(f[n.a].type)) {
                expr(graph.note(k, site(id), .fixedArrayIndexOf), n.a)
            } else {
                expr(graph.deref(k, site(id), .dotOfPointer), n.a)
            }
            discard(n.b)
        case .indexMap:
            discard(n.a)
            discard(n.b)
        case .slice:
            expr(graph.note(k, site(id), .slice), n.a)
            discard(n.b)
            discard(n.c)
            for x in f.nodes(inList: n.list) { discard(x) }
        case .conv, .convNop:
            if program.basicKind(n.type) == .unsafePointer && program.basicKind(f[n.a].type) == .uintptr {
                unsafeValue(k, n.a)
            } else {
                expr(k, n.a)
            }
        case .convIface:
            let source = f[n.a].type
            if !program.isInterface(source) && !program.isPointerShaped(source) {
                k = spill(k, id, .interfaceConversion)
            }
            expr(graph.note(k, site(id), .interfaceConverted), n.a)
        case .sliceToArray: expr(graph.deref(k, site(id), .sliceToArray), n.a)
        case .sliceToArrayPtr: expr(k, n.a)
        case .recv: discard(n.a)
        case .call, .callInterface, .builtin, .inlinedCall: call([k], id)
        case .new: _ = spill(k, id, .new)
        case .makeSlice:
            _ = spill(k, id, .makeSlice)
            discard(n.a)
            discard(n.b)
        case .makeChan: discard(n.a)
        case .makeMap:
            _ = spill(k, id, .makeMap)
            discard(n.a)
        case .methodValue: methodValue(k, id)
        case .ptrLit: expr(spill(k, id, .pointerLiteral), n.a)
        case .arrayLit:
            for e in f.nodes(inList: n.list) { expr(graph.note(k, site(id), .arrayLiteralElement), elementValue(e)) }
        case .sliceLit:
            let kk = spill(k, id, .sliceLiteral)
            for e in f.nodes(inList: n.list) { expr(graph.note(kk, site(id), .sliceLiteralElement), elementValue(e)) }
        case .structLit:
            for e in f.nodes(inList: n.list) { expr(graph.note(k, site(id), .structLiteralElement), f[e].a) }
        case .mapLit:
            _ = spill(k, id, .mapLiteral)
            for e in f.nodes(inList: n.list) {
                expr(graph.note(.heap, site(id), .mapLiteralKey), f[e].a)
                expr(graph.note(.heap, site(id), .mapLiteralValue), f[e].b)
            }
        case .closure: closure(k, id)
        case .stringToBytes:
            _ = spill(k, id, .stringToBytes)
            discard(n.a)
        case .bytesToString, .stringToRunes, .runesToString, .runeToString:
            _ = spill(k, id, .conversionCopy)
            discard(n.a)
        case .addString:
            _ = spill(k, id, .stringConcatenation)
            for x in f.nodes(inList: n.list) { discard(x) }
        case .structKey, .key: expr(k, n.op == .key ? n.b : n.a)
        default:
            // Statements do not appear in expression position; anything else is evaluated
            // for its operands.
            discard(n.a)
            discard(n.b)
        }
    }

    func elementValue(_ e: IRNodeID) -> IRNodeID { f[e].op == .key ? f[e].b : e }

    /// A new allocation location for `id`, its address flowing into `k`; returns the hole
    /// storing into it.
    mutating func spill(_ k: Hole, _ id: IRNodeID, _ kind: AllocationKind) -> Hole {
        let n = f[id]
        let text = allocationText(id)
        let at = position(n.pos, in: current)
        let hole = graph.spill(k, text, kind: kind, at: at)
        let loc = hole.destination
        origins.append((loc, EscapeSite(function: current, node: id, variable: nil, escapes: false,
                                        loopDepth: graph.cursor.loopDepth, position: at,
                                        text: kind == .append ? "append" : text)))
        var shape: HeapAllocationFacts.Shape = .plain
        switch n.op {
        case .new, .ptrLit:
            let elem = pointee(n.type)
            shape = .newOrPointerLiteral(elementSize: program.sizeof(elem), elementAlignment: program.alignof(elem))
        case .makeSlice:
            let capNode = n.b.exists ? n.b : n.a
            shape = .makeSlice(elementSize: program.sizeof(program.elementType(n.type)), constantCap: constantInt(capNode))
        case .closure:
            let lit = package[function: Int(n.aux)]
            let size = lit.captured.reduce(Int64(8)) { $0 + program.sizeof(lit[$1].type) }
            shape = .record(size: size)
        case .methodValue:
            shape = .record(size: 8 + program.sizeof(f[n.a].type))
        default: break
        }
        let t = n.type.isInvalid ? program.basicType(.uintptr) : n.type
        sizeFacts.append((loc, HeapAllocationFacts(shape: shape, typeSize: program.sizeof(t), typeAlignment: program.alignof(t))))
        return hole
    }

    /// The node's text in verdict lines, after the compiler's literal rewriting: a `make`
    /// size or a converted value whose static value is a constant prints as the constant
    /// (inside the conversion when the source writes it, `any(uint8(3))`).
    func allocationText(_ id: IRNodeID) -> String {
        let n = f[id]
        switch n.op {
        case .convIface:
            if let lit = staticConstant(n.a) {
                // The rewritten operand is a literal of the operand's type, not the constant's
                // (`int64Val(x)` with `x` bound to 0 by inlining prints `constant.int64Val(0)`).
                let constant = printer.constantText(f.constants[Int(f[lit].aux)], type: f[n.a].type)
                return n.flags.contains(.implicit) ? constant : printer.conversionText(f, id, operand: constant)
            }
        case .makeSlice:
            // Only the size that decides the allocation (the cap, else the len) is rewritten.
            let t = printer.subjectText(f, id)
            guard n.a.exists, let open = t.firstIndex(of: ",") else { return t }
            let decisive = n.b.exists ? n.b : n.a
            let size = rewrittenSize(decisive) ?? printer.text(f, decisive)
            let len = n.b.exists ? printer.text(f, n.a) + ", " : ""
            return String(t[..<open]) + ", " + len + size + ")"
        default: break
        }
        return printer.subjectText(f, id)
    }

    /// The literal a value statically is (a constant, or a local assigned once from one).
    func staticConstant(_ id: IRNodeID) -> IRNodeID? {
        let v = package.staticValue(of: id, in: current, throughConversions: true)
        guard v.function == current, f[v.node].op == .literal else { return nil }
        if let direct = f.literalThroughConversions(id) { return direct }
        // Found through a variable: only where the compiler's table of definitions sees it.
        return package.reassignmentOracleSees(current) ? v.node : nil
    }

    func constantInt(_ id: IRNodeID) -> Int64? {
        guard id.exists, let lit = staticConstant(id) else { return nil }
        if case .int(let i) = f.constants[Int(f[lit].aux)], let v = i.int64, v >= 0, v <= Int64(Int32.max) { return v }
        return nil
    }

    /// The text of the literal a `make` size is rewritten to before the allocation is decided:
    /// a non-negative constant the size statically holds, or the length of the slice literal
    /// whose `len` it is. Nil when it is a literal already or nothing is known.
    func rewrittenSize(_ id: IRNodeID) -> String? {
        guard id.exists, f[id].op != .literal else { return nil }
        if let lit = staticConstant(id) {
            if case .int(let i) = f.constants[Int(f[lit].aux)], i.signum >= 0 { return printer.text(f, lit) }
            return nil
        }
        guard package.reassignmentOracleSees(current) else { return nil }
        let v = package.staticValue(of: id, in: current, throughConversions: true)
        let n = package[function: v.function][v.node]
        guard n.op == .builtin, BuiltinFunction(rawValue: UInt8(n.aux)) == .len,
              let arg = package[function: v.function].list(n.list).first else { return nil }
        let x = package.staticValue(of: arg, in: v.function)
        let lit = package[function: x.function][x.node]
        return lit.op == .sliceLit ? String(lit.aux) : nil
    }

    func pointee(_ t: TypeID) -> TypeID {
        if case .pointer(let e) = program.node(program.under(t)) { return e }
        return t
    }

    /// `x.M` as a value: the `{F, R}` record; the receiver flows into the record and into the
    /// method's receiver tag (its results lost to the heap).
    mutating func methodValue(_ k: Hole, _ id: IRNodeID) {
        let n = f[id]
        let closureK = spill(k, id, .methodValue)
        let m = ObjectID(n.aux)
        var results: [Hole] = []
        if let sig = program.signatureOf(program.object(m).type) {
            results = Array(repeating: .heap, count: sig.results.count)
        }
        let paramK: Hole
        if program.isInterface(f[n.a].type) || program.isTypeParam(f[n.a].type) {
            paramK = .heap
        } else {
            paramK = tagHole(results, callee: m, parameter: -1)
        }
        expr(graph.teeHole([paramK, closureK]), n.a)
    }

    /// A function literal: its closure record, and for a capturing literal of this batch its
    /// variables' locations and its body, walked here.
    mutating func closure(_ k: Hole, _ id: IRNodeID) {
        let n = f[id]
        let index = Int(n.aux)
        let record = spill(k, id, .closure)
        let lit = package[function: index]
        if lit.kind == .goDeferWrapper { graph.suppressVerdict(record.destination) }
        guard !lit.captured.isEmpty, let litID = functionIDs[index] else { return }
        var captures: [CapturedVariable] = []
        for v in lit.captured {
            guard let loc = location(v, in: index) else { continue }
            captures.append(CapturedVariable(variable: loc, use: capturedUseSite(v, in: index),
                                             width: program.sizeof(lit[v].type)))
        }
        graph.recordClosure(record.destination, function: litID, captures: captures)
        declareVariables(of: index)
        walkFunction(index)
    }

    /// Where a literal first mentions a variable it captures, in source order, its nested
    /// literals included: the compiler makes the closure's copy of the variable there, and its
    /// `captured by a closure` notes point at it.
    func firstUse(of v: IRVarID, in index: Int) -> IRPos? {
        let lit = package[function: index]
        var best: IRPos?
        func consider(_ p: IRPos) {
            guard p.isKnown, p.inlined < 0 else { return }
            if best == nil || (p.file, p.offset) < (best!.file, best!.offset) { best = p }
        }
        lit.forEachReachable(from: lit.body) { _, n in
            if n.op == .name, n.aux == v.raw { consider(n.pos) }
            if n.op == .closure {
                let inner = package[function: Int(n.aux)]
                for c in inner.captured {
                    if let o = inner[c].outer, Int(o.function) == index, o.variable == v,
                       let p = firstUse(of: c, in: Int(n.aux)) {
                        consider(p)
                    }
                }
            }
        }
        return best
    }

    /// `unsafe.Pointer(uintptr arithmetic)`: the pointer operands of the arithmetic flow on.
    mutating func unsafeValue(_ k: Hole, _ id: IRNodeID) {
        guard id.exists else { return }
        let n = f[id]
        switch n.op {
        case .conv, .convNop:
            if program.basicKind(f[n.a].type) == .unsafePointer { expr(k, n.a) } else { discard(n.a) }
        case .unary: unsafeValue(k, n.a)
        case .binary:
            let t = Token(rawValue: UInt8(n.aux))
            if t == .shl || t == .shr {
                unsafeValue(k, n.a)
                discard(n.b)
            } else if t == .add || t == .sub || t == .or || t == .xor || t == .mul || t == .quo || t == .rem
                        || t == .and || t == .andNot {
                unsafeValue(k, n.a)
                unsafeValue(k, n.b)
            } else {
                discard(id)
            }
        default:
            discard(id)
        }
    }
}

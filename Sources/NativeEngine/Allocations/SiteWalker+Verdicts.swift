import EscapeGraph
import GoIR
import GoSyntax
import GoTypes
import PassKit

/// Sites escape analysis prints a verdict for, with walk's rules on top of the verdict
/// (go-compiler-facts.md §4.1 and §4.3).
extension SiteWalker {
    /// Bytes of the stack buffer walk gives a non-escaping variable-size `make`, `append`,
    /// string conversion or concatenation (`VariableMakeThreshold`, `tmpstringbufsize`).
    static let stackBufferBytes: Int64 = 32
    /// Largest value boxed into a stack temporary when the interface does not escape.
    static let maxStackBoxBytes: Int64 = 1024
    /// Largest map size hint served by one stack group (`abi.MapGroupSlots`).
    static let mapGroupSlots: Int64 = 8

    /// A variable moved to the heap. Pointer-free variables moved to the heap that one
    /// statement declares together share one allocation (the compiler allocates them as one
    /// object): the first is the site, the others are not sites of their own.
    mutating func variable(_ s: EscapeSite, movedWith group: [EscapeSite]) {
        guard let v = s.variable else { return }
        let x = f[v]
        guard program.sizeof(x.type) > 0 else { return }  // zero-size: zerobase, no allocation
        let large = program.sizeof(x.type) > HeapAllocationRule.maxStackVariableSize
        let others = group.filter { $0.variable != v }.map(\.text)
        recordVerdict(s, kind: .heapVar, placement: .heap, cause: large ? .tooLarge : .movedToHeap,
                      runtime: others.isEmpty ? "newobject" : "mallocgc",
                      rule: others.isEmpty ? nil : "allocated together with \(others.joined(separator: ", ")) (one object)",
                      depth: max(Int(s.loopDepth) - 1, 0))
    }

    /// Bytes below which pointer-free moved variables share allocations
    /// (`maxAggregatedHeapAllocation` in ssagen).
    static let aggregatedHeapBytes: Int64 = 16

    /// The moved variables of the function, grouped as the compiler allocates them: ssagen
    /// packs pointer-free variables smaller than 16 bytes declared in one basic block into one
    /// object of at most 16 bytes (parameters at the entry, locals at their declaration);
    /// every other moved variable is an object of its own.
    func movedVariableGroups(_ candidates: [EscapeSite]) -> [[EscapeSite]] {
        var moved: [IRVarID: EscapeSite] = [:]
        for s in candidates {
            guard s.escapes, let v = s.variable, verdictKeys.contains(NativeAllocations.key(s.position, s.text)) else { continue }
            moved[v] = s
        }
        func packable(_ v: IRVarID) -> Bool {
            let size = program.sizeof(f[v].type)
            return size > 0 && size < Self.aggregatedHeapBytes && !program.hasPointers(f[v].type)
        }
        var groups: [[EscapeSite]] = []
        var pending: [EscapeSite] = []
        var used: Int64 = 0
        var placed: Set<IRVarID> = []
        func flush() {
            if !pending.isEmpty { groups.append(pending) }
            pending = []
            used = 0
        }
        func add(_ v: IRVarID) {
            guard let s = moved[v], placed.insert(v).inserted else { return }
            guard packable(v) else { groups.append([s]); return }
            let size = program.sizeof(f[v].type)
            if used + size > Self.aggregatedHeapBytes { flush() }
            pending.append(s)
            used += size
        }
        for v in f.params + f.results { add(v) }
        flush()
        func block(_ list: [IRNodeID]) {
            for id in list {
                let n = f[id]
                switch n.op {
                case .declare:
                    add(IRVarID(n.aux))
                case .ifStmt, .forStmt, .rangeStmt, .switchStmt, .typeSwitch, .selectStmt, .caseClause, .typeCase,
                     .commClause, .block, .returnStmt, .branch, .label:
                    flush()
                    block(f.list(n.list))
                    block(f.list(n.list2))
                    flush()
                default:
                    break
                }
            }
            flush()
        }
        if f.body.exists { block(f.list(f[f.body].list)) }
        // Variables declared where this walk does not look (closure variables, inlined code).
        for s in candidates {
            guard let v = s.variable, moved[v] != nil, !placed.contains(v) else { continue }
            placed.insert(v)
            groups.append([s])
        }
        return groups
    }

    /// A node with an escape location and a printed verdict.
    mutating func verdictSite(_ id: IRNodeID, _ s: EscapeSite, parent: IRNodeID, depth: Int) {
        guard verdictKeys.contains(NativeAllocations.key(s.position, s.text)) else { return }
        let n = f[id]
        let escapes = s.escapes
        switch n.op {
        case .new, .ptrLit:
            let size = program.sizeof(pointee(n.type))
            let kind: PassKit.AllocationKind = n.op == .new ? .new : .composite
            if escapes {
                guard size > 0 else { return }
                recordVerdict(s, kind: kind, placement: .heap, cause: size > HeapAllocationRule.maxImplicitStackVariableSize ? .tooLarge : .escapes,
                              runtime: "newobject", depth: depth)
            } else {
                recordVerdict(s, kind: kind, placement: .stack, cause: nil, runtime: nil, depth: depth)
            }
        case .sliceLit:
            let size = Int64(n.aux) * program.sizeof(program.elementType(n.type))
            if escapes {
                guard size > 0 else { return }
                recordVerdict(s, kind: .composite, placement: .heap, cause: .escapes, runtime: "newobject", depth: depth)
            } else {
                recordVerdict(s, kind: .composite, placement: .stack, cause: nil, runtime: nil, depth: depth)
            }
        case .mapLit:
            let entries = Int64(f.list(n.list).count)
            if escapes {
                recordVerdict(s, kind: .makeMap, placement: .heap, cause: .escapes, runtime: MapLayout.makeFunction(hint: entries),
                              allocations: MapLayout.allocations(hint: entries), depth: depth)
            } else {
                recordVerdict(s, kind: .makeMap, placement: .stack, cause: nil, runtime: nil, depth: depth)
            }
        case .makeMap:
            let hint = n.a.exists ? constantInt(n.a) : 0
            if escapes {
                recordVerdict(s, kind: .makeMap, placement: .heap, cause: .escapes, runtime: MapLayout.makeFunction(hint: hint),
                              allocations: hint.map { MapLayout.allocations(hint: $0) } ?? 1, depth: depth)
            } else if let hint, hint > Self.mapGroupSlots {
                recordVerdict(s, kind: .makeMap, placement: .heap, cause: .mapHint, runtime: "makemap",
                              rule: "a constant hint of \(hint) > \(Self.mapGroupSlots): the groups are allocated on the heap",
                              allocations: max(MapLayout.allocations(hint: hint) - 1, 1), depth: depth)
            } else if hint == nil {
                recordVerdict(s, kind: .makeMap, placement: .may, cause: .runtimeSize, runtime: "makemap",
                              rule: "run-time hint: one stack group when it is at most \(Self.mapGroupSlots)", depth: depth)
            } else {
                recordVerdict(s, kind: .makeMap, placement: .stack, cause: nil, runtime: nil, depth: depth)
            }
        case .makeSlice:
            makeSlice(id, s, parent: parent, depth: depth)
        case .closure:
            let literal = package[function: Int(n.aux)]
            if escapes {
                guard !literal.captured.isEmpty else { return }  // a static funcval
                recordVerdict(s, kind: .closure, placement: .heap, cause: .closure, runtime: "newobject", depth: depth)
            } else {
                recordVerdict(s, kind: .closure, placement: .stack, cause: nil, runtime: nil, depth: depth)
            }
        case .methodValue:
            recordVerdict(s, kind: .methodValue, placement: escapes ? .heap : .stack, cause: escapes ? .methodValue : nil,
                          runtime: escapes ? "newobject" : nil, depth: depth)
        case .convIface:
            boxing(id, s, depth: depth)
        case .addString where !escapes && parent.exists && f[parent].op == .stringToBytes && f[parent].a == id:
            // `[]byte(a + b)`: walk concatenates straight into the new slice (the conversion's
            // `concatbyte*` call); no string is built.
            recordVerdict(s, kind: .concat, placement: .stack, cause: nil, runtime: nil,
                          rule: "converted to []byte: the conversion concatenates", depth: depth)
        case .addString:
            recordVerdict(s, kind: .concat, placement: escapes ? .heap : .may, cause: escapes ? .escapes : .runtimeSize,
                          runtime: Self.concatFunction(operands: f.list(n.list).count),
                          rule: escapes ? nil : "does not escape: a 32-byte stack buffer holds results that fit", depth: depth)
        case .bytesToString:
            if escapes {
                recordVerdict(s, kind: .bytesString, placement: .heap, cause: .escapes, runtime: "slicebytetostring", depth: depth)
            } else if temporaryStringUse(id, parent: parent) {
                recordVerdict(s, kind: .bytesString, placement: .stack, cause: nil, runtime: nil,
                              rule: "used only as a map key, comparison operand or switch tag: no copy", depth: depth)
            } else {
                recordVerdict(s, kind: .bytesString, placement: .may, cause: .runtimeSize, runtime: "slicebytetostring",
                              rule: "does not escape: a 32-byte stack buffer holds results that fit", depth: depth)
            }
        case .stringToBytes:
            if escapes, let c = staticConstant(n.a), case .string(let bytes) = f.constants[Int(f[c].aux)] {
                // A constant string: a new array of its bytes (none for "").
                guard !bytes.isEmpty else { return }
                recordVerdict(s, kind: .stringBytes, placement: .heap, cause: .escapes, runtime: "newobject", depth: depth)
            } else if escapes {
                recordVerdict(s, kind: .stringBytes, placement: .heap, cause: .escapes, runtime: "stringtoslicebyte", depth: depth)
            } else if staticConstant(n.a) != nil {
                recordVerdict(s, kind: .stringBytes, placement: .stack, cause: nil, runtime: nil,
                              rule: "a constant string: a stack array", depth: depth)
            } else if zeroCopyKeys.contains(NativeAllocations.key(s.position, s.text)) {
                // Escape analysis found no write through the result (its `mutates` attribute):
                // the conversion shares the string's bytes.
                recordVerdict(s, kind: .stringBytes, placement: .stack, cause: nil, runtime: nil,
                              rule: "never mutated: a zero-copy conversion", depth: depth)
            } else {
                recordVerdict(s, kind: .stringBytes, placement: .may, cause: .runtimeSize, runtime: "stringtoslicebyte",
                              rule: "does not escape: a 32-byte stack buffer holds results that fit", depth: depth)
            }
        case .stringToRunes, .runesToString, .runeToString:
            let kind: PassKit.AllocationKind = n.op == .stringToRunes ? .stringRunes : n.op == .runesToString ? .runesString : .runeString
            let runtime = n.op == .stringToRunes ? "stringtoslicerune" : n.op == .runesToString ? "slicerunetostring" : "intstring"
            recordVerdict(s, kind: kind, placement: escapes ? .heap : .may, cause: escapes ? .escapes : .runtimeSize,
                          runtime: runtime, rule: escapes ? nil : "does not escape: a small stack buffer holds results that fit",
                          depth: depth)
        case .builtin where BuiltinFunction(rawValue: UInt8(n.aux)) == .append:
            appendSite(id, s, depth: depth)
        default:
            break
        }
    }

    /// `make([]T, len, cap)`.
    mutating func makeSlice(_ id: IRNodeID, _ s: EscapeSite, parent: IRNodeID, depth: Int) {
        let n = f[id]
        let element = program.sizeof(program.elementType(n.type))
        let capNode = n.b.exists ? n.b : n.a
        if isExtension(id, parent: parent) {
            // `append(x, make([]T, n)...)`: walk extends x by n zeroed elements in place (or
            // through the append's own growth); the make itself is never built.
            if !s.escapes {
                recordVerdict(s, kind: .makeSlice, placement: .stack, cause: nil, runtime: nil,
                              rule: "appended as `make(...)...`: walk extends the slice, no makeslice", depth: depth)
            }
            return
        }
        if s.escapes {
            // `make([]T, 0)`: the backend's rewrite rules replace the call with the address of
            // `runtime.zerobase` when length and capacity are the constant 0 (generic.rules).
            if constantInt(n.a) == 0 && constantInt(capNode) == 0 { return }
            let constant = constantInt(capNode)
            let large = constant.map { element > 0 && $0 > HeapAllocationRule.maxImplicitStackVariableSize / element } ?? false
            recordVerdict(s, kind: .makeSlice, placement: .heap, cause: large ? .tooLarge : .escapes, runtime: "makeslice",
                          allocations: element == 0 ? 0 : 1, depth: depth)
        } else if constantInt(capNode) != nil {
            recordVerdict(s, kind: .makeSlice, placement: .stack, cause: nil, runtime: nil, depth: depth)
        } else if element > Self.stackBufferBytes {
            recordVerdict(s, kind: .makeSlice, placement: .heap, cause: .runtimeSize, runtime: "makeslice",
                          rule: "run-time size and elements over \(Self.stackBufferBytes) bytes: no stack buffer", depth: depth)
        } else {
            let rule = element > 0
                ? "run-time size: a stack buffer of \(Self.stackBufferBytes / element) elements, makeslice beyond"
                : "run-time size of zero-size elements"
            recordVerdict(s, kind: .makeSlice, placement: .may, cause: .runtimeSize, runtime: "makeslice", rule: rule, depth: depth)
        }
    }

    /// True when the make is the spread second argument of an `append`, with a length and no
    /// capacity, a length whose type fits a `uint` (walk's append-of-make form).
    func isExtension(_ id: IRNodeID, parent: IRNodeID) -> Bool {
        guard parent.exists, !f[id].b.exists else { return false }
        let p = f[parent]
        guard p.op == .builtin, BuiltinFunction(rawValue: UInt8(p.aux)) == .append, p.flags.contains(.spread) else { return false }
        let args = f.list(p.list)
        guard args.count == 2, args[1] == id else { return false }
        return constantInt(f[id].a) != nil || program.sizeof(f[f[id].a].type) <= 8
    }

    /// Boxing a concrete value into an interface (`dataWord` in walk).
    mutating func boxing(_ id: IRNodeID, _ s: EscapeSite, depth: Int) {
        let n = f[id]
        let source = f[n.a].type
        if program.isInterface(source) || program.isPointerShaped(source) { return }
        let size = program.sizeof(source)
        let kind = program.basicKind(program.under(source))
        let boolOrByte = kind == .bool || kind == .untypedBool || (size == 1 && kind.map(Self.isInteger) == true)
        let constant = boxedConstant(n.a)
        if constant && !(s.escapes && FIPSModule.contains(package.path)) { return }  // read-only data, not a site
        if constant {
            // A boxed constant has no allocating verdict of its own: reported, as the
            // compiler's listing places it, at the code's line with its run-time call.
            if size == 0 || boolOrByte { return }
            recordCall(id, kind: .ifaceConv, placement: .heap, subject: "runtime.\(convFunction(source))",
                       cause: .interfaceConversion, runtime: convFunction(source),
                       rule: "a FIPS 140 package keeps relocations out of read-only data: the constant is boxed at run time",
                       depth: depth)
            return
        }
        if s.escapes {
            // Read-only data, unless the package is in the FIPS module: there a boxed constant
            // or static literal is built at run time by the `convT*` call.
            let readOnly = isStaticValue(n.a) && !FIPSModule.contains(package.path)
            if size == 0 || boolOrByte || readOnly { return }  // zerobase, staticuint64s, read-only data
            recordVerdict(s, kind: .ifaceConv, placement: .heap, cause: .interfaceConversion,
                          runtime: convFunction(source), depth: depth)
        } else if size > Self.maxStackBoxBytes && !boolOrByte && !isStaticValue(n.a) {
            recordVerdict(s, kind: .ifaceConv, placement: .heap, cause: .largeInterfaceValue, runtime: convFunction(source),
                          rule: "\(size) bytes > \(Self.maxStackBoxBytes): no stack temporary", depth: depth)
        } else {
            recordVerdict(s, kind: .ifaceConv, placement: .stack, cause: nil, runtime: nil, depth: depth)
        }
    }

    /// `append(s, …)`: heap growth when it escapes; a non-escaping append grows into a 32-byte
    /// stack buffer once, then on the heap (`may`), unless its slice was made with room for it.
    mutating func appendSite(_ id: IRNodeID, _ s: EscapeSite, depth: Int) {
        if withinCapacity.contains(id) {
            // A known length and capacity with room for the elements: no growth, no call; an
            // escaping verdict is then no site at all.
            let outer = inDeadCode
            inDeadCode = outer || s.escapes
            recordVerdict(s, kind: .appendGrow, placement: s.escapes ? .heap : .stack, cause: nil, runtime: nil,
                          rule: "a known length and capacity leave room: the backend removes the growth", depth: depth)
            inDeadCode = outer
            return
        }
        if s.escapes, let group = rewrittenAppends.first(where: { $0.contains(id) }) {
            // Each append keeps its growth call, on the heap as for any escaping append; the
            // slice reaches the heap once per call, so only the first counts an allocation.
            let first = group.first == id
            recordVerdict(s, kind: .appendGrow, placement: .heap, cause: .appendGrowth,
                          runtime: "growslice",
                          rule: "the slice pass keeps these appends on a stack buffer and moves the slice to the heap once"
                              + (first ? "" : " (counted at the first append)"), allocations: first ? 1 : 0, depth: depth)
        } else if s.escapes {
            recordVerdict(s, kind: .appendGrow, placement: .heap, cause: .appendGrowth, runtime: "growslice", depth: depth)
        } else if let bytes = firstGrowthBytes(id) {
            // Appending a known number of elements to nil: the growth uses the 32-byte stack
            // buffer when they fit (once, the backend drops the heap path), else the heap. In a
            // loop the buffer serves the first pass only, and the heap path stays.
            let fits = bytes <= Self.stackBufferBytes
            let placement: Placement = !fits ? .heap : repeatingLoops > 0 ? .may : .stack
            recordVerdict(s, kind: .appendGrow, placement: placement, cause: fits && repeatingLoops == 0 ? nil : .appendGrowth,
                          runtime: placement == .stack ? nil : "growslice",
                          rule: "\(bytes) bytes appended to nil: \(fits ? "they fit" : "over") the \(Self.stackBufferBytes)-byte stack buffer"
                              + (fits && repeatingLoops > 0 ? " on the loop's first pass" : ""),
                          depth: depth)
        } else if fitsCapacity(id) {
            recordVerdict(s, kind: .appendGrow, placement: .stack, cause: nil, runtime: nil,
                          rule: "the slice was made with room for the appended elements", depth: depth)
        } else {
            recordVerdict(s, kind: .appendGrow, placement: .may, cause: .appendGrowth, runtime: "growslice",
                          rule: "does not escape: growth uses a 32-byte stack buffer once, then the heap", depth: depth)
        }
    }

    /// The bytes a non-spread `append(nil, x…)` appends (nil when the slice is not a nil constant).
    func firstGrowthBytes(_ id: IRNodeID) -> Int64? {
        let n = f[id]
        let args = f.list(n.list)
        guard let first = args.first, !n.flags.contains(.spread) else { return nil }
        var x = first
        while f[x].op == .conv || f[x].op == .convNop { x = f[x].a }
        guard f[x].op == .nilValue || isFirstAppendToNilLocal(id, x) || isKnownEmpty(x) else { return nil }
        let element = program.sizeof(program.elementType(n.type))
        guard element > 0 else { return nil }
        return Int64(args.count - 1) * element
    }

    /// True when the value is statically a slice of length 0 that SSA sees as such: `x[:0]`,
    /// `x[i:i]`, or a local (an inlined call's parameter, say) assigned once from one.
    func isKnownEmpty(_ id: IRNodeID) -> Bool {
        var x = id
        for _ in 0..<8 {
            guard x.exists else { return false }
            let n = f[x]
            switch n.op {
            case .conv, .convNop:
                x = n.a
            case .slice:
                guard n.c.exists else { return false }
                if constantInt(n.c) == 0 { return true }
                guard n.b.exists else { return false }
                if let lo = constantInt(n.b), let hi = constantInt(n.c) { return lo == hi }
                return f[n.b].op == .name && f[n.c].op == .name && f[n.b].aux == f[n.c].aux
                    && !f[IRVarID(f[n.b].aux)].flags.contains(.addressTaken)
            case .name:
                guard let value = onceAssignedValue(n) else { return false }
                x = value
            default:
                return false
            }
        }
        return false
    }

    /// True when `name` is a local declared nil (`var s []T`) that only `s = append(s, …)`
    /// assigns, and `id` is the first of those appends: the slice is still nil there.
    func isFirstAppendToNilLocal(_ id: IRNodeID, _ name: IRNodeID) -> Bool {
        guard f[name].op == .name else { return false }
        let v = IRVarID(f[name].aux)
        let x = f[v]
        guard x.varClass == .local, !x.flags.contains(.addressTaken), !x.flags.contains(.captured), x.definition.exists,
              f[x.definition].op == .assign, !f[x.definition].b.exists || f[f[x.definition].b].op == .nilValue else { return false }
        var firstAppend: IRNodeID?
        var otherWrites = false
        f.forEachReachable(from: f.body) { nid, m in
            func isV(_ y: IRNodeID) -> Bool { y.exists && f[y].op == .name && IRVarID(f[y].aux) == v }
            switch m.op {
            case .assign where isV(m.a) && nid != x.definition:
                if m.b.exists, f[m.b].op == .builtin, BuiltinFunction(rawValue: UInt8(f[m.b].aux)) == .append,
                   let a = f.list(f[m.b].list).first, isV(a) {
                    if firstAppend == nil || m.b < firstAppend! { firstAppend = m.b }
                } else {
                    otherWrites = true
                }
            case .assignList, .assignCall, .assignDotType, .assignMapRead, .assignRecv, .rangeStmt:
                if (f.list(m.list) + [m.b, m.c]).contains(where: isV) { otherWrites = true }
            default: break
            }
        }
        return !otherWrites && firstAppend == id
    }

    /// True when `append(v, x…)` appends to a local made with constant length and capacity
    /// that leave room for every element, and no other append or assignment changes `v`.
    func fitsCapacity(_ id: IRNodeID) -> Bool {
        let n = f[id]
        let args = f.list(n.list)
        guard let first = args.first, f[first].op == .name, !n.flags.contains(.spread) else { return false }
        let v = f[IRVarID(f[first].aux)]
        guard v.varClass == .local, !v.flags.contains(.addressTaken), v.definition.exists else { return false }
        let d = f[v.definition]
        guard d.op == .assign, d.b.exists, f[d.b].op == .makeSlice, let len = constantInt(f[d.b].a),
              let cap = constantInt(f[d.b].b.exists ? f[d.b].b : f[d.b].a) else { return false }
        // Every append to v must be this one.
        var appends = 0
        f.forEachReachable(from: f.body) { _, m in
            if m.op == .builtin, BuiltinFunction(rawValue: UInt8(m.aux)) == .append,
               let a = f.list(m.list).first, f[a].op == .name, f[a].aux == f[first].aux { appends += 1 }
        }
        return appends == 1 && len + Int64(args.count - 1) <= cap
    }

    static func isInteger(_ k: BasicKind) -> Bool {
        switch k {
        case .int, .int8, .int16, .int32, .int64, .uint, .uint8, .uint16, .uint32, .uint64, .uintptr: return true
        default: return false
        }
    }

    /// The `convT*` entry point walk calls to box a value of type `t`.
    func convFunction(_ t: TypeID) -> String {
        let u = program.under(t)
        if let k = program.basicKind(u), k == .string { return "convTstring" }
        if case .slice = program.node(u) { return "convTslice" }
        if !program.hasPointers(t) {
            switch program.sizeof(t) {
            case 2 where program.alignof(t) >= 2: return "convT16"
            case 4 where program.alignof(t) >= 4: return "convT32"
            case 8 where program.alignof(t) >= 8: return "convT64"
            default: return "convTnoptr"
            }
        }
        return "convT"
    }

    /// `concatstring2..5` or `concatstrings`.
    static func concatFunction(operands: Int) -> String {
        (2...5).contains(operands) ? "concatstring\(operands)" : "concatstrings"
    }

    /// True when a non-escaping `string(b)` is only used where order switches it to the
    /// no-copy form: a map index key, a comparison operand, a switch tag.
    func temporaryStringUse(_ id: IRNodeID, parent: IRNodeID) -> Bool {
        guard parent.exists else { return false }
        let p = f[parent]
        switch p.op {
        case .indexMap: return p.b == id
        case .binary:
            let t = Token(rawValue: UInt8(p.aux))
            return [.eql, .neq, .lss, .leq, .gtr, .geq].contains(t)
        case .switchStmt: return p.a == id
        case .addString:
            // A concatenation that also adds a non-empty constant reads the bytes in place.
            return f.list(p.list).contains { x in
                var c = x
                while f[c].op == .conv || f[c].op == .convNop { c = f[c].a }
                guard f[c].op == .literal, case .string(let bytes) = f.constants[Int(f[c].aux)] else { return false }
                return !bytes.isEmpty
            }
        case .builtin:
            // `delete(m, string(b))` of a string-keyed map: the backend passes the bytes.
            let args = f.list(p.list)
            return BuiltinFunction(rawValue: UInt8(p.aux)) == .delete && args.count == 2 && args[1] == id
        default: return false
        }
    }
}

import GoSyntax

/// Binary expressions: arithmetic, comparisons and shifts, with untyped operand matching.
extension Checker {
    /// True when untyped `x` may be implicitly converted to match `y` (or vice versa).
    func mayConvert(_ x: Operand, _ y: Operand) -> Bool {
        if !program.isUntyped(x.type) && !program.isUntyped(y.type) { return false }
        let xb = program.basicKind(x.type)?.isBoolean == true, yb = program.basicKind(y.type)?.isBoolean == true
        if xb != yb { return false }
        let xs = program.basicKind(x.type)?.isString == true, ys = program.basicKind(y.type)?.isString == true
        if xs != ys { return false }
        let nilT = program.basicType(.untypedNil)
        if x.type == nilT { return program.hasNil(y.type) || y.type == nilT || typeParamHasNil(y.type) }
        if y.type == nilT { return program.hasNil(x.type) || typeParamHasNil(x.type) }
        if case .pointer = program.node(program.under(x.type)) { return false }
        if case .pointer = program.node(program.under(y.type)) { return false }
        return true
    }

    func matchTypes(_ x: inout Operand, _ y: inout Operand) {
        if mayConvert(x, y) {
            convertUntyped(&x, y.type)
            if x.mode == .invalid { return }
            convertUntyped(&y, x.type)
            if y.mode == .invalid { x.mode = .invalid }
        }
    }

    func binary(_ e: NodeID, _ lhs: NodeID, _ rhs: NodeID, _ op: Token, opPos: Int) -> Operand {
        if op == .shl || op == .shr {
            var x = singleValue(lhs)
            var y = singleValue(rhs)
            if x.mode == .invalid || y.mode == .invalid { return .invalid(e) }
            shift(&x, &y, e, op)
            return x
        }
        var x = singleValue(lhs)
        var y = singleValue(rhs)
        if x.mode == .invalid { return .invalid(e) }
        if y.mode == .invalid { return .invalid(e) }
        matchTypes(&x, &y)
        if x.mode == .invalid || y.mode == .invalid { return .invalid(e) }
        if isComparison(op) {
            comparison(&x, &y, op, e)
            return x
        }
        if !program.identical(x.type, y.type) {
            if !x.type.isInvalid && !y.type.isInvalid {
                error(e, "invalid operation: \(text(e)) (mismatched types \(typeString(x.type)) and \(typeString(y.type)))")
            }
            return .invalid(e)
        }
        let k = program.basicKind(x.type)
        let ok: Bool
        switch op {
        case .add: ok = allKinds(x.type) { $0.isNumeric || $0.isString }
        case .sub, .mul, .quo: ok = allKinds(x.type) { $0.isNumeric }
        case .rem, .and, .or, .xor, .andNot: ok = allKinds(x.type) { $0.isInteger }
        case .land, .lor: ok = allKinds(x.type) { $0.isBoolean }
        default: ok = false
        }
        if !ok {
            error(e, "invalid operation: operator \(op.text) not defined on \(text(lhs)) (\(describe(x)))")
            return .invalid(e)
        }
        if (op == .quo || op == .rem) && (x.mode == .constant || allKinds(x.type) { $0.isInteger }) && y.mode == .constant,
           let r = y.value.complexParts, r.0.signum == 0 && r.1.signum == 0 {
            error(rhs, "invalid operation: division by zero")
            return .invalid(e)
        }
        if x.mode == .constant && y.mode == .constant {
            let intDiv = op == .quo && k?.isInteger == true
            guard let v = ConstantValue.binary(x.value, op, y.value, integerDivision: intDiv) else {
                return .invalid(e)
            }
            x.value = v
            x.node = e
            overflow(&x, at: opPos)
            return x
        }
        x.mode = .value
        x.node = e
        return x
    }

    func comparison(_ x: inout Operand, _ y: inout Operand, _ op: Token, _ e: NodeID) {
        var ok = false
        var msg = ""
        if assignable(x, to: y.type) || assignable(y, to: x.type) {
            switch op {
            case .eql, .neq:
                let nilT = program.basicType(.untypedNil)
                if x.type == nilT || y.type == nilT {
                    let other = x.type == nilT ? y.type : x.type
                    ok = program.hasNil(other) || typeParamHasNil(other)
                    if !ok { msg = "mismatched types" }
                } else if !program.comparable(x.type) {
                    msg = "\(text(x.node)) cannot be compared"
                } else if !program.comparable(y.type) {
                    msg = "\(text(y.node)) cannot be compared"
                } else {
                    ok = true
                }
            default:
                if allKinds(x.type, { $0.isOrdered }) && allKinds(y.type, { $0.isOrdered }) { ok = true }
                else { msg = "operator \(op.text) not defined on \(text(x.node))" }
            }
        } else {
            msg = "mismatched types \(typeString(x.type)) and \(typeString(y.type))"
        }
        if !ok {
            error(e, "invalid operation: \(text(e)) (\(msg))")
            x = .invalid(e)
            return
        }
        if x.mode == .constant && y.mode == .constant {
            let b = ConstantValue.compare(x.value, op, y.value)
            x.value = b.map { .bool($0) } ?? .unknown
        } else {
            x.mode = .value
            updateExprType(x.node, program.defaultType(x.type), final: true)
            updateExprType(y.node, program.defaultType(y.type), final: true)
        }
        x.type = program.basicType(.untypedBool)
        x.node = e
    }

    func shift(_ x: inout Operand, _ y: inout Operand, _ e: NodeID, _ op: Token) {
        var xval: BigInt? = nil
        if x.mode == .constant { xval = x.value.integer }
        let xk = program.basicKind(x.type)
        let xInteger = allKinds(x.type) { $0.isInteger }
        if xInteger || (program.isUntyped(x.type) && xval != nil) {
        } else {
            error(x.node, "invalid operation: shifted operand \(text(x.node)) must be integer")
            x = .invalid(e)
            return
        }
        if y.mode == .constant {
            if let yi = y.value.integer, yi.negative {
                error(y.node, "invalid shift count \(text(y.node)) (negative)")
                x = .invalid(e)
                return
            }
            if program.isUntyped(y.type), representable(y.value, .uint) == nil {
                error(y.node, "invalid shift count \(text(y.node))")
                x = .invalid(e)
                return
            }
        }
        if y.mode == .constant && program.isUntyped(y.type) {
            // An untyped constant count representable as a uint (checked above) is left as it
            // is, not converted: `x << 1.` records `1.` as an untyped float, as go/types does.
        } else if allKinds(y.type, { $0.isInteger }) {
        } else if program.isUntyped(y.type) {
            convertUntyped(&y, program.basicType(.uint))
            if y.mode == .invalid { x = .invalid(e); return }
        } else {
            error(y.node, "invalid operation: shift count \(text(y.node)) must be integer")
            x = .invalid(e)
            return
        }
        if x.mode == .constant {
            if y.mode == .constant {
                guard let s = y.value.integer?.int64, s <= 1074 else {
                    error(y.node, "invalid shift count \(text(y.node))")
                    x = .invalid(e)
                    return
                }
                if xk?.isInteger != true && program.isUntyped(x.type) { x.type = program.basicType(.untypedInt) }
                guard let xv = xval else {
                    x.value = .unknown
                    x.node = e
                    return
                }
                x.value = ConstantValue.shift(.int(xv), op, Int(s)) ?? .unknown
                x.node = e
                overflow(&x, at: tree[e].opPos)
                return
            }
            if program.isUntyped(x.type) {
                let k = FileNode(file: Int32(file), node: x.node)
                if var entry = untyped[k] { entry.isShiftOperand = true; untyped[k] = entry }
                x.mode = .value
                x.node = e
                return
            }
        }
        if !xInteger {
            error(x.node, "invalid operation: shifted operand \(text(x.node)) must be integer")
            x = .invalid(e)
            return
        }
        x.mode = .value
        x.node = e
    }
}

/// Expressions: operands, primary expressions (selectors, index/slice/instance, calls,
/// type assertions, composite literals), unary and binary expressions.
extension Parser {
    /// FunctionLit = "func" Signature FunctionBody ; or just a function type.
    mutating func parseFuncTypeOrLit() -> Int32 {
        let t = parseFuncType()
        if tok != .lbrace { return t }
        exprLev += 1
        let body = parseBlockStmt()
        exprLev -= 1
        return add(NodeRecord(.funcLit, c0: t, c1: body))
    }

    /// Operand = Literal | OperandName | "(" Expression ")" ; may also return a type.
    mutating func parseOperand() -> Int32 {
        switch tok {
        case .ident:
            return parseIdent()
        case .int, .float, .imag, .char, .string:
            let x = add(NodeRecord(.basicLit, token: tok, p0: Int32(pos), p1: Int32(end)))
            next()
            return x
        case .lparen:
            let lparen = pos
            next()
            exprLev += 1
            let x = parseRhs()
            exprLev -= 1
            let rparen = expect(.rparen)
            return add(NodeRecord(.parenExpr, p0: Int32(lparen), p1: Int32(rparen), c0: x))
        case .kwFunc:
            return parseFuncTypeOrLit()
        default:
            break
        }
        let t = tryIdentOrType()
        if t != 0 { return t }
        let p = pos
        errorExpected(p, "operand")
        advance(Parser.stmtStart)
        return badExpr(p, pos)
    }

    /// "." "(" Type ")" or "." "(" "type" ")" ; the "." is consumed.
    mutating func parseTypeAssertion(_ x: Int32) -> Int32 {
        let lparen = expect(.lparen)
        var typ: Int32 = 0
        if tok == .kwType {
            next()
        } else {
            typ = parseType()
        }
        let rparen = expect(.rparen)
        return add(NodeRecord(.typeAssertExpr, p0: Int32(lparen), p1: Int32(rparen), c0: x, c1: typ))
    }

    /// Index, slice or instantiation after `x`.
    mutating func parseIndexOrSliceOrInstance(_ x: Int32) -> Int32 {
        let lbrack = expect(.lbrack)
        if tok == .rbrack {
            errorExpected(pos, "operand")
            let rbrack = pos
            next()
            let bad = badExpr(rbrack, rbrack)
            return add(NodeRecord(.indexExpr, p0: Int32(lbrack), p1: Int32(rbrack), c0: x, c1: bad))
        }
        exprLev += 1
        var index: (Int32, Int32, Int32) = (0, 0, 0)
        var colons = (-1, -1)
        let m = mark
        var isInstance = false
        if tok != .colon {
            index.0 = parseRhs()
        }
        var ncolons = 0
        switch tok {
        case .colon:
            while tok == .colon && ncolons < 2 {
                if ncolons == 0 { colons.0 = pos } else { colons.1 = pos }
                ncolons += 1
                next()
                if tok != .colon && tok != .rbrack && tok != .eof {
                    let e = parseRhs()
                    if ncolons == 1 { index.1 = e } else { index.2 = e }
                }
            }
        case .comma:
            isInstance = true
            scratch.append(index.0)
            while tok == .comma {
                next()
                if tok != .rbrack && tok != .eof {
                    scratch.append(parseType())
                }
            }
        default:
            break
        }
        exprLev -= 1
        let rbrack = expect(.rbrack)
        if ncolons > 0 {
            var slice3: UInt8 = 0
            if ncolons == 2 {
                slice3 = 1
                if index.1 == 0 {
                    error(colons.0, "middle index required in 3-index slice")
                    index.1 = badExpr(colons.0 + 1, colons.1)
                }
                if index.2 == 0 {
                    error(colons.1, "final index required in 3-index slice")
                    index.2 = badExpr(colons.1 + 1, rbrack)
                }
            }
            return add(NodeRecord(.sliceExpr, flags: slice3, p0: Int32(lbrack), p1: Int32(rbrack),
                                  c0: x, c1: index.0, c2: index.1, c3: index.2))
        }
        if !isInstance {
            return add(NodeRecord(.indexExpr, p0: Int32(lbrack), p1: Int32(rbrack), c0: x, c1: index.0))
        }
        return packIndex(x, lbrack, m, rbrack)
    }

    /// Arguments = "(" [ ExpressionList [ "..." ] [ "," ] ] ")" after `fun`.
    mutating func parseCallOrConversion(_ fun: Int32) -> Int32 {
        let lparen = expect(.lparen)
        exprLev += 1
        let m = mark
        var ellipsis = -1
        while tok != .rparen && tok != .eof && ellipsis < 0 {
            scratch.append(parseRhs())
            if tok == .ellipsis {
                ellipsis = pos
                next()
            }
            if !atComma("argument list", .rparen) { break }
            next()
        }
        exprLev -= 1
        let rparen = expectClosing(.rparen, "argument list")
        let args = finishList(m)
        return add(NodeRecord(.callExpr, p0: Int32(lparen), p1: Int32(ellipsis), p2: Int32(rparen), c0: fun, c1: args))
    }

    /// Element value: an expression or a nested literal value `{...}`.
    mutating func parseValue() -> Int32 {
        if tok == .lbrace { return parseLiteralValue(0) }
        return parseExpr()
    }

    /// KeyedElement = [ Key ":" ] Element .
    mutating func parseElement() -> Int32 {
        let x = parseValue()
        if tok == .colon {
            let colon = pos
            next()
            let v = parseValue()
            return add(NodeRecord(.keyValueExpr, p0: Int32(colon), c0: x, c1: v))
        }
        return x
    }

    /// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
    mutating func parseLiteralValue(_ typ: Int32) -> Int32 {
        guard enter() else { leave(); return badExpr(pos, pos) }
        defer { leave() }
        let lbrace = expect(.lbrace)
        let m = mark
        exprLev += 1
        if tok != .rbrace {
            while tok != .rbrace && tok != .eof {
                scratch.append(parseElement())
                if !atComma("composite literal", .rbrace) { break }
                next()
            }
        }
        exprLev -= 1
        let rbrace = expectClosing(.rbrace, "composite literal")
        let elts = finishList(m)
        return add(NodeRecord(.compositeLit, p0: Int32(lbrace), p1: Int32(rbrace), c0: typ, c1: elts))
    }

    /// Strips parentheses.
    func unparen(_ x: Int32) -> Int32 {
        var e = x
        while kind(e) == .parenExpr { e = nodes[Int(e)].c0 }
        return e
    }

    /// PrimaryExpr = Operand { Selector | Index | Slice | TypeAssertion | Arguments | LiteralValue } .
    mutating func parsePrimaryExpr(_ x0: Int32) -> Int32 {
        var x = x0 != 0 ? x0 : parseOperand()
        // One nesting level per suffix, counted after the operand, as go/parser counts them.
        var levels = 0
        defer { depth -= levels }
        while true {
            levels += 1
            guard enter() else { return x }
            switch tok {
            case .period:
                let dot = pos
                next()
                switch tok {
                case .ident:
                    let sel = parseIdent()
                    x = add(NodeRecord(.selectorExpr, p0: Int32(dot), c0: x, c1: sel))
                case .lparen:
                    x = parseTypeAssertion(x)
                default:
                    let p = pos
                    errorExpected(p, "selector or type assertion")
                    if tok != .rbrace { next() }
                    let sel = add(NodeRecord(.ident, p0: Int32(p), p1: Int32(p)))
                    x = add(NodeRecord(.selectorExpr, p0: Int32(dot), c0: x, c1: sel))
                }
            case .lbrack:
                x = parseIndexOrSliceOrInstance(x)
            case .lparen:
                x = parseCallOrConversion(x)
            case .lbrace:
                let t = unparen(x)
                switch kind(t) {
                case .badExpr, .ident, .selectorExpr, .indexExpr, .indexListExpr:
                    if exprLev < 0 { return x }
                case .arrayType, .structType, .mapType:
                    break
                default:
                    return x
                }
                if t != x {
                    error(Int(nodeStart(t)), "cannot parenthesize type in composite literal")
                }
                x = parseLiteralValue(x)
            default:
                return x
            }
            if bailed { return x }
        }
    }

    /// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
    mutating func parseUnaryExpr() -> Int32 {
        guard enter() else { leave(); return badExpr(pos, pos) }
        defer { leave() }
        switch tok {
        case .add, .sub, .not, .xor, .and, .tilde:
            let p = pos, op = tok
            next()
            let x = parseUnaryExpr()
            return add(NodeRecord(.unaryExpr, token: op, p0: Int32(p), c0: x))
        case .arrow:
            var arrow = pos
            next()
            let x = parseUnaryExpr()
            if kind(x) == .chanType {
                // <-chan T: re-associate the arrow with the channel type(s).
                var typ = x
                var dir = ChanDir.send
                var ok = true
                while ok && dir == .send {
                    if ChanDir(rawValue: nodes[Int(typ)].flags) == .recv {
                        errorExpected(Int(nodes[Int(typ)].p1), "'chan'")
                    }
                    let oldArrow = Int(nodes[Int(typ)].p1)
                    nodes[Int(typ)].p0 = Int32(arrow)
                    nodes[Int(typ)].p1 = Int32(arrow)
                    arrow = oldArrow
                    dir = ChanDir(rawValue: nodes[Int(typ)].flags)
                    nodes[Int(typ)].flags = ChanDir.recv.rawValue
                    let v = nodes[Int(typ)].c0
                    ok = kind(v) == .chanType
                    typ = v
                }
                if dir == .send { errorExpected(arrow, "channel type") }
                return x
            }
            return add(NodeRecord(.unaryExpr, token: .arrow, p0: Int32(arrow), c0: x))
        case .mul:
            let p = pos
            next()
            let x = parseUnaryExpr()
            return add(NodeRecord(.starExpr, p0: Int32(p), c0: x))
        default:
            return parsePrimaryExpr(0)
        }
    }

    /// BinaryExpr with operators of precedence >= `prec1`; `x0` is an already parsed left side.
    mutating func parseBinaryExpr(_ x0: Int32, _ prec1: Int) -> Int32 {
        var x = x0 != 0 ? x0 : parseUnaryExpr()
        // One nesting level per operator, counted after the left operand, as go/parser does.
        var levels = 0
        defer { depth -= levels }
        while true {
            levels += 1
            guard enter() else { return x }
            var op = tok
            if inRhs && op == .assign { op = .eql }
            let oprec = op.precedence
            if oprec < prec1 || oprec == 0 { return x }
            let p = expect(op)
            let y = parseBinaryExpr(0, oprec + 1)
            x = add(NodeRecord(.binaryExpr, token: op, p0: Int32(p), c0: x, c1: y))
            if bailed { return x }
        }
    }

    /// Expression = UnaryExpr | Expression binary_op Expression .
    mutating func parseExpr() -> Int32 { parseBinaryExpr(0, 1) }

    /// An expression on a right-hand side (where `=` is read as a mistyped `==`).
    mutating func parseRhs() -> Int32 {
        let old = inRhs
        inRhs = true
        let x = parseExpr()
        inRhs = old
        return x
    }
}

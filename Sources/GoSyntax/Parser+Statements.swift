/// Statements: simple statements, blocks, if/switch/select/for, go/defer/return, branches.
extension Parser {
    enum SimpleMode { case basic, labelOK, rangeOK }

    /// StatementList inside a block or case clause.
    mutating func parseStmtList() -> Int32 {
        let m = mark
        while tok != .kwCase && tok != .kwDefault && tok != .rbrace && tok != .eof {
            scratch.append(parseStmt())
        }
        return finishList(m)
    }

    /// Block = "{" StatementList "}" .
    mutating func parseBlockStmt() -> Int32 {
        let lbrace = expect(.lbrace)
        let l = parseStmtList()
        let rbrace = expect2(.rbrace)
        return add(NodeRecord(.blockStmt, p0: Int32(lbrace), p1: Int32(rbrace), c0: l))
    }

    /// SimpleStmt; the Bool is true when it parsed a range clause (`k, v := range x`).
    mutating func parseSimpleStmt(_ mode: SimpleMode) -> (Int32, Bool) {
        let x = parseList(false)
        switch tok {
        case .define, .assign, .addAssign, .subAssign, .mulAssign, .quoAssign, .remAssign, .andAssign,
             .orAssign, .xorAssign, .shlAssign, .shrAssign, .andNotAssign:
            let p = pos, t = tok
            next()
            var y: Int32
            var isRange = false
            if mode == .rangeOK && tok == .kwRange && (t == .define || t == .assign) {
                let rp = pos
                next()
                let rx = parseRhs()
                y = makeList([add(NodeRecord(.unaryExpr, token: .kwRange, p0: Int32(rp), c0: rx))])
                isRange = true
            } else {
                y = parseList(true)
            }
            return (add(NodeRecord(.assignStmt, token: t, p0: Int32(p), c0: x, c1: y)), isRange)
        default:
            break
        }
        if listCount(x) > 1 {
            errorExpected(Int(nodeStart(listItem(x, 0))), "1 expression")
        }
        let x0 = listItem(x, 0)
        switch tok {
        case .colon:
            let colon = pos
            next()
            if mode == .labelOK && kind(x0) == .ident {
                let s = parseStmt()
                return (add(NodeRecord(.labeledStmt, p0: Int32(colon), c0: x0, c1: s)), false)
            }
            error(colon, "illegal label declaration")
            return (add(NodeRecord(.badStmt, p0: nodeStart(x0), p1: Int32(colon + 1))), false)
        case .arrow:
            let arrow = pos
            next()
            let y = parseRhs()
            return (add(NodeRecord(.sendStmt, p0: Int32(arrow), c0: x0, c1: y)), false)
        case .inc, .dec:
            let s = add(NodeRecord(.incDecStmt, token: tok, p0: Int32(pos), c0: x0))
            next()
            return (s, false)
        default:
            return (add(NodeRecord(.exprStmt, c0: x0)), false)
        }
    }

    /// The call of a `go` or `defer` statement (0 when it is not a call).
    mutating func parseCallExpr(_ callType: String) -> Int32 {
        var x = parseRhs()
        let t = unparen(x)
        if t != x {
            error(Int(nodeStart(x)), "expression in \(callType) must not be parenthesized")
            x = t
        }
        if kind(x) == .callExpr { return x }
        if kind(x) != .badExpr {
            error(Int(nodeEnd(x)), "expression in \(callType) must be function call")
        }
        return 0
    }

    /// GoStmt = "go" Expression ; DeferStmt = "defer" Expression .
    mutating func parseGoOrDefer(_ keyword: Token) -> Int32 {
        let p = expect(keyword)
        let call = parseCallExpr(keyword == .kwGo ? "go" : "defer")
        expectSemi()
        if call == 0 {
            return add(NodeRecord(.badStmt, p0: Int32(p), p1: Int32(p + (keyword == .kwGo ? 2 : 5))))
        }
        return add(NodeRecord(keyword == .kwGo ? .goStmt : .deferStmt, p0: Int32(p), c0: call))
    }

    /// ReturnStmt = "return" [ ExpressionList ] .
    mutating func parseReturnStmt() -> Int32 {
        let p = pos
        expect(.kwReturn)
        var x: Int32 = 0
        if tok != .semicolon && tok != .rbrace { x = parseList(true) }
        expectSemi()
        return add(NodeRecord(.returnStmt, p0: Int32(p), c0: x))
    }

    /// break / continue / goto / fallthrough, with an optional label.
    mutating func parseBranchStmt(_ t: Token) -> Int32 {
        let p = expect(t)
        var label: Int32 = 0
        if t == .kwGoto || ((t == .kwContinue || t == .kwBreak) && tok == .ident) {
            label = parseIdent()
        }
        expectSemi()
        return add(NodeRecord(.branchStmt, token: t, p0: Int32(p), c0: label))
    }

    /// The expression of an expression statement, or a BadExpr with an error.
    mutating func makeExpr(_ s: Int32, _ want: String) -> Int32 {
        if s == 0 { return 0 }
        if kind(s) == .exprStmt { return nodes[Int(s)].c0 }
        let found = kind(s) == .assignStmt ? "assignment" : "simple statement"
        error(Int(nodeStart(s)), "expected \(want), found \(found) (missing parentheses around composite literal?)")
        return badExpr(Int(nodeStart(s)), Int(nodeEnd(s)))
    }

    /// The header of an if statement: [ SimpleStmt ";" ] Expression.
    mutating func parseIfHeader() -> (Int32, Int32) {
        if tok == .lbrace {
            error(pos, "missing condition in if statement")
            return (0, badExpr(pos, pos))
        }
        let prevLev = exprLev
        exprLev = -1
        var initS: Int32 = 0
        var cond: Int32 = 0
        if tok != .semicolon {
            if tok == .kwVar {
                next()
                error(pos, "var declaration not allowed in if initializer")
            }
            initS = parseSimpleStmt(.basic).0
        }
        var condStmt: Int32 = 0
        var semiPos = -1, semiImplicit = false
        if tok != .lbrace {
            if tok == .semicolon {
                semiPos = pos
                semiImplicit = implicitSemi
                next()
            } else {
                expect(.semicolon)
            }
            if tok != .lbrace {
                condStmt = parseSimpleStmt(.basic).0
            }
        } else {
            condStmt = initS
            initS = 0
        }
        if condStmt != 0 {
            cond = makeExpr(condStmt, "boolean expression")
        } else if semiPos >= 0 {
            if semiImplicit {
                error(semiPos, "unexpected newline, expecting { after if clause")
            } else {
                error(semiPos, "missing condition in if statement")
            }
        }
        if cond == 0 { cond = badExpr(pos, pos) }
        exprLev = prevLev
        return (initS, cond)
    }

    /// IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
    mutating func parseIfStmt() -> Int32 {
        guard enter() else { leave(); return add(NodeRecord(.badStmt, p0: Int32(pos), p1: Int32(pos))) }
        defer { leave() }
        let p = expect(.kwIf)
        let (initS, cond) = parseIfHeader()
        let body = parseBlockStmt()
        var elseS: Int32 = 0
        if tok == .kwElse {
            next()
            switch tok {
            case .kwIf:
                elseS = parseIfStmt()
            case .lbrace:
                elseS = parseBlockStmt()
                expectSemi()
            default:
                errorExpected(pos, "if statement or block")
                elseS = add(NodeRecord(.badStmt, p0: Int32(pos), p1: Int32(pos)))
            }
        } else {
            expectSemi()
        }
        return add(NodeRecord(.ifStmt, p0: Int32(p), c0: initS, c1: cond, c2: body, c3: elseS))
    }

    /// ExprCaseClause / TypeCaseClause = ( "case" List | "default" ) ":" StatementList .
    mutating func parseCaseClause() -> Int32 {
        let p = pos
        var l: Int32 = 0
        if tok == .kwCase {
            next()
            l = parseList(true)
        } else {
            expect(.kwDefault)
        }
        let colon = expect(.colon)
        let body = parseStmtList()
        return add(NodeRecord(.caseClause, p0: Int32(p), p1: Int32(colon), c0: l, c1: body))
    }

    func isTypeSwitchAssert(_ x: Int32) -> Bool {
        kind(x) == .typeAssertExpr && nodes[Int(x)].c1 == 0
    }

    mutating func isTypeSwitchGuard(_ s: Int32) -> Bool {
        if s == 0 { return false }
        switch kind(s) {
        case .exprStmt:
            return isTypeSwitchAssert(nodes[Int(s)].c0)
        case .assignStmt:
            let r = nodes[Int(s)]
            if listCount(r.c0) == 1 && listCount(r.c1) == 1 && isTypeSwitchAssert(listItem(r.c1, 0)) {
                if r.token == .assign {
                    error(Int(r.p0), "expected ':=', found '='")
                    return true
                }
                return r.token == .define
            }
            return false
        default:
            return false
        }
    }

    /// SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
    mutating func parseSwitchStmt() -> Int32 {
        let p = expect(.kwSwitch)
        var s1: Int32 = 0, s2: Int32 = 0
        if tok != .lbrace {
            let prevLev = exprLev
            exprLev = -1
            if tok != .semicolon {
                s2 = parseSimpleStmt(.basic).0
            }
            if tok == .semicolon {
                next()
                s1 = s2
                s2 = 0
                if tok != .lbrace {
                    s2 = parseSimpleStmt(.basic).0
                }
            }
            exprLev = prevLev
        }
        let typeSwitch = isTypeSwitchGuard(s2)
        let lbrace = expect(.lbrace)
        let m = mark
        while tok == .kwCase || tok == .kwDefault {
            scratch.append(parseCaseClause())
        }
        let rbrace = expect(.rbrace)
        expectSemi()
        let l = finishList(m)
        let body = add(NodeRecord(.blockStmt, p0: Int32(lbrace), p1: Int32(rbrace), c0: l))
        if typeSwitch {
            return add(NodeRecord(.typeSwitchStmt, p0: Int32(p), c0: s1, c1: s2, c2: body))
        }
        let tag = makeExpr(s2, "switch expression")
        return add(NodeRecord(.switchStmt, p0: Int32(p), c0: s1, c1: tag, c2: body))
    }

    /// CommClause = ( "case" ( SendStmt | RecvStmt ) | "default" ) ":" StatementList .
    mutating func parseCommClause() -> Int32 {
        let p = pos
        var comm: Int32 = 0
        if tok == .kwCase {
            next()
            let lhs = parseList(false)
            let x0 = listItem(lhs, 0)
            if tok == .arrow {
                if listCount(lhs) > 1 { errorExpected(Int(nodeStart(x0)), "1 expression") }
                let arrow = pos
                next()
                let rhs = parseRhs()
                comm = add(NodeRecord(.sendStmt, p0: Int32(arrow), c0: x0, c1: rhs))
            } else if tok == .assign || tok == .define {
                var l = lhs
                if listCount(lhs) > 2 {
                    errorExpected(Int(nodeStart(x0)), "1 or 2 expressions")
                    l = makeList([x0, listItem(lhs, 1)])
                }
                let t = tok, ap = pos
                next()
                let rhs = parseRhs()
                comm = add(NodeRecord(.assignStmt, token: t, p0: Int32(ap), c0: l, c1: makeList([rhs])))
            } else {
                if listCount(lhs) > 1 { errorExpected(Int(nodeStart(x0)), "1 expression") }
                comm = add(NodeRecord(.exprStmt, c0: x0))
            }
        } else {
            expect(.kwDefault)
        }
        let colon = expect(.colon)
        let body = parseStmtList()
        return add(NodeRecord(.commClause, p0: Int32(p), p1: Int32(colon), c0: comm, c1: body))
    }

    /// SelectStmt = "select" "{" { CommClause } "}" .
    mutating func parseSelectStmt() -> Int32 {
        let p = expect(.kwSelect)
        let lbrace = expect(.lbrace)
        let m = mark
        while tok == .kwCase || tok == .kwDefault {
            scratch.append(parseCommClause())
        }
        let rbrace = expect(.rbrace)
        expectSemi()
        let l = finishList(m)
        let body = add(NodeRecord(.blockStmt, p0: Int32(lbrace), p1: Int32(rbrace), c0: l))
        return add(NodeRecord(.selectStmt, p0: Int32(p), c0: body))
    }

    /// ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
    mutating func parseForStmt() -> Int32 {
        let p = expect(.kwFor)
        var s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0
        var isRange = false
        if tok != .lbrace {
            let prevLev = exprLev
            exprLev = -1
            if tok != .semicolon {
                if tok == .kwRange {
                    let rp = pos
                    next()
                    let rx = parseRhs()
                    let y = makeList([add(NodeRecord(.unaryExpr, token: .kwRange, p0: Int32(rp), c0: rx))])
                    s2 = add(NodeRecord(.assignStmt, token: .illegal, p0: -1, c0: 0, c1: y))
                    isRange = true
                } else {
                    (s2, isRange) = parseSimpleStmt(.rangeOK)
                }
            }
            if !isRange && tok == .semicolon {
                next()
                s1 = s2
                s2 = 0
                if tok != .semicolon {
                    s2 = parseSimpleStmt(.basic).0
                }
                expectSemi()
                if tok != .lbrace {
                    s3 = parseSimpleStmt(.basic).0
                }
            }
            exprLev = prevLev
        }
        let body = parseBlockStmt()
        expectSemi()
        if isRange {
            let a = nodes[Int(s2)]
            var key: Int32 = 0, value: Int32 = 0
            switch listCount(a.c0) {
            case 0: break
            case 1: key = listItem(a.c0, 0)
            case 2: key = listItem(a.c0, 0); value = listItem(a.c0, 1)
            default:
                errorExpected(Int(nodeStart(listItem(a.c0, listCount(a.c0) - 1))), "at most 2 expressions")
                return add(NodeRecord(.badStmt, p0: Int32(p), p1: nodeEnd(body)))
            }
            let r = listItem(a.c1, 0)
            let x = nodes[Int(r)].c0
            return add(NodeRecord(.rangeStmt, token: a.token, p0: Int32(p), p1: a.p0, p2: nodes[Int(r)].p0,
                                  c0: key, c1: value, c2: x, c3: body))
        }
        let cond = makeExpr(s2, "boolean or range expression")
        return add(NodeRecord(.forStmt, p0: Int32(p), c0: s1, c1: cond, c2: s3, c3: body))
    }

    /// Statement.
    mutating func parseStmt() -> Int32 {
        guard enter() else { leave(); return add(NodeRecord(.badStmt, p0: Int32(pos), p1: Int32(pos))) }
        defer { leave() }
        switch tok {
        case .kwConst, .kwType, .kwVar:
            let d = parseDecl(Parser.stmtStart)
            return add(NodeRecord(.declStmt, c0: d))
        case .ident, .int, .float, .imag, .char, .string, .kwFunc, .lparen, .lbrack, .kwStruct, .kwMap,
             .kwChan, .kwInterface, .add, .sub, .mul, .and, .xor, .arrow, .not:
            let s = parseSimpleStmt(.labelOK).0
            if kind(s) != .labeledStmt { expectSemi() }
            return s
        case .kwGo, .kwDefer:
            return parseGoOrDefer(tok)
        case .kwReturn:
            return parseReturnStmt()
        case .kwBreak, .kwContinue, .kwGoto, .kwFallthrough:
            return parseBranchStmt(tok)
        case .lbrace:
            let b = parseBlockStmt()
            expectSemi()
            return b
        case .kwIf:
            return parseIfStmt()
        case .kwSwitch:
            return parseSwitchStmt()
        case .kwSelect:
            return parseSelectStmt()
        case .kwFor:
            return parseForStmt()
        case .semicolon:
            let s = add(NodeRecord(.emptyStmt, flags: implicitSemi ? 1 : 0, p0: Int32(pos)))
            next()
            return s
        case .rbrace:
            return add(NodeRecord(.emptyStmt, flags: 1, p0: Int32(pos)))
        default:
            let p = pos
            errorExpected(p, "statement")
            advance(Parser.stmtStart)
            return add(NodeRecord(.badStmt, p0: Int32(p), p1: Int32(pos)))
        }
    }
}

/// Types: names, instantiations, arrays, structs, pointers, functions, interfaces, maps,
/// channels (parameter lists are in `Parser+Parameters.swift`).
extension Parser {
    /// Type = TypeName [TypeArgs] | TypeLit | "(" Type ")" .
    mutating func parseType() -> Int32 {
        let t = tryIdentOrType()
        if t == 0 {
            let p = pos
            errorExpected(p, "type")
            advance(Parser.exprEnd)
            return badExpr(p, pos)
        }
        return t
    }

    /// QualifiedIdent [TypeArgs].
    mutating func parseQualifiedIdent(_ ident: Int32) -> Int32 {
        var t = parseTypeName(ident)
        if tok == .lbrack { t = parseTypeInstance(t) }
        return t
    }

    /// TypeName = identifier | PackageName "." identifier .
    mutating func parseTypeName(_ ident0: Int32) -> Int32 {
        let ident = ident0 != 0 ? ident0 : parseIdent()
        if tok == .period {
            let dot = pos
            next()
            let sel = parseIdent()
            return add(NodeRecord(.selectorExpr, p0: Int32(dot), c0: ident, c1: sel))
        }
        return ident
    }

    /// ArrayType = "[" ArrayLength "]" ElementType ; "[" already consumed at `lbrack`.
    mutating func parseArrayType(_ lbrack: Int, _ len0: Int32) -> Int32 {
        var len = len0
        if len == 0 {
            exprLev += 1
            if tok == .ellipsis {
                len = add(NodeRecord(.ellipsis, p0: Int32(pos)))
                next()
            } else if tok != .rbrack {
                len = parseRhs()
            }
            exprLev -= 1
        }
        if tok == .comma {
            error(pos, "unexpected comma; expecting ]")
            next()
        }
        expect(.rbrack)
        let elt = parseType()
        return add(NodeRecord(.arrayType, p0: Int32(lbrack), c0: len, c1: elt))
    }

    /// After a name in a field or parameter: `[]E`, `[N]E` (array field) or `[P, Q]` (instance).
    /// Returns (name or 0, type).
    mutating func parseArrayFieldOrTypeInstance(_ x: Int32) -> (Int32, Int32) {
        let lbrack = expect(.lbrack)
        var trailingComma = -1
        let m = mark
        if tok != .rbrack {
            exprLev += 1
            scratch.append(parseRhs())
            while tok == .comma {
                let comma = pos
                next()
                if tok == .rbrack { trailingComma = comma; break }
                scratch.append(parseRhs())
            }
            exprLev -= 1
        }
        let rbrack = expect(.rbrack)
        let count = scratch.count - m
        if count == 0 {
            let elt = parseType()
            return (x, add(NodeRecord(.arrayType, p0: Int32(lbrack), c1: elt)))
        }
        if count == 1 {
            let elt = tryIdentOrType()
            if elt != 0 {
                if trailingComma >= 0 { error(trailingComma, "unexpected comma; expecting ]") }
                let len = scratch[m]
                scratch.removeSubrange(m...)
                return (x, add(NodeRecord(.arrayType, p0: Int32(lbrack), c0: len, c1: elt)))
            }
        }
        return (0, packIndex(x, lbrack, m, rbrack))
    }

    /// Builds IndexExpr (one argument) or IndexListExpr from scratch elements since `m`.
    mutating func packIndex(_ x: Int32, _ lbrack: Int, _ m: Int, _ rbrack: Int) -> Int32 {
        if scratch.count - m == 1 {
            let index = scratch[m]
            scratch.removeSubrange(m...)
            return add(NodeRecord(.indexExpr, p0: Int32(lbrack), p1: Int32(rbrack), c0: x, c1: index))
        }
        let l = finishList(m)
        return add(NodeRecord(.indexListExpr, p0: Int32(lbrack), p1: Int32(rbrack), c0: x, c1: l))
    }

    /// FieldDecl = (IdentifierList Type | EmbeddedField) [Tag] .
    mutating func parseFieldDecl() -> Int32 {
        let doc = leadComment
        var names: Int32 = 0
        var typ: Int32 = 0
        switch tok {
        case .ident:
            let name = parseIdent()
            if tok == .period || tok == .string || tok == .semicolon || tok == .rbrace {
                typ = name
                if tok == .period { typ = parseQualifiedIdent(name) }
            } else {
                let m = mark
                scratch.append(name)
                while tok == .comma {
                    next()
                    scratch.append(parseIdent())
                }
                if scratch.count - m == 1 && tok == .lbrack {
                    scratch.removeSubrange(m...)
                    let (n, t) = parseArrayFieldOrTypeInstance(name)
                    typ = t
                    if n != 0 { names = makeList([n]) }
                } else {
                    names = finishList(m)
                    typ = parseType()
                }
            }
        case .mul:
            let star = pos
            next()
            if tok == .lparen {
                error(pos, "cannot parenthesize embedded type")
                next()
                typ = parseQualifiedIdent(0)
                if tok == .rparen { next() }
            } else {
                typ = parseQualifiedIdent(0)
            }
            typ = add(NodeRecord(.starExpr, p0: Int32(star), c0: typ))
        case .lparen:
            error(pos, "cannot parenthesize embedded type")
            next()
            if tok == .mul {
                let star = pos
                next()
                let t = parseQualifiedIdent(0)
                typ = add(NodeRecord(.starExpr, p0: Int32(star), c0: t))
            } else {
                typ = parseQualifiedIdent(0)
            }
            if tok == .rparen { next() }
        default:
            let p = pos
            errorExpected(p, "field name or embedded type")
            advance(Parser.exprEnd)
            typ = badExpr(p, pos)
        }
        var tag: Int32 = 0
        if tok == .string {
            tag = add(NodeRecord(.basicLit, token: .string, p0: Int32(pos), p1: Int32(end)))
            next()
        }
        let comment = expectSemi()
        if names == 0 { embeddedFields += 1 }
        return add(NodeRecord(.field, c0: doc, c1: names, c2: typ, c3: tag, c4: comment))
    }

    /// StructType = "struct" "{" { FieldDecl ";" } "}" .
    mutating func parseStructType() -> Int32 {
        let p = expect(.kwStruct)
        let lbrace = expect(.lbrace)
        let m = mark
        while tok == .ident || tok == .mul || tok == .lparen {
            let f = parseFieldDecl()
            scratch.append(f)
        }
        let rbrace = expect(.rbrace)
        let l = finishList(m)
        let fl = add(NodeRecord(.fieldList, p0: Int32(lbrace), p1: Int32(rbrace), c0: l))
        return add(NodeRecord(.structType, p0: Int32(p), c0: fl))
    }

    /// PointerType = "*" BaseType .
    mutating func parsePointerType() -> Int32 {
        let star = expect(.mul)
        let base = parseType()
        return add(NodeRecord(.starExpr, p0: Int32(star), c0: base))
    }

    /// "..." Type (variadic parameter).
    mutating func parseDotsType() -> Int32 {
        let p = expect(.ellipsis)
        let elt = parseType()
        return add(NodeRecord(.ellipsis, p0: Int32(p), c0: elt))
    }

    /// FunctionType = "func" Signature .
    mutating func parseFuncType() -> Int32 {
        let p = expect(.kwFunc)
        if tok == .lbrack {
            let tp = parseTypeParameters()
            if tp != 0 { error(Int(nodes[Int(tp)].p0), "function type must have no type parameters") }
        }
        let params = parseParameters(false)
        let results = parseParameters(true)
        return add(NodeRecord(.funcType, p0: Int32(p), c1: params, c2: results))
    }

    /// MethodSpec or embedded (possibly instantiated) type in an interface.
    mutating func parseMethodSpec() -> Int32 {
        let doc = leadComment
        var idents: Int32 = 0
        var typ: Int32 = 0
        let x = parseTypeName(0)
        if kind(x) == .ident {
            if tok == .lbrack {
                let lbrack = pos
                next()
                exprLev += 1
                let x2 = parseExpr()
                exprLev -= 1
                if kind(x2) == .ident && tok != .comma && tok != .rbrack {
                    _ = parseParameterList(x2, 0, .rbrack, false)
                    expect(.rbrack)
                    error(lbrack, "interface method must have no type parameters")
                    let params = parseParameters(false)
                    let results = parseParameters(true)
                    idents = makeList([x])
                    typ = add(NodeRecord(.funcType, p0: -1, c1: params, c2: results))
                } else {
                    let m = mark
                    scratch.append(x2)
                    if atComma("type argument list", .rbrack) {
                        exprLev += 1
                        next()
                        while tok != .rbrack && tok != .eof {
                            scratch.append(parseType())
                            if !atComma("type argument list", .rbrack) { break }
                            next()
                        }
                        exprLev -= 1
                    }
                    let rbrack = expectClosing(.rbrack, "type argument list")
                    typ = packIndex(x, lbrack, m, rbrack)
                }
            } else if tok == .lparen {
                let params = parseParameters(false)
                let results = parseParameters(true)
                idents = makeList([x])
                typ = add(NodeRecord(.funcType, p0: -1, c1: params, c2: results))
            } else {
                typ = x
            }
        } else {
            typ = x
            if tok == .lbrack { typ = parseTypeInstance(typ) }
        }
        return add(NodeRecord(.field, c0: doc, c1: idents, c2: typ))
    }

    /// Term { "|" Term } .
    mutating func embeddedElem(_ x0: Int32) -> Int32 {
        var x = x0 != 0 ? x0 : embeddedTerm()
        while tok == .or {
            let op = pos
            next()
            let y = embeddedTerm()
            x = add(NodeRecord(.binaryExpr, token: .or, p0: Int32(op), c0: x, c1: y))
        }
        return x
    }

    /// Term = ["~"] Type .
    mutating func embeddedTerm() -> Int32 {
        if tok == .tilde {
            let op = pos
            next()
            let t = parseType()
            return add(NodeRecord(.unaryExpr, token: .tilde, p0: Int32(op), c0: t))
        }
        let t = tryIdentOrType()
        if t == 0 {
            let p = pos
            errorExpected(p, "~ term or type")
            advance(Parser.exprEnd)
            return badExpr(p, pos)
        }
        return t
    }

    /// InterfaceType = "interface" "{" { InterfaceElem ";" } "}" .
    mutating func parseInterfaceType() -> Int32 {
        let p = expect(.kwInterface)
        let lbrace = expect(.lbrace)
        let m = mark
        loop: while true {
            switch tok {
            case .ident:
                let f = parseMethodSpec()
                if nodes[Int(f)].c1 == 0 {
                    nodes[Int(f)].c2 = embeddedElem(nodes[Int(f)].c2)
                }
                nodes[Int(f)].c4 = expectSemi()
                scratch.append(f)
            case .tilde:
                let t = embeddedElem(0)
                let c = expectSemi()
                scratch.append(add(NodeRecord(.field, c2: t, c4: c)))
            default:
                let t0 = tryIdentOrType()
                if t0 != 0 {
                    let t = embeddedElem(t0)
                    let c = expectSemi()
                    scratch.append(add(NodeRecord(.field, c2: t, c4: c)))
                } else {
                    break loop
                }
            }
        }
        let rbrace = expect(.rbrace)
        let l = finishList(m)
        let fl = add(NodeRecord(.fieldList, p0: Int32(lbrace), p1: Int32(rbrace), c0: l))
        return add(NodeRecord(.interfaceType, p0: Int32(p), c0: fl))
    }

    /// MapType = "map" "[" KeyType "]" ElementType .
    mutating func parseMapType() -> Int32 {
        let p = expect(.kwMap)
        expect(.lbrack)
        let key = parseType()
        expect(.rbrack)
        let value = parseType()
        return add(NodeRecord(.mapType, p0: Int32(p), c0: key, c1: value))
    }

    /// ChannelType = ( "chan" | "chan" "<-" | "<-" "chan" ) ElementType .
    mutating func parseChanType() -> Int32 {
        let p = pos
        var dir = ChanDir([.send, .recv])
        var arrow = -1
        if tok == .kwChan {
            next()
            if tok == .arrow {
                arrow = pos
                next()
                dir = .send
            }
        } else {
            arrow = expect(.arrow)
            expect(.kwChan)
            dir = .recv
        }
        let value = parseType()
        return add(NodeRecord(.chanType, flags: dir.rawValue, p0: Int32(p), p1: Int32(arrow), c0: value))
    }

    /// TypeArgs = "[" TypeList [","] "]" after a type name.
    mutating func parseTypeInstance(_ typ: Int32) -> Int32 {
        let opening = expect(.lbrack)
        exprLev += 1
        let m = mark
        while tok != .rbrack && tok != .eof {
            scratch.append(parseType())
            if !atComma("type argument list", .rbrack) { break }
            next()
        }
        exprLev -= 1
        let closing = expectClosing(.rbrack, "type argument list")
        if scratch.count == m {
            errorExpected(closing, "type argument list")
            let bad = badExpr(opening + 1, closing)
            return add(NodeRecord(.indexExpr, p0: Int32(opening), p1: Int32(closing), c0: typ, c1: bad))
        }
        return packIndex(typ, opening, m, closing)
    }

    /// A type, or 0 when the current token cannot start one.
    mutating func tryIdentOrType() -> Int32 {
        guard enter() else { leave(); return badExpr(pos, pos) }
        defer { leave() }
        switch tok {
        case .ident:
            var t = parseTypeName(0)
            if tok == .lbrack { t = parseTypeInstance(t) }
            return t
        case .lbrack:
            let lbrack = expect(.lbrack)
            return parseArrayType(lbrack, 0)
        case .kwStruct: return parseStructType()
        case .mul: return parsePointerType()
        case .kwFunc: return parseFuncType()
        case .kwInterface: return parseInterfaceType()
        case .kwMap: return parseMapType()
        case .kwChan, .arrow: return parseChanType()
        case .lparen:
            let lparen = pos
            next()
            let t = parseType()
            let rparen = expect(.rparen)
            return add(NodeRecord(.parenExpr, p0: Int32(lparen), p1: Int32(rparen), c0: t))
        default:
            return 0
        }
    }
}

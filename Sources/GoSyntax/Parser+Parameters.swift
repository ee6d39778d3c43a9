/// Parameter lists, result lists and type parameter lists, grouped into Fields the way
/// go/parser groups them (names that share one type node share one Field).
extension Parser {
    /// One parameter: [name] type, or (in type parameter lists) a type-set term.
    mutating func parseParamDecl(_ name0: Int32, _ typeSetsOK: Bool) -> (name: Int32, typ: Int32) {
        var fname: Int32 = 0, ftyp: Int32 = 0
        let ptok = tok
        var t = tok
        if name0 != 0 {
            t = .ident
        } else if typeSetsOK && tok == .tilde {
            return (0, embeddedElem(0))
        }
        switch t {
        case .ident:
            if name0 != 0 {
                fname = name0
                _ = ptok
            } else {
                fname = parseIdent()
            }
            switch tok {
            case .ident, .mul, .arrow, .kwFunc, .kwChan, .kwMap, .kwStruct, .kwInterface, .lparen:
                ftyp = parseType()
            case .lbrack:
                (fname, ftyp) = parseArrayFieldOrTypeInstance(fname)
            case .ellipsis:
                ftyp = parseDotsType()
                return (fname, ftyp)
            case .period:
                ftyp = parseQualifiedIdent(fname)
                fname = 0
            case .tilde:
                if typeSetsOK {
                    ftyp = embeddedElem(0)
                    return (fname, ftyp)
                }
            case .or:
                if typeSetsOK {
                    ftyp = embeddedElem(fname)
                    return (0, ftyp)
                }
            default:
                break
            }
        case .mul, .arrow, .kwFunc, .lbrack, .kwChan, .kwMap, .kwStruct, .kwInterface, .lparen:
            ftyp = parseType()
        case .ellipsis:
            ftyp = parseDotsType()
            return (fname, ftyp)
        default:
            errorExpected(pos, "')'")
            advance(Parser.exprEnd)
        }
        if typeSetsOK && tok == .or && ftyp != 0 {
            ftyp = embeddedElem(ftyp)
        }
        return (fname, ftyp)
    }

    /// ParameterList = ParameterDecl { "," ParameterDecl } ; returns a list of Field nodes.
    mutating func parseParameterList(_ name0In: Int32, _ typ0In: Int32, _ closing: Token, _ dddok: Bool) -> Int32 {
        let tparams = closing == .rbrack
        var name0 = name0In, typ0 = typ0In
        var pos0 = pos
        if name0 != 0 { pos0 = Int(nodes[Int(name0)].p0) } else if typ0 != 0 { pos0 = Int(nodeStart(typ0)) }
        var list: [(name: Int32, typ: Int32)] = []
        var named = 0, typed = 0
        while name0 != 0 || (tok != closing && tok != .eof) {
            var par: (name: Int32, typ: Int32)
            if typ0 != 0 {
                if tparams { typ0 = embeddedElem(typ0) }
                par = (name0, typ0)
            } else {
                par = parseParamDecl(name0, tparams)
            }
            name0 = 0
            typ0 = 0
            if par.name != 0 || par.typ != 0 {
                list.append(par)
                if par.name != 0 && par.typ != 0 { named += 1 }
                if par.typ != 0 { typed += 1 }
            }
            if !atComma("parameter list", closing) { break }
            next()
            if bailed { break }
        }
        if list.isEmpty { return 0 }
        if named == 0 {
            for i in list.indices where list[i].name != 0 {
                list[i].typ = list[i].name
                list[i].name = 0
            }
            if tparams {
                var errPos: Int, msg: String
                if named == typed {
                    errPos = pos; msg = "missing type constraint"
                } else {
                    errPos = pos0; msg = "missing type parameter name"
                    if list.count == 1 { msg += " or invalid array length" }
                }
                error(errPos, msg)
            }
        } else if named != list.count {
            var errPos = -1
            var typ: Int32 = 0
            for k in 0..<list.count {
                let i = list.count - k - 1
                if list[i].typ != 0 {
                    typ = list[i].typ
                    if list[i].name == 0 {
                        errPos = Int(nodeStart(typ))
                        list[i].name = add(NodeRecord(.ident, p0: Int32(errPos), p1: Int32(errPos)))
                    }
                } else if typ != 0 {
                    list[i].typ = typ
                } else {
                    errPos = Int(nodes[Int(list[i].name)].p0)
                    list[i].typ = badExpr(errPos, pos)
                }
            }
            if errPos >= 0 {
                var msg: String
                if named == typed {
                    errPos = pos
                    msg = tparams ? "missing type constraint" : "missing parameter type"
                } else if tparams {
                    msg = "missing type parameter name"
                    if list.count == 1 { msg += " or invalid array length" }
                } else {
                    msg = "missing parameter name"
                }
                error(errPos, msg)
            }
        }
        var first = true
        for i in list.indices {
            let t = list[i].typ
            if t != 0 && kind(t) == .ellipsis && (!dddok || i + 1 < list.count) {
                if first {
                    first = false
                    error(Int(nodes[Int(t)].p0), dddok ? "can only use ... with final parameter" : "invalid use of ...")
                }
                list[i].typ = badExpr(Int(nodes[Int(t)].p0), Int(nodeEnd(t)))
            }
        }
        let m = mark
        if named == 0 {
            for par in list {
                scratch.append(add(NodeRecord(.field, c2: par.typ)))
            }
            return finishList(m)
        }
        var names: [Int32] = []
        var typ: Int32 = 0
        for par in list {
            if par.typ != typ {
                if !names.isEmpty {
                    let nl = makeList(names)
                    scratch.append(add(NodeRecord(.field, c1: nl, c2: typ)))
                    names.removeAll(keepingCapacity: true)
                }
                typ = par.typ
            }
            names.append(par.name)
        }
        if !names.isEmpty {
            let nl = makeList(names)
            scratch.append(add(NodeRecord(.field, c1: nl, c2: typ)))
        }
        return finishList(m)
    }

    /// TypeParameters = "[" TypeParamList [","] "]" ; returns a FieldList or 0.
    mutating func parseTypeParameters() -> Int32 {
        let lbrack = expect(.lbrack)
        var l: Int32 = 0
        if tok != .rbrack { l = parseParameterList(0, 0, .rbrack, false) }
        let rbrack = expect(.rbrack)
        if l == 0 {
            error(rbrack, "empty type parameter list")
            return 0
        }
        return add(NodeRecord(.fieldList, p0: Int32(lbrack), p1: Int32(rbrack), c0: l))
    }

    /// Parameters = "(" [ParameterList [","]] ")" ; a result may be a bare type.
    mutating func parseParameters(_ result: Bool) -> Int32 {
        if !result || tok == .lparen {
            let lparen = expect(.lparen)
            var l: Int32 = 0
            if tok != .rparen { l = parseParameterList(0, 0, .rparen, !result) }
            let rparen = expect(.rparen)
            return add(NodeRecord(.fieldList, p0: Int32(lparen), p1: Int32(rparen), c0: l))
        }
        let t = tryIdentOrType()
        if t != 0 {
            let f = add(NodeRecord(.field, c2: t))
            return add(NodeRecord(.fieldList, c0: makeList([f])))
        }
        return 0
    }
}

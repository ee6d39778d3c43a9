/// Declarations: import, const, var, type (with type parameters and aliases), func; the file.
extension Parser {
    /// ImportSpec = [ "." | PackageName ] ImportPath .
    mutating func parseImportSpec(_ doc: Int32) -> Int32 {
        var ident: Int32 = 0
        switch tok {
        case .ident:
            ident = parseIdent()
        case .period:
            ident = add(NodeRecord(.ident, p0: Int32(pos), p1: Int32(pos + 1)))
            next()
        default:
            break
        }
        let p = pos
        var e = pos
        var hasPath = false
        if tok == .string {
            e = end
            hasPath = true
            next()
        } else if tok.isLiteral {
            error(p, "import path must be a string")
            next()
        } else {
            error(p, "missing import path")
            advance(Parser.exprEnd)
        }
        let comment = expectSemi()
        let path = add(NodeRecord(.basicLit, token: .string, flags: hasPath ? 0 : 1, p0: Int32(p), p1: Int32(e)))
        let spec = add(NodeRecord(.importSpec, p0: -1, c0: doc, c1: ident, c2: path, c3: comment))
        imports.append(spec)
        return spec
    }

    /// ConstSpec / VarSpec = IdentifierList [ Type ] [ "=" ExpressionList ] .
    mutating func parseValueSpec(_ doc: Int32, _ keyword: Token) -> Int32 {
        let idents = parseIdentList()
        var typ: Int32 = 0
        var values: Int32 = 0
        if keyword == .kwConst {
            if tok != .eof && tok != .semicolon && tok != .rparen {
                typ = tryIdentOrType()
                if tok == .assign {
                    next()
                    values = parseList(true)
                }
            }
        } else {
            if tok != .assign { typ = parseType() }
            if tok == .assign {
                next()
                values = parseList(true)
            }
        }
        let comment = expectSemi()
        return add(NodeRecord(.valueSpec, c0: doc, c1: idents, c2: typ, c3: values, c4: comment))
    }

    /// The rest of a generic type declaration after `[` and the first parameter.
    mutating func parseGenericType(_ spec: Int32, _ open: Int, _ name0: Int32, _ typ0: Int32) {
        let l = parseParameterList(name0, typ0, .rbrack, false)
        let close = expect(.rbrack)
        nodes[Int(spec)].c2 = add(NodeRecord(.fieldList, p0: Int32(open), p1: Int32(close), c0: l))
        if tok == .assign {
            nodes[Int(spec)].p0 = Int32(pos)
            next()
        }
        nodes[Int(spec)].c3 = parseType()
    }

    /// TypeSpec = identifier [ TypeParameters ] [ "=" ] Type .
    mutating func parseTypeSpec(_ doc: Int32) -> Int32 {
        let name = parseIdent()
        let spec = add(NodeRecord(.typeSpec, p0: -1, c0: doc, c1: name))
        if tok == .lbrack {
            let lbrack = pos
            next()
            if tok == .ident {
                var x = parseIdent()
                if tok != .lbrack {
                    exprLev += 1
                    let lhs = parsePrimaryExpr(x)
                    x = parseBinaryExpr(lhs, 1)
                    exprLev -= 1
                }
                let (pname, ptype) = extractName(x, tok == .comma)
                if pname != 0 && (ptype != 0 || tok != .rbrack) {
                    parseGenericType(spec, lbrack, pname, ptype)
                } else {
                    nodes[Int(spec)].c3 = parseArrayType(lbrack, x)
                }
            } else {
                nodes[Int(spec)].c3 = parseArrayType(lbrack, 0)
            }
        } else {
            if tok == .assign {
                nodes[Int(spec)].p0 = Int32(pos)
                next()
            }
            nodes[Int(spec)].c3 = parseType()
        }
        nodes[Int(spec)].c4 = expectSemi()
        return spec
    }

    /// Splits `x` into a type parameter name and constraint when it can be read that way.
    mutating func extractName(_ x: Int32, _ force: Bool) -> (Int32, Int32) {
        let r = nodes[Int(x)]
        switch r.kind {
        case .ident:
            return (x, 0)
        case .binaryExpr:
            if r.token == .mul {
                if kind(r.c0) == .ident && (force || isTypeElem(r.c1)) {
                    return (r.c0, add(NodeRecord(.starExpr, p0: r.p0, c0: r.c1)))
                }
            } else if r.token == .or {
                let (name, lhs) = extractName(r.c0, force || isTypeElem(r.c1))
                if name != 0 && lhs != 0 {
                    var copy = r
                    copy.c0 = lhs
                    return (name, add(copy))
                }
            }
        case .callExpr:
            if kind(r.c0) == .ident {
                if listCount(r.c1) == 1 && r.p1 < 0 && (force || isTypeElem(listItem(r.c1, 0))) {
                    return (r.c0, add(NodeRecord(.parenExpr, p0: r.p0, p1: r.p2, c0: listItem(r.c1, 0))))
                }
            }
        default:
            break
        }
        return (0, x)
    }

    /// True if `x` can only be a type element (not an ordinary expression).
    func isTypeElem(_ x: Int32) -> Bool {
        let r = nodes[Int(x)]
        switch r.kind {
        case .arrayType, .structType, .funcType, .interfaceType, .mapType, .chanType: return true
        case .binaryExpr: return isTypeElem(r.c0) || isTypeElem(r.c1)
        case .unaryExpr: return r.token == .tilde
        case .parenExpr: return isTypeElem(r.c0)
        default: return false
        }
    }

    /// GenDecl = keyword ( Spec | "(" { Spec ";" } ")" ) .
    mutating func parseGenDecl(_ keyword: Token) -> Int32 {
        let doc = leadComment
        let p = expect(keyword)
        var lparen = -1, rparen = -1
        let m = mark
        if tok == .lparen {
            lparen = pos
            next()
            while tok != .rparen && tok != .eof {
                scratch.append(parseSpec(leadComment, keyword))
            }
            rparen = expect(.rparen)
            expectSemi()
        } else {
            scratch.append(parseSpec(0, keyword))
        }
        let specs = finishList(m)
        return add(NodeRecord(.genDecl, token: keyword, p0: Int32(p), p1: Int32(lparen), p2: Int32(rparen),
                              c0: doc, c1: specs))
    }

    mutating func parseSpec(_ doc: Int32, _ keyword: Token) -> Int32 {
        switch keyword {
        case .kwImport: return parseImportSpec(doc)
        case .kwType: return parseTypeSpec(doc)
        default: return parseValueSpec(doc, keyword)
        }
    }

    /// FunctionDecl / MethodDecl = "func" [ Receiver ] Name [ TypeParameters ] Signature [ Body ] .
    mutating func parseFuncDecl() -> Int32 {
        let doc = leadComment
        let p = expect(.kwFunc)
        var recv: Int32 = 0
        if tok == .lparen { recv = parseParameters(false) }
        let ident = parseIdent()
        var tparams: Int32 = 0
        if tok == .lbrack { tparams = parseTypeParameters() }
        let params = parseParameters(false)
        let results = parseParameters(true)
        var body: Int32 = 0
        switch tok {
        case .lbrace:
            body = parseBlockStmt()
            expectSemi()
        case .semicolon:
            next()
            if tok == .lbrace {
                error(pos, "unexpected semicolon or newline before {")
                body = parseBlockStmt()
                expectSemi()
            }
        default:
            expectSemi()
        }
        let ftype = add(NodeRecord(.funcType, p0: Int32(p), c0: tparams, c1: params, c2: results))
        return add(NodeRecord(.funcDecl, c0: doc, c1: recv, c2: ident, c3: ftype, c4: body))
    }

    /// A top-level or statement-level declaration.
    mutating func parseDecl(_ sync: Set<Token>) -> Int32 {
        switch tok {
        case .kwImport, .kwConst, .kwVar, .kwType:
            return parseGenDecl(tok)
        case .kwFunc:
            return parseFuncDecl()
        default:
            let p = pos
            errorExpected(p, "declaration")
            advance(sync)
            return add(NodeRecord(.badDecl, p0: Int32(p), p1: Int32(pos)))
        }
    }

    /// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
    mutating func parseFile() -> Int32 {
        let doc = leadComment
        let p = expect(.kwPackage)
        let ident = parseIdent()
        expectSemi()
        let m = mark
        while tok == .kwImport {
            scratch.append(parseGenDecl(.kwImport))
        }
        var prev = Token.kwImport
        while tok != .eof {
            if tok == .kwImport && prev != .kwImport {
                error(pos, "imports must appear before other declarations")
            }
            prev = tok
            scratch.append(parseDecl(Parser.declStart))
        }
        let decls = finishList(m)
        return add(NodeRecord(.file, p0: Int32(p), c0: doc, c1: ident, c2: decls))
    }
}

// Command funcrecords lists the functions of a Go package directory with go/parser, in the
// shape of heapsight's FunctionRecord, so that pass tests get function records from the
// reference parser. One tab-separated line per function:
//
//	id  file  line  col  startLine  startCol  endLine  endCol  isLiteral  parent
//
// Ids follow the compiler's naming: PKG.F, PKG.(*T).M, PKG.T.M, PKG.F.func1 (literals numbered
// in source order within their outermost function, nested ones as F.func1.1), PKG.glob..func1.
// Usage: funcrecords -pkg IMPORTPATH -root ROOT DIR
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	pkg := flag.String("pkg", "", "import path")
	root := flag.String("root", "", "scanned root (file paths are relative to it)")
	flag.Parse()
	dir := flag.Arg(0)
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	globCount := 0
	for _, name := range names {
		path := filepath.Join(dir, name)
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		rel, _ := filepath.Rel(*root, path)
		rel = filepath.ToSlash(rel)
		emit := func(id string, ref token.Pos, start token.Pos, end token.Pos, lit bool, parent string) {
			r, s, e := fset.Position(ref), fset.Position(start), fset.Position(end)
			fmt.Printf("%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%v\t%s\n", id, rel, r.Line, r.Column, s.Line, s.Column, e.Line, e.Column, lit, parent)
		}
		var literals func(n ast.Node, parent string)
		literals = func(n ast.Node, parent string) {
			count := 0
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				if lit, ok := m.(*ast.FuncLit); ok {
					count++
					id := fmt.Sprintf("%s.%d", parent, count)
					if !strings.Contains(parent[strings.LastIndex(parent, ".")+1:], "func") {
						id = fmt.Sprintf("%s.func%d", parent, count)
					}
					emit(id, lit.Type.Func, lit.Type.Func, lit.Body.Rbrace, true, parent)
					literals(lit.Body, id)
					return false
				}
				return true
			})
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				id := *pkg + "." + d.Name.Name
				ref := d.Name.Pos()
				if d.Recv != nil && len(d.Recv.List) == 1 {
					recv := types(d.Recv.List[0].Type)
					id = *pkg + "." + recv + "." + d.Name.Name
					ref = d.Recv.Opening
				}
				emit(id, ref, d.Type.Func, d.Body.Rbrace, false, "")
				literals(d.Body, id)
			case *ast.GenDecl:
				ast.Inspect(d, func(m ast.Node) bool {
					if lit, ok := m.(*ast.FuncLit); ok {
						globCount++
						id := fmt.Sprintf("%s.glob..func%d", *pkg, globCount)
						emit(id, lit.Type.Func, lit.Type.Func, lit.Body.Rbrace, true, "")
						literals(lit.Body, id)
						return false
					}
					return true
				})
			}
		}
	}
}

// types renders a receiver type the way the compiler names methods: (*T) or T, without type
// parameters.
func types(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return "(*" + types(t.X) + ")"
	case *ast.IndexExpr:
		return types(t.X)
	case *ast.IndexListExpr:
		return types(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}

// Command typesdump type-checks packages with go/types and prints, in the normalized text
// form heapsight's `typecheck --dump` prints, every identifier's object and every
// expression's type, mode and constant value, sorted by position.
//
// Usage:
//
//	typesdump IMPORTPATH...     one "== package PATH" section per package
//	typesdump /ABS/DIR          a directory outside GOROOT, as package example.com/NAME
//	typesdump -time IMPORTPATH  check the packages (and their imports), print the time
//
// The build configuration is GOOS=linux GOARCH=amd64 CGO_ENABLED=0 unless the
// environment says otherwise; packages are loaded from source (importer "source").
//
// Line forms (FILE is the base name, L:C the 1-based line and byte column):
//
//	file NAME
//	FILE:L:C def NAME OBJECT           an identifier that declares an object ("-" if none)
//	FILE:L:C use NAME OBJECT           an identifier that refers to an object
//	FILE:L:C-L:C expr MODE TYPE [= VALUE]
//
// OBJECT is "KIND PKG TYPE" with KIND one of pkgname const typename var(KIND) func
// label builtin nil, PKG the object's package path ("-" for the universe) and TYPE
// types.TypeString qualified by package path. MODE is void type builtin nil const var
// mapindex commaok value. VALUE is an exact rational for numbers (N or N/D), "(RE, IM)"
// for complex, true/false, or a string quoted with only printable ASCII kept.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	timeMode := flag.Bool("time", false, "check the packages and their imports, print the time")
	flag.Parse()
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	if *timeMode {
		start := time.Now()
		fset := token.NewFileSet()
		imp := importer.ForCompiler(fset, "source", nil).(types.ImporterFrom)
		n := 0
		for _, path := range flag.Args() {
			if _, err := imp.ImportFrom(path, "", 0); err != nil {
				fmt.Fprintf(os.Stderr, "typesdump: %s: %v\n", path, err)
			}
			n++
		}
		fmt.Fprintf(out, "packages=%d seconds=%.2f\n", n, time.Since(start).Seconds())
		return
	}
	status := 0
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for _, path := range flag.Args() {
		fmt.Fprintf(out, "== package %s\n", path)
		if err := dump(out, fset, imp, path); err != nil {
			fmt.Fprintf(os.Stderr, "typesdump: %s: %v\n", path, err)
			status = 1
		}
	}
	out.Flush()
	os.Exit(status)
}

type line struct {
	file       int
	offset     int
	end        int
	order      int
	text       string
}

func dump(out *bufio.Writer, fset *token.FileSet, imp types.Importer, path string) error {
	var bp *build.Package
	var err error
	if strings.HasPrefix(path, "/") {
		// A directory outside GOROOT: checked as package "example.com/PKGNAME".
		bp, err = build.Default.ImportDir(path, 0)
		if err == nil {
			path = "example.com/" + bp.Name
		}
	} else {
		bp, err = build.Default.Import(path, "", 0)
	}
	if err != nil {
		return err
	}
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files = append(files, f)
		fmt.Fprintf(out, "file %s\n", name)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Defs:  map[*ast.Ident]types.Object{},
		Uses:  map[*ast.Ident]types.Object{},
	}
	conf := types.Config{
		Importer: imp,
		Sizes:    types.SizesFor("gc", build.Default.GOARCH),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				pos := te.Fset.PositionFor(te.Pos, false)
				fmt.Fprintf(out, "error %s:%d:%d: %s\n", filepath.Base(pos.Filename), pos.Line, pos.Column, te.Msg)
				return
			}
			fmt.Fprintf(out, "error %v\n", err)
		},
	}
	conf.Check(path, fset, files, info)
	fileIndex := map[*token.File]int{}
	for i, f := range files {
		fileIndex[fset.File(f.Pos())] = i
	}
	var lines []line
	where := func(p token.Pos) (int, int, string) {
		tf := fset.File(p)
		pos := fset.PositionFor(p, false)
		return fileIndex[tf], tf.Offset(p), fmt.Sprintf("%s:%d:%d", filepath.Base(pos.Filename), pos.Line, pos.Column)
	}
	for id, obj := range info.Defs {
		if !id.Pos().IsValid() {
			continue
		}
		f, off, at := where(id.Pos())
		lines = append(lines, line{f, off, off + len(id.Name), 0, fmt.Sprintf("%s def %s %s", at, id.Name, object(obj))})
	}
	for id, obj := range info.Uses {
		if !id.Pos().IsValid() {
			continue
		}
		f, off, at := where(id.Pos())
		lines = append(lines, line{f, off, off + len(id.Name), 1, fmt.Sprintf("%s use %s %s", at, id.Name, object(obj))})
	}
	for e, tv := range info.Types {
		if !e.Pos().IsValid() {
			continue
		}
		f, off, at := where(e.Pos())
		end := fset.PositionFor(e.End(), false)
		text := fmt.Sprintf("%s-%d:%d expr %s %s", at, end.Line, end.Column, mode(tv), typeString(tv.Type))
		if tv.Value != nil {
			text += " = " + value(tv.Value)
		}
		lines = append(lines, line{f, off, fset.File(e.End()).Offset(e.End()), 2, text})
	}
	sort.Slice(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.offset != b.offset {
			return a.offset < b.offset
		}
		if a.order != b.order {
			return a.order < b.order
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.text < b.text
	})
	for _, l := range lines {
		out.WriteString(l.text)
		out.WriteByte('\n')
	}
	return nil
}

func qualifier(p *types.Package) string { return p.Path() }

func typeString(t types.Type) string {
	if t == nil {
		return "<nil>"
	}
	return types.TypeString(t, qualifier)
}

func object(obj types.Object) string {
	if obj == nil {
		return "-"
	}
	pkg := "-"
	if obj.Pkg() != nil {
		pkg = obj.Pkg().Path()
	}
	var kind string
	switch o := obj.(type) {
	case *types.PkgName:
		return fmt.Sprintf("pkgname %s %s", pkg, o.Imported().Path())
	case *types.Const:
		kind = "const"
	case *types.TypeName:
		kind = "typename"
	case *types.Var:
		kind = "var(" + varKind(o) + ")"
	case *types.Func:
		kind = "func"
	case *types.Label:
		return "label " + pkg
	case *types.Builtin:
		return "builtin " + pkg
	case *types.Nil:
		return "nil " + pkg
	}
	return fmt.Sprintf("%s %s %s", kind, pkg, typeString(obj.Type()))
}

func varKind(v *types.Var) string {
	switch v.Kind() {
	case types.PackageVar:
		return "package"
	case types.LocalVar:
		return "local"
	case types.RecvVar:
		return "recv"
	case types.ParamVar:
		return "param"
	case types.ResultVar:
		return "result"
	case types.FieldVar:
		return "field"
	}
	return "?"
}

func mode(tv types.TypeAndValue) string {
	switch {
	case tv.IsVoid():
		return "void"
	case tv.IsType():
		return "type"
	case tv.IsBuiltin():
		return "builtin"
	case tv.IsNil():
		return "nil"
	case tv.Value != nil:
		return "const"
	case tv.Addressable():
		return "var"
	case tv.Assignable():
		return "mapindex"
	case tv.HasOk():
		return "commaok"
	}
	return "value"
}

func value(v constant.Value) string {
	switch v.Kind() {
	case constant.Bool:
		return fmt.Sprint(constant.BoolVal(v))
	case constant.String:
		return quote(constant.StringVal(v))
	case constant.Int, constant.Float:
		return rational(v)
	case constant.Complex:
		return "(" + rational(constant.Real(v)) + ", " + rational(constant.Imag(v)) + ")"
	}
	return "unknown"
}

func rational(v constant.Value) string {
	switch x := constant.Val(v).(type) {
	case int64:
		return fmt.Sprint(x)
	case *big.Int:
		return x.String()
	case *big.Rat:
		return x.RatString()
	case *big.Float:
		if r, _ := x.Rat(nil); r != nil {
			return r.RatString()
		}
		return x.Text('g', 20)
	}
	return "?"
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Command parsedump prints go/parser's AST in the normalized form heapsight's
// `parse --dump` prints, so that the two parsers can be compared file by file.
//
// Usage:
//
//	parsedump -dump FILE...      full dumps, each preceded by "== FILE"
//	parsedump -hash < LIST       one "HASH FILE" line per file named in LIST (one per line)
//	parsedump -time < LIST       read and parse every file, print "files=N bytes=N errors=N seconds=S"
//	parsedump -errors FILE...    go/parser's syntax errors, "file:line:col: message"
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"hash/fnv"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"
)

func main() {
	dumpMode := flag.Bool("dump", false, "print full dumps of the files given as arguments")
	hashMode := flag.Bool("hash", false, "print a hash of each dump for files listed on stdin")
	timeMode := flag.Bool("time", false, "only parse the files listed on stdin and report the time")
	errorsMode := flag.Bool("errors", false, "print go/parser's syntax errors for the files given as arguments")
	flag.Parse()
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	switch {
	case *dumpMode:
		for _, path := range flag.Args() {
			fmt.Fprintf(out, "== %s\n", path)
			out.Write(dumpFile(path))
		}
	case *errorsMode:
		for _, path := range flag.Args() {
			src, err := os.ReadFile(path)
			if err != nil {
				fmt.Fprintf(out, "%s: read error\n", path)
				continue
			}
			_, perr := parser.ParseFile(token.NewFileSet(), path, src, parser.ParseComments|parser.SkipObjectResolution)
			if list, ok := perr.(scanner.ErrorList); ok {
				for _, e := range list {
					fmt.Fprintf(out, "%s\n", e)
				}
			}
		}
	case *hashMode:
		for _, path := range readList() {
			h := fnv.New64a()
			h.Write(dumpFile(path))
			fmt.Fprintf(out, "%016x %s\n", h.Sum64(), path)
		}
	case *timeMode:
		// Read and parse each file in turn, like `heapsight parse` does.
		paths := readList()
		total, nerr := 0, 0
		start := time.Now()
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				nerr++
				continue
			}
			total += len(src)
			fset := token.NewFileSet()
			if _, err := parser.ParseFile(fset, p, src, parser.ParseComments|parser.SkipObjectResolution); err != nil {
				nerr++
			}
		}
		fmt.Fprintf(out, "files=%d bytes=%d errors=%d seconds=%.3f\n", len(paths), total, nerr, time.Since(start).Seconds())
	default:
		fmt.Fprintln(os.Stderr, "usage: parsedump -dump FILE... | -hash < LIST | -time < LIST")
		os.Exit(2)
	}
}

func readList() []string {
	var paths []string
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			paths = append(paths, line)
		}
	}
	return paths
}

type dumper struct {
	buf  bytes.Buffer
	file *token.File
	fset *token.FileSet
}

func dumpFile(path string) []byte {
	src, err := os.ReadFile(path)
	if err != nil {
		return []byte("ReadError " + err.Error() + "\n")
	}
	fset := token.NewFileSet()
	f, perr := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution|parser.AllErrors)
	d := &dumper{fset: fset}
	nerr := 0
	if list, ok := perr.(interface{ Len() int }); ok {
		nerr = list.Len()
	} else if perr != nil {
		nerr = 1
	}
	fmt.Fprintf(&d.buf, "Errors=%d\n", nerr)
	if f == nil {
		return d.buf.Bytes()
	}
	d.file = fset.File(f.Package)
	d.node(reflect.ValueOf(f), "File", 0)
	d.buf.WriteString("Comments\n")
	for _, g := range f.Comments {
		d.buf.WriteString(" Group\n")
		for _, c := range g.List {
			p := fset.PositionFor(c.Slash, false)
			a := fset.PositionFor(c.Slash, true)
			fmt.Fprintf(&d.buf, "  Comment Slash=%s Text=%s At=%d:%d Adj=%s:%d:%d\n",
				posString(d.off(c.Slash)), quote(c.Text), p.Line, p.Column, a.Filename, a.Line, a.Column)
		}
	}
	return d.buf.Bytes()
}

func (d *dumper) off(p token.Pos) int {
	if !p.IsValid() {
		return -1
	}
	return d.file.Offset(p)
}

var (
	posType     = reflect.TypeOf(token.Pos(0))
	tokType     = reflect.TypeOf(token.Token(0))
	dirType     = reflect.TypeOf(ast.ChanDir(0))
	groupType   = reflect.TypeOf((*ast.CommentGroup)(nil))
	objType     = reflect.TypeOf((*ast.Object)(nil))
	scopeType   = reflect.TypeOf((*ast.Scope)(nil))
	skipInFile  = map[string]bool{"FileStart": true, "FileEnd": true, "Scope": true, "Imports": true, "Unresolved": true, "Comments": true, "GoVersion": true}
)

func posString(off int) string {
	if off < 0 {
		return "-"
	}
	return strconv.Itoa(off)
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '"':
			b.WriteString(`\"`)
		case c < 32 || c == 127:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// node prints one node: its scalar fields on its line, then its children.
func (d *dumper) node(v reflect.Value, label string, depth int) {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.IsNil() {
		return
	}
	s := v.Elem()
	t := s.Type()
	for i := 0; i < depth; i++ {
		d.buf.WriteByte(' ')
	}
	d.buf.WriteString(label)
	d.buf.WriteByte(' ')
	d.buf.WriteString(t.Name())
	isFile := t.Name() == "File"
	type child struct {
		name string
		v    reflect.Value
	}
	var children []child
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := s.Field(i)
		if isFile && skipInFile[f.Name] {
			continue
		}
		switch f.Type {
		case posType:
			d.buf.WriteString(" " + f.Name + "=" + posString(d.off(token.Pos(fv.Int()))))
			continue
		case tokType:
			d.buf.WriteString(" " + f.Name + "=" + token.Token(fv.Int()).String())
			continue
		case dirType:
			d.buf.WriteString(" " + f.Name + "=" + strconv.Itoa(int(fv.Int())))
			continue
		case groupType:
			if fv.IsNil() {
				d.buf.WriteString(" " + f.Name + "=-")
			} else {
				g := fv.Interface().(*ast.CommentGroup)
				d.buf.WriteString(" " + f.Name + "=@" + strconv.Itoa(d.off(g.List[0].Slash)))
			}
			continue
		case objType, scopeType:
			continue
		}
		switch fv.Kind() {
		case reflect.String:
			d.buf.WriteString(" " + f.Name + "=" + quote(fv.String()))
		case reflect.Bool:
			d.buf.WriteString(" " + f.Name + "=" + strconv.FormatBool(fv.Bool()))
		case reflect.Slice:
			for j := 0; j < fv.Len(); j++ {
				children = append(children, child{f.Name, fv.Index(j)})
			}
		case reflect.Interface, reflect.Pointer:
			children = append(children, child{f.Name, fv})
		default:
			panic("unexpected field " + t.Name() + "." + f.Name)
		}
	}
	d.buf.WriteByte('\n')
	for _, c := range children {
		d.node(c.v, c.name, depth+1)
	}
}

// Package-level initial values the compiler lays out in static data, in whole or element by
// element: only the elements that need code are analysed.
package escapes

type setting struct {
	name  string
	value *int32
}

var debug struct{ x, y int32 }
var table [3]int32

var settings = []*setting{
	{name: "x", value: &debug.x},
	{name: "y", value: &debug.y},
	{name: "z", value: &table[1]},
}

type check func(int) string

type testCase struct {
	name   string
	run    func(*int)
	checks []check
}

func hasKey(k string) check { return func(int) string { return k } }

var cases = []testCase{
	{
		name:   "a",
		run:    func(p *int) { *p = 1 },
		checks: []check{hasKey("x"), hasKey("y")},
	},
}

var boxed any = Box{w: 2}

func newBox() Box { return Box{} }

var boxedCall any = newBox()

var sizes = map[string]int{"a": 1}

type wrapper struct{ s Shape }

func wrap(s Shape) *wrapper { return &wrapper{s} }

var defaultBox Shape = Box{w: 3}

var wrapped = wrap(defaultBox)

type token struct{ raw *buffer }
type buffer struct{ buf []byte }

func rawToken(s string) token { return token{raw: &buffer{buf: []byte(s)}} }

var null = rawToken("null")

type names struct{ base, fast, fastPtr string }

func mknames(base, ptr string) names { return names{base, base + "_fast", base + "_fast" + ptr} }

var accessNames = mknames("access", "ptr")

// Package escapes is a fixture for the gc engine: every function exists to make the
// compiler print one kind of decision (inlining, escape, leak, devirtualization).
package escapes

import (
	"fmt"
	"strconv"

	"example.com/escapes/lib"
)

// Point is a small value type.
type Point struct{ X, Y int }

var (
	sink      any
	sinkPtr   *int
	sinkInts  []int
	sinkStr   string
	sinkFn    func() int
	sinkBytes []byte
	global    int
)

// NewPoint returns a heap-allocated literal.
func NewPoint() *Point { return &Point{1, 2} }

// LocalPoint keeps its literal on the stack.
func LocalPoint() int {
	p := &Point{3, 4}
	return p.X + p.Y
}

// MovedToHeap returns the address of a local.
func MovedToHeap() *int {
	x := 5
	return &x
}

// StaysLocal takes an address that does not escape.
func StaysLocal() int {
	x := 7
	p := &x
	return *p
}

// Identity leaks its parameter to the result.
func Identity(p *int) *int { return p }

// StoreGlobal leaks its parameter to the heap.
func StoreGlobal(p *int) { sinkPtr = p }

// StoreContent leaks what its parameter points to.
func StoreContent(pp **int) { sinkPtr = *pp }

// ReadOnly does not leak its parameter.
func ReadOnly(p *int) int { return *p + 1 }

// MakeVar allocates a slice of a size known only at run time.
func MakeVar(n int) []int { return make([]int, n) }

// MakeLocal allocates a constant-size slice that stays local.
func MakeLocal() int {
	s := make([]int, 8)
	s[0] = 1
	return len(s)
}

// AppendPtrs appends a pointer to a slice of pointers.
func AppendPtrs(s []*int, p *int) []*int { return append(s, p) }

// BoxInt converts an int to an interface stored globally.
func BoxInt(n int) { sink = n }

// BoxConst boxes a constant.
func BoxConst() { sink = 5 }

// Concat builds a string that escapes.
func Concat(a, b string) string { return a + b }

// ConcatLocal builds a string that stays local.
func ConcatLocal(a, b string) int {
	s := a + b
	return len(s)
}

// BytesToString converts and returns.
func BytesToString(b []byte) string { return string(b) }

// StringToBytes converts and stores.
func StringToBytes(s string) { sinkBytes = []byte(s) }

// ZeroCopy converts without mutation.
func ZeroCopy(s string) int {
	n := 0
	for _, c := range []byte(s) {
		n += int(c)
	}
	return n
}

// Sprint calls into fmt with a variadic argument.
func Sprint(n int) string { return fmt.Sprint("n=", n) }

// Println prints through fmt.
func Println(x int) { fmt.Println(x) }

// Itoa inlines a standard-library call twice at one position.
func Itoa(n int) string { return strconv.Itoa(n) }

// MapLiteral builds a map that escapes.
func MapLiteral() map[string]int { return map[string]int{"a": 1} }

// MapLocal uses a map that stays local.
func MapLocal(k string) int {
	m := make(map[string]int)
	m[k] = 1
	return len(m)
}

// SliceLiteral returns a slice literal.
func SliceLiteral() []int { return []int{1, 2, 3} }

// BigArray is too large for the stack.
func BigArray() int {
	var a [200000]byte
	a[global] = 1
	return int(a[0])
}

// NewBig is too large for an implicit stack object.
func NewBig() int {
	p := new([70000]byte)
	p[global] = 2
	return int(p[1])
}

// UsesLib calls into another package of the module.
func UsesLib() int {
	b := lib.NewBox(3)
	return b.Get()
}

// GenericUse instantiates a generic function of another package.
func GenericUse() []string {
	return lib.Map([]int{1, 2}, func(i int) string { return strconv.Itoa(i) })
}

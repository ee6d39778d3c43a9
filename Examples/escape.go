// Package examples shows, one function each, the decisions heapsight reports: what stays on the
// stack, what moves to the heap, what the inliner accepts, and why.
package examples

import "fmt"

// Foo returns the address of a local: x cannot live in Foo's frame, so it moves to the heap.
func Foo() *int {
	var x int
	return &x
}

// Bar keeps its local on the stack: only the value leaves.
func Bar() int {
	var x int
	p := &x
	*p = 42
	return x
}

// MakeBuffer makes a slice whose size is only known at run time, so it is heap allocated.
func MakeBuffer(n int) []byte {
	return make([]byte, n)
}

// FixedBuffer makes a small slice of constant size that does not escape: it stays on the stack.
func FixedBuffer() int {
	buf := make([]byte, 64)
	return len(buf)
}

// Print passes a value to fmt.Println: converting it to an interface makes it escape.
func Print(v int) {
	fmt.Println(v)
}

// Double is well within the inliner's budget; the gcassert directive is checked and holds.
//
//gcassert:inline
func Double(x int) int { return 2 * x }

// Scratch promises not to allocate, but the slice it returns must live on the heap.
// `heapsight check Examples --engine gc` fails on this deliberately violated directive
// (rule directive.noalloc); delete the //heapsight:noalloc line and the check passes.
//
//heapsight:noalloc
func Scratch(n int) []int {
	return make([]int, n)
}

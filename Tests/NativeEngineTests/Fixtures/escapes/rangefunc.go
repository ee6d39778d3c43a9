// Range-over-func loops as the front end rewrites them: #stateN numbered per declared
// function as loops start, #yieldN as they end, and an inlined iterator's or consumer's
// rewrite state named after its package (iters.#state1, a position-less iters.#next).
package escapes

import "example.com/escapes/iters"

var lastYield func(int) bool

// escaping keeps the loop bodies handed to it: they escape.
//
//go:noinline
func escaping(yield func(int) bool) {
	lastYield = yield
	for i := range 3 {
		if !yield(i) {
			return
		}
	}
}

// Nested ranges over an inlined iterator and, inside its body, over one that is not
// inlined: the inner loop's #state2 is captured by an escaping body and moves to the heap.
func Nested(n int) int {
	total := 0
	for a := range iters.Count(n) {
		for b := range escaping {
			if b > a {
				break
			}
			total += a * b
		}
	}
	return total
}

// FirstOf inlines a consumer from another package: its loop state prints qualified.
func FirstOf() (int, bool) {
	return iters.First(escaping)
}

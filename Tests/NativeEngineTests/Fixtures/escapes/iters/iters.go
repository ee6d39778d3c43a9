// Package iters holds small iterators and a consumer that range over them, inlined into
// the callers of the flows package with their range-over-func state.
package iters

import "iter"

// Count yields 0..n-1.
func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// First returns the first element of seq.
func First(seq iter.Seq[int]) (z int, ok bool) {
	for t := range seq {
		return t, true
	}
	return z, false
}

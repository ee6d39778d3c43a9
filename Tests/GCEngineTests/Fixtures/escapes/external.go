package escapes

import "sync/atomic"

var current atomic.Pointer[Point]

// LoadCurrent instantiates a generic type of the standard library: its decisions are printed
// at positions in GOROOT, so they become external facts.
func LoadCurrent() *Point { return current.Load() }

// StoreCurrent stores through the generic standard-library type.
func StoreCurrent(p *Point) { current.Store(p) }

// SumUnknown ranges over an iterator the compiler cannot see into: the loop body escapes and
// its bookkeeping variables move to the heap, some of them without a source position.
func SumUnknown(seq func(func(int) bool)) (total int) {
	for v := range seq {
		if v > 10 {
			return v
		}
		total += v
	}
	return total
}

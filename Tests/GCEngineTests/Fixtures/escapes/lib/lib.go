// Package lib is the fixture's second package.
package lib

// Box holds a value.
type Box struct{ v int }

// NewBox allocates a box.
func NewBox(v int) *Box { return &Box{v} }

// Get reads the box.
func (b *Box) Get() int { return b.v }

// Map applies f to every element.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

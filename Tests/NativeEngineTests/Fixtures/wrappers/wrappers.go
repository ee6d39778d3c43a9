// Package wrappers holds the method wrappers the compiler generates: (*T).M of value methods,
// promoted methods through embedded values and pointers, method values, across packages.
package wrappers

import (
	"strings"

	"wrappers/inner"
)

// T has value methods.
type T struct {
	p *int
	s []byte
}

// Get returns the pointer.
func (t T) Get() *int { return t.p }

// Bytes appends b to the slice.
func (t T) Bytes(b []byte) []byte { return append(t.s, b...) }

// Pair returns both fields.
func (t T) Pair() (*int, []byte) { return t.p, t.s }

// Unnamed has unnamed parameters.
func (T) Unnamed(*int, string) {}

// Store keeps q.
func (t T) Store(q *int) { sink = q }

// Big is not inlined.
func (t T) Big(q *int) *int {
	n := 0
	for i := 0; i < 10; i++ {
		n += i * len(t.s)
		for j := 0; j < 10; j++ {
			n += j * len(t.s)
			for k := 0; k < 10; k++ {
				n += k * len(t.s)
			}
		}
	}
	if n > 100 {
		sink = t.p
	}
	return q
}

var sink any

// E embeds T by value and inner.Box by pointer.
type E struct {
	T
	*inner.Box
	name string
}

// Name returns the name.
func (e *E) Name() string { return e.name }

// F embeds inner.Box by value.
type F struct {
	inner.Box
}

// Values takes method values.
func Values(t T, b *strings.Builder, x *inner.Box) (func() *int, func(string) (int, error), func(*int)) {
	return t.Get, b.WriteString, x.Keep
}

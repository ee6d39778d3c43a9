// Package inner declares methods that wrappers in another package promote.
package inner

// Box holds a pointer and a slice.
type Box struct {
	P *int
	S []byte
}

// Ptr returns the box's pointer.
func (b Box) Ptr() *int { return b.P }

// Keep stores p in the box.
func (b *Box) Keep(p *int) { b.P = p }

// Join appends s to the box's slice.
func (b Box) Join(s ...byte) []byte { return append(b.S, s...) }

// Package wrappers has functions the compiler also compiles as wrappers (a generic method's
// dictionary wrapper, a method-value wrapper): each allocation site must be counted once.
package wrappers

// Stack is generic, so Push is compiled as a shape function and a dictionary wrapper.
type Stack[T any] struct{ items []T }

// Push appends.
func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

// Buffer's Write is also taken as a method value, which makes a Write-fm wrapper.
type Buffer struct{ data []byte }

// Write appends.
func (b *Buffer) Write(p []byte) { b.data = append(b.data, p...) }

// Sink keeps values alive.
var Sink any

// UseBoth takes a method value and pushes through the generic type.
func UseBoth(b *Buffer) {
	Sink = b.Write
	s := &Stack[string]{}
	s.Push("a")
	Sink = s
}

// MapLiteral builds a map that escapes: the literal and its first insert.
func MapLiteral(k string) map[string]int { return map[string]int{k: 1} }

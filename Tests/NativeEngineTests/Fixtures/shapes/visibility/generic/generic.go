// Package generic declares a generic type whose method calls declared's method: its shaped
// copies are compiled in the packages that instantiate it.
package generic

import "example.com/shapes/visibility/declared"

type Box[T any] struct {
	c declared.Counter
	x T
}

func (b *Box[T]) Get() int { return b.c.Get() }

// Default instantiates Box here, so this package inlines (*declared.Counter).Get in its shaped
// copy and its export data carries that body to the packages importing it.
var Default Box[int]

func DefaultGet() int { return Default.Get() }

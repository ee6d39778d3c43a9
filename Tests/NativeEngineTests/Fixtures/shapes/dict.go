package shapes

import (
	"fmt"
	"unsafe"
)

// What a shaped copy reads from its dictionary: the run-time types of type assertions,
// type-switch cases and new(T), the code of a type parameter's methods; and what it knows as
// constants of the shape (unsafe.Sizeof of a type parameter).

type Named struct{ s string }

func (n Named) String() string { return n.s }

func AssertTo[T any](x any) T { return x.(T) }

func AssertOK[T any](x any) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

func KindOf[T any](x any) int {
	switch x.(type) {
	case T:
		return 1
	case int:
		return 2
	}
	return 0
}

func Alloc[T any]() *T { return new(T) }

func Describe[T fmt.Stringer](v T) string { return v.String() + v.String() }

func SizeOf[T any](v T) uint64 { return uint64(unsafe.Sizeof(v)) }

func AlignOf[T any](v T) uintptr { return unsafe.Alignof(v) }

func Fresh[T fmt.Stringer](mk func() T) string { return mk().String() }

// Conversions to and from type parameters are the conversions of their shapes.

func FromInt[T ~int | ~int64](n int) T { return T(n) }

func Widen[T ~int | ~int64](v T) int64 { return int64(v) }

func Start[T ~int | ~int64]() T { return T(0) }

// A composite literal of a type parameter builds its core type.
func Copy[S ~[]E, E any](s S) S { return append(S{}, s...) }

func UseDict(n Named, p *Named) int {
	_ = AssertTo[Named](n)
	_ = AssertTo[*Named](p)
	_, _ = AssertOK[int](3)
	_ = Alloc[Named]()
	_ = Describe(n)
	_ = Describe(p)
	_ = Fresh(func() Named { return n })
	_ = FromInt[int64](3) + Start[int64]()
	_ = Widen(MyInt(4))
	_ = Copy([]Named{n})
	return KindOf[Named](n) + int(SizeOf(n)) + int(AlignOf(p))
}

// Package shapeflows holds generic bodies whose generic callees are inlined into them: the
// callees' type parameters print as the shapes of the arguments each instance passes.
package shapeflows

type node[K comparable, V any] struct {
	key   K
	value V
	next  *node[K, V]
}

// newNode is inlined into every method below; its literal's type names its own K and V.
func newNode[K comparable, V any](key K, value V, next *node[K, V]) *node[K, V] {
	return &node[K, V]{key: key, value: value, next: next}
}

type pair[A, B any] struct {
	a A
	b B
}

func newPair[A, B any](a A, b B) *pair[A, B] {
	return &pair[A, B]{a, b}
}

// List is a generic type whose methods build nodes through a generic constructor.
type List[K comparable, V any] struct {
	head *node[K, V]
	last *pair[V, K]
}

// Push inlines newNode[K, V].
func (l *List[K, V]) Push(key K, value V) {
	l.head = newNode(key, value, l.head)
}

// Swap inlines newPair with the type arguments swapped.
func (l *List[K, V]) Swap(key K, value V) {
	l.last = newPair(value, key)
}

// Nest inlines newPair with a composite type argument.
func Nest[T any](x T) *pair[[]T, *T] {
	return newPair([]T{x}, &x)
}

var (
	sink1 List[string, int]
	sink2 List[*int, []byte]
	sink3 *pair[[]int, *int]
)

func use() {
	sink1.Push("a", 1)
	sink1.Swap("b", 2)
	sink2.Push(nil, nil)
	sink2.Swap(nil, nil)
	sink3 = Nest(3)
}

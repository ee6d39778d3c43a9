package functions

import "fmt"

type List[T any] struct{ items []T }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func (l *List[T]) Each(f func(T)) {
	func() {
		for _, x := range l.items {
			f(x)
		}
	}()
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	g := func(x T) U { return f(x) }
	for _, x := range xs {
		out = append(out, g(x))
	}
	return out
}

var Glob = func() int { return 1 }
var Glob2 = func() func() int { return func() int { return 2 } }

func init() { h := func() { fmt.Println("x") }; h() }
func init() { _ = func() int { return 3 } }

func Nest() func() func() int {
	return func() func() int {
		a := func() int { return 1 }
		return func() int { return a() + 1 }
	}
}

func Use() int {
	l := &List[int]{}
	l.Push(1)
	l.Each(func(int) {})
	return len(Map([]int{1}, func(x int) string { return "" }))
}

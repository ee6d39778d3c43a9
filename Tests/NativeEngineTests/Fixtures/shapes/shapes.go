// Package shapes instantiates generic functions and types of its own and of std with basic,
// pointer, named and struct type arguments: the compiler compiles one shaped copy per shape
// (pointers share `*uint8` under a basic constraint) and one wrapper per instantiation.
package shapes

import (
	"slices"
	"sync/atomic"
)

type P struct{ x, y int }

type MyInt int

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T)  { s.items = append(s.items, v) }
func (s *Stack[T]) Len() int  { return len(s.items) }
func (s *Stack[T]) Peek() T   { return s.items[len(s.items)-1] }
func (s *Stack[T]) Each(f func(T)) {
	for _, v := range s.items {
		f(v)
	}
}

func Max[T ~int | ~float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Pair[K comparable, V any](k K, v V) (K, V) { return k, v }

type E[K any] struct{ k K }

func newE[K any](k K) *E[K] { return &E[K]{k: k} }

type M[K any] struct{ p atomic.Pointer[E[K]] }

func (m *M[K]) Get() *E[K] { return m.p.Load() }
func (m *M[K]) Put(k K)    { m.p.Store(newE(k)) }

func Use(xs []string, ps []*P) bool {
	var s Stack[int]
	s.Push(1)
	_ = Max(1, 2)
	_ = Max(1.0, 2.0)
	return slices.Contains(xs, "a") && slices.Index(ps, nil) > 0 && s.Len() > 0
}

func Use2(p *P, m MyInt) int {
	_ = Max(m, m)
	q := Stack[*P]{}
	q.Push(p)
	_, _ = Pair(m, p)
	return len(q.items)
}

func Use3(m *M[int], points []P) int {
	m.Put(1)
	slices.SortFunc(points, func(a, b P) int { return a.x - b.x })
	return m.Get().k + Max(MyInt(1), 2).int()
}

func (m MyInt) int() int { return int(m) }

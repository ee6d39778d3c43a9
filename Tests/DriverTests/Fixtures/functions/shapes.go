package functions

import (
	"errors"
	"sort"
	"sync"
)

// Shape has an area.
type Shape interface{ Area() float64 }

// Rect is a value-receiver implementation.
type Rect struct{ W, H float64 }

// Area multiplies.
func (r Rect) Area() float64 { return r.W * r.H }

// Scale has a pointer receiver and a parenthesised receiver type.
func (r *(Rect)) Scale(f float64) { r.W *= f; r.H *= f }

//go:noinline
func Total(shapes []Shape) (sum float64) {
	defer func() {
		if recover() != nil {
			sum = -1
		}
	}()
	for _, s := range shapes {
		sum += s.Area()
	}
	return
}

// Sorted sorts with a literal comparator and runs goroutines with literals.
func Sorted(xs []int) []int {
	sort.Slice(xs, func(i, j int) bool { return xs[i] < xs[j] })
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = func() int { return i }()
		}()
	}
	wg.Wait()
	return xs
}

var errBad = errors.New("bad")

var table = map[string]func(int) int{
	"double": func(x int) int { return 2 * x },
	"square": func(x int) int { return x * x },
}

// Switch has many kinds of statements.
func Switch(x int) (int, error) {
	switch {
	case x < 0:
		return 0, errBad
	case x == 0:
		goto done
	default:
		x++
	}
	select {
	default:
	}
loop:
	for x > 10 {
		if x%2 == 0 {
			x /= 2
			continue loop
		}
		break
	}
done:
	return table["double"](x), nil
}

package examples

// Counter returns a closure that captures n: n outlives Counter and moves to the heap.
func Counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// Sum uses a closure that does not escape; its captured variable can stay on the stack.
func Sum(xs []int) int {
	total := 0
	add := func(x int) { total += x }
	for _, x := range xs {
		add(x)
	}
	return total
}

// Point is a small value type with a method.
type Point struct{ X, Y int }

// Dist is the squared distance from the origin.
func (p Point) Dist() int { return p.X*p.X + p.Y*p.Y }

// MethodValue binds p.Dist to a func value that escapes, so the bound receiver is heap allocated.
func MethodValue(p Point) func() int {
	return p.Dist
}

// Shape is implemented by Point through Area.
type Shape interface{ Area() int }

// Area of a point is zero.
func (p *Point) Area() int { return 0 }

// AsShape converts a *Point to an interface; the Point escapes with it.
func AsShape(x, y int) Shape {
	return &Point{X: x, Y: y}
}

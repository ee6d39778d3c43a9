package examples

// Collect allocates in a loop: every iteration makes a new *Point that is kept in the result.
func Collect(n int) []*Point {
	var out []*Point
	for i := 0; i < n; i++ {
		out = append(out, &Point{X: i, Y: i})
	}
	return out
}

// Join concatenates strings in a loop: each += allocates a new string.
func Join(parts []string) string {
	s := ""
	for _, p := range parts {
		s += p + ","
	}
	return s
}

// OverBudget does a little too much work for the inliner's budget of 80, so calls to it are
// not inlined (compare Bar, which is).
func OverBudget(a, b, c, d int) int {
	x := a*b + c*d - a/(b+1) + c%(d+1)
	y := (a + b) * (c + d) * (a - b) * (c - d)
	z := x ^ y | (x&y)<<2
	if x > y {
		z += x*3 - y*5 + a*b*c*d
	} else {
		z -= y*7 - x*11
	}
	return z + x - y
}

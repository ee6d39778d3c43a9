// Package hot allocates in known places and in clearly different amounts, so that a profile of
// its benchmark ranks its allocation sites without ties. The tests compare heapsight's
// attribution of that profile with `go tool pprof`'s.
package hot

import "strconv"

// Record is a small heap object.
type Record struct {
	ID   int
	Name string
	Tags []string
}

var sink any

// Build allocates one slice per call and one Record per element (the Record in newRecord,
// inlined here, so its samples carry an inlined frame).
func Build(n int) []*Record {
	out := make([]*Record, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, newRecord(i))
	}
	return out
}

// newRecord is small enough to be inlined into Build.
func newRecord(i int) *Record {
	return &Record{ID: i}
}

// Grow appends without pre-sizing, so the slice is regrown again and again.
func Grow(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

// Names concatenates strings in a loop.
func Names(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s = s + strconv.Itoa(i) + ","
	}
	return s
}

// Box converts arrays to interfaces.
func Box(n int) {
	for i := 0; i < n; i++ {
		sink = [4]int{i, i, i, i}
	}
}

// Table builds a map and lets it grow.
func Table(n int) map[int]int {
	m := make(map[int]int)
	for i := 0; i < n; i++ {
		m[i] = i
	}
	return m
}

// Label formats through a library: the allocation happens inside strconv, and heapsight
// charges it to this call, the innermost frame in the scanned code.
func Label(n int) string {
	return strconv.Itoa(n * 1000003)
}

package x

import "strings"

// Range-over-func loops as the front end rewrites them, range over an array's length,
// rounding float conversions and calls through closure variables (the compiler's -m=2 output
// is the expected value).

func Seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func Pairs(yield func(int, string) bool) {
	_ = yield(1, "a") && yield(2, "b")
}

func use(int) {}

func RangeFuncParam(f func(func(int) bool)) {
	for x := range f {
		use(x)
	}
}

func RangeFuncStatic() {
	for x := range Seq {
		use(x)
	}
}

func RangeFuncBreak(f func(func(int) bool)) {
	for x := range f {
		if x > 2 {
			break
		}
		if x == 1 {
			continue
		}
		use(x)
	}
}

func RangeFuncReturn(f func(func(int) bool)) int {
	for x := range f {
		if x > 2 {
			return x
		}
	}
	return 0
}

func RangeFuncReturnTwo() (int, string) {
	for k, v := range Pairs {
		if k > 1 {
			return k, v
		}
	}
	return 0, ""
}

func RangeFuncAssign() (last int) {
	var k int
	for k = range Seq {
		last += k
	}
	return
}

func RangeFuncNested() int {
	n := 0
	for a := range Seq {
		for b := range Seq {
			if a == b {
				return n
			}
			n++
		}
	}
	return n
}

type Table struct {
	cells [16]uint32
	width int
}

func (t *Table) Reset() {
	for i := range t.cells {
		t.cells[i] = 0
	}
}

func (t *Table) Count() int {
	n := 0
	for range t.cells {
		n++
	}
	return n
}

func (t *Table) Values() int {
	n := 0
	for _, v := range t.cells {
		n += int(v)
	}
	return n
}

type Celsius float64

func (c Celsius) Value() float64 { return float64(c) }

func Round32(x float32) float32 { return float32(x) }

func Scale(c Celsius, f float64) Celsius { return Celsius(float64(c) * f) }

func CapturedCall(n int) func() int {
	double := func(x int) int { return 2 * x }
	return func() int { return double(n) + double(n+1) }
}

//go:noinline
func makeUse() func(int) { return use }

func CallOfCall() { makeUse()(1) }

func RangeOverCall(n int) int {
	s := 0
	for v := range makeSeq(n) {
		s += v
	}
	return s
}

func makeSeq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n && yield(i); i++ {
		}
	}
}

// An iterator returned by inlined calls: `SplitSeq`, `splitSeq`, the literal it returns, and
// in that copy the loop body at each `yield`, all reported at the `for`.
func SplitLengths(s string) int {
	n := 0
	for l := range strings.SplitSeq(s, ",") {
		n += len(l)
	}
	return n
}

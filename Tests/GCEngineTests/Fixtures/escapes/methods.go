package escapes

// Shape is implemented by Square.
type Shape interface{ Area() int }

// Square is a Shape.
type Square struct{ Side int }

// Area is a value method.
func (s Square) Area() int { return s.Side * s.Side }

// Buffer has pointer methods.
type Buffer struct{ data []byte }

// Write appends to the buffer.
func (b *Buffer) Write(p []byte) { b.data = append(b.data, p...) }

// Bytes returns the contents.
func (b *Buffer) Bytes() []byte { return b.data }

// Shrink assigns a field to itself.
func (b *Buffer) Shrink(n int) { b.data = b.data[:n] }

// Devirtualized calls through an interface whose type is known.
func Devirtualized() int {
	var s Shape = Square{3}
	return s.Area()
}

// DynamicCall calls through an unknown interface.
func DynamicCall(s Shape) int { return s.Area() }

// BoxShape converts a struct to an interface that escapes.
func BoxShape(side int) Shape { return Square{side} }

// MethodValue takes a method value that escapes.
func MethodValue(b *Buffer) func([]byte) {
	return b.Write
}

// LocalBuffer uses a buffer that stays local.
func LocalBuffer() int {
	var b Buffer
	b.Write([]byte("hi"))
	return len(b.Bytes())
}

// Recursive calls itself.
func Recursive(n int) int {
	if n <= 0 {
		return 0
	}
	return Recursive(n-1) + n
}

// Even and Odd are mutually recursive.
func Even(n int) bool {
	if n == 0 {
		return true
	}
	return Odd(n - 1)
}

// Odd is Even's partner.
func Odd(n int) bool {
	if n == 0 {
		return false
	}
	return Even(n - 1)
}

// TooBig exceeds the inlining budget.
func TooBig(xs []int) int {
	total := 0
	for i, x := range xs {
		if x%2 == 0 {
			total += x * i
		} else if x%3 == 0 {
			total -= x / 3
		} else {
			total ^= x << 1
		}
		switch {
		case total > 1000:
			total = total % 1000
		case total < -1000:
			total = -total % 1000
		default:
			total++
		}
		total += len(xs) * 7
		total -= i * 3
		total *= 2
		total /= 3
	}
	return total
}

// CallsNoInline calls functions that cannot be inlined.
func CallsNoInline() int { return noInline() + noInline() }

//go:noinline
func noInline() int { return 1 }

// Panics cannot be inlined because of recover.
func Panics() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = nil
		}
	}()
	return nil
}

// Max is generic and inlined per shape.
func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

// UseMax instantiates Max.
func UseMax() float64 { return float64(Max(1, 2)) + Max(1.5, 2.5) }

// Stack is a generic container.
type Stack[T any] struct{ items []T }

// Push appends an item.
func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

// UseStack uses the generic container.
func UseStack() int {
	s := &Stack[string]{}
	s.Push("a")
	return len(s.items)
}

// Seq yields numbers.
func Seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// SumSeq ranges over a function iterator.
func SumSeq(n int) int {
	s := 0
	for v := range Seq(n) {
		s += v
	}
	return s
}

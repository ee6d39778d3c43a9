// Package allocsgrow holds the appends and map inserts whose growth the compiler's backend
// removes (or keeps) after escape analysis printed its verdicts: capacities SSA knows as sums
// of lengths, slices of arrays, code dead once inlined arguments are constants, and the slice
// pass's parameters and named results.
package allocsgrow

var (
	SinkB    []byte
	SinkInts []int
	SinkInt  int
	Data     = []byte("payload")
	Info     = []byte("info")
)

// A capacity of 4+len(secret) holds two 2-byte appends and the secret: no growth.
func SumCapacity(secret []byte) []byte {
	out := make([]byte, 0, 2+2+len(secret))
	out = appendUint16(out, 0)
	out = appendUint16(out, uint16(len(secret)))
	out = append(out, secret...)
	return out
}

func appendUint16(b []byte, v uint16) []byte { return append(b, byte(v>>8), byte(v)) }

// The capacity is one length short of the appends: the last one grows.
func SumCapacityShort(a, b []byte) []byte {
	out := make([]byte, 0, len(a))
	out = append(out, a...)
	out = append(out, b...)
	return out
}

// Slicing an array gives a known capacity: appending its own length fits.
func ArraySlice(out *[9]byte, x *[8]byte) []byte {
	buf := append(out[:0], 4)
	buf = append(buf, x[:]...)
	return buf
}

// One byte too many for the array.
func ArraySliceOver(out *[8]byte, x *[8]byte) []byte {
	buf := append(out[:0], 4)
	buf = append(buf, x[:]...)
	return buf
}

type encoder struct{ data []byte }

// varint's loop never runs for a constant below 128, and the branch after it is dead.
func (e *encoder) varint(x uint64) {
	for x >= 0x80 {
		e.data = append(e.data, byte(x)|0x80)
		x >>= 7
	}
	e.data = append(e.data, byte(x))
}

func (e *encoder) small(x uint64) {
	if x <= 0x7F {
		e.data = append(e.data, byte(x))
		return
	}
	e.data = append(e.data, 0xFF, byte(x>>8), byte(x))
}

// A constant argument: the loop is dead once inlined.
func (e *encoder) ConstantVarint() { e.varint(3 << 3) }

// A constant argument: the long branch is dead once inlined.
func (e *encoder) ConstantSmall() { e.small(1) }


// A run-time argument keeps both.
func (e *encoder) RunTimeTag(x uint64) {
	e.varint(x)
	e.small(x)
}

type checker struct{ later []func() }

func (c *checker) record(f func()) int {
	if c != nil {
		c.later = append(c.later, f)
		return len(c.later)
	}
	return 0
}

// A nil receiver bound by inlining: the append is dead.
func NilChecker() int { return (*checker)(nil).record(nil) }

// The slice pass rewrites a parameter appended in a loop and returned.
func AppendDigits(dst []byte, n int) []byte {
	for n > 0 {
		dst = append(dst, byte('0'+n%10))
		n /= 10
	}
	return dst
}

// And a named result handed over by a bare return.
func Collect(n int) (list []int) {
	for i := 0; i < n; i++ {
		list = append(list, i)
	}
	return
}

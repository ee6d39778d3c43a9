// Constants boxed into interfaces. The compiler rewrites a converted value that holds a
// constant to the constant; an explicit conversion still prints its head around it
// (`any(uint8(3))`, `(interface {})(9)`), an implicit one prints the constant alone.
package escapes

type shape interface{ Area() int }

type square int

func (s square) Area() int { return int(s) * int(s) }

func boxedConstants() {
	v := uint8(3)
	a := any(v)
	_ = a
	w := 9
	b := interface{}(w)
	_ = b
	var c shape = square(4)
	_ = c
	d := shape(square(5))
	_ = d
	const k = 6
	e := any(k)
	_ = e
	x := square(7)
	f := shape(x)
	_ = f
	g := interface{}(false)
	_ = g
	h := (any)(uint16(8))
	_ = h
}

var sink any

// Float constants print with six significant digits, whole numbers too (`1e+06`), and with
// every digit when six would show a fraction as a whole number (`100000.5`).
func boxedFloats() {
	sink = 3.0
	sink = 1000000.0
	sink = float64(1 << 62)
	sink = 0x1.fffffffffffffp1023
	sink = 100000.5
	sink = 12345678.5
	sink = 0.000012345
	sink = float32(16777216)
	sink = complex(0, 1e6)
}

type myByte byte

// `[]rune` of a constant is a slice literal of its runes (an invalid byte is one U+FFFD); a
// string made from a slice of a defined byte type reads it as `[]byte` first; a constant
// that is not UTF-8 prints its stray bytes escaped.
func runesAndBytes() (int, string, byte) {
	r := []rune("白鵬翔\xff")
	e := []rune("")
	b := []myByte{'w', 'o'}
	x := []byte("\xca\xfe")
	return len(r) + len(e), string(b), x[0]
}

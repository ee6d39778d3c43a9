// Results of a multi-value call converted to an interface: the conversion sits at the
// assignment, the return statement or the call that receives them.
package escapes

type Shape interface{ Area() int }

type Box struct {
	p    *int
	w, h int
}

func (b Box) Area() int { return b.w * b.h }

func makeBox() (Box, int) { return Box{w: 1, h: 2}, 1 }

func assigned() (Shape, int) {
	var s Shape
	var n int
	s, n = makeBox()
	return s, n
}

func returned() (Shape, int) {
	return makeBox()
}

func consume(Shape, int) {}

func passed() {
	consume(makeBox())
}

// Values escape analysis rewrites to the constant they statically are, after inlining: an
// inlined parameter bound to a constant and converted to an interface is printed as a literal
// of the converted operand's type (`constant.int64Val(0)`, `iv(7)`) and boxed from read-only
// data. A closure inlined at its only call and dropped from its enclosing function is still
// compiled, but the compiler's table of definitions never saw its variables: there the
// inlined parameter stays a variable (`constant.int64Val(constant.x)`).
package rewrites

import "go/constant"

func zero() constant.Value { return constant.MakeInt64(0) }

func yes() constant.Value { return constant.MakeBool(true) }

func anyInt(x int64) constant.Value { return constant.MakeInt64(x) }

type iv int64

func (iv) M() {}

type I interface{ M() }

func box(x int64) I { return iv(x) }

func seven() I { return box(7) }

type label string

func (label) M() {}

func named(s string) I { return label(s) }

func empty() I { return named("") }

func consecutive(a, b constant.Value) bool {
	next := func(last, next constant.Value) bool {
		delta := constant.BinaryOp(next, 'x', last)
		return constant.Compare(delta, 'y', constant.MakeInt64(1))
	}
	return next(a, b)
}

func local() any {
	y := 5
	return y
}

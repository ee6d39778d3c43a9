package flows

import "unsafe"

// The texts of expressions the compiler prints in its own way: unsafe's operators, explicit
// conversions to a value's own type, and the end labels of inlined calls.

var sinkU unsafe.Pointer

// StringOf: the compiler's printer has no form for unsafe.String (`<node unsafe.String>`).
func StringOf(b []byte) string { return unsafe.String(&b[0], len(b)) }

// BytesOf: unsafe.Slice prints qualified, unsafe.StringData as a bare node.
func BytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// Offset: unsafe.Add prints qualified.
func Offset(p unsafe.Pointer, n uintptr) unsafe.Pointer { return unsafe.Add(p, n) }

// Same converts a pointer to its own type: the conversion stays in the statement's text.
func Same(p unsafe.Pointer) { sinkU = unsafe.Pointer(p) }

type node struct{ next *node }

// Last starts a walk with a typed nil beside a value: `p, s := (*node)(nil), l`.
func Last(l *node) *node {
	var last *node
	for p, s := (*node)(nil), l; s != nil; p, s = s, s.next {
		last = p
	}
	return last
}

func pick(p *int) *int {
	if p == nil {
		return nil
	}
	return p
}

func wrap(p *int) *int { return pick(pick(p)) }

func classify(v any, p *int) *int {
	switch t := v.(type) {
	case *int:
		if t != nil {
			return t
		}
	}
	return p
}

// Classified inlines wrap (and its two calls of pick) before classify: the compiler inlines
// the calls of the function's own code first, so classify's end label is `.i1`, and the calls
// wrap's body brings come after.
func Classified(v any, x int) {
	q := wrap(&x)
	sinkP = classify(v, q)
}

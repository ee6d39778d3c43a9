// Package flows holds the statement shapes whose -m=2 flow explanations the native engine
// prints as the compiler does: multi-value calls read through temporaries, blank
// destinations beside named ones, temporaries numbered after the names declared with them,
// and defer statements whose operands are evaluated first.
package flows

var sinkP *int

// pair is kept out of line so its callers assign its results through temporaries.
//
//go:noinline
func pair(p *int) (*int, bool) { return p, p != nil }

// Pair assigns both results: `p, ok := (*int)(.autotmp_3), .autotmp_4`.
func Pair(x int) {
	p, ok := pair(&x)
	if ok {
		sinkP = p
	}
}

// Blank drops the second result: its value prints as 0.
func Blank(x int) {
	p, _ := pair(&x)
	sinkP = p
}

// Later declares names before the call's temporaries are numbered.
func Later(a, b int) *int {
	q, _ := pair(&a)
	_ = b
	return q
}

// Mu's Unlock stores its field in a global.
type Mu struct{ n *int }

// Unlock leaks m.n.
//
//go:noinline
func (m *Mu) Unlock() { sinkP = m.n }

// Deferred evaluates the receiver into a temporary before the deferred call.
func Deferred(m *Mu, x int) {
	m.n = &x
	defer m.Unlock()
}

// Named is what asNamed looks for.
type Named struct{ p *int }

func asNamed(t any) *Named {
	n, _ := t.(*Named)
	return n
}

// UseAsNamed inlines a comma-ok type assertion.
func UseAsNamed(t any) { sinkP = asNamed(t).p }

// Returned returns a multi-value call's results.
func Returned(x int) (*int, bool) {
	return pair(&x)
}

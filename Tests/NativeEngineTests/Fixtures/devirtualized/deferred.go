// A deferred interface call runs in a wrapper that captures the receiver (`.autotmp_1`); the
// compiler devirtualizes it from the enclosing function's assignments to the variable the
// wrapper captures, inlines the method, and the value behind the interface stays on the stack
// (Go's test/recover.go).
package devirtualized

type I interface{ M() }

type T1 struct{ x int }

func (t *T1) M() { println(t.x) }

func pointer() {
	var i I = &T1{}
	defer i.M()
	panic(9)
}

type T2 int

func (t T2) M() { println(int(t)) }

func value() {
	var i I = T2(0)
	defer i.M()
	panic(10)
}

type T3 struct{ a, b int }

func (t T3) M() { println(t.a + t.b) }

func reassigned(c bool) {
	var i I = T3{1, 2}
	if c {
		i = &T1{}
	}
	defer i.M()
	panic(11)
}

func goroutine() {
	var i I = &T1{x: 1}
	go i.M()
}

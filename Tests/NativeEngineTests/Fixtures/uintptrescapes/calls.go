// `//go:uintptrescapes`: a `uintptr(unsafe.Pointer(p))` argument of such a function sends `p` to
// the heap (the compiler copies it to a temporary that escapes), in the `... argument` of a
// variadic one too, whose slice then escapes (the parameter's tag says so). After Go's
// test/uintptrescapes2.go.
package uintptrescapes

import "unsafe"

//go:uintptrescapes
func one(a uintptr) {}

//go:uintptrescapes
func many(a ...uintptr) {}

type T struct{}

//go:uintptrescapes
func (T) method(a uintptr) {}

func plain(a uintptr) {}

func direct() {
	var t int
	one(uintptr(unsafe.Pointer(&t)))
}

func variadic() {
	var v int
	many(0, 1, uintptr(unsafe.Pointer(&v)), 2)
}

func viaMethod() {
	var t T
	var v int
	t.method(uintptr(unsafe.Pointer(&v)))
}

func notMarked() {
	var v int
	plain(uintptr(unsafe.Pointer(&v)))
}

func plainScalar(n int) {
	one(uintptr(n))
}

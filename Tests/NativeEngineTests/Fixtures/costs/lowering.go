package x

import (
	"sync"
	"unsafe"
)

// Constructs whose cost depends on how the front end lowers them (the compiler's -m=2 output
// is the expected value).

const debugOff = false
const mode = 2

type Buf struct {
	data [8]byte
	n    int
}

func StaticAnd(x int) int {
	if x > 0 && debugOff {
		return 1
	}
	return 2
}

func StaticNested(x int) int {
	if debugOff && x > 0 && x < 10 {
		return 1
	}
	return 2
}

func ConstSwitch() int {
	switch mode {
	case 1:
		return 10
	case 2:
		return 20
	}
	return 0
}

func (b *Buf) Bytes() []byte { return b.data[:] }
func (b *Buf) Tail() []byte  { return b.data[b.n:] }

func PtrArray(p *[4]int, i int) int { return p[i] + p[0] }

func ToPointer(u uintptr) unsafe.Pointer { return unsafe.Pointer(u) }
func ToUint(v uint) uint64             { return uint64(v) }

func MakeChan() chan int { return make(chan int) }

func DeferUnlock(m *sync.Mutex) int {
	m.Lock()
	defer m.Unlock()
	return 1
}

func TypeSwitchUnused(v any) int {
	switch x := v.(type) {
	case int:
		return x
	case string:
		return 1
	}
	return 0
}

func CapturedReassigned() int {
	f := func() int { return 1 }
	func() { f = func() int { return 2 } }()
	return f()
}

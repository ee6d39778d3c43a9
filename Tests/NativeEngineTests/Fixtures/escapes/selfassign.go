// Self-assignments: stores that put no new pointer into the destination, so escape analysis
// ignores them (the compiler prints "ignoring self-assignment" for each).
package escapes

// String re-slices itself through the same pointer.
type String []byte

func (s *String) read(n int) []byte {
	if len(*s) < n || n < 0 {
		return nil
	}
	v := (*s)[:n]
	*s = (*s)[n:]
	return v
}

// IntSlice swaps two elements of the same slice.
type IntSlice []int

func (x IntSlice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }

// PtrSlice swaps two pointers of the same slice.
type PtrSlice []*int

func (x PtrSlice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }

// Holder moves pointers between its own fields and elements.
type Holder struct {
	buf  []byte
	a, b *int
	arr  [4]*int
	in   struct{ x, y *int }
}

func (h *Holder) fields()         { h.a = h.b }
func (h *Holder) nested()         { h.in.x = h.in.y }
func (h *Holder) elems(i int)     { h.arr[i] = h.arr[i+1] }
func (h *Holder) trim(n int)      { h.buf = h.buf[n:] }
func (h *Holder) own(p **int)     { *p = h.a }
func (h *Holder) other(o *Holder) { h.a = o.b }

// Reslicing an array value stores a pointer to the array itself.
type Ring struct {
	store [8]byte
	view  []byte
}

func (r *Ring) reset() { r.view = r.store[:] }

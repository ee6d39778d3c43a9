package x

type T struct{ a, b int; s []int; p *T }
type I interface{ M() int }

func (t T) M() int { return t.a }
func (t *T) PM() int { return t.a }

//go:noinline
func NoInl() int { return 1 }

var sink interface{}
var gi int

func Decl1(v int) int { x := v; return x }
func Var1() int { var x int; return x }
func Var2() int { var x = 3; return x }
func Assign(v int) { gi = v }
func Multi() (int, int) { return 1, 2 }
func Multi2() int { a, b := Multi(); return a + b }
func Multi3() int { var a, b int; a, b = NoInl(), NoInl(); return a + b }
func Multi4() int { a, b := 1, 2; return a + b }
func IncOp(v int) int { v++; v += 2; return v }
func If1(v int) int { if v > 0 { return 1 }; return 2 }
func If2(v int) int { if v > 0 { return 1 } else { return 2 } }
func For1(n int) int { s := 0; for i := 0; i < n; i++ { s += i }; return s }
func Range1(s []int) int { t := 0; for _, v := range s { t += v }; return t }
func Range2(s []int) int { t := 0; for i := range s { t += i }; return t }
func Range3(s []int) int { t := 0; for range s { t++ }; return t }
func Range4(m map[int]int) int { t := 0; for k, v := range m { t += k + v }; return t }
func Switch1(v int) int { switch v { case 1: return 1; case 2, 3: return 2 }; return 0 }
func Switch2(v int) int { switch { case v > 1: return 1; default: return 0 } }
func TSwitch(v interface{}) int { switch x := v.(type) { case int: return x; case string: return len(x) }; return 0 }
func Iface(t T) I { return t }
func IfaceP(t *T) I { return t }
func Sel(t *T) int { return t.a + t.b }
func Sel2(t T) int { return t.b }
func Addr0(t *T) *int { return &t.a }
func Addr1(t *T) *int { return &t.b }
func Call1(t T) int { return t.M() }
func Call2(t *T) int { return t.PM() }
func Call3(t T) int { return t.PM() }
func Call4(i I) int { return i.M() }
func Call5(f func() int) int { return f() }
func Closure1() func() int { return func() int { return 1 } }
func Closure2(v int) func() int { return func() int { return v } }
func Slice1(s []int) []int { return s[0:] }
func Slice2(s []int) []int { return s[1:len(s)] }
func Slice3(s []int) []int { return s[:2] }
func SliceArr(a *[4]int) []int { return a[:] }
func Idx(s []int, i int) int { return s[i] }
func IdxMap(m map[string]int) int { return m["a"] }
func Lit1() []int { return []int{1, 2} }
func Lit2() [2]int { return [2]int{1, 2} }
func Lit3() map[int]int { return map[int]int{1: 2} }
func Lit4() T { return T{a: 1} }
func Make1(n int) []int { return make([]int, n) }
func Make2() map[int]int { return make(map[int]int) }
func New1() *int { return new(int) }
func App(s []int) []int { return append(s, 1, 2) }
func Len(s string) int { return len(s) }
func Conv(b []byte) string { return string(b) }
func Conv2(v int) int64 { return int64(v) }
func Conc(a, b string) string { return a + b + "x" }
func Panic1() { panic("x") }
func Panic2(e error) { panic(e) }
func Deref(p *int) int { return *p }
func Box(v int) { sink = v }
func Empty() {}
func Ret() {}
func Recv(c chan int) int { return <-c }
func Send(c chan int) { c <- 1 }
func Sel3(c chan int) int { select { case v := <-c: return v; default: return 0 } }
func Lbl(n int) int { s := 0; L: for i := 0; i < n; i++ { if i == 3 { continue L }; if i > 4 { break L }; s++ }; return s }
func Goto1(n int) int { L: n--; if n > 0 { goto L }; return n }
func Cmp(a interface{}, b int) bool { return a == b }
func MethVal(t T) func() int { return t.M }
func MethExpr() func(T) int { return T.M }
func TA(v interface{}) int { return v.(int) }
func TA2(v interface{}) (int, bool) { x, ok := v.(int); return x, ok }
func MapOk(m map[int]int) bool { _, ok := m[1]; return ok }
func AndAnd(a, b bool) bool { return a && b }
func Not(a bool) bool { return !a }
func Neg(a int) int { return -a }
func Copy(a, b []int) int { return copy(a, b) }
func Del(m map[int]int) { delete(m, 1) }
func Min(a, b int) int { return min(a, b) }
func Clear(m map[int]int) { clear(m) }
func Blank() { _ = NoInl() }
func ConstIf() int { if false { return 1 }; return 2 }
func Print() { println(1, "a") }
func RangeBlankValue(m map[int]int) int { n := 0; for k, _ := range m { n += k }; return n }
func RangeBlankKey(s []int) int { n := 0; for _ = range s { n++ }; return n }
func RangeBlankBoth(s []int) int { n := 0; for _, _ = range s { n++ }; return n }

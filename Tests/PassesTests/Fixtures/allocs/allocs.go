// Package allocs is the allocations pass's fixture: small functions, each allocating in one
// known way (heap and stack variants of every kind). Tests/Oracles/allocsrun measures each
// with testing.AllocsPerRun; the pass's prediction must match.
package allocs

type small struct{ a, b int }

type big struct{ buf [2000]byte }

type mid struct{ buf [600]byte }

type shape interface{ area() int }

type square struct{ side int }

func (s square) area() int { return s.side * s.side }

type counter struct{ n int }

func (c *counter) inc() int { c.n++; return c.n }

var (
	Sink     any
	SinkP    *small
	SinkI    *int
	SinkS    []int
	SinkPS   []*int
	SinkStr  string
	SinkB    []byte
	SinkR    []rune
	SinkM    map[string]int
	SinkF    func() int
	SinkCh   chan int
	SinkSh   shape
	SinkInt  int
	SinkBool bool

	N     = 1000
	Four  = 4
	Str   = "hello"
	Other = "world"
	Long  = "a string that is clearly longer than thirty-two bytes"
	Bytes = []byte("abc")
	LongB = []byte("a byte slice that is clearly longer than thirty-two bytes")
	Runes = []rune("runes")
	Key   = "k"
)

// --- new and composite literals

func NewEscapes()       { SinkP = new(small) }
func NewLocal()         { p := new(small); p.a = N; SinkInt = p.a }
func PtrLitEscapes()    { SinkP = &small{N, 2} }
func PtrLitLocal()      { p := &small{N, 2}; SinkInt = p.a + p.b }
func SliceLitEscapes()  { SinkS = []int{N, 2, 3} }
func SliceLitLocal()    { s := []int{N, 2, 3}; SinkInt = s[0] + len(s) }
func StructValueLocal() { s := small{N, 2}; SinkInt = s.a }
func ArrayLocal()       { var a [16]int; a[N%16] = 1; SinkInt = a[3] }
func PtrSliceEscapes()  { x := N; SinkPS = []*int{&x} }

// --- variables moved to the heap

func MovedVar()      { x := N; SinkI = &x }
func AddrLocal()     { x := N; p := &x; SinkInt = *p }
func MovedTwoVars()  { x, y := N, N+1; SinkI = &x; SinkI = &y }
func MovedStruct()   { s := small{N, 1}; SinkP = &s }

// --- make

func MakeSliceEscapes()   { SinkS = make([]int, 10) }
func MakeSliceConstLocal() { s := make([]int, 100); s[N%100] = 1; SinkInt = s[0] }
func MakeSliceVarEscapes() { SinkS = make([]int, N) }
func MakeSliceVarLocalBig() { s := make([]int, N); s[0] = 1; SinkInt = s[1] }
func MakeSliceCapEscapes() { SinkS = make([]int, 0, Four) }
func MakeMapEscapes()     { SinkM = make(map[string]int) }
func MakeMapLocal()       { m := make(map[string]int); m[Key] = 1; SinkInt = len(m) }
func MapLitEscapes()      { SinkM = map[string]int{Key: 1} }
func MakeMapHintEscapes() { SinkM = make(map[string]int, 100) }
func MakeChanEscapes()    { SinkCh = make(chan int) }
func MakeChanLocal()      { c := make(chan int, 1); c <- N; SinkInt = <-c }
func MakeChanBufEscapes() { SinkCh = make(chan int, 8) }

// --- closures and method values

func ClosureEscapes()   { n := N; SinkF = func() int { return n } }
func ClosureByRef()     { n := N; SinkF = func() int { n++; return n } }
func ClosureNoCapture() { SinkF = func() int { return 42 } }
func ClosureLocal()     { n := N; f := func() int { return n + 1 }; SinkInt = f() }
func MethodValueEscapes() { c := &counter{N}; SinkF = c.inc }
func MethodValueLocal() { c := counter{N}; f := c.inc; SinkInt = f() }

// --- interface conversions (boxing)

func BoxBigInt()       { Sink = N }
func BoxString()       { Sink = Str }
func BoxStruct()       { Sink = small{N, 2} }
func BoxPointer()      { Sink = SinkP }
func BoxConst()        { Sink = 12345 }
func BoxBool()         { Sink = N > 3 }
func BoxSlice()        { Sink = SinkS[:1:1] }
func BoxShape()        { SinkSh = square{N} }
func BoxLocal()        { var a any = N; _, ok := a.(int); SinkBool = ok }
func BoxBigLocal()     { var b big; b.buf[0] = byte(N); var a any = b; _, ok := a.(big); SinkBool = ok }
func BoxMidLocal()     { var b mid; b.buf[0] = byte(N); var a any = b; _, ok := a.(mid); SinkBool = ok }
func BoxSmallInt()     { Sink = N % 7 }

// --- strings

func ConcatEscapes()      { SinkStr = Str + Other }
func ConcatThree()        { SinkStr = Str + "-" + Other }
func ConcatLocalSmall()   { s := Str + Other; SinkInt = len(s) }
func ConcatLocalBig()     { s := Long + Other; SinkInt = len(s) }
func ConcatAssign()       { s := Str; s += Other; SinkStr = s }
func BytesToStringEscapes() { SinkStr = string(LongB) }
func BytesToStringLocal() { s := string(Bytes); SinkInt = len(s) }
func BytesToStringBigLocal() { s := string(LongB); SinkStr = s[:0] + "" ; SinkInt = len(s) }
func StringToBytesEscapes() { SinkB = []byte(Long) }
func StringToBytesLocalRO() { b := []byte(Long); SinkInt = int(b[1]) }
func StringToBytesMutated() { b := []byte(Str); b[0] = 'x'; SinkInt = int(b[0]) }
func StringToRunesEscapes() { SinkR = []rune(Long) }
func RunesToStringEscapes() { SinkStr = string(Runes) }
func RuneToStringEscapes()  { SinkStr = string(rune(N)) }
func MapKeyFromBytes()    { SinkInt = SinkM[string(LongB)] }

// --- append

func AppendGrowEscapes()  { SinkS = append([]int(nil), N) }
func AppendIntoCap()      { s := make([]int, 0, 8); s = append(s, N); SinkInt = s[0] }
func AppendTwoEscapes()   { var s []int; s = append(s, N); s = append(s, N, N, N, N); SinkS = s }
func AppendPtrEscapes()   { x := N; SinkPS = append([]*int(nil), &x) }

// --- maps

func MapAssignGrow()      { m := make(map[int]int); for i := 0; i < 100; i++ { m[i] = i }; SinkInt = len(m) }
func MapAssignExisting()  { SinkM[Key] = N }

// --- go and defer

func GoStatement()        { done := make(chan bool); go func() { done <- true }(); <-done }
func DeferTop()           { defer func() { SinkInt++ }() }
func DeferLoop()          { for i := 0; i < 3; i++ { defer func() { SinkInt++ }() } }

// --- more variants: size limits, inlined callees, variadics, several sites

type withPtr struct {
	p *int
	n int
}

var (
	SinkF2    func() int
	GlobalArr [8]int
)

func newSmall(a int) *small { return &small{a, a} }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func keepAll(xs ...int) { SinkS = xs }

func NewBigArray()         { p := new([70000]byte); p[N%10] = 1; SinkInt = int(p[0]) }
func BigArrayVar()         { var a [200000]byte; a[N%10] = 1; SinkInt = int(a[0]) }
func InlinedCallee()       { SinkP = newSmall(N) }
func InlinedCalleeLocal()  { p := newSmall(N); SinkInt = p.b }
func MultiSite()           { SinkP = &small{N, 1}; SinkS = make([]int, 3); Sink = N }
func ClosureTwoCaptures()  { a, b := N, N+1; SinkF = func() int { return a + b } }
func MethodValueValueRecv() { s := square{N}; SinkF2 = s.area }
func VariadicLocal()       { SinkInt = sum(1, 2, N) }
func VariadicEscapes()     { keepAll(N, N) }
func ByteSliceLitEscapes() { SinkB = []byte{1, 2, byte(N)} }
func BoxStructWithPtr()    { Sink = withPtr{p: SinkI, n: N} }
func AppendCopyEscapes()   { SinkB = append([]byte(nil), Bytes...) }
func RuneToStringLocal()   { s := string(rune(N)); SinkInt = len(s) }
func MakeChanOfPtrLocal()  { c := make(chan *int, 1); c <- SinkI; SinkI = <-c }
func DevirtualizedLocal()  { var sh shape = square{N}; SinkInt = sh.area() }
func DynamicIfaceCall()    { sh := SinkSh; SinkInt = sh.area() }
func PointerToGlobal()     { SinkI = &SinkInt }
func SliceOfGlobalArray()  { SinkS = GlobalArr[:] }
func NewSmallTwice()       { SinkP = newSmall(N); SinkP = newSmall(N + 1) }
func StructCopyLocal()     { s := small{N, 2}; t := s; t.a++; SinkInt = t.a + s.b }

// --- values that never allocate, and a few more heap variants

type name string

var SinkSmalls []small

func ClosureCalledNow()    { SinkInt = func() int { return N * 2 }() }
func FuncValueNoAlloc()    { SinkF = CountFunc }
func SliceOfSliceLit()     { SinkS = []int{N}[:1] }
func MapLitLocal()         { m := map[string]int{Key: N}; SinkInt = m[Key] }
func StringIndexNoAlloc()  { SinkInt = int(Str[N%5]) }
func SubstringNoAlloc()    { SinkStr = Long[1:5] }
func ConvertNamedString()  { SinkStr = string(name(Str)) }
func BoxNilError()         { Sink = error(nil) }
func BoxFuncValue()        { Sink = NewEscapes }
func BoxMapValue()         { Sink = SinkM }
func BoxChanValue()        { Sink = SinkCh }
func BoxFloat()            { Sink = float64(N) * 1.5 }
func BoxZeroSize()         { Sink = struct{}{} }
func ArrayOfPtrLocal()     { var a [4]*int; a[0] = SinkI; SinkI = a[N%4] }
func NewInt()              { SinkI = new(int) }
func SliceOfStructsLit()   { SinkSmalls = []small{{1, 2}, {N, 3}} }
func TwoClosuresShareVar() { n := N; SinkF = func() int { return n }; SinkF2 = func() int { return n + 1 } }
func MethodOnPointerLocal() { c := counter{N}; SinkInt = c.inc() }
func BoxPointerLit()       { Sink = &small{N, 1} }
func SliceLitOfStrings()   { SinkStrs = []string{Str, Other} }

// Appends into a slice of constant length and capacity that has room for them: the backend
// folds the growth check away (through an inlined body too). One allocation: the make.
func AppendConstCapEscapes() {
	s := make([]byte, 0, 8)
	s = append(s, 1, 2)
	s = append(s, "abc"...)
	s = appendTwo(s)
	SinkB = s
}

func appendTwo(b []byte) []byte { return append(b, 4, 5) }

// The second append overflows the constant capacity: the make and the growth.
func AppendConstCapOverflow() { s := make([]byte, 0, 2); s = append(s, 1, 2); s = append(s, 3); SinkB = s }

// make([]T, 0) of constant length and capacity 0 is the address of runtime.zerobase.
func MakeSliceZeroEscapes() { SinkS = make([]int, 0) }

type ipAddr []byte
type smallMap map[string]int

var SinkIP ipAddr
var SinkSmallMap smallMap

// A literal of a named slice type allocates its array; of a named map type, its map and the
// group its first insert needs.
func NamedSliceLitEscapes() { SinkIP = ipAddr{1, byte(N)} }
func NamedMapLitEscapes()   { SinkSmallMap = smallMap{"a": N, "b": 2} }

// CountFunc is a plain function used as a value.
func CountFunc() int { return N + 0 }

var SinkStrs []string

// --- loops (allocations per iteration)

func NewInLoop()          { for i := 0; i < 4; i++ { SinkP = &small{i, N} } }
func ConcatInLoop()       { s := ""; for i := 0; i < 3; i++ { s += Str }; SinkStr = s }

package allocs

// More fixture functions, one per row of go-compiler-facts.md §4.1 and its stack variants:
// size limits, stack buffers, map hints, channel buffers, boxing rules, string conversions
// used without a copy, the first append into the stack buffer.

type huge struct{ buf [1100]byte }

type onePtr struct{ p *int }

type pair struct{ a, b int32 }

var (
	SinkZ   *struct{}
	SinkChS chan string
	SinkChP chan pair
	SinkA2  [2]int
	Empty   = ""
)

func keep(p *small) int { return p.a }

// --- new, literals and size limits

func NewZeroSizeEscapes()   { SinkZ = new(struct{}) }
func SliceLitEmptyEscapes() { SinkS = []int{} }
func SliceLitBigLocal()     { s := []int{N, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}; SinkInt = s[N%16] }
func SliceLitPtrEscapes()   { SinkPS = []*int{SinkI} }
func PtrLitZeroFields()     { SinkP = &small{} }
func AddrPassedDown()       { s := small{N, 1}; SinkInt = keep(&s) }
func NewIntLocal()          { p := new(int); *p = N; SinkInt = *p }
func ArrayVarMidLocal()     { var a [100000]byte; a[N%10] = 1; SinkInt = int(a[0]) }
func NewMidArray()          { p := new([100000]byte); p[N%10] = 1; SinkInt = int(p[0]) }

// --- make: constant and run-time sizes

func MakeSliceConstBig()    { s := make([]byte, 70000); s[N%10] = 1; SinkInt = int(s[0]) }
func MakeSliceVarSmall()    { s := make([]int, Four); s[0] = N; SinkInt = s[0] + len(s) }
func MakeSliceVarWide()     { s := make([]mid, Four); s[0].buf[0] = 1; SinkInt = int(s[0].buf[0]) }
func MakeSliceCapVarLocal() { s := make([]int, 0, Four); s = append(s, N, N); SinkInt = len(s) }
func MakeSliceCopy()        { m := make([]byte, len(Str)); copy(m, Str); SinkB = m }
func MakeMapHintLocal()     { m := make(map[int]int, 9); m[N] = 1; SinkInt = len(m) }
func MakeMapVarHintLocal()  { m := make(map[int]int, Four+1); m[N] = 1; SinkInt = len(m) }
func MakeMapHintNine()      { SinkM = make(map[string]int, 9) }
func MakeChanUnbufLocal()   { c := make(chan int); SinkInt = cap(c) }
func MakeChanStrEscapes()   { SinkChS = make(chan string, 4) }
func MakeChanNoPtrBuf()     { SinkChP = make(chan pair, 4) }

// --- maps

func MapLitThreeLocal()     { m := map[string]int{"a": 1, "b": 2, Key: N}; SinkInt = m[Key] }
func MapLitThreeEscapes()   { SinkM = map[string]int{"a": 1, "b": 2, Key: N} }
func MapLitTenEscapes() {
	SinkM = map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, Key: N}
}

// --- boxing

func BoxInt16()          { v := int16(N); Sink = v }
func BoxUint8()          { v := uint8(N); Sink = v }
func BoxStaticStruct()   { Sink = small{1, 2} }
func BoxArray()          { Sink = [2]int{N, N} }
func BoxFloat32()        { v := float32(N); Sink = v }
func BoxHugeLocal()      { var h huge; h.buf[0] = byte(N); var a any = h; _, ok := a.(huge); SinkBool = ok }
func BoxOnePtrStruct()   { Sink = onePtr{SinkI} }
func BoxOnePtrArray()    { Sink = [1]*int{SinkI} }
func BoxSliceLocal()     { var a any = SinkS; _, ok := a.([]int); SinkBool = ok }
func BoxGlobalArray()    { Sink = GlobalArr }

// --- strings

func ConcatFourEscapes()   { SinkStr = Str + Other + Str + Other }
func ConcatLiteralLocal()  { s := Str + "!"; SinkInt = len(s) }
func ConcatCompared()      { SinkBool = Str+Other == Long }
func BytesStringCompared() { SinkBool = string(LongB) == Long }
func BytesStringSwitch() {
	switch string(LongB) {
	case "x":
		SinkInt = 1
	}
}
func StringBytesLenOnly()   { b := []byte(Long); SinkInt = len(b) }
func StringBytesConstEsc()  { SinkB = []byte("abc") }
func StringBytesEmptyEsc()  { SinkB = []byte("") }
func StringRunesLocal()     { r := []rune(Str); SinkInt = len(r) }
func RunesStringLocal()     { s := string(Runes); SinkInt = len(s) }

// --- closures

func ClosureCalledTwice()   { n := N; f := func() int { return n }; SinkInt = f() + f() }
func ClosureTwoByRef()      { a, b := N, N; SinkF = func() int { a++; b++; return a + b } }
func ClosureNoCaptureLocal() { f := func() int { return 7 }; SinkInt = f() }

// --- append

func AppendNilSmallLocal()  { s := append([]int(nil), N); SinkInt = len(s) }
func AppendNilBigLocal()    { s := append([]int(nil), N, N, N, N, N); SinkInt = len(s) }

// --- what the compiler's -m text alone cannot decide (all of std's disagreement classes)

type errno uintptr

type pathList []string

type header map[string]string

type holder struct{ v int64 }

var (
	zeroGlobal struct{}
	Held       = holder{v: 1 << 40}
)

func BoxConstConversion()    { Sink = errno(2) }
func BoxNamedSliceLit()      { Sink = pathList{"a", Key} }
func BoxConcatResult()       { Sink = Key + Str }
func BoxZeroSizeGlobal()     { Sink = zeroGlobal }
func BoxSelectorField()      { Sink = Held.v }
func BoxEmptyNamedMapLit()   { Sink = header{} }
func SliceLitEmptyNamedBox() { Sink = pathList{} }

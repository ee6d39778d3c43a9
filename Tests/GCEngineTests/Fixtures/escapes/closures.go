package escapes

// Counter returns a closure capturing a variable by reference.
func Counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// CaptureByValue returns a closure capturing a value.
func CaptureByValue(k int) func() int {
	return func() int { return k * 2 }
}

// CalledOnce calls a closure immediately.
func CalledOnce(a int) int {
	f := func(x int) int { return x + a }
	return f(2)
}

// StoreClosure stores a capturing closure globally.
func StoreClosure(v int) {
	sinkFn = func() int { return v }
}

// NoCapture returns a closure that captures nothing.
func NoCapture() func() int {
	return func() int { return 42 }
}

// Goroutine starts a goroutine that captures a channel.
func Goroutine() int {
	ch := make(chan int, 1)
	go func() { ch <- 1 }()
	return <-ch
}

// Deferred defers a call.
func Deferred(p *int) {
	defer func() { *p = 0 }()
	*p = 1
}

// LoopPointer takes addresses of a loop variable.
func LoopPointer(n int) []*int {
	var out []*int
	for i := 0; i < n; i++ {
		out = append(out, &i)
	}
	return out
}

// AccumulateClosures builds closures in a loop.
func AccumulateClosures(xs []int) []func() int {
	var fs []func() int
	for _, x := range xs {
		fs = append(fs, func() int { return x })
	}
	return fs
}

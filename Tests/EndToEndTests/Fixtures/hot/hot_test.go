package hot

import "testing"

func BenchmarkHot(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Build(64)
		Grow(200)
		Names(40)
		Box(30)
		Table(20)
		_ = Label(i)
	}
}

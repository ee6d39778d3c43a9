package x

// Package-level literals are numbered in initialization order: early waits for late (its
// literal refers to late), so late's literal is init.func1 and early's init.func2; through a
// function, the same for viaFunction and its dependency.

var early = func() int { return late + 1 }

var late = func() int { return 2 }()

var viaFunction = func() int { return readLater() }

func readLater() int { return later }

var later = func() int { return 3 }()

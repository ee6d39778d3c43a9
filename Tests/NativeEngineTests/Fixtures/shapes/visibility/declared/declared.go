// Package declared declares a small method that a generic of another package calls.
package declared

type Counter struct{ n int }

func (c *Counter) Get() int { return c.n }

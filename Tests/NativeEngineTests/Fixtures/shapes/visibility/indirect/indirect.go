// Package indirect instantiates generic.Box without importing declared: the body of
// (*declared.Counter).Get is in no export data it reads, so its shaped copy calls it.
package indirect

import "example.com/shapes/visibility/generic"

var B generic.Box[int]

func Get() int { return B.Get() }

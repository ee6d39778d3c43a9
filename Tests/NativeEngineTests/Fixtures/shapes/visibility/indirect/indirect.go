// Package indirect instantiates generic.Box without importing declared: the body of
// (*declared.Counter).Get comes with generic's export data (generic instantiates Box itself).
package indirect

import "example.com/shapes/visibility/generic"

var B generic.Box[int]

func Get() int { return B.Get() }

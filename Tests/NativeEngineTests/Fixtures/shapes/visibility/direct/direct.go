// Package direct instantiates generic.Box and imports declared: its shaped copy inlines
// (*declared.Counter).Get.
package direct

import (
	"example.com/shapes/visibility/declared"
	"example.com/shapes/visibility/generic"
)

var B generic.Box[int]

var C declared.Counter

func Get() int { return B.Get() + C.Get() }

// Package relayed instantiates generic.Box and imports relay, not declared: the body of
// (*declared.Counter).Get comes with relay's export data, and its shaped copy inlines it.
package relayed

import (
	"example.com/shapes/visibility/generic"
	"example.com/shapes/visibility/relay"
)

var B generic.Box[int]

func Get() int { return B.Get() + relay.Get() }

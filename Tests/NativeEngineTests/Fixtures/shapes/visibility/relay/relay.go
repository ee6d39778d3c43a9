// Package relay inlines (*declared.Counter).Get, so its export data carries that body.
package relay

import "example.com/shapes/visibility/declared"

var C declared.Counter

func Get() int { return C.Get() }

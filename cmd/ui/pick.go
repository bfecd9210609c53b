package ui

import "charm.land/bubbles/v2/key"

// keysFor is km with 0 picking the first answer where options count
// from 0.
func keysFor(km KeyMap, o FormOptions) KeyMap {
	if o.PickFromZero {
		km.Pick = key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "choose"))
	}
	return km
}

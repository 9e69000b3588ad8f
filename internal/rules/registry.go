// Package rules lists every rule krait knows. Each rule lives in its own file under
// internal/rules/<category>; adding one means adding one line to All.
package rules

import "github.com/kraitsec/krait/internal/analysis"

// All returns every registered rule, ordered by code. Rules arrive with the rules
// framework; until then the list is empty.
func All() []*analysis.Rule {
	return []*analysis.Rule{}
}

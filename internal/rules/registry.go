// Package rules lists every rule krait knows. Each rule lives in its own file under
// internal/rules/<category>; adding one means adding one line to All.
package rules

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// All returns every registered rule, ordered by code. Rules arrive with the rules
// framework; until then the list is empty.
func All() []*analysis.Rule {
	return []*analysis.Rule{}
}

// Lookup finds a rule by its code or by one of its Bandit/Ruff aliases, ignoring case.
func Lookup(code string) (*analysis.Rule, bool) {
	for _, r := range All() {
		if strings.EqualFold(r.Code, code) {
			return r, true
		}
		for _, a := range r.Aliases {
			if strings.EqualFold(a, code) {
				return r, true
			}
		}
	}
	return nil, false
}

// Package rules lists every rule krait knows. Each rule lives in its own file under
// internal/rules/<category>, with its fixture in that package's testdata and one line in
// the package's list.go; this file joins the packages' lists.
package rules

import (
	"sort"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules/crypto"
	"github.com/kraitsec/krait/internal/rules/errhandling"
	"github.com/kraitsec/krait/internal/rules/injection"
	"github.com/kraitsec/krait/internal/rules/misc"
	"github.com/kraitsec/krait/internal/rules/network"
	"github.com/kraitsec/krait/internal/rules/secrets"
	"github.com/kraitsec/krait/internal/rules/untrusted"
	"github.com/kraitsec/krait/internal/rules/web"
)

// Category is one rule package. Its name is the package's directory, and
// --select/--ignore accept it as a selector for all of its rules.
type Category struct {
	Name  string
	Rules []*analysis.Rule
}

// Categories returns every rule package with its rules, in a fixed order.
func Categories() []Category {
	return []Category{
		{"injection", injection.All()},
		{"untrusted", untrusted.All()},
		{"crypto", crypto.All()},
		{"secrets", secrets.All()},
		{"network", network.All()},
		{"errhandling", errhandling.All()},
		{"web", web.All()},
		{"misc", misc.All()},
	}
}

// All returns every registered rule, ordered by code. The slice is new on each call.
func All() []*analysis.Rule {
	return Flatten(Categories())
}

// Flatten joins the categories' rules, ordered by code.
func Flatten(cats []Category) []*analysis.Rule {
	var all []*analysis.Rule
	for _, c := range cats {
		all = append(all, c.Rules...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Code < all[j].Code })
	return all
}

// ByCode returns the rule with the given code, or nil.
func ByCode(code string) *analysis.Rule {
	for _, r := range All() {
		if r.Code == code {
			return r
		}
	}
	return nil
}

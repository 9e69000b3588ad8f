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

// All returns every registered rule, ordered by code. The slice is new on each call.
func All() []*analysis.Rule {
	var all []*analysis.Rule
	for _, list := range [][]*analysis.Rule{
		injection.All(),
		untrusted.All(),
		crypto.All(),
		secrets.All(),
		network.All(),
		errhandling.All(),
		web.All(),
		misc.All(),
	} {
		all = append(all, list...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Code < all[j].Code })
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

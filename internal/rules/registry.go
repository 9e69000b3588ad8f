// Package rules lists every rule krait knows. Each rule lives in its own file under
// internal/rules/<category>, with its fixture in that package's testdata and one line in
// the package's list.go; this file joins the packages' lists.
package rules

import (
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/audit"
	"github.com/kraitsec/krait/internal/deps/eol"
	"github.com/kraitsec/krait/internal/deps/hygiene"
	"github.com/kraitsec/krait/internal/rules/crypto"
	"github.com/kraitsec/krait/internal/rules/errhandling"
	"github.com/kraitsec/krait/internal/rules/injection"
	"github.com/kraitsec/krait/internal/rules/misc"
	"github.com/kraitsec/krait/internal/rules/network"
	"github.com/kraitsec/krait/internal/rules/secrets"
	"github.com/kraitsec/krait/internal/rules/supplychain"
	"github.com/kraitsec/krait/internal/rules/untrusted"
	"github.com/kraitsec/krait/internal/rules/web"
	secretscan "github.com/kraitsec/krait/internal/secrets"
	"github.com/kraitsec/krait/internal/supplychain/pth"
	"github.com/kraitsec/krait/internal/supplychain/typosquat"
)

// Category is one family of rules: a rule package (named after its directory), or
// for the analyzers that report their own findings, a band of codes (deps: KR7xx,
// supplychain: KR8xx). --select/--ignore accept the name as a selector for all of
// its rules.
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
		{"secrets", join(secrets.All(), secretscan.Rules())},
		{"network", network.All()},
		{"errhandling", errhandling.All()},
		{"web", web.All()},
		{"deps", band("KR7", analyzerRules())},
		{"supplychain", join(supplychain.All(), band("KR8", analyzerRules()))},
		{"misc", misc.All()},
	}
}

// analyzerRules lists the rules of the dependency and supply-chain analyzers, which
// report their findings themselves.
func analyzerRules() []*analysis.Rule {
	return join(
		(&audit.Analyzer{}).Rules(),
		eol.Rules(),
		hygiene.Rules(),
		(&pth.Analyzer{}).Rules(),
		typosquat.Rules(),
	)
}

// join concatenates rule lists, ordered by code.
func join(lists ...[]*analysis.Rule) []*analysis.Rule {
	var out []*analysis.Rule
	for _, l := range lists {
		out = append(out, l...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// band keeps the rules whose code starts with prefix.
func band(prefix string, rs []*analysis.Rule) []*analysis.Rule {
	var out []*analysis.Rule
	for _, r := range rs {
		if strings.HasPrefix(r.Code, prefix) {
			out = append(out, r)
		}
	}
	return out
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

package analysistest_test

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
	"github.com/kraitsec/krait/internal/rules/crypto"
	"github.com/kraitsec/krait/internal/rules/errhandling"
	"github.com/kraitsec/krait/internal/rules/injection"
	"github.com/kraitsec/krait/internal/rules/network"
	"github.com/kraitsec/krait/internal/rules/secrets"
	"github.com/kraitsec/krait/internal/rules/untrusted"
	"github.com/kraitsec/krait/internal/rules/web"
)

// TestCalleesStdlib checks over the standard library that the rules' Callees only
// spare them calls they ignore; each rule package checks the fixtures itself.
func TestCalleesStdlib(t *testing.T) {
	var rules []*analysis.Rule
	for _, all := range [][]*analysis.Rule{injection.All(), untrusted.All(), crypto.All(), secrets.All(),
		network.All(), errhandling.All(), web.All()} {
		rules = append(rules, all...)
	}
	analysistest.CheckCallees(t, rules, analysistest.Stdlib(t))
}

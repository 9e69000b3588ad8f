package untrusted

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

func TestRules(t *testing.T) {
	for _, r := range All() {
		t.Run(r.Code, func(t *testing.T) {
			analysistest.Run(t, "testdata", r)
		})
	}
}

// TestFileWideSanitizers covers what a whole file changes, such as importing
// defusedxml, which one fixture per rule cannot show next to its positives.
func TestFileWideSanitizers(t *testing.T) {
	for _, tc := range []struct {
		dir  string
		rule *analysis.Rule
	}{
		{"testdata/defused", StdlibXMLParse},
		{"testdata/defused", XMLImport},
		{"testdata/defused", XMLRPCImport},
	} {
		t.Run(tc.rule.Code, func(t *testing.T) {
			analysistest.Run(t, tc.dir, tc.rule)
		})
	}
}

// TestCallees checks that the rules' Callees only spare them calls they ignore,
// over every package's fixtures (analysistest checks the standard library).
func TestCallees(t *testing.T) {
	analysistest.CheckCallees(t, All(), "../")
}

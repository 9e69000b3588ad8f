package errhandling

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

func TestRules(t *testing.T) {
	for _, r := range All() {
		t.Run(r.Code, func(t *testing.T) {
			analysistest.Run(t, "testdata", r)
		})
	}
}

// TestCallees checks that the rules' Callees only spare them calls they ignore,
// over every package's fixtures (analysistest checks the standard library).
func TestCallees(t *testing.T) {
	analysistest.CheckCallees(t, All(), "../")
}

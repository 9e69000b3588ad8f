package misc

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

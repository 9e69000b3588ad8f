package analysistest

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// CheckConfidences runs one rule over src, as the file at path, and compares the
// confidences of its findings, in order, with want (nil: no finding).
func CheckConfidences(t *testing.T, r *analysis.Rule, path, src string, want []analysis.Confidence) {
	t.Helper()
	f, err := parser.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := semantic.Build(f.Module, semantic.Options{Module: "m"})
	findings, err := analysis.NewEngine([]*analysis.Rule{r}).Run(path, f, m)
	if err != nil {
		t.Fatal(err)
	}
	var got []analysis.Confidence
	for _, fd := range findings {
		got = append(got, fd.Confidence)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings %v, want %v", len(got), got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("finding %d: confidence %v, want %v", i, got[i], want[i])
		}
	}
}

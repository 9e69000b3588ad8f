package hygiene

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

// BenchmarkAnalyze runs the analyzer over a project of 300 requirements, a pip.conf,
// a Dockerfile and a CI workflow, inventory included.
func BenchmarkAnalyze(b *testing.B) {
	var req strings.Builder
	req.WriteString("--extra-index-url https://corp.example.com/simple\n")
	for i := range 300 {
		fmt.Fprintf(&req, "package-%d>=1.%d\n", i, i)
	}
	files := []analysis.Source{
		{Path: ".github/workflows/ci.yml", Rel: ".github/workflows/ci.yml", Data: []byte(strings.Repeat("      - run: pip install --trusted-host h -r requirements.txt\n", 100))},
		{Path: "Dockerfile", Rel: "Dockerfile", Data: []byte(strings.Repeat("RUN pip install -i http://m.example.com/simple x && echo ok\n", 100))},
		{Path: "pip.conf", Rel: "pip.conf", Data: []byte("[global]\nextra-index-url = https://a https://b\n")},
		{Path: "requirements.txt", Rel: "requirements.txt", Data: []byte(req.String())},
	}
	a := New()
	b.ReportAllocs()
	for b.Loop() {
		p := analysis.NewProject("", nil, func(string) bool { return true }).WithFiles(files)
		res, err := a.Analyze(context.Background(), p)
		if err != nil || len(res.Findings) < 300 {
			b.Fatalf("%v, %d findings", err, len(res.Findings))
		}
	}
}

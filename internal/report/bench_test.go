package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

// manyFindings is a large scan: n findings spread over n/10 files and 20 rules.
func manyFindings(n int) *Result {
	r := fullResult()
	r.Findings = make([]analysis.Finding, n)
	r.Flows = map[int][]FlowStep{}
	for i := range r.Findings {
		f := fullResult().Findings[i%4]
		f.Code = fmt.Sprintf("KR%03d", 100+i%20)
		f.Path = fmt.Sprintf("pkg%d/mod%d.py", i/100, i/10)
		f.Line = 1 + i%10*7
		r.Findings[i] = f
		if i%10 == 0 {
			r.Flows[i] = fullResult().Flows[0]
		}
	}
	return r
}

func BenchmarkWrite(b *testing.B) {
	r := manyFindings(10000)
	for _, format := range Formats() {
		b.Run(format, func(b *testing.B) {
			rep, err := New(format, Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := rep.Write(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(r.Findings)), "ns/finding")
		})
	}
}

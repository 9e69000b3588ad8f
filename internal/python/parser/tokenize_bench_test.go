package parser

import (
	"testing"

	"github.com/kraitsec/krait/internal/python/token"
)

// BenchmarkTokenizeOnly measures the tokenizer alone over the stdlib corpus,
// to tell its share of BenchmarkParse.
func BenchmarkTokenizeOnly(b *testing.B) {
	files := stdlibFiles(b)
	if len(files) == 0 {
		b.Skip("no local CPython stdlib at " + stdlibDir)
	}
	total := 0
	for _, f := range files {
		total += len(f)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, f := range files {
			s, _ := token.Decode(f)
			token.Tokenize(s)
		}
	}
	reportCPU(b, total, cpu0)
}

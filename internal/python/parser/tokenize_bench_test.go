package parser

import (
	"testing"

	"github.com/kraitsec/krait/internal/python/token"
)

func BenchmarkZZTokenize(b *testing.B) {
	files := stdlibFiles(b)
	total := 0
	for _, f := range files {
		total += len(f)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			s, _ := token.Decode(f)
			token.Tokenize(s)
		}
	}
}

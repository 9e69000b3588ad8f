package uvlock

import (
	"context"
	"os"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
)

func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile("testdata/uv.lock")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := (Extractor{}).Extract(context.Background(), deps.File{Path: "uv.lock", Content: data}); err != nil {
			b.Fatal(err)
		}
	}
}

package literal

import (
	"strings"
	"testing"
)

func BenchmarkDecodeStr(b *testing.B) {
	benchmarks := []struct {
		name, body string
	}{
		{"plain", strings.Repeat("plain text without escapes ", 4)},
		{"escapes", strings.Repeat(`line\n\ttab \x41\u00e9 `, 4)},
		{"named", strings.Repeat(`\N{BULLET} item `, 4)},
	}
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := DecodeStr(bm.body, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecodeFStringMiddle(b *testing.B) {
	body := strings.Repeat(`text {{literal}} \n `, 4)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeFStringMiddle(body, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	for _, text := range []string{"12345", "1_000_000", "0xdeadbeef", "3.14159", "1e-9j"} {
		b.Run(text, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseNumber(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNameIndexBuild is the one-off cost that the first \N{...} escape
// of a process pays.
func BenchmarkNameIndexBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var x nameIndex
		x.build()
	}
}

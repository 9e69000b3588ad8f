package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCases are the results every format is checked against.
func goldenCases() []struct {
	name   string
	result *Result
} {
	return []struct {
		name   string
		result *Result
	}{
		{"full", fullResult()},
		{"clean", cleanResult()},
		{"bare", &Result{}},
	}
}

var goldenExt = map[string]string{
	"text": "txt", "json": "json", "sarif": "sarif", "markdown": "md", "junit": "xml", "html": "html",
}

func TestGolden(t *testing.T) {
	type variant struct {
		name, format string
		opts         Options
	}
	var variants []variant
	for _, f := range Formats() {
		variants = append(variants, variant{f, f, Options{}})
	}
	variants = append(variants, variant{"text_color", "text", Options{Color: true}}, variant{"text_quiet", "text", Options{Quiet: true}})
	for _, v := range variants {
		for _, c := range goldenCases() {
			t.Run(v.name+"_"+c.name, func(t *testing.T) {
				rep, err := New(v.format, v.opts)
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				if err := rep.Write(&got, c.result); err != nil {
					t.Fatalf("Write: %v", err)
				}
				path := filepath.Join("testdata", "golden", c.name+"."+v.name+"."+goldenExt[v.format])
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if diff := cmp.Diff(string(want), got.String()); diff != "" {
					t.Errorf("%s differs from the golden file (-want +got); go test -update rewrites it:\n%s", path, diff)
				}
			})
		}
	}
}

package pdmlock

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
)

// FuzzExtract must never panic; an error names the file, and every package has
// a name and a line inside the file.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"pdm.lock", "pdm1.lock"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("package = [{name = \"a\", extras = [\"x\"]}, {name = \"a\", git = \"u\"}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := Extractor{}.Extract(context.Background(), deps.File{Path: "pdm.lock", Content: data})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "pdm.lock") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range pkgs {
			if p.Name == "" || p.Line < 1 || p.Line > lines {
				t.Fatalf("bad package %+v (file has %d lines)", p, lines)
			}
		}
	})
}

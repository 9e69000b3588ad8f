package pylock

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
	for _, name := range []string{"pylock.toml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("lock-version = \"1.0\"\npackages = [{name = \"a\", vcs = {type = \"git\"}, marker = \"'x' in extras\"}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := Extractor{}.Extract(context.Background(), deps.File{Path: "pylock.toml", Content: data})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "pylock.toml") {
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

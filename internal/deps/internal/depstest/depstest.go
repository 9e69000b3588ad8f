// Package depstest holds what the extractors' tests share.
package depstest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
)

// FuzzExtract fuzzes ex over bytes presented as the file at path, seeded with the
// named files of testdata and with seeds. Extract must never panic; an error names
// the file, and every package has a name and a line inside the file.
func FuzzExtract(f *testing.F, ex deps.Extractor, path string, testdata []string, seeds ...string) {
	for _, name := range testdata {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := ex.Extract(context.Background(), deps.File{Path: path, Content: data})
		if err != nil {
			if !strings.HasPrefix(err.Error(), path) {
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

package distinfo

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
)

// FuzzExtract must never panic; an error names the file, and the package has a
// name and a line inside the file.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"METADATA", "PKG-INFO"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, err := Extractor{}.Extract(context.Background(), deps.File{Path: "METADATA", Content: data})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "METADATA") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		if len(pkgs) != 1 || pkgs[0].Name == "" || pkgs[0].Version == "" || pkgs[0].Line < 1 || pkgs[0].Line > lines {
			t.Fatalf("bad packages %+v", pkgs)
		}
	})
}

// FuzzRecordImports must never panic, and every name it returns is a dotted
// identifier.
func FuzzRecordImports(f *testing.F) {
	f.Add([]byte("a/__init__.py,,\n\"b,c.py\",,\nns/x/y.py,,\n../bin/z,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range RecordImports(data) {
			for _, part := range strings.Split(name, ".") {
				if !identifier(part) {
					t.Fatalf("%q is not an import name", name)
				}
			}
		}
	})
}

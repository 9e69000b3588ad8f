package archive

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzLimits keeps each fuzz run small.
func fuzzLimits() Limits {
	return Limits{MaxTotal: 4 << 20, MaxFile: 1 << 20, MaxFiles: 200, MaxRatio: 100, MaxDepth: 16}
}

// FuzzExtract feeds arbitrary bytes to the zip and tar readers: whatever the
// input, extraction must not panic, must write only regular files inside its
// directory, and must keep to its limits.
func FuzzExtract(f *testing.F) {
	f.Add(makeZip(f, file("a/b.py", "print(1)"), file("../evil", "x")))
	f.Add(makeTarGz(f, file("a/b.py", "print(1)"), member{name: "l", typ: '2', link: "../x"}))
	if data, err := os.ReadFile("testdata/hello.tar.bz2"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		base := t.TempDir()
		arc := filepath.Join(base, "in")
		if err := os.WriteFile(arc, data, 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(base, "out")
		res, err := Extract(context.Background(), arc, out, fuzzLimits())
		if res == nil {
			if err == nil {
				t.Fatal("nil result without an error")
			}
			return
		}
		if res.Bytes > fuzzLimits().MaxTotal+64<<10 {
			t.Errorf("wrote %d bytes", res.Bytes)
		}
		entries, _ := os.ReadDir(base)
		for _, e := range entries {
			if e.Name() != "in" && e.Name() != "out" {
				t.Errorf("wrote %s outside the output directory", e.Name())
			}
		}
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if rel, _ := filepath.Rel(out, p); strings.HasPrefix(rel, "..") {
				t.Errorf("%s outside the output directory", p)
			}
			if !d.IsDir() && !d.Type().IsRegular() {
				t.Errorf("%s is not a regular file: %v", p, d.Type())
			}
			return nil
		})
	})
}

package audit

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/vulndb"
)

// testDB builds a store in a temp dir from the hand-written advisories in
// testdata/osv, through the real import.
func testDB(t testing.TB) string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join("testdata", "osv"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join("testdata", "osv", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	zipPath := filepath.Join(tmp, "all.zip")
	if err := os.WriteFile(zipPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(tmp, "db")
	if _, err := vulndb.Import(context.Background(), zipPath, dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// project builds a scan's project from path → content pairs (paths relative
// to the root, as reported) and imports.
func project(files map[string]string, imports ...analysis.Import) *analysis.Project {
	var srcs []analysis.Source
	for p, data := range files {
		srcs = append(srcs, analysis.Source{Path: p, Rel: p, Data: []byte(data)})
	}
	slices.SortFunc(srcs, func(a, b analysis.Source) int {
		if a.Path < b.Path {
			return -1
		}
		if a.Path > b.Path {
			return 1
		}
		return 0
	})
	var a Analyzer
	var kept []analysis.Source
	for _, s := range srcs {
		if a.Wants(s.Rel) {
			kept = append(kept, s)
		}
	}
	return analysis.NewProject("", imports, nil).WithFiles(kept)
}

// imp is one import of module at path:line.
func imp(module, path string, line int) analysis.Import {
	return analysis.Import{Module: module, Path: path, Line: line}
}

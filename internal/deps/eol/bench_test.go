package eol

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
)

// BenchmarkAnalyze runs the analyzer over a project that states its interpreter in
// every kind of place, inventory included.
func BenchmarkAnalyze(b *testing.B) {
	files := []analysis.Source{
		{Path: ".github/workflows/ci.yml", Rel: ".github/workflows/ci.yml", Data: []byte("jobs:\n  t:\n    strategy:\n      matrix:\n        python-version: [\"3.8\", \"3.9\", \"3.10\", \"3.11\", \"3.12\"]\n" + strings.Repeat("    steps:\n      - run: echo\n", 200))},
		{Path: ".python-version", Rel: ".python-version", Data: []byte("3.9.18\n")},
		{Path: "Dockerfile", Rel: "Dockerfile", Data: []byte("ARG PY=3.8\nFROM python:${PY}-slim\n" + strings.Repeat("RUN echo\n", 200))},
		{Path: "pyproject.toml", Rel: "pyproject.toml", Data: []byte("[project]\nname = \"x\"\nrequires-python = \">=3.8\"\nclassifiers = [\"Programming Language :: Python :: 3.8\"]\n")},
		{Path: "tox.ini", Rel: "tox.ini", Data: []byte("[tox]\nenvlist = py{38,39,310,311,312}-django{32,42,50}\n")},
	}
	a := New(Options{Now: func() time.Time { return nov2026 }})
	b.ReportAllocs()
	for b.Loop() {
		p := analysis.NewProject("", nil, func(string) bool { return true }).WithFiles(files)
		res, err := a.Analyze(context.Background(), p)
		if err != nil || len(res.Findings) == 0 {
			b.Fatalf("%v, %d findings", err, len(res.Findings))
		}
	}
}

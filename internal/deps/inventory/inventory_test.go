package inventory

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

func src(path, data string) analysis.Source {
	return analysis.Source{Path: path, Rel: path, Data: []byte(data)}
}

func TestFormatOf(t *testing.T) {
	tests := map[string]string{
		"requirements.txt":                  FormatRequirements,
		"requirements/dev.in":               FormatRequirements,
		"pyproject.toml":                    FormatPyproject,
		"sub/setup.py":                      FormatSetupPy,
		"setup.cfg":                         FormatSetupCfg,
		"Pipfile":                           FormatPipfile,
		"Pipfile.lock":                      FormatPipfileLock,
		"environment.yml":                   FormatConda,
		"poetry.lock":                       FormatPoetryLock,
		"uv.lock":                           FormatUVLock,
		"pdm.lock":                          FormatPDMLock,
		"pylock.toml":                       FormatPylock,
		"x/requests-2.0.dist-info/METADATA": FormatDistInfo,
		"app/main.py":                       "",
		"README.md":                         "",
	}
	for rel, want := range tests {
		if got := FormatOf(rel); got != want {
			t.Errorf("FormatOf(%q) = %q, want %q", rel, got, want)
		}
	}
}

func TestBuild(t *testing.T) {
	files := []analysis.Source{
		src("requirements.txt", "-r requirements/base.txt\nflask==2.0.1\n--extra-index-url https://example.org/simple\n"),
		src("requirements/base.txt", "requests>=2\n"),
		src("pyproject.toml", "[project]\nname = \"app\"\nrequires-python = \">=3.8\"\ndependencies = [\"django==3.2\"]\n"),
		src("poetry.lock", "[[package]]\nname = \"django\"\nversion = \"3.2\"\n"),
		src("app.py", "import os\n"),
	}
	inv := Build(context.Background(), "", files)
	if len(inv.Problems) != 0 {
		t.Fatalf("problems: %+v", inv.Problems)
	}
	var formats []string
	for _, f := range inv.Files {
		formats = append(formats, f.Format)
	}
	if diff := cmp.Diff([]string{FormatRequirements, FormatRequirements, FormatPyproject, FormatPoetryLock}, formats); diff != "" {
		t.Errorf("formats (-want +got):\n%s", diff)
	}
	type pkg struct{ Name, Version, File string }
	var got []pkg
	for _, p := range inv.Packages() {
		got = append(got, pkg{p.Name, p.Version, p.File})
	}
	want := []pkg{
		{"requests", "", "requirements/base.txt"},
		{"flask", "2.0.1", "requirements.txt"},
		{"django", "3.2", "pyproject.toml"},
		{"django", "3.2", "poetry.lock"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
	if !inv.HasLock() {
		t.Error("HasLock = false with a poetry.lock")
	}
	if r := inv.Files[0].Requirements; r == nil || len(r.Options) != 1 || r.Options[0].Name != "--extra-index-url" {
		t.Errorf("requirements options not kept: %+v", r)
	}
	if inv.Files[2].Pyproject == nil || len(inv.Files[2].Pyproject.Python) == 0 {
		t.Error("pyproject's requires-python not kept")
	}
}

func TestBuildProblem(t *testing.T) {
	inv := Build(context.Background(), "", []analysis.Source{src("poetry.lock", "[[package]\nname=")})
	if len(inv.Problems) != 1 || inv.Problems[0].Path != "poetry.lock" {
		t.Fatalf("problems = %+v, want one for poetry.lock", inv.Problems)
	}
	if len(inv.Files) != 1 {
		t.Errorf("the broken file is still listed: %d files", len(inv.Files))
	}
}

func TestIncludeFromDisk(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "common.txt"), []byte("idna==3.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("evil==1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	req := filepath.Join(dir, "requirements.txt")
	body := "-r common.txt\n-r " + filepath.Join(outside, "secret.txt") + "\n"
	inv := Build(context.Background(), dir, []analysis.Source{{Path: req, Rel: "requirements.txt", Data: []byte(body)}})
	var names []string
	for _, p := range inv.Packages() {
		names = append(names, p.Name)
	}
	if diff := cmp.Diff([]string{"idna"}, names); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
}

func TestOfMemoised(t *testing.T) {
	p := analysis.NewProject("", nil, func(string) bool { return true })
	p1 := p.WithFiles([]analysis.Source{src("requirements.txt", "a==1\n")})
	p2 := p.WithFiles(nil)
	if Of(p1) != Of(p2) {
		t.Error("two analyzers of one scan got different inventories")
	}
}

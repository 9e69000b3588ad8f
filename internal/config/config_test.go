package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

// testCatalog stands in for the registry: a few codes in three bands and their categories.
func testCatalog() Catalog {
	return Catalog{
		Codes: []string{"KR101", "KR102", "KR105", "KR131", "KR201", "KR301", "KR901"},
		Categories: map[string][]string{
			"injection": {"KR101", "KR102", "KR105"},
			"untrusted": {"KR131"},
			"crypto":    {"KR201"},
			"secrets":   {"KR301"},
			"misc":      {"KR901"},
		},
	}
}

// sel parses selectors that the test knows to be valid.
func sel(t *testing.T, items ...string) []Selector {
	t.Helper()
	s, err := parseSelectors(items, testCatalog())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// cmpSelectors compares selectors by their normal form, which determines the rest.
var cmpSelectors = cmp.Comparer(func(a, b Selector) bool { return a.String() == b.String() })

// project writes files into a new temporary directory and returns it.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestLoadKeys(t *testing.T) {
	tests := []struct {
		name string
		body string // the [tool.krait] table's lines
		want Config // Dir is filled in
	}{
		{"empty", ``, Config{}},
		{"select", `select = ["KR1", "kr201", "Injection"]`, Config{Select: sel(t, "KR1", "KR201", "injection")}},
		{"ignore", `ignore = ["KR105", "KR9"]`, Config{Ignore: sel(t, "KR105", "KR9")}},
		{"per_file_ignores", `per-file-ignores = { "tests/**" = ["KR901"], "!src/**" = ["KR3"], "./docs/" = [] }`,
			Config{PerFileIgnores: []PerFileIgnore{
				{Pattern: "tests/**", Ignore: sel(t, "KR901")},
				{Pattern: "src/**", Negate: true, Ignore: sel(t, "KR3")},
				{Pattern: "docs", Ignore: []Selector{}},
			}}},
		{"per_file_ignores_table", "[tool.krait.per-file-ignores]\n\"b.py\" = [\"KR1\"]\n\"a.py\" = [\"misc\"]",
			Config{PerFileIgnores: []PerFileIgnore{
				{Pattern: "b.py", Ignore: sel(t, "KR1")},
				{Pattern: "a.py", Ignore: sel(t, "misc")},
			}}},
		{"exclude", `exclude = ["build", "**/migrations/*.py"]`, Config{Exclude: []string{"build", "**/migrations/*.py"}}},
		{"min_severity", `min-severity = "Medium"`, Config{MinSeverity: analysis.SeverityMedium}},
		{"min_confidence", `min-confidence = "high"`, Config{MinConfidence: analysis.ConfidenceHigh}},
		{"fail_on", `fail-on = "critical"`, Config{FailOn: analysis.SeverityCritical}},
		{"fail_on_never", `fail-on = "NEVER"`, Config{FailOn: FailNever}},
		{"baseline", `baseline = "ci/krait-baseline.json"`, Config{Baseline: "ci/krait-baseline.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, file := range []string{KraitFile, PyprojectFile} {
				body := tt.body
				if file == PyprojectFile {
					body = "[project]\nname = \"demo\"\n\n[tool.krait]\n" + body
				} else {
					body = strings.ReplaceAll(body, "[tool.krait.", "[")
				}
				root := project(t, map[string]string{file: body})
				got, src, err := Load(root, testCatalog())
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				if want := filepath.Join(root, file); src != want {
					t.Errorf("%s: source = %q, want %q", file, src, want)
				}
				want := tt.want
				want.Dir = root
				if diff := cmp.Diff(&want, got, cmpSelectors); diff != "" {
					t.Errorf("%s: config mismatch (-want +got):\n%s", file, diff)
				}
			}
		})
	}
}

func TestLoadWhichFile(t *testing.T) {
	krait := `min-severity = "high"`
	pyKrait := "[tool.krait]\nmin-severity = \"low\"\n"
	tests := []struct {
		name    string
		files   map[string]string
		wantSrc string // "" for no config
		wantSev analysis.Severity
	}{
		{"none", map[string]string{"setup.cfg": "[flake8]\n"}, "", 0},
		{"krait_toml", map[string]string{KraitFile: krait}, KraitFile, analysis.SeverityHigh},
		{"pyproject", map[string]string{PyprojectFile: pyKrait}, PyprojectFile, analysis.SeverityLow},
		{"krait_toml_wins", map[string]string{KraitFile: krait, PyprojectFile: pyKrait}, KraitFile, analysis.SeverityHigh},
		// krait.toml wins even over a broken pyproject.toml, which is then never read.
		{"pyproject_not_read", map[string]string{KraitFile: krait, PyprojectFile: "[[[ broken"}, KraitFile, analysis.SeverityHigh},
		{"pyproject_without_section", map[string]string{PyprojectFile: "[tool.ruff]\nselect = [\"E\"]\n"}, "", 0},
		{"pyproject_tool_not_table", map[string]string{PyprojectFile: "tool = 3\n"}, "", 0},
		{"config_in_subdir_ignored", map[string]string{"sub/" + KraitFile: krait}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := project(t, tt.files)
			cfg, src, err := Load(root, testCatalog())
			if err != nil {
				t.Fatal(err)
			}
			wantSrc := ""
			if tt.wantSrc != "" {
				wantSrc = filepath.Join(root, tt.wantSrc)
			}
			if src != wantSrc || cfg.MinSeverity != tt.wantSev || cfg.Dir != root {
				t.Errorf("Load = {Dir %q, MinSeverity %v}, %q; want {Dir %q, MinSeverity %v}, %q",
					cfg.Dir, cfg.MinSeverity, src, root, tt.wantSev, wantSrc)
			}
		})
	}
}

// TestLoadErrors pins every configuration error message.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		body string
		want string // with the temporary root stripped
	}{
		{"toml_syntax", PyprojectFile, "[tool.krait]\nselect = [\n", `pyproject.toml:2: invalid TOML: array is incomplete`},
		{"toml_duplicate", KraitFile, "select = []\nselect = []\n", `krait.toml:2: invalid TOML: key select is already defined`},
		{"section_not_table", PyprojectFile, "[tool]\nkrait = \"yes\"\n", `pyproject.toml:2: [tool.krait] must be a table, not string "yes"`},
		{"section_array_of_tables", PyprojectFile, "[project]\n[[tool.krait]]\nselect = []\n", `pyproject.toml:2: [tool.krait] must be a table, not array`},
		{"unknown_key", PyprojectFile, "[tool.krait]\nselct = [\"KR1\"]\n", `pyproject.toml:2: [tool.krait] selct: unknown key (did you mean select?)`},
		{"snake_case_key", KraitFile, "min_severity = \"high\"\n", `krait.toml:1: min_severity: unknown key (did you mean min-severity?)`},
		{"unknown_key_far", KraitFile, "\n\nline-length = 88\n", `krait.toml:3: line-length: unknown key (want one of select, ignore, per-file-ignores, exclude, min-severity, min-confidence, fail-on, baseline)`},
		{"tool_in_krait_toml", KraitFile, "[tool.krait]\nselect = []\n", `krait.toml:1: tool: unknown key (krait.toml takes its keys at the top level, without [tool.krait])`},
		{"bad_severity", PyprojectFile, "[tool.krait]\nmin-severity = \"hihg\"\n", `pyproject.toml:2: [tool.krait] min-severity: invalid severity "hihg" (want low, medium, high or critical)`},
		{"severity_not_string", KraitFile, "min-severity = 3\n", `krait.toml:1: min-severity: want a string, got integer 3`},
		{"bad_confidence", KraitFile, "min-confidence = \"critical\"\n", `krait.toml:1: min-confidence: invalid confidence "critical" (want low, medium or high)`},
		{"bad_fail_on", KraitFile, "fail-on = \"always\"\n", `krait.toml:1: fail-on: invalid fail-on "always" (want low, medium, high, critical or never)`},
		{"fail_on_bool", KraitFile, "fail-on = false\n", `krait.toml:1: fail-on: want a string, got boolean false`},
		{"unknown_rule", KraitFile, "select = [\"KR1\", \"KR999\"]\n", `krait.toml:1: select: unknown rule KR999`},
		{"unknown_rule_ignore", KraitFile, "ignore = [\"kr998\"]\n", `krait.toml:1: ignore: unknown rule KR998`},
		{"unknown_selector", KraitFile, "select = [\"S101\"]\n", `krait.toml:1: select: unknown rule selector "S101" (want a code such as KR101, a prefix such as KR1, or a category: crypto, injection, misc, secrets, untrusted)`},
		{"too_long_code", KraitFile, "select = [\"KR1011\"]\n", `krait.toml:1: select: unknown rule selector "KR1011" (want a code such as KR101, a prefix such as KR1, or a category: crypto, injection, misc, secrets, untrusted)`},
		{"empty_selector", KraitFile, "ignore = [\" \"]\n", `krait.toml:1: ignore: empty rule selector`},
		{"select_string", KraitFile, "select = \"KR1\"\n", `krait.toml:1: select: want an array of strings, got string "KR1"`},
		{"select_mixed", KraitFile, "select = [\"KR1\", 2]\n", `krait.toml:1: select: item 2: want a string, got integer 2`},
		{"select_table", KraitFile, "[select]\nx = 1\n", `krait.toml:1: select: want an array of strings, got table`},
		{"per_file_not_table", KraitFile, "per-file-ignores = [\"tests\"]\n", `krait.toml:1: per-file-ignores: want a table of "glob" = ["rule", ...], got array`},
		{"per_file_bad_rule", PyprojectFile, "[tool.krait.per-file-ignores]\n\"tests/**\" = [\"KR999\"]\n", `pyproject.toml:2: [tool.krait] per-file-ignores."tests/**": unknown rule KR999`},
		{"per_file_bad_glob", KraitFile, "[per-file-ignores]\n\"a/[b\" = [\"KR1\"]\n", `krait.toml:2: per-file-ignores."a/[b": invalid glob "a/[b"`},
		{"per_file_empty_glob", KraitFile, "[per-file-ignores]\n\"!\" = [\"KR1\"]\n", `krait.toml:2: per-file-ignores."!": empty glob`},
		{"per_file_value_string", KraitFile, "[per-file-ignores]\n\"t\" = \"KR1\"\n", `krait.toml:2: per-file-ignores."t": want an array of strings, got string "KR1"`},
		{"bad_exclude", KraitFile, "exclude = [\"a/[\"]\n", `krait.toml:1: exclude: invalid exclude pattern "a/["`},
		{"empty_exclude", KraitFile, "exclude = [\"./\"]\n", `krait.toml:1: exclude: invalid exclude pattern "": empty`},
		{"baseline_empty", KraitFile, "baseline = \"\"\n", `krait.toml:1: baseline: empty path`},
		{"baseline_array", KraitFile, "baseline = [\"a\"]\n", `krait.toml:1: baseline: want a string, got array`},
		{"date_value", KraitFile, "baseline = 2024-01-01\n", `krait.toml:1: baseline: want a string, got date-time`},
		{"float_value", KraitFile, "\n\nfail-on = 1.5\n", `krait.toml:3: fail-on: want a string, got float`},
		{"dotted_key_line", PyprojectFile, "[project]\nname = \"x\"\n\n[tool]\nkrait.select = [\"KR999\"]\n", `pyproject.toml:5: [tool.krait] select: unknown rule KR999`},
		{"inline_section_line", PyprojectFile, "tool.krait = { ignore = [\"KR1\"],\n  fail-on = \"x\" }\n", `pyproject.toml:2: [tool.krait] fail-on: invalid fail-on "x" (want low, medium, high, critical or never)`},
		{"several_errors_in_file_order", PyprojectFile,
			"[tool.krait]\nselect = [\"KR999\"]\nfail-on = \"x\"\n[tool.krait.per-file-ignores]\n\"a\" = [\"KR998\"]\n\"b\" = [\"KR1\"]\n",
			"pyproject.toml:2: [tool.krait] select: unknown rule KR999\n" +
				"pyproject.toml:3: [tool.krait] fail-on: invalid fail-on \"x\" (want low, medium, high, critical or never)\n" +
				"pyproject.toml:5: [tool.krait] per-file-ignores.\"a\": unknown rule KR998"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := project(t, map[string]string{tt.file: tt.body})
			cfg, _, err := Load(root, testCatalog())
			if err == nil {
				t.Fatalf("Load succeeded with %+v; want error %q", cfg, tt.want)
			}
			got := strings.ReplaceAll(err.Error(), root+string(filepath.Separator), "")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	outside := project(t, map[string]string{"pyproject.toml": "[tool.krait]\n"})
	tests := []struct {
		name  string
		setup func(t *testing.T, root string)
		want  string // a substring of the error
	}{
		{"symlink_outside_root", func(t *testing.T, root string) {
			if err := os.Symlink(filepath.Join(outside, "pyproject.toml"), filepath.Join(root, KraitFile)); err != nil {
				t.Skip(err)
			}
		}, "outside"},
		{"directory", func(t *testing.T, root string) {
			if err := os.Mkdir(filepath.Join(root, KraitFile), 0o755); err != nil {
				t.Fatal(err)
			}
		}, "not a regular file"},
		{"too_large", func(t *testing.T, root string) {
			big := strings.Repeat("# padding\n", maxConfigSize/10+1)
			if err := os.WriteFile(filepath.Join(root, PyprojectFile), []byte(big), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			tt.setup(t, root)
			_, _, err := Load(root, testCatalog())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load error = %v; want one containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadSymlinkInsideRoot(t *testing.T) {
	root := project(t, map[string]string{"conf/krait.toml": "fail-on = \"high\"\n"})
	if err := os.Symlink(filepath.Join("conf", KraitFile), filepath.Join(root, KraitFile)); err != nil {
		t.Skip(err)
	}
	cfg, _, err := Load(root, testCatalog())
	if err != nil || cfg.FailOn != analysis.SeverityHigh {
		t.Errorf("Load = %+v, %v; want fail-on high", cfg, err)
	}
}

// TestLoadHostile checks that inputs built to make a TOML decoder slow are turned away
// or read quickly (a quadratic path would time the test out): a scanned repository is
// untrusted, and so is its pyproject.toml.
func TestLoadHostile(t *testing.T) {
	var manyKeys, manyErrors strings.Builder
	for i := range maxStructure + 1 {
		fmt.Fprintf(&manyKeys, "k%d = 1\n", i)
	}
	for i := range 30 {
		fmt.Fprintf(&manyErrors, "k%d = 1\n", i)
	}
	tests := []struct {
		name string
		body string
		want string
	}{
		{"many_keys", manyKeys.String(), fmt.Sprintf("krait.toml: too many keys and tables for a configuration file (%d '=' and '[' characters; the limit is %d)", maxStructure+1, maxStructure)},
		{"deep_arrays", "a = " + strings.Repeat("[", 9000) + strings.Repeat("]", 9000), "krait.toml:1: a: unknown key"},
		{"deep_inline_tables", "a = " + strings.Repeat("{b=", 9000) + "1" + strings.Repeat("}", 9000), "krait.toml:1: a: unknown key"},
		{"many_errors", manyErrors.String(), "krait.toml:20: k19: unknown key (want one of select, ignore, per-file-ignores, exclude, min-severity, min-confidence, fail-on, baseline)\nkrait.toml: too many errors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parse(KraitFile, []byte(tt.body), false, testCatalog())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %.300v\nwant one containing %q", err, tt.want)
			}
		})
	}
}

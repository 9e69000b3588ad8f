package cli

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules"
)

func TestDevAST(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
		wantErr  string
	}{
		{
			name: "accepted_and_rejected",
			args: []string{"testdata/ast/pass.py", "testdata/ast/rejected.py"},
			want: "Module(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)], type_ignores=[])\n" +
				"SyntaxError: 1:21: expected ':'\n",
		},
		{
			name:     "unreadable_file",
			args:     []string{"testdata/ast/missing.py", "testdata/ast/pass.py"},
			wantCode: ExitError,
			want:     "Module(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4)], type_ignores=[])\n",
			wantErr:  "krait dev ast: open testdata/ast/missing.py: no such file or directory\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKrait(t, runOpts{}, append([]string{"dev", "ast"}, tt.args...)...)
			want := result{code: tt.wantCode, stdout: tt.want, stderr: tt.wantErr}
			if diff := cmp.Diff(want, r, cmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("krait dev ast mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	if got, want := oneLine("a\nb\r\tc"), `a\nb\r\tc`; got != want {
		t.Errorf("oneLine = %q; want %q", got, want)
	}
}

func fakeRules() []*analysis.Rule {
	return []*analysis.Rule{
		{
			Code: "KR101", Name: "subprocess-shell-true", Summary: "subprocess call with shell=True",
			Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh,
			CWE: []int{78}, Aliases: []string{"B602", "S602"},
			Doc: "## What it does\nFlags shell=True.\n",
		},
		{
			Code: "KR201", Name: "weak-hash", Summary: "md5 or sha1 used for security",
			Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceMedium,
		},
	}
}

func fakeCategories() []rules.Category {
	fr := fakeRules()
	return []rules.Category{{Name: "crypto", Rules: fr[1:]}, {Name: "injection", Rules: fr[:1]}}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name       string
		rules      []*analysis.Rule
		categories []rules.Category
		args       []string
		wantCode   int
		want       string
		wantErr    string
	}{
		{name: "empty", args: nil, want: "no rules registered yet\n"},
		{name: "empty_json", args: []string{"-f", "json"}, want: "[]\n"},
		{
			name: "list", rules: fakeRules(),
			want: "CODE   SEVERITY  NAME                   ALIASES    SUMMARY\n" +
				"KR101  high      subprocess-shell-true  B602,S602  subprocess call with shell=True\n" +
				"KR201  medium    weak-hash              -          md5 or sha1 used for security\n",
		},
		{
			name: "category", categories: fakeCategories(), args: []string{"Crypto"},
			want: "CODE   SEVERITY  NAME       ALIASES  SUMMARY\n" +
				"KR201  medium    weak-hash  -        md5 or sha1 used for security\n",
		},
		{
			name: "markdown", categories: fakeCategories(), args: []string{"-f", "markdown"},
			want: "| code | name | category | severity | confidence | CWE | Bandit / Ruff | summary |\n" +
				"|---|---|---|---|---|---|---|---|\n" +
				"| KR101 | `subprocess-shell-true` | injection | high | high | CWE-78 | B602, S602 | subprocess call with shell=True |\n" +
				"| KR201 | `weak-hash` | crypto | medium | medium | - | - | md5 or sha1 used for security |\n",
		},
		{
			name: "explain_by_name_markdown", categories: fakeCategories(), args: []string{"subprocess-shell-true", "-f", "markdown"},
			want: "# KR101 subprocess-shell-true\n\nsubprocess call with shell=True\n\n" +
				"- **Category:** injection\n- **Severity:** high\n- **Confidence:** high\n- **CWE:** CWE-78\n- **Aliases:** B602, S602\n\n" +
				"## What it does\nFlags shell=True.\n",
		},
		{
			name: "explain_by_alias", rules: fakeRules(), args: []string{"s602"},
			want: "KR101 subprocess-shell-true: subprocess call with shell=True\n\n" +
				"Category:   test\nSeverity:   high\nConfidence: high\nCWE:        CWE-78\nAliases:    B602, S602\n\n" +
				"## What it does\nFlags shell=True.\n",
		},
		{
			name: "explain_json", rules: fakeRules(), args: []string{"KR201", "--format", "json"},
			want: "{\n  \"code\": \"KR201\",\n  \"name\": \"weak-hash\",\n  \"category\": \"test\",\n  \"summary\": \"md5 or sha1 used for security\",\n" +
				"  \"severity\": \"medium\",\n  \"confidence\": \"medium\",\n  \"cwe\": [],\n  \"aliases\": [],\n  \"doc\": \"\"\n}\n",
		},
		{
			name: "unknown_code", rules: fakeRules(), args: []string{"KR999"}, wantCode: ExitError,
			wantErr: "krait: unknown rule \"KR999\"; run 'krait rules' for the list\n",
		},
		{
			name: "bad_format", args: []string{"-f", "sarif"}, wantCode: ExitError,
			wantErr: "krait: unknown format \"sarif\" (want text, json, markdown)\nRun 'krait rules --help' for usage.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKrait(t, runOpts{rules: tt.rules, categories: tt.categories}, append([]string{"rules"}, tt.args...)...)
			want := result{code: tt.wantCode, stdout: tt.want, stderr: tt.wantErr}
			if diff := cmp.Diff(want, r, cmp.AllowUnexported(result{})); diff != "" {
				t.Errorf("krait rules mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompactAliases(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"B602", "S602"}, "B602,S602"},
		{[]string{"B313", "B314", "B315", "S313", "S314"}, "B313-B315,S313,S314"},
		{[]string{"B1", "B3", "X", "S9"}, "B1,B3,X,S9"},
	}
	for _, tt := range tests {
		if got := compactAliases(tt.in); got != tt.want {
			t.Errorf("compactAliases(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	r := runKrait(t, runOpts{}, "version")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "krait dev (go") {
		t.Errorf("krait version = %+v", r)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no_command", nil, "krait: no command given\nRun 'krait --help' for usage.\n"},
		{"unknown_command", []string{"frob"}, "krait: unknown command \"frob\" for \"krait\"\nRun 'krait --help' for usage.\n"},
		{"dev_without_subcommand", []string{"dev"}, "krait: no subcommand given\nRun 'krait dev --help' for usage.\n"},
		{"dev_ast_without_file", []string{"dev", "ast"}, "krait: requires at least 1 arg(s), only received 0\nRun 'krait dev ast --help' for usage.\n"},
		{"db_import_without_file", []string{"db", "import"}, "krait: accepts 1 arg(s), received 0\nRun 'krait db import --help' for usage.\n"},
		{"version_with_args", []string{"version", "x"}, "krait: unknown command \"x\" for \"krait version\"\nRun 'krait version --help' for usage.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKrait(t, runOpts{}, tt.args...)
			if r.code != ExitError {
				t.Errorf("exit code = %d; want 2", r.code)
			}
			if !strings.HasSuffix(r.stderr, tt.want) {
				t.Errorf("stderr = %q; want it to end with %q", r.stderr, tt.want)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	r := runKrait(t, runOpts{}, "scan", "--help")
	if r.code != ExitOK || r.stderr != "" {
		t.Fatalf("scan --help = %+v", r)
	}
	for _, flag := range []string{"--format", "--output", "--select", "--ignore", "--min-severity",
		"--min-confidence", "--fail-on", "--baseline", "--exclude", "--jobs", "--offline", "--db",
		"--no-progress", "--quiet", "--stats", "--max-file-size"} {
		if !strings.Contains(r.stdout, flag) {
			t.Errorf("scan --help does not mention %s", flag)
		}
	}
}

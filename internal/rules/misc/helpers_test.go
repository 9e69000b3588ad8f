package misc

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// lastValue parses src and returns its model and the value of its last
// statement, an assignment or an expression.
func lastValue(t *testing.T, src string) (*semantic.Model, ast.Expr) {
	t.Helper()
	mod, err := parser.ParseFile("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := semantic.Build(mod, semantic.Options{Module: "t"})
	switch s := mod.Body[len(mod.Body)-1].(type) {
	case *ast.Assign:
		return m, s.Value
	case *ast.ExprStmt:
		return m, s.Value
	}
	t.Fatalf("last statement of %q is neither an assignment nor an expression", src)
	return nil, nil
}

func TestEvalMode(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want modeBits
	}{
		{"octal", "x = 0o777", modeBits{0o777, true}},
		{"decimal", "x = 420", modeBits{0o644, true}},
		{"stat_or", "import stat\nx = stat.S_IRWXU | stat.S_IRGRP | stat.S_IWOTH", modeBits{0o742, true}},
		{"stat_alias", "from stat import S_IWGRP as W\nx = W", modeBits{0o020, true}},
		{"stat_plus", "import stat\nx = stat.S_IRUSR + stat.S_IWUSR", modeBits{0o600, true}},
		{"invert_and", "import stat\nx = 0o777 & ~stat.S_IWOTH", modeBits{0o775, true}},
		{"name_once", "import stat\nM = stat.S_IRWXO\nx = M | 0o700", modeBits{0o707, true}},
		{"dynamic_or_sets_bit", "import stat\nx = st.st_mode | stat.S_IWOTH", modeBits{0o002, false}},
		{"dynamic_and_clears", "import stat\nx = st.st_mode & ~stat.S_IWOTH", modeBits{0, false}},
		{"unknown_name", "x = mode", modeBits{}},
		{"fake_stat", "class stat:\n    S_IWOTH = 2\nx = stat.S_IWOTH", modeBits{}},
		{"not_a_mode", "x = '0o777'", modeBits{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, e := lastValue(t, tt.src)
			if diff := cmp.Diff(tt.want, evalMode(m, e, 0), cmp.AllowUnexported(modeBits{})); diff != "" {
				t.Errorf("evalMode(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestOctal(t *testing.T) {
	for _, tt := range []struct {
		v    int64
		want string
	}{{0, "0"}, {0o777, "0o777"}, {0o4755, "0o4755"}, {-8, "-0o10"}} {
		if got := octal(tt.v); got != tt.want {
			t.Errorf("octal(%d) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestTempPath(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
		ok   bool
	}{
		{"tmp", `x = "/tmp"`, "/tmp", true},
		{"under_tmp", `x = "/tmp/app.log"`, "/tmp/app.log", true},
		{"var_tmp", `x = "/var/tmp/cache"`, "/var/tmp/cache", true},
		{"dev_shm", `x = "/dev/shm/x"`, "/dev/shm/x", true},
		{"fstring", `x = f"/tmp/{name}.csv"`, "/tmp/", true},
		{"percent", `x = "/tmp/%s.pdf" % name`, "/tmp/%s.pdf", true},
		{"concat", `x = "/tmp/" + name`, "/tmp/", true},
		{"format", `x = "/tmp/{}".format(name)`, "/tmp/{}", true},
		{"prefix_only", `x = "/tmpl/index.html"`, "", false},
		{"relative", `x = "tmp/x"`, "", false},
		{"sentence", `x = "written to /tmp"`, "", false},
		{"bytes", `x = b"/tmp/x"`, "", false},
		{"fstring_field_first", `x = f"{root}/tmp"`, "", false},
		{"name", `x = TMP`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, e := lastValue(t, tt.src)
			got, ok := tempPath(e)
			if got != tt.want || ok != tt.ok {
				t.Errorf("tempPath(%s) = %q, %v; want %q, %v", tt.src, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestBidiName(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		reorders bool
	}{
		{"rlo", "\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", true},
		{"lre", "\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING", true},
		{"pdi", "\u2069", "U+2069 POP DIRECTIONAL ISOLATE", true},
		{"rlm", "\u200f", "U+200F RIGHT-TO-LEFT MARK", false},
		{"lrm", "\u200e", "U+200E LEFT-TO-RIGHT MARK", false},
		{"en_dash", "\u2013", "", false},
		{"ellipsis", "\u2026", "", false},
		{"zwsp", "\u200b", "", false},
		{"truncated", "\xe2\x80", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, r := bidiName([]byte(tt.in))
			if got != tt.want || r != tt.reorders {
				t.Errorf("bidiName(%q) = %q, %v; want %q, %v", tt.in, got, r, tt.want, tt.reorders)
			}
		})
	}
}

func TestHasAccessWord(t *testing.T) {
	for _, tt := range []struct {
		id   string
		want bool
	}{
		{"is_authenticated", true},
		{"has_perm", true},
		{"is_admin", true},
		{"isAdmin", true},
		{"owner", true},
		{"owner_id", false},
		{"ownerDocument", false},
		{"allowed_formats", false},
		{"csrf_token", true},
		{"check_password", true},
		{"compare_digest", true},
		{"token", false},
		{"page", false},
	} {
		if got := hasAccessWord(tt.id); got != tt.want {
			t.Errorf("hasAccessWord(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

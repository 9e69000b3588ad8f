package injection

import (
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// lastArg parses src and returns its model and the first argument of the
// first call in its last statement.
func lastArg(t *testing.T, src string) (*semantic.Model, ast.Expr) {
	t.Helper()
	f, err := parser.Parse("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := semantic.Build(f.Module, semantic.Options{Module: "t"})
	var arg ast.Expr
	ast.Inspect(f.Module.Body[len(f.Module.Body)-1], func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && arg == nil && len(c.Args) > 0 {
			arg = c.Args[0]
		}
		return arg == nil
	})
	if arg == nil {
		t.Fatalf("no call with an argument in %q", src)
	}
	return m, arg
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		src  string
		mode mode
		want origin
		how  string
	}{
		{"literal", `f("ls")`, modeShell, originConst, ""},
		{"const_name", "C = 'ls'\nf(C)", modeShell, originConst, ""},
		{"const_fstring", "C = 'ls'\nf(f'{C} -l')", modeShell, originConst, ""},
		{"param", "def g(x):\n    f(x)", modeShell, originOpaque, howVariable},
		{"attribute", "f(self.command)", modeShell, originOpaque, howOpaque},
		{"request_args", "f(request.args['x'])", modeShell, originRequest, howRequest},
		{"request_get", "def view(request):\n    f(request.GET.get('x', ''))", modeShell, originRequest, howRequest},
		{"request_json_call", "from flask import request\nf(request.get_json()['cmd'])", modeShell, originRequest, howRequest},
		{"request_await", "async def h(request):\n    f((await request.post())['x'])", modeShell, originRequest, howRequest},
		{"request_via_var", "from flask import request\ndef g():\n    c = request.form['c']\n    f(c)", modeShell, originRequest, howRequest},
		{"tornado", "class H:\n    def get(self):\n        f(self.get_argument('x'))", modeShell, originRequest, howRequest},
		{"request_method", "def view(request):\n    f(request.method)", modeShell, originOpaque, howOpaque},
		{"local_request", "def g():\n    request = make()\n    f(request.args['x'])", modeShell, originOpaque, howOpaque},
		{"fstring", "def g(x):\n    f(f'ls {x}')", modeShell, originBuilt, howFString},
		{"percent_tuple", "def g(x):\n    f('ls %s %s' % ('a', x))", modeShell, originBuilt, howPercent},
		{"percent_numeric", "def g(x):\n    f('kill %d' % x)", modeShell, originSafe, ""},
		{"percent_const_args", "f('ls %s' % ('a',))", modeShell, originConst, ""},
		{"format", "def g(x):\n    f('ls {}'.format(x))", modeShell, originBuilt, howFormat},
		{"format_kwargs", "def g(**kw):\n    f('ls {a}'.format(**kw))", modeShell, originBuilt, howFormat},
		{"concat", "def g(x):\n    f('ls ' + x)", modeShell, originBuilt, howConcat},
		{"concat_numbers", "def g(a, b):\n    f(a + b)", modeShell, originOpaque, howOpaque},
		{"join_const", "f(' '.join(['ls', '-l']))", modeShell, originConst, ""},
		{"join_var", "def g(parts):\n    f(' '.join(parts))", modeShell, originBuilt, howJoin},
		{"shlex_quote", "import shlex\ndef g(x):\n    f('ls ' + shlex.quote(x))", modeShell, originSafe, ""},
		{"shlex_quote_not_sql", "import shlex\ndef g(x):\n    f('SELECT ' + shlex.quote(x))", modeSQL, originBuilt, howConcat},
		{"int", "def g(x):\n    f(f'id = {int(x)}')", modeSQL, originSafe, ""},
		{"local_int", "def int(x):\n    return x\ndef g(x):\n    f(f'id = {int(x)}')", modeSQL, originBuilt, howFString},
		{"numeric_spec", "def g(x):\n    f(f'LIMIT {x:d}')", modeSQL, originSafe, ""},
		{"placeholders_genexp", "def g(ids):\n    f(f\"IN ({','.join('?' for _ in ids)})\")", modeSQL, originSafe, ""},
		{"placeholders_mult", "def g(ids):\n    f('IN (%s)' % ','.join(['%s'] * len(ids)))", modeSQL, originConst, ""},
		{"via_variable", "def g(x):\n    q = f'SELECT {x}'\n    f(q)", modeSQL, originBuilt, howFString},
		{"augmented", "def g(x):\n    q = 'SELECT 1'\n    q += x\n    f(q)", modeSQL, originBuilt, howConcat},
		{"augmented_const", "def g():\n    q = 'SELECT 1'\n    q += ' WHERE a = 1'\n    f(q)", modeSQL, originConst, ""},
		{"ifexp", "def g(x, y):\n    f('a' if y else f'b{x}')", modeShell, originBuilt, howFString},
		{"str_of_param", "def g(x):\n    f(str(x))", modeShell, originOpaque, howVariable},
		{"compile_arg", "def g(x):\n    f(compile(x, 'f', 'exec'))", modeCode, originOpaque, howOpaque},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, e := lastArg(t, tt.src)
			got := classify(m, e, tt.mode)
			if got.origin != tt.want || (tt.how != "" && got.how != tt.how) {
				t.Errorf("classify(%q) = {%d %q}, want {%d %q}", tt.src, got.origin, got.how, tt.want, tt.how)
			}
		})
	}
}

func TestSkeleton(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"fstring", "def g(x):\n    f(f'tar cf {x}.tar *')", "tar cf \x00.tar *"},
		{"concat", "def g(x):\n    f('a ' + x + ' b')", "a \x00 b"},
		{"percent", "def g(x):\n    f('a %s' % x)", "a %s"},
		{"format", "def g(x):\n    f('a {}'.format(x))", "a {}"},
		{"const_field", "C = 'users'\ndef g(x):\n    f(f'FROM {C} WHERE {x}')", "FROM users WHERE \x00"},
		{"variable", "def g(x):\n    q = 'SELECT ' + x\n    f(q)", "SELECT \x00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, e := lastArg(t, tt.src)
			if got := skeleton(m, e); got != tt.want {
				t.Errorf("skeleton = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNumericConversions(t *testing.T) {
	tests := []struct {
		format string
		want   bool
	}{
		{"%d", true},
		{"kill -9 %d", true},
		{"%05.2f%%", true},
		{"%(n)d items", true},
		{"%x %o %e", true},
		{"%s", false},
		{"%d %s", false},
		{"%r", false},
		{"100%%", false},
		{"no conversion", false},
		{"trailing %", false},
	}
	for _, tt := range tests {
		if got := numericConversions(tt.format); got != tt.want {
			t.Errorf("numericConversions(%q) = %v, want %v", tt.format, got, tt.want)
		}
	}
}

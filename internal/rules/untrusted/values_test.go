package untrusted

import (
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// lastExpr parses src and returns the model and the value of its last
// statement, which must be an expression statement.
func lastExpr(t *testing.T, src string) (*semantic.Model, ast.Expr) {
	t.Helper()
	f, err := parser.Parse("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	body := f.Module.Body
	es, ok := body[len(body)-1].(*ast.ExprStmt)
	if !ok {
		t.Fatalf("last statement of %q is not an expression", src)
	}
	return semantic.Build(f.Module, semantic.ModuleOptions("t.py", 0)), es.Value
}

func TestConstPrefix(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		whole           bool
	}{
		{"literal", `"https://a.example/x"`, "https://a.example/x", true},
		{"fstring", `f"https://{host}/x"`, "https://", false},
		{"concat", `"https://a.example" + "/x/" + path`, "https://a.example/x/", false},
		{"concat_name", "BASE = 'https://a.example'\nBASE + '/x'", "https://a.example/x", true},
		{"percent", `"%s/users/%s" % ("https://a.example", uid)`, "https://a.example/users/", false},
		{"percent_dynamic_first", `"%s/users" % (host,)`, "", false},
		{"format_auto", `"{}/users/{}".format("https://a.example", uid)`, "https://a.example/users/", false},
		{"format_named", `"{base}/x".format(base="ftp://f.example")`, "ftp://f.example/x", false},
		{"format_escaped_brace", `"{{x}}/{}".format(a)`, "", false},
		{"unknown", `url`, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, e := lastExpr(t, tc.src)
			got, whole := constPrefix(m, e, 0)
			if got != tc.want || whole != tc.whole {
				t.Errorf("constPrefix(%s) = %q, %v; want %q, %v", tc.src, got, whole, tc.want, tc.whole)
			}
		})
	}
}

func TestOrigin(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      origin
	}{
		{"constant", `b"\x80\x04."`, fixed},
		{"constant_name", "X = 'a'\nX", fixed},
		{"flask_request", "from flask import request as rq\nrq.data", fromRequest},
		{"through_names", "from flask import request\nraw = request.cookies['s']\ndata = decode(raw)\ndata", fromRequest},
		{"self_request", "self.request.body", fromRequest},
		{"urllib_request_is_not_request", "from urllib import request\nrequest.urlopen(u).read()", unknown},
		{"built", `f"<b>{name}</b>"`, built},
		{"parameter", "def f(x):\n    return x\nx", unknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, e := lastExpr(t, tc.src)
			if got := originOf(m, e); got != tc.want {
				t.Errorf("originOf(%s) = %v; want %v", tc.src, got, tc.want)
			}
		})
	}
}

func TestHTMLOrigin(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      origin
	}{
		{"escaped_field", "from html import escape\nf'<b>{escape(x)}</b>'", fixed},
		{"raw_field", "f'<b>{x}</b>'", built},
		{"escaped_name", "from django.utils.html import escape\ny = escape(x)\nf'<i>{y}</i>'", fixed},
		{"percent_tuple", "from html import escape\n'<a href=\"%s\">%s</a>' % (escape(u), t)", built},
		{"join_escaped", "from html import escape\n''.join(escape(i) for i in items)", fixed},
		{"join_raw", "''.join(items)", built},
		{"number", "f'<td>{int(n)}</td>'", fixed},
		{"escaper_call", "from markupsafe import escape\nescape(x)", fixed},
		{"opaque", "render(x)", unknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, e := lastExpr(t, tc.src)
			if got := htmlOrigin(m, e); got != tc.want {
				t.Errorf("htmlOrigin(%s) = %v; want %v", tc.src, got, tc.want)
			}
		})
	}
}

func TestIsCommitHash(t *testing.T) {
	for s, want := range map[string]bool{
		"4f6c2b1e0d9a8c7b6a5f4e3d2c1b0a9f8e7d6c5b": true,
		"4f6c2b1": true,
		"main":    false,
		"v1.2.0":  false,
		"4F6C2B1": false,
		"abc":     false,
	} {
		if got := isCommitHash(s); got != want {
			t.Errorf("isCommitHash(%q) = %v; want %v", s, got, want)
		}
	}
}

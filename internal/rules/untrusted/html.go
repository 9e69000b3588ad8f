package untrusted

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// isEscaper reports whether qn names a function whose result is safe to put
// into HTML: an HTML escaper, a sanitiser, a template renderer that escapes
// by default, or a conversion to a number.
func isEscaper(qn string) bool {
	switch qn {
	case "html.escape", "cgi.escape",
		"markupsafe.escape", "markupsafe.Markup.escape", "flask.escape", "jinja2.escape", "jinja2.utils.escape",
		"django.utils.html.escape", "django.utils.html.conditional_escape", "django.utils.html.format_html",
		"django.utils.html.format_html_join", "django.utils.html.json_script", "django.utils.html.escapejs",
		"django.template.defaultfilters.escape", "django.template.defaultfilters.force_escape",
		"xml.sax.saxutils.escape", "xml.sax.saxutils.quoteattr",
		"urllib.parse.quote", "urllib.parse.quote_plus", "urllib.parse.urlencode",
		"bleach.clean", "bleach.linkify", "nh3.clean",
		"django.template.loader.render_to_string", "flask.render_template", "flask.templating.render_template",
		"builtins.int", "builtins.float", "builtins.len", "builtins.bool":
		return true
	}
	return false
}

// htmlOrigin classifies a value about to be marked safe for HTML: fixed when
// it is constant or escaped, built when it is a string assembled from at
// least one part no escaper has seen, fromRequest when it reads the request
// without escaping, unknown otherwise.
func htmlOrigin(m *semantic.Model, e ast.Expr) origin {
	v := valueOf(m, e)
	if safeHTMLPart(m, v, 0) {
		return fixed
	}
	if ruleutil.IsDynamicString(m, v) {
		if !hasUnescapedPart(m, v, 0) {
			return fixed
		}
		if mentionsRequest(m, v, 0) {
			return fromRequest
		}
		return built
	}
	if mentionsRequest(m, v, 0) {
		return fromRequest
	}
	return unknown
}

// safeHTMLPart reports whether e is a constant or the result of an escaper.
func safeHTMLPart(m *semantic.Model, e ast.Expr, depth int) bool {
	if depth > maxHops {
		return false
	}
	if _, ok := m.ConstValue(e); ok {
		return true
	}
	switch x := e.(type) {
	case *ast.Call:
		return isEscaper(m.CalleeName(x))
	case *ast.Name:
		if v := valueOf(m, x); v != ast.Expr(x) {
			if safeHTMLPart(m, v, depth+1) {
				return true
			}
			return ruleutil.IsDynamicString(m, v) && !hasUnescapedPart(m, v, depth+1)
		}
	}
	return false
}

// hasUnescapedPart reports whether a string built at run time has a
// non-constant part that no escaper produced. The parts are the fields of an
// f-string, the operands of `%` and `.format`, the operands of `+`, and the
// elements `str.join` joins.
func hasUnescapedPart(m *semantic.Model, e ast.Expr, depth int) bool {
	if depth > maxHops {
		return true
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		for _, v := range x.Values {
			if f, ok := v.(*ast.FormattedValue); ok && !safeHTMLPart(m, f.Value, depth+1) {
				return true
			}
		}
		return false
	case *ast.BinOp:
		switch x.Op {
		case ast.Mod:
			return anyUnsafe(m, formatOperands(x.Right), depth)
		case ast.Add:
			return partUnsafe(m, x.Left, depth) || partUnsafe(m, x.Right, depth)
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok {
			switch a.Attr {
			case "format":
				for _, k := range x.Keywords {
					if k.Arg == "" || !safeHTMLPart(m, k.Value, depth+1) {
						return true
					}
				}
				return anyUnsafe(m, x.Args, depth)
			case "join":
				if len(x.Args) != 1 {
					return true
				}
				switch g := x.Args[0].(type) {
				case *ast.GeneratorExp:
					return !safeHTMLPart(m, g.Elt, depth+1)
				case *ast.ListComp:
					return !safeHTMLPart(m, g.Elt, depth+1)
				}
				return !safeHTMLPart(m, x.Args[0], depth+1)
			}
		}
	}
	return !safeHTMLPart(m, e, depth+1)
}

// partUnsafe is hasUnescapedPart for one operand of `+`, which may itself be
// a built string.
func partUnsafe(m *semantic.Model, e ast.Expr, depth int) bool {
	if safeHTMLPart(m, e, depth+1) {
		return false
	}
	if ruleutil.IsDynamicString(m, e) {
		return hasUnescapedPart(m, e, depth+1)
	}
	return true
}

func anyUnsafe(m *semantic.Model, es []ast.Expr, depth int) bool {
	for _, e := range es {
		if _, ok := e.(*ast.Starred); ok || !safeHTMLPart(m, e, depth+1) {
			return true
		}
	}
	return false
}

// formatOperands returns the values a `%` format interpolates.
func formatOperands(e ast.Expr) []ast.Expr {
	switch x := e.(type) {
	case *ast.Tuple:
		return x.Elts
	case *ast.Dict:
		return x.Values
	}
	return []ast.Expr{e}
}

package injection

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// requestData reports whether e reads data from the web request being
// served, the way Flask, Django, Django REST framework, aiohttp, Starlette
// and Tornado handlers do: request.args["q"], request.GET.get("q"),
// request.get_json()["q"], await request.json(), self.get_argument("q").
// It is the one source of tainted data a rule can see without a taint
// engine, and it turns "a variable" into the attacker's text.
func requestData(m *semantic.Model, e ast.Expr) bool {
	data := false
	for range maxDepth {
		switch x := e.(type) {
		case *ast.Subscript:
			e = x.Value
		case *ast.Await:
			e = x.Value
		case *ast.Call:
			if a, ok := x.Func.(*ast.Attribute); ok {
				switch a.Attr {
				case "get_argument", "get_arguments", "get_query_argument", "get_body_argument":
					return isSelf(a.Value) // Tornado's RequestHandler
				}
			}
			e = x.Func
		case *ast.Attribute:
			data = data || requestField(x.Attr)
			e = x.Value
		case *ast.Name:
			if !data || x.ID != "request" && x.ID != "req" {
				return false
			}
			// A parameter or a framework's request proxy, not a local built
			// from something else.
			u := m.Use(x)
			if u == nil {
				return false
			}
			switch u.Kind {
			case semantic.UseSymbol:
				b := u.Binding
				return b == nil || b.Kind == semantic.BindParam || b.Kind == semantic.BindImportFrom || b.Kind == semantic.BindImport
			case semantic.UseUnresolved, semantic.UseStar:
				return true
			}
			return false
		default:
			return false
		}
	}
	return false
}

// requestField reports the attributes of a request object that hold what
// the client sent.
func requestField(attr string) bool {
	switch attr {
	case "args", "form", "values", "json", "get_json", "data", "get_data", "files", "cookies", "headers",
		"GET", "POST", "COOKIES", "META", "FILES", "body", "query_params", "query", "match_info", "post",
		"path_params", "query_string", "path", "full_path", "url", "text":
		return true
	}
	return false
}

// isSelf reports whether e is the name self.
func isSelf(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	return ok && n.ID == "self"
}

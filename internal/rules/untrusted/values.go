package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// maxHops bounds how far the helpers below follow names to their values, which
// also stops cycles.
const maxHops = 6

// origin says what krait knows about where a value comes from.
type origin uint8

const (
	// fixed is a value the source fixes (a constant), or one that is escaped.
	fixed origin = iota
	// unknown is a value krait cannot see into: a parameter, a call result.
	unknown
	// built is a string assembled at run time from parts that are not constant.
	built
	// fromRequest is a value that mentions the web request being handled.
	fromRequest
)

// calleeTail returns the last dotted part of the name the callee has where
// it is defined: "loads" for `pickle.loads(...)`, and also for `pl(...)`
// after `from pickle import loads as pl`. It does not allocate, so rules
// switch on it before they resolve the full qualified name.
func calleeTail(m *semantic.Model, c *ast.Call) string {
	switch f := c.Func.(type) {
	case *ast.Attribute:
		return f.Attr
	case *ast.Name:
		return nameTail(m, f)
	}
	return ""
}

func nameTail(m *semantic.Model, n *ast.Name) string {
	for range maxHops {
		u := m.Use(n)
		if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil {
			return n.ID
		}
		b := u.Binding
		switch b.Kind {
		case semantic.BindImport, semantic.BindImportFrom:
			if b.Qualified == "" {
				return n.ID
			}
			return b.Qualified[strings.LastIndexByte(b.Qualified, '.')+1:]
		case semantic.BindAssign, semantic.BindAnnAssign, semantic.BindNamedExpr:
			switch v := b.Value.(type) {
			case *ast.Attribute:
				return v.Attr
			case *ast.Name:
				n = v
				continue
			}
		}
		return n.ID
	}
	return n.ID
}

// matchCallee returns the first of names that the call's callee resolves to,
// or "". It compares without allocating.
func matchCallee(m *semantic.Model, c *ast.Call, names ...string) string {
	for _, qn := range names {
		if m.QualifiedNameIs(c.Func, qn) {
			return qn
		}
	}
	return ""
}

// valueOf follows a name to the expression of the assignment in effect where
// the name is used (see the semantic package on "in effect"), so that
// `data = request.get_data(); pickle.loads(data)` shows the request. Unlike
// ruleutil.ValueOf it accepts names assigned more than once, which is what
// `x = f(x)` chains need; any other expression is returned as is.
func valueOf(m *semantic.Model, e ast.Expr) ast.Expr {
	for range maxHops {
		n, ok := e.(*ast.Name)
		if !ok {
			return e
		}
		u := m.Use(n)
		if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil || u.Binding.Value == nil {
			return e
		}
		switch u.Binding.Kind {
		case semantic.BindAssign, semantic.BindAnnAssign, semantic.BindNamedExpr:
			e = u.Binding.Value
		default:
			return e
		}
	}
	return e
}

// originOf classifies a value that a sink receives.
func originOf(m *semantic.Model, e ast.Expr) origin {
	if e == nil {
		return fixed
	}
	v := valueOf(m, e)
	if _, ok := m.ConstValue(v); ok {
		return fixed
	}
	if mentionsRequest(m, v, 0) {
		return fromRequest
	}
	if ruleutil.IsDynamicString(m, v) {
		return built
	}
	return unknown
}

// requestMethods are methods of a request handler (self) that return input.
func isRequestMethod(name string) bool {
	switch name {
	case "get_argument", "get_arguments", "get_query_argument", "get_body_argument", "get_cookie", "get_secure_cookie":
		return true
	}
	return false
}

// mentionsRequest reports whether e reads the web request being handled: a
// name `request` (Flask's global, a Django or FastAPI view parameter),
// `self.request`, a Tornado `self.get_argument(...)`, or a name whose value
// does, followed a few assignments back.
func mentionsRequest(m *semantic.Model, e ast.Expr, depth int) bool {
	if e == nil || depth > maxHops {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.Name:
			if isRequestName(m, x) {
				found = true
				return false
			}
			if v := valueOf(m, x); v != ast.Expr(x) {
				found = mentionsRequest(m, v, depth+1)
			}
			return false
		case *ast.Attribute:
			if s, ok := x.Value.(*ast.Name); ok && s.ID == "self" && x.Attr == "request" {
				found = true
				return false
			}
		case *ast.Call:
			if a, ok := x.Func.(*ast.Attribute); ok && isRequestMethod(a.Attr) {
				if s, ok := a.Value.(*ast.Name); ok && s.ID == "self" {
					found = true
					return false
				}
			}
		case *ast.Lambda:
			return false
		}
		return true
	})
	return found
}

// isRequestName reports whether n is the request: a framework's request
// global under any alias, or any other binding named request (a view
// parameter) that is not an import of something else, such as urllib's.
func isRequestName(m *semantic.Model, n *ast.Name) bool {
	if u := m.Use(n); u != nil && u.Kind == semantic.UseSymbol && u.Binding != nil {
		switch u.Binding.Kind {
		case semantic.BindImport, semantic.BindImportFrom:
			switch u.Binding.Qualified {
			case "flask.request", "quart.request", "bottle.request", "sanic.request", "werkzeug.local.request":
				return true
			}
			return false
		}
	}
	return n.ID == "request"
}

// isOpenOfConstant reports whether e is `open(<constant path>, ...)` (or a
// pathlib read of a constant path), a file the program's author chose.
func isOpenOfConstant(m *semantic.Model, e ast.Expr) bool {
	c, ok := valueOf(m, e).(*ast.Call)
	if !ok || len(c.Args) == 0 {
		return false
	}
	if !m.QualifiedNameIs(c.Func, "builtins.open") && !m.QualifiedNameIs(c.Func, "io.open") {
		return false
	}
	_, ok = m.ConstString(c.Args[0])
	return ok
}

// describe returns a short phrase for an origin, for messages.
func (o origin) describe() string {
	switch o {
	case fromRequest:
		return "request data"
	case built:
		return "a string built at run time"
	}
	return "data that may be untrusted"
}

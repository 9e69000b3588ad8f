package errhandling

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// leak is exception data found in an expression.
type leak struct {
	what      string    // for the message: "str(e)", "traceback.format_exc()"
	traceback bool      // a stack trace rather than a message
	root      *ast.Name // a name used in it, which locates the enclosing scope
}

// leakInCall looks for exception data in a response call's arguments.
func leakInCall(p *analysis.Pass, h *ast.ExceptHandler, c *ast.Call) (leak, bool) {
	for _, a := range c.Args {
		if l, ok := leakIn(p, h, a, 0); ok {
			return l, true
		}
	}
	for _, k := range c.Keywords {
		if l, ok := leakIn(p, h, k.Value, 0); ok {
			return l, true
		}
	}
	return leak{}, false
}

// leakIn finds exception data in e: the caught exception or a message or
// traceback built from it, directly or through containers, formatting,
// concatenation, str()/repr() and names assigned once from such a value.
func leakIn(p *analysis.Pass, h *ast.ExceptHandler, e ast.Expr, depth int) (leak, bool) {
	if e == nil || depth > maxLeakDepth {
		return leak{}, false
	}
	switch x := e.(type) {
	case *ast.Name:
		return leakName(p, h, x, depth)
	case *ast.Attribute:
		// e.args, e.message, e.strerror: the message by another name.
		if n, ok := x.Value.(*ast.Name); ok && isCaught(p, h, n) {
			switch x.Attr {
			case "args", "message", "msg", "strerror", "detail", "description", "orig", "pgerror", "reason", "text", "output", "stderr":
				return leak{what: n.ID + "." + x.Attr, root: n}, true
			}
		}
	case *ast.Subscript:
		return leakIn(p, h, x.Value, depth+1)
	case *ast.JoinedStr:
		for _, v := range x.Values {
			if fv, ok := v.(*ast.FormattedValue); ok {
				if l, ok := leakIn(p, h, fv.Value, depth+1); ok {
					return l, true
				}
			}
		}
	case *ast.BinOp:
		if x.Op == ast.Add || x.Op == ast.Mod {
			if l, ok := leakIn(p, h, x.Left, depth+1); ok {
				return l, true
			}
			return leakIn(p, h, x.Right, depth+1)
		}
	case *ast.Tuple:
		return leakInList(p, h, x.Elts, depth)
	case *ast.List:
		return leakInList(p, h, x.Elts, depth)
	case *ast.Dict:
		return leakInList(p, h, x.Values, depth)
	case *ast.Call:
		return leakCall(p, h, x, depth)
	}
	return leak{}, false
}

func leakInList(p *analysis.Pass, h *ast.ExceptHandler, elts []ast.Expr, depth int) (leak, bool) {
	for _, el := range elts {
		if l, ok := leakIn(p, h, el, depth+1); ok {
			return l, true
		}
	}
	return leak{}, false
}

// leakName handles the caught name itself and names assigned once from
// exception data (`msg = str(e)`; `tb = traceback.format_exc()`).
func leakName(p *analysis.Pass, h *ast.ExceptHandler, n *ast.Name, depth int) (leak, bool) {
	if isCaught(p, h, n) {
		return leak{what: "the exception " + n.ID, root: n}, true
	}
	u := p.Model.Use(n)
	if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil || u.Binding.Value == nil {
		return leak{}, false
	}
	if k := u.Binding.Kind; k != semantic.BindAssign && k != semantic.BindAnnAssign && k != semantic.BindNamedExpr {
		return leak{}, false
	}
	l, ok := leakIn(p, h, u.Binding.Value, depth+1)
	if ok {
		l.what, l.root = n.ID+" (from "+l.what+")", n
	}
	return l, ok
}

// isCaught reports whether n is the name an `except ... as name` binds.
func isCaught(p *analysis.Pass, h *ast.ExceptHandler, n *ast.Name) bool {
	if h.Name == "" || n.ID != h.Name {
		return false
	}
	u := p.Model.Use(n)
	return u != nil && u.Binding != nil && u.Binding.Kind == semantic.BindExcept
}

// leakCall handles tracebacks, sys.exc_info() and the calls that pass
// exception text through (str, repr, format, "...".format, "".join).
func leakCall(p *analysis.Pass, h *ast.ExceptHandler, c *ast.Call, depth int) (leak, bool) {
	m := p.Model
	switch tail := ruleutil.CalleeTail(c); tail {
	case "format_exc", "format_exception", "format_tb", "format_stack", "format_exception_only", "extract_tb", "exc_info":
		qn := m.CalleeName(c)
		if strings.HasPrefix(qn, "traceback.") || qn == "sys.exc_info" {
			return leak{what: qn + "()", traceback: tail != "format_exception_only", root: rootName(c.Func)}, true
		}
	case "str", "repr", "format", "join":
		if tail == "format" || tail == "join" {
			if _, ok := c.Func.(*ast.Attribute); ok {
				if l, ok := leakInList(p, h, c.Args, depth); ok {
					return l, true
				}
				for _, k := range c.Keywords {
					if l, ok := leakIn(p, h, k.Value, depth+1); ok {
						return l, true
					}
				}
				return leak{}, false
			}
		}
		if len(c.Args) == 1 && (m.QualifiedNameIs(c.Func, "builtins.str") || m.QualifiedNameIs(c.Func, "builtins.repr") ||
			m.QualifiedNameIs(c.Func, "builtins.format")) {
			l, ok := leakIn(p, h, c.Args[0], depth+1)
			if ok && l.what == "the exception "+h.Name {
				l.what = tail + "(" + h.Name + ")"
			}
			return l, ok
		}
	case "dict":
		if m.QualifiedNameIs(c.Func, "builtins.dict") {
			for _, k := range c.Keywords {
				if l, ok := leakIn(p, h, k.Value, depth+1); ok {
					return l, true
				}
			}
		}
	}
	return leak{}, false
}

// rootName returns the name at the root of an attribute chain, or nil.
func rootName(e ast.Expr) *ast.Name {
	for {
		switch x := e.(type) {
		case *ast.Name:
			return x
		case *ast.Attribute:
			e = x.Value
		default:
			return nil
		}
	}
}

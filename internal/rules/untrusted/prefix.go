package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// constPrefix returns the constant text a string built at run time starts
// with (the leading literals of an f-string, of `+` or `%` formatting, or of
// a `.format` template), and whether that text is the whole string.
func constPrefix(m *semantic.Model, e ast.Expr, depth int) (string, bool) {
	if depth > maxHops {
		return "", false
	}
	if s, ok := m.ConstString(e); ok {
		return s, true
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		var sb strings.Builder
		for _, v := range x.Values {
			k, ok := v.(*ast.Constant)
			if !ok || k.Value.Kind != ast.ConstStr {
				return sb.String(), false
			}
			sb.WriteString(k.Value.S)
		}
		return sb.String(), true
	case *ast.BinOp:
		switch x.Op {
		case ast.Add:
			l, whole := constPrefix(m, x.Left, depth+1)
			if !whole {
				return l, false
			}
			r, whole := constPrefix(m, x.Right, depth+1)
			return l + r, whole
		case ast.Mod:
			if s, ok := m.ConstString(x.Left); ok {
				return percentPrefix(m, s, formatOperands(x.Right)), false
			}
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "format" {
			if s, ok := m.ConstString(a.Value); ok {
				return bracePrefix(m, s, x), false
			}
		}
	case *ast.Name:
		if v := valueOf(m, x); v != ast.Expr(x) {
			return constPrefix(m, v, depth+1)
		}
	}
	return "", false
}

// percentPrefix returns the text `tmpl % args` starts with, substituting
// leading %s fields whose arguments are constant strings.
func percentPrefix(m *semantic.Model, tmpl string, args []ast.Expr) string {
	var sb strings.Builder
	for i := 0; ; i++ {
		before, after, found := strings.Cut(tmpl, "%")
		sb.WriteString(before)
		if !found || !strings.HasPrefix(after, "s") || i >= len(args) {
			return sb.String()
		}
		v, ok := m.ConstString(args[i])
		if !ok {
			return sb.String()
		}
		sb.WriteString(v)
		tmpl = after[1:]
	}
}

// bracePrefix returns the text `tmpl.format(...)` starts with, substituting
// leading {} and {name} fields whose arguments are constant strings.
func bracePrefix(m *semantic.Model, tmpl string, c *ast.Call) string {
	var sb strings.Builder
	for auto := 0; ; auto++ {
		before, after, found := strings.Cut(tmpl, "{")
		sb.WriteString(before)
		field, rest, closed := strings.Cut(after, "}")
		if !found || !closed || strings.HasPrefix(after, "{") {
			return sb.String()
		}
		var arg ast.Expr
		switch {
		case field == "":
			arg = ruleutil.Arg(c, auto, "")
		case field[0] >= '0' && field[0] <= '9':
			arg = ruleutil.Arg(c, int(field[0]-'0'), "")
			if len(field) > 1 {
				arg = nil
			}
		default:
			arg = ruleutil.Arg(c, -1, field)
		}
		v, ok := m.ConstString(arg)
		if arg == nil || !ok {
			return sb.String()
		}
		sb.WriteString(v)
		tmpl = rest
	}
}

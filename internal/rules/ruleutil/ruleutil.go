// Package ruleutil holds the small questions many rules ask of a call or an
// expression, answered once so that every rule asks them the same way.
package ruleutil

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// Keyword returns the keyword argument called name, or nil. A `**kwargs`
// argument is never returned.
func Keyword(c *ast.Call, name string) *ast.Keyword {
	for _, k := range c.Keywords {
		if k.Arg == name {
			return k
		}
	}
	return nil
}

// HasDoubleStar reports whether the call passes `**mapping`, which may hold
// any keyword: a rule that needs a keyword to be absent cannot be sure.
func HasDoubleStar(c *ast.Call) bool {
	for _, k := range c.Keywords {
		if k.Arg == "" {
			return true
		}
	}
	return false
}

// Arg returns the argument bound to a parameter that may be passed at
// position pos (0-based; -1 for keyword-only) or by keyword name, or nil.
// Positions after a *args argument are unknown and give nil.
func Arg(c *ast.Call, pos int, name string) ast.Expr {
	if name != "" {
		if k := Keyword(c, name); k != nil {
			return k.Value
		}
	}
	if pos < 0 {
		return nil
	}
	for i, a := range c.Args {
		if _, ok := a.(*ast.Starred); ok {
			return nil
		}
		if i == pos {
			return a
		}
	}
	return nil
}

// IsTrue reports whether e is known to be the constant True (or a truthy
// constant such as 1), through names bound once to constants.
func IsTrue(m *semantic.Model, e ast.Expr) bool {
	v, ok := m.ConstValue(e)
	if !ok {
		return false
	}
	switch v.Kind {
	case ast.ConstTrue:
		return true
	case ast.ConstInt:
		return v.S != "0"
	}
	return false
}

// IsFalse reports whether e is known to be False, None, 0 or an empty string.
func IsFalse(m *semantic.Model, e ast.Expr) bool {
	v, ok := m.ConstValue(e)
	if !ok {
		return false
	}
	switch v.Kind {
	case ast.ConstFalse, ast.ConstNone:
		return true
	case ast.ConstInt:
		return v.S == "0"
	case ast.ConstStr, ast.ConstBytes:
		return v.S == ""
	}
	return false
}

// IsNone reports whether e is the literal None.
func IsNone(e ast.Expr) bool {
	c, ok := e.(*ast.Constant)
	return ok && c.Value.Kind == ast.ConstNone
}

// KeywordIsTrue reports whether the call passes name=<known true value>.
func KeywordIsTrue(m *semantic.Model, c *ast.Call, name string) bool {
	k := Keyword(c, name)
	return k != nil && IsTrue(m, k.Value)
}

// KeywordIsFalse reports whether the call passes name=<known false value>.
func KeywordIsFalse(m *semantic.Model, c *ast.Call, name string) bool {
	k := Keyword(c, name)
	return k != nil && IsFalse(m, k.Value)
}

// IsDynamicString reports whether e builds a string at run time from parts
// that are not all constant: an f-string with a non-constant field, `%`
// formatting, `.format(...)`, `+` concatenation or `str.join` whose operands
// are not all constant. A plain name is dynamic only if it is not a known
// constant. It is the common test for "a query or command built from data".
func IsDynamicString(m *semantic.Model, e ast.Expr) bool {
	return dynamic(m, e, 0)
}

func dynamic(m *semantic.Model, e ast.Expr, depth int) bool {
	if depth > 32 || e == nil {
		return false
	}
	if _, ok := m.ConstValue(e); ok {
		return false
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		for _, v := range x.Values {
			if _, ok := v.(*ast.FormattedValue); ok {
				return true
			}
		}
		return false
	case *ast.BinOp:
		switch x.Op {
		case ast.Mod:
			return isStringish(m, x.Left)
		case ast.Add:
			if isStringish(m, x.Left) || isStringish(m, x.Right) {
				return true
			}
			return dynamic(m, x.Left, depth+1) || dynamic(m, x.Right, depth+1)
		}
		return false
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && (a.Attr == "format" || a.Attr == "join") {
			return isStringish(m, a.Value)
		}
		return false
	}
	return false
}

// isStringish reports whether e is known to produce a str: a literal, a
// string constant, an f-string, or an expression that builds one.
func isStringish(m *semantic.Model, e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.JoinedStr:
		return true
	case *ast.Constant:
		return x.Value.Kind == ast.ConstStr
	case *ast.BinOp:
		return (x.Op == ast.Add || x.Op == ast.Mod) && isStringish(m, x.Left)
	}
	v, ok := m.ConstValue(e)
	return ok && v.Kind == ast.ConstStr
}

// CallName returns the qualified name of the function c calls, or "" when it
// cannot be resolved. It is Model.CalleeName, named here so rules read alike.
func CallName(m *semantic.Model, c *ast.Call) string { return m.CalleeName(c) }

// MethodName returns the attribute name of a method call `x.name(...)`, or
// "" when the callee is not an attribute. Use it only where the receiver's
// type cannot be resolved and the method name alone is distinctive.
func MethodName(c *ast.Call) string {
	if a, ok := c.Func.(*ast.Attribute); ok {
		return a.Attr
	}
	return ""
}

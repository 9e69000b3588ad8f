package semantic

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
)

const (
	// maxConstDepth bounds the nesting a constant evaluation follows.
	maxConstDepth = 64
	// maxConstSteps bounds the nodes one evaluation visits, so that
	// `b = a + a; c = b + b; ...` cannot blow up exponentially, while a
	// generated concatenation of many thousand literals still folds.
	maxConstSteps = 1 << 18
	// maxConstLen bounds the length of a computed string or bytes value.
	maxConstLen = 1 << 20
)

// ConstValue returns the value of an expression that the source fixes:
//
//   - literals;
//   - names bound exactly once in their scope, by `name = value`,
//     `name: T = value` or a walrus, to a constant expression: not
//     parameters, not reassigned (also not through global or nonlocal from
//     another scope), not deleted, and not followed by `from m import *`;
//   - str + str and bytes + bytes;
//   - f-strings whose every part is constant, without format specs, with
//     !s, !r or !a (the last only when the repr is ASCII);
//   - unary minus or plus on an int or a float (an int's S then starts
//     with "-" when negative).
//
// It reports false for anything else, and when following names exceeds its
// depth limit (which stops cycles) or its work and size limits.
func (m *Model) ConstValue(e ast.Expr) (ast.ConstValue, bool) { return m.constValue(e, 0) }

// ConstString returns the value of an expression that ConstValue fixes to a
// str.
func (m *Model) ConstString(e ast.Expr) (string, bool) { return m.constString(e, 0) }

func (m *Model) constValue(e ast.Expr, depth int) (ast.ConstValue, bool) {
	c := constEval{m: m}
	return c.eval(e, depth)
}

func (m *Model) constString(e ast.Expr, depth int) (string, bool) {
	v, ok := m.constValue(e, depth)
	if !ok || v.Kind != ast.ConstStr {
		return "", false
	}
	return v.S, true
}

type constEval struct {
	m     *Model
	steps int
}

func (c *constEval) eval(e ast.Expr, depth int) (ast.ConstValue, bool) {
	c.steps++
	if e == nil || depth > maxConstDepth || c.steps > maxConstSteps {
		return ast.ConstValue{}, false
	}
	switch e := e.(type) {
	case *ast.Constant:
		return e.Value, true
	case *ast.Name:
		return c.name(e, depth)
	case *ast.BinOp:
		return c.concat(e, depth)
	case *ast.UnaryOp:
		return c.unary(e, depth)
	case *ast.JoinedStr:
		return c.fstring(e, depth)
	}
	return ast.ConstValue{}, false
}

// name follows a name to the only value it is ever bound to.
func (c *constEval) name(n *ast.Name, depth int) (ast.ConstValue, bool) {
	u := c.m.Use(n)
	if u == nil || u.Kind != UseSymbol || u.Symbol.nreal != 1 {
		return ast.ConstValue{}, false
	}
	var bd *Binding
	for _, b := range u.Symbol.Bindings {
		if b.Kind != BindDeclare {
			bd = b
		}
	}
	switch {
	case bd == nil, bd.Value == nil:
		return ast.ConstValue{}, false
	case bd.Kind != BindAssign && bd.Kind != BindAnnAssign && bd.Kind != BindNamedExpr:
		return ast.ConstValue{}, false
	}
	if u.Symbol.Scope.Kind == ScopeModule {
		for _, i := range c.m.stars {
			if start(c.m.imports[i].Pos) > bd.eff {
				return ast.ConstValue{}, false // the star import may rebind it
			}
		}
	}
	return c.eval(bd.Value, depth+1)
}

// concat folds a chain of + over str or bytes operands, walking the left
// spine in a loop so that long chains cost no recursion depth.
func (c *constEval) concat(e *ast.BinOp, depth int) (ast.ConstValue, bool) {
	var buf [8]ast.Expr
	rights := buf[:0]
	var x ast.Expr = e
	for {
		o, ok := x.(*ast.BinOp)
		if !ok {
			break
		}
		if o.Op != ast.Add {
			return ast.ConstValue{}, false
		}
		rights = append(rights, o.Right)
		x = o.Left
	}
	first, ok := c.eval(x, depth+1)
	if !ok || (first.Kind != ast.ConstStr && first.Kind != ast.ConstBytes) {
		return ast.ConstValue{}, false
	}
	var sb strings.Builder
	sb.WriteString(first.S)
	for i := len(rights) - 1; i >= 0; i-- {
		v, ok := c.eval(rights[i], depth+1)
		if !ok || v.Kind != first.Kind || sb.Len()+len(v.S) > maxConstLen {
			return ast.ConstValue{}, false
		}
		sb.WriteString(v.S)
	}
	return ast.ConstValue{Kind: first.Kind, S: sb.String()}, true
}

func (c *constEval) unary(e *ast.UnaryOp, depth int) (ast.ConstValue, bool) {
	if e.Op != ast.USub && e.Op != ast.UAdd {
		return ast.ConstValue{}, false
	}
	v, ok := c.eval(e.Operand, depth+1)
	if !ok {
		return v, false
	}
	switch v.Kind {
	case ast.ConstInt:
		if e.Op == ast.USub && v.S != "0" {
			if s, neg := strings.CutPrefix(v.S, "-"); neg {
				v.S = s
			} else {
				v.S = "-" + v.S
			}
		}
		return v, true
	case ast.ConstFloat:
		if e.Op == ast.USub {
			v.F = -v.F
		}
		return v, true
	}
	return ast.ConstValue{}, false
}

// Conversion codes of FormattedValue, as CPython stores them.
const (
	convNone  = -1
	convStr   = 's'
	convRepr  = 'r'
	convASCII = 'a'
)

func (c *constEval) fstring(e *ast.JoinedStr, depth int) (ast.ConstValue, bool) {
	var sb strings.Builder
	for _, part := range e.Values {
		var s string
		switch p := part.(type) {
		case *ast.Constant:
			if p.Value.Kind != ast.ConstStr {
				return ast.ConstValue{}, false
			}
			s = p.Value.S
		case *ast.FormattedValue:
			if !emptySpec(p.FormatSpec) {
				return ast.ConstValue{}, false
			}
			v, ok := c.eval(p.Value, depth+1)
			if !ok {
				return ast.ConstValue{}, false
			}
			if s, ok = convert(v, p.Conversion); !ok {
				return ast.ConstValue{}, false
			}
		default:
			return ast.ConstValue{}, false
		}
		if sb.Len()+len(s) > maxConstLen {
			return ast.ConstValue{}, false
		}
		sb.WriteString(s)
	}
	return ast.ConstValue{Kind: ast.ConstStr, S: sb.String()}, true
}

// emptySpec reports whether a format spec is absent or empty (`f"{x:}"`),
// in which case format(x, "") equals str(x) for every constant type.
func emptySpec(spec ast.Expr) bool {
	if spec == nil {
		return true
	}
	j, ok := spec.(*ast.JoinedStr)
	if !ok {
		return false
	}
	for _, p := range j.Values {
		if k, ok := p.(*ast.Constant); !ok || k.Value.Kind != ast.ConstStr || k.Value.S != "" {
			return false
		}
	}
	return true
}

// convert applies an f-string conversion to a constant.
func convert(v ast.ConstValue, conv int) (string, bool) {
	switch conv {
	case convNone, convStr:
		if v.Kind == ast.ConstStr {
			return v.S, true
		}
		return v.Repr(), true
	case convRepr:
		return v.Repr(), true
	case convASCII:
		r := v.Repr()
		for i := 0; i < len(r); i++ {
			if r[i] >= 0x80 {
				return "", false
			}
		}
		return r, true
	}
	return "", false
}

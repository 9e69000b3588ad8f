package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// binaryOp maps a token to the operator of the binary level lvl, whose
// operands are parsed at level lvl+1.
func binaryOp(lvl int, k token.Kind) (ast.Operator, bool) {
	switch lvl {
	case lvlBitOr:
		return ast.BitOr, k == token.VBar
	case lvlBitXor:
		return ast.BitXor, k == token.Circumflex
	case lvlBitAnd:
		return ast.BitAnd, k == token.Amper
	case lvlShift:
		switch k {
		case token.LeftShift:
			return ast.LShift, true
		case token.RightShift:
			return ast.RShift, true
		}
	case lvlSum:
		switch k {
		case token.Plus:
			return ast.Add, true
		case token.Minus:
			return ast.Sub, true
		}
	case lvlTerm:
		switch k {
		case token.Star:
			return ast.Mult, true
		case token.Slash:
			return ast.Div, true
		case token.DoubleSlash:
			return ast.FloorDiv, true
		case token.Percent:
			return ast.Mod, true
		case token.At:
			return ast.MatMult, true
		}
	}
	return 0, false
}

// The binary operator levels, loosest first: bitwise_or, bitwise_xor,
// bitwise_and, shift_expr, sum, term; the level after term is factor.
const (
	lvlBitOr = iota
	lvlBitXor
	lvlBitAnd
	lvlShift
	lvlSum
	lvlTerm
	lvlFactor
)

// binary parses the left-recursive rule of level lvl as a loop:
// operand (op operand)*, each BinOp spanning from the chain's start.
func (p *parser) binary(lvl int) ast.Expr {
	if lvl == lvlFactor {
		return p.factor()
	}
	if p.invalid {
		switch lvl {
		case lvlShift:
			p.invalidArithmetic()
		case lvlTerm:
			p.invalidFactor()
		}
		if p.err != nil {
			return nil
		}
	}
	start := p.pos
	a := p.binary(lvl + 1)
	if a == nil {
		return nil
	}
	for {
		o, ok := binaryOp(lvl, p.kind())
		if !ok {
			return a
		}
		save := p.pos
		p.pos++
		b := p.binary(lvl + 1)
		if b == nil {
			p.pos = save
			return a
		}
		n := p.nodes.binOps.new()
		*n = ast.BinOp{Pos: p.span(start), Left: a, Op: o, Right: b}
		a = n
	}
}

// binaryLevel is the binary level of an operator token, or -1.
func binaryLevel(k token.Kind) (int, ast.Operator) {
	switch k {
	case token.VBar:
		return lvlBitOr, ast.BitOr
	case token.Circumflex:
		return lvlBitXor, ast.BitXor
	case token.Amper:
		return lvlBitAnd, ast.BitAnd
	case token.LeftShift:
		return lvlShift, ast.LShift
	case token.RightShift:
		return lvlShift, ast.RShift
	case token.Plus:
		return lvlSum, ast.Add
	case token.Minus:
		return lvlSum, ast.Sub
	case token.Star:
		return lvlTerm, ast.Mult
	case token.Slash:
		return lvlTerm, ast.Div
	case token.DoubleSlash:
		return lvlTerm, ast.FloorDiv
	case token.Percent:
		return lvlTerm, ast.Mod
	case token.At:
		return lvlTerm, ast.MatMult
	}
	return -1, 0
}

// climb is binary(lvl) for the first pass, by precedence climbing: given
// a, the first factor, starting at token start, it parses the operators of
// level lvl and tighter, building the tree binary's loops would, with one
// call per operand instead of one per level. Like binary, it stops at an
// operator whose right operand fails, leaving that operator unconsumed;
// stopped reports this, so that callers stop as binary's enclosing levels,
// which cannot match that operator, do.
func (p *parser) climb(start int, a ast.Expr, lvl int) (e ast.Expr, stopped bool) {
	for {
		l, o := binaryLevel(p.kind())
		if l < lvl {
			return a, false
		}
		save := p.pos
		p.pos++
		bStart := p.pos
		b := p.factor()
		if b == nil {
			p.pos = save
			return a, true
		}
		b, stopped = p.climb(bStart, b, l+1)
		n := p.nodes.binOps.new()
		*n = ast.BinOp{Pos: p.span(start), Left: a, Op: o, Right: b}
		a = n
		if stopped {
			return a, true
		}
	}
}

func (p *parser) bitwiseOr() ast.Expr {
	if !p.invalid {
		if e := p.simpleAtom(); e != nil {
			return e
		}
		start := p.pos
		a := p.factor()
		if a == nil {
			return nil
		}
		a, _ = p.climb(start, a, lvlBitOr)
		return a
	}
	start := p.pos
	if m, ok := p.memoGet(memoBitwiseOr); ok {
		p.pos = m.end
		return m.node
	}
	e := p.binary(lvlBitOr)
	p.memoSet(memoBitwiseOr, start, e)
	return e
}

func (p *parser) sum() ast.Expr { return p.binary(lvlSum) }

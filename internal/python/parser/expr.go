package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// Memo slots for the rules the second pass re-enters often.
const (
	memoExpression uint8 = iota + 1
	memoDisjunction
	memoStarExpression
	memoBitwiseOr
)

// expressions: expression (',' expression)* [','] as a Tuple when a comma occurs.
func (p *parser) expressions() ast.Expr {
	start := p.pos
	e := p.expression()
	if e == nil || p.kind() != token.Comma {
		return e
	}
	mark := p.exprs.mark()
	p.exprs.push(e)
	for p.kind() == token.Comma {
		p.pos++
		save := p.pos
		x := p.expression()
		if x == nil {
			p.pos = save
			break
		}
		p.exprs.push(x)
	}
	return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: p.exprs.take(mark), Ctx: ast.Load})
}

// starExpressions: star_expression (',' star_expression)* [','].
func (p *parser) starExpressions() ast.Expr {
	start := p.pos
	e := p.starExpression()
	if e == nil || p.kind() != token.Comma {
		return e
	}
	mark := p.exprs.mark()
	p.exprs.push(e)
	for p.kind() == token.Comma {
		p.pos++
		save := p.pos
		x := p.starExpression()
		if x == nil {
			p.pos = save
			break
		}
		p.exprs.push(x)
	}
	return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: p.exprs.take(mark), Ctx: ast.Load})
}

// starExpression: '*' bitwise_or | expression.
func (p *parser) starExpression() ast.Expr {
	if p.kind() == token.Star {
		start := p.pos
		p.pos++
		v := p.bitwiseOr()
		if v == nil {
			p.pos = start
			return nil
		}
		return put(&p.nodes.starreds, ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Load})
	}
	return p.expression()
}

// starNamedExpressions: ','.star_named_expression+ [','].
func (p *parser) starNamedExpressions() []ast.Expr {
	mark := p.exprs.mark()
	p.pushStarNamedExpressions()
	return p.exprs.take(mark)
}

// pushStarNamedExpressions is starNamedExpressions pushing the expressions
// on p.exprs; it reports whether there was one.
func (p *parser) pushStarNamedExpressions() bool {
	e := p.starNamedExpression()
	if e == nil {
		return false
	}
	p.exprs.push(e)
	p.pushMoreStarNamed()
	return true
}

// pushMoreStarNamed pushes the (',' star_named_expression)* that follow a
// first element, leaving a trailing comma consumed.
func (p *parser) pushMoreStarNamed() {
	for p.kind() == token.Comma {
		p.pos++
		save := p.pos
		x := p.starNamedExpression()
		if x == nil {
			p.pos = save
			break
		}
		p.exprs.push(x)
	}
}

// starNamedExpression: '*' bitwise_or | named_expression.
func (p *parser) starNamedExpression() ast.Expr {
	if p.kind() == token.Star {
		start := p.pos
		p.pos++
		v := p.bitwiseOr()
		if v == nil {
			p.pos = start
			return nil
		}
		return put(&p.nodes.starreds, ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Load})
	}
	return p.namedExpression()
}

// assignmentExpression: NAME ':=' ~ expression. cut reports whether the
// cut was passed, so that callers try no other alternative.
func (p *parser) assignmentExpression() (e ast.Expr, cut bool) {
	if p.kind() != token.Name || p.kindAt(1) != token.ColonEqual {
		return nil, false
	}
	start := p.pos
	p.pos += 2
	v := p.expression()
	if v == nil {
		p.pos = start
		return nil, true
	}
	target := put(&p.nodes.names, ast.Name{Pos: p.tokPos(start), ID: p.ident(start), Ctx: ast.Store})
	return put(&p.nodes.namedExprs, ast.NamedExpr{Pos: p.span(start), Target: target, Value: v}), false
}

// namedExpression: assignment_expression | invalid_named_expression | expression !':='.
func (p *parser) namedExpression() ast.Expr {
	e, cut := p.assignmentExpression()
	if e != nil || cut {
		return e
	}
	if p.invalid {
		p.invalidNamedExpression()
		if p.err != nil {
			return nil
		}
	}
	start := p.pos
	e = p.expression()
	if e != nil && p.kind() == token.ColonEqual {
		p.pos = start
		return nil
	}
	return e
}

// expression: if_expression | disjunction | lambdef, after the invalid_*
// alternatives in the second pass.
func (p *parser) expression() ast.Expr {
	if p.err != nil {
		return nil
	}
	start := p.pos
	if p.invalid {
		if m, ok := p.memoGet(memoExpression); ok {
			p.pos = m.end
			return m.node
		}
		p.invalidIfExpression()
		p.invalidExpression()
		p.invalidLegacyExpression()
		if p.err != nil {
			return nil
		}
	}
	if !p.invalid {
		if e := p.simpleAtom(); e != nil {
			return e
		}
	}
	if !p.enter() {
		return nil
	}
	e := p.expressionWithoutInvalid()
	p.leave()
	if p.invalid {
		p.memoSet(memoExpression, start, e)
	}
	return e
}

// expressionWithoutInvalid is the body of expression: if_expression | disjunction | lambdef.
func (p *parser) expressionWithoutInvalid() ast.Expr {
	k := p.kind()
	if k == token.KwLambda {
		return p.lambdef()
	}
	start := p.pos
	var a ast.Expr
	if !p.invalid && k != token.KwNot {
		// disjunction's chain of rules, each of which begins with the next
		// when the first token is no 'not', run from the innermost out: one
		// call per level instead of a call nesting all of them.
		if a = p.bitwiseOr(); a == nil {
			return nil
		}
		a = p.orRest(start, p.andRest(start, p.comparisonRest(start, a)))
	} else if a = p.disjunction(); a == nil {
		return nil
	}
	if p.kind() != token.KwIf {
		return a
	}
	after := p.pos
	p.pos++
	b := p.disjunction()
	if b == nil || p.kind() != token.KwElse {
		p.pos = after
		return a
	}
	p.pos++
	c := p.expression()
	if c == nil {
		p.pos = after
		return a
	}
	return put(&p.nodes.ifExps, ast.IfExp{Pos: p.span(start), Test: b, Body: a, Orelse: c})
}

// noInvalid runs f with the invalid_* rules off, as the _without_invalid rules do.
func (p *parser) noInvalid(f func() ast.Expr) ast.Expr {
	old := p.invalid
	p.invalid = false
	e := f()
	p.invalid = old
	return e
}

// disjunction: conjunction ('or' conjunction)+ | conjunction.
func (p *parser) disjunction() ast.Expr {
	start := p.pos
	if p.invalid {
		if m, ok := p.memoGet(memoDisjunction); ok {
			p.pos = m.end
			return m.node
		}
	}
	a := p.orRest(start, p.conjunction())
	if p.invalid {
		p.memoSet(memoDisjunction, start, a)
	}
	return a
}

// orRest parses the ('or' conjunction)+ after a, a conjunction that starts
// at token start; nil a is passed through.
func (p *parser) orRest(start int, a ast.Expr) ast.Expr {
	if a != nil && p.kind() == token.KwOr {
		mark := p.exprs.mark()
		p.exprs.push(a)
		for p.kind() == token.KwOr {
			save := p.pos
			p.pos++
			b := p.conjunction()
			if b == nil {
				p.pos = save
				break
			}
			p.exprs.push(b)
		}
		if p.exprs.count(mark) > 1 {
			a = put(&p.nodes.boolOps, ast.BoolOp{Pos: p.span(start), Op: ast.Or, Values: p.exprs.take(mark)})
		} else {
			p.exprs.drop(mark)
		}
	}
	return a
}

// conjunction: inversion ('and' inversion)+ | inversion.
func (p *parser) conjunction() ast.Expr {
	start := p.pos
	return p.andRest(start, p.inversion())
}

// andRest parses the ('and' inversion)+ after a, an inversion that starts
// at token start; nil a is passed through.
func (p *parser) andRest(start int, a ast.Expr) ast.Expr {
	if a == nil || p.kind() != token.KwAnd {
		return a
	}
	mark := p.exprs.mark()
	p.exprs.push(a)
	for p.kind() == token.KwAnd {
		save := p.pos
		p.pos++
		b := p.inversion()
		if b == nil {
			p.pos = save
			break
		}
		p.exprs.push(b)
	}
	if p.exprs.count(mark) == 1 {
		p.exprs.drop(mark)
		return a
	}
	return put(&p.nodes.boolOps, ast.BoolOp{Pos: p.span(start), Op: ast.And, Values: p.exprs.take(mark)})
}

// inversion: 'not' inversion | comparison.
func (p *parser) inversion() ast.Expr {
	if p.kind() != token.KwNot {
		return p.comparison()
	}
	start := p.pos
	if !p.enter() {
		return nil
	}
	p.pos++
	a := p.inversion()
	p.leave()
	if a == nil {
		p.pos = start
		return nil
	}
	return put(&p.nodes.unaryOps, ast.UnaryOp{Pos: p.span(start), Op: ast.Not, Operand: a})
}

// compareOp reads one comparison operator, returning false at none.
func (p *parser) compareOp() (ast.CmpOp, bool) {
	switch p.kind() {
	case token.EqEqual:
		p.pos++
		return ast.Eq, true
	case token.NotEqual:
		p.pos++
		return ast.NotEq, true
	case token.LessEqual:
		p.pos++
		return ast.LtE, true
	case token.Less:
		p.pos++
		return ast.Lt, true
	case token.GreaterEqual:
		p.pos++
		return ast.GtE, true
	case token.Greater:
		p.pos++
		return ast.Gt, true
	case token.KwNot:
		if p.kindAt(1) == token.KwIn {
			p.pos += 2
			return ast.NotIn, true
		}
	case token.KwIn:
		p.pos++
		return ast.In, true
	case token.KwIs:
		if p.kindAt(1) == token.KwNot {
			p.pos += 2
			return ast.IsNot, true
		}
		p.pos++
		return ast.Is, true
	}
	return 0, false
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or.
func (p *parser) comparison() ast.Expr {
	start := p.pos
	return p.comparisonRest(start, p.bitwiseOr())
}

// comparisonRest parses the compare_op_bitwise_or_pair+ after a, a
// bitwise_or that starts at token start; nil a is passed through.
func (p *parser) comparisonRest(start int, a ast.Expr) ast.Expr {
	if a == nil {
		return nil
	}
	opMark, cmpMark := p.ops.mark(), p.exprs.mark()
	for {
		save := p.pos
		op, ok := p.compareOp()
		if !ok {
			break
		}
		b := p.bitwiseOr()
		if b == nil {
			p.pos = save
			break
		}
		p.ops.push(op)
		p.exprs.push(b)
	}
	if p.ops.count(opMark) == 0 {
		return a
	}
	return put(&p.nodes.compares, ast.Compare{Pos: p.span(start), Left: a, Ops: p.ops.take(opMark), Comparators: p.exprs.take(cmpMark)})
}

// isSimpleEnd reports whether a token ends any expression that a lone
// atom before it could start, so the atom is the whole expression.
func isSimpleEnd(k token.Kind) bool {
	switch k {
	case token.Comma, token.RPar, token.RSqb, token.RBrace, token.Colon, token.Newline,
		token.Equal, token.Semi, token.KwFor, token.KwAs, token.KwElse, token.RArrow:
		return true
	}
	_, aug := augOp(k)
	return aug
}

// simpleAtom is a fast path for the commonest expression: a name or a
// number followed by a token that ends the expression.
func (p *parser) simpleAtom() ast.Expr {
	k := p.kind()
	if (k != token.Name && k != token.Number) || p.pos+1 >= len(p.toks) {
		return nil
	}
	if p.pos+1 >= p.fill {
		p.pos++
		p.fetch()
		p.pos--
	}
	if !isSimpleEnd(p.toks[p.pos+1].Kind) {
		return nil
	}
	return p.atom()
}

// factor: '+' factor | '-' factor | '~' factor | power.
func (p *parser) factor() ast.Expr {
	var op ast.UnaryOperator
	switch p.kind() {
	case token.Plus:
		op = ast.UAdd
	case token.Minus:
		op = ast.USub
	case token.Tilde:
		op = ast.Invert
	default:
		return p.power()
	}
	start := p.pos
	if !p.enter() {
		return nil
	}
	p.pos++
	a := p.factor()
	p.leave()
	if a == nil {
		p.pos = start
		return nil
	}
	return put(&p.nodes.unaryOps, ast.UnaryOp{Pos: p.span(start), Op: op, Operand: a})
}

// power: await_primary '**' factor | await_primary.
func (p *parser) power() ast.Expr {
	start := p.pos
	a := p.awaitPrimary()
	if a == nil || p.kind() != token.DoubleStar {
		return a
	}
	save := p.pos
	p.pos++
	if !p.enter() {
		return nil
	}
	b := p.factor()
	p.leave()
	if b == nil {
		p.pos = save
		return a
	}
	return put(&p.nodes.binOps, ast.BinOp{Pos: p.span(start), Left: a, Op: ast.Pow, Right: b})
}

// awaitPrimary: 'await' primary | primary.
func (p *parser) awaitPrimary() ast.Expr {
	if p.kind() != token.KwAwait {
		return p.primary()
	}
	start := p.pos
	p.pos++
	a := p.primary()
	if a == nil {
		p.pos = start
		return nil
	}
	return put(&p.nodes.awaits, ast.Await{Pos: p.span(start), Value: a})
}

// primary: atom followed by any number of '.' NAME, genexp, '(' arguments ')'
// and '[' slices ']' trailers (CPython's left-recursive primary as a loop).
func (p *parser) primary() ast.Expr {
	start := p.pos
	a := p.atom()
	if a == nil {
		return nil
	}
	for {
		t := p.trailer(start, a)
		if t == nil {
			return a
		}
		a = t
	}
}

// trailer parses one primary trailer after a, or returns nil, unmoved.
func (p *parser) trailer(start int, a ast.Expr) ast.Expr {
	switch p.kind() {
	case token.Dot:
		if p.kindAt(1) != token.Name {
			return nil
		}
		p.pos += 2
		n := p.nodes.attributes.new()
		*n = ast.Attribute{Pos: p.span(start), Value: a, Attr: p.ident(p.pos - 1), Ctx: ast.Load}
		return n
	case token.LPar:
		save := p.pos
		if g := p.genexp(); g != nil {
			return put(&p.nodes.calls, ast.Call{Pos: p.span(start), Func: a, Args: p.exprs.one(g)})
		}
		if p.err != nil {
			return nil
		}
		p.pos++
		var args []ast.Expr
		var kws []*ast.Keyword
		if p.kind() != token.RPar {
			var ok bool
			args, kws, ok = p.arguments()
			if !ok {
				p.pos = save
				return nil
			}
		}
		if !p.accept(token.RPar) {
			p.pos = save
			return nil
		}
		n := p.nodes.calls.new()
		*n = ast.Call{Pos: p.span(start), Func: a, Args: args, Keywords: kws}
		return n
	case token.LSqb:
		save := p.pos
		p.pos++
		s := p.slices()
		if s == nil || !p.accept(token.RSqb) {
			p.pos = save
			return nil
		}
		return put(&p.nodes.subscripts, ast.Subscript{Pos: p.span(start), Value: a, Slice: s, Ctx: ast.Load})
	}
	return nil
}

// slices: slice !',' | ','.(slice | starred_expression)+ [','].
func (p *parser) slices() ast.Expr {
	start := p.pos
	first := p.sliceOrStarred()
	if first == nil {
		return nil
	}
	if p.kind() != token.Comma {
		if _, ok := first.(*ast.Starred); !ok {
			return first
		}
		return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: p.exprs.one(first), Ctx: ast.Load})
	}
	mark := p.exprs.mark()
	p.exprs.push(first)
	for p.kind() == token.Comma {
		p.pos++
		save := p.pos
		x := p.sliceOrStarred()
		if x == nil {
			p.pos = save
			break
		}
		p.exprs.push(x)
	}
	return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: p.exprs.take(mark), Ctx: ast.Load})
}

func (p *parser) sliceOrStarred() ast.Expr {
	if p.kind() == token.Star {
		return p.starredExpression()
	}
	return p.slice()
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression.
func (p *parser) slice() ast.Expr {
	start := p.pos
	var lower ast.Expr
	if p.kind() != token.Colon {
		// One parse serves both alternatives, so that nested subscripts
		// take linear time.
		lower = p.namedExpression()
		if lower == nil || p.kind() != token.Colon {
			return lower
		}
	}
	p.pos++ // ':'
	var upper, step ast.Expr
	if k := p.kind(); k != token.Colon && k != token.Comma && k != token.RSqb {
		save := p.pos
		if upper = p.expression(); upper == nil {
			p.pos = save
		}
	}
	if p.kind() == token.Colon {
		p.pos++
		if k := p.kind(); k != token.Comma && k != token.RSqb {
			save := p.pos
			if step = p.expression(); step == nil {
				p.pos = save
			}
		}
	}
	return put(&p.nodes.slices, ast.Slice{Pos: p.span(start), Lower: lower, Upper: upper, Step: step})
}

// starredExpression: '*' expression (with the invalid_* alternatives around it).
func (p *parser) starredExpression() ast.Expr {
	if p.kind() != token.Star {
		return nil
	}
	start := p.pos
	if p.invalid {
		p.invalidStarredExpressionUnpacking()
		if p.err != nil {
			return nil
		}
	}
	p.pos++
	v := p.expression()
	if v == nil {
		p.pos = start
		if p.invalid {
			// invalid_starred_expression: '*'
			p.pos++
			p.raise("Invalid star expression")
			p.pos = start
		}
		return nil
	}
	return put(&p.nodes.starreds, ast.Starred{Pos: p.span(start), Value: v, Ctx: ast.Load})
}

// atom is a name, a constant, a string, or a bracketed display.
func (p *parser) atom() ast.Expr {
	i := p.pos
	switch p.kind() {
	case token.Name:
		p.pos++
		n := p.nodes.names.new()
		*n = ast.Name{Pos: p.tokPos(i), ID: p.ident(i), Ctx: ast.Load}
		return n
	case token.KwTrue:
		p.pos++
		return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(i), Value: ast.ConstValue{Kind: ast.ConstTrue}})
	case token.KwFalse:
		p.pos++
		return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(i), Value: ast.ConstValue{Kind: ast.ConstFalse}})
	case token.KwNone:
		p.pos++
		return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(i), Value: ast.ConstValue{Kind: ast.ConstNone}})
	case token.Ellipsis:
		p.pos++
		return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(i), Value: ast.ConstValue{Kind: ast.ConstEllipsis}})
	case token.Number:
		return p.number()
	case token.String, token.FStringStart, token.TStringStart:
		return p.strings()
	case token.LPar:
		return p.parenAtom()
	case token.LSqb:
		return p.bracketAtom()
	case token.LBrace:
		return p.braceAtom()
	}
	return nil
}

package parser

import (
	"strconv"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// matchStmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT.
// On failure the caller reparses the line as a simple statement.
func (p *parser) matchStmt() ast.Stmt {
	start := p.pos
	p.pos++
	subject := p.subjectExpr()
	if subject == nil {
		p.pos = start
		return nil
	}
	if p.kind() != token.Colon {
		if p.invalid && p.kind() == token.Newline {
			p.raise("expected ':'")
		}
		p.pos = start
		return nil
	}
	p.pos++
	if p.kind() != token.Newline || p.kindAt(1) != token.Indent {
		p.indentedBlockAfter(start, "'match' statement")
		p.pos = start
		return nil
	}
	p.pos += 2
	var cases []*ast.MatchCase
	for p.isName("case") {
		c := p.caseBlock()
		if c == nil {
			break
		}
		cases = append(cases, c)
	}
	if cases == nil || !p.accept(token.Dedent) {
		p.pos = start
		return nil
	}
	return &ast.Match{Pos: p.span(start), Subject: subject, Cases: cases}
}

// subjectExpr: star_named_expression ',' star_named_expressions? | named_expression.
func (p *parser) subjectExpr() ast.Expr {
	start := p.pos
	first := p.starNamedExpression()
	if first == nil {
		return nil
	}
	if p.kind() != token.Comma {
		if _, ok := first.(*ast.Starred); ok {
			p.pos = start
			return nil
		}
		return first
	}
	p.pos++
	elts := []ast.Expr{first}
	save := p.pos
	if rest := p.starNamedExpressions(); rest != nil {
		elts = append(elts, rest...)
	} else {
		p.pos = save
	}
	return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Load})
}

// caseBlock: "case" patterns guard? ':' block.
func (p *parser) caseBlock() *ast.MatchCase {
	start := p.pos
	p.pos++
	pat := p.patterns()
	if pat == nil {
		p.pos = start
		return nil
	}
	var guard ast.Expr
	if p.kind() == token.KwIf {
		save := p.pos
		p.pos++
		if guard = p.namedExpression(); guard == nil {
			p.pos = save
		}
	}
	body := p.blockAfterColon(start, "'case' statement")
	if body == nil {
		p.pos = start
		return nil
	}
	return &ast.MatchCase{Pattern: pat, Guard: guard, Body: body}
}

// patterns: open_sequence_pattern | pattern.
func (p *parser) patterns() ast.Pattern {
	start := p.pos
	first := p.maybeStarPattern()
	if first == nil {
		return nil
	}
	if p.kind() != token.Comma {
		if _, ok := first.(*ast.MatchStar); ok {
			p.pos = start
			return nil
		}
		return first
	}
	pats := []ast.Pattern{first}
	for p.kind() == token.Comma {
		p.pos++
		save := p.pos
		x := p.maybeStarPattern()
		if x == nil {
			p.pos = save
			break
		}
		pats = append(pats, x)
	}
	return &ast.MatchSequence{Pos: p.span(start), Patterns: pats}
}

// pattern: as_pattern | or_pattern.
func (p *parser) pattern() ast.Pattern {
	start := p.pos
	if !p.enter() {
		return nil
	}
	defer p.leave()
	or := p.orPattern()
	if or == nil || p.kind() != token.KwAs {
		return or
	}
	save := p.pos
	p.pos++
	if name, ok := p.captureTarget(); ok {
		return &ast.MatchAs{Pos: p.span(start), Pattern: or, Name: name}
	}
	if p.invalid {
		if p.isName("_") {
			p.raiseTok(p.pos, "cannot use '_' as a target")
			return nil
		}
		if e := p.expression(); e != nil {
			p.raiseNode(e.Span(), "cannot use "+exprName(e)+" as pattern target")
			return nil
		}
	}
	p.pos = save
	return or
}

// captureTarget: !"_" NAME !('.' | '(' | '=').
func (p *parser) captureTarget() (string, bool) {
	if p.kind() != token.Name || p.isName("_") {
		return "", false
	}
	switch p.kindAt(1) {
	case token.Dot, token.LPar, token.Equal:
		return "", false
	}
	p.pos++
	return p.ident(p.pos - 1), true
}

// orPattern: '|'.closed_pattern+.
func (p *parser) orPattern() ast.Pattern {
	start := p.pos
	first := p.closedPattern()
	if first == nil || p.kind() != token.VBar {
		return first
	}
	pats := []ast.Pattern{first}
	for p.kind() == token.VBar {
		save := p.pos
		p.pos++
		x := p.closedPattern()
		if x == nil {
			p.pos = save
			break
		}
		pats = append(pats, x)
	}
	return &ast.MatchOr{Pos: p.span(start), Patterns: pats}
}

// maybeStarPattern: star_pattern | pattern.
func (p *parser) maybeStarPattern() ast.Pattern {
	if p.kind() != token.Star {
		return p.pattern()
	}
	start := p.pos
	p.pos++
	if p.isName("_") {
		p.pos++
		return &ast.MatchStar{Pos: p.span(start)}
	}
	if name, ok := p.captureTarget(); ok {
		return &ast.MatchStar{Pos: p.span(start), Name: name}
	}
	p.pos = start
	return nil
}

// closedPattern: literal | capture | wildcard | value | group | sequence | mapping | class.
func (p *parser) closedPattern() ast.Pattern {
	start := p.pos
	switch p.kind() {
	case token.Number, token.Minus:
		v := p.signedOrComplex()
		if v == nil {
			return nil
		}
		return &ast.MatchValue{Pos: p.span(start), Value: v}
	case token.String, token.FStringStart, token.TStringStart:
		v := p.strings()
		if v == nil {
			return nil
		}
		return &ast.MatchValue{Pos: p.span(start), Value: v}
	case token.KwNone:
		p.pos++
		return &ast.MatchSingleton{Pos: p.span(start), Value: ast.ConstValue{Kind: ast.ConstNone}}
	case token.KwTrue:
		p.pos++
		return &ast.MatchSingleton{Pos: p.span(start), Value: ast.ConstValue{Kind: ast.ConstTrue}}
	case token.KwFalse:
		p.pos++
		return &ast.MatchSingleton{Pos: p.span(start), Value: ast.ConstValue{Kind: ast.ConstFalse}}
	case token.Name:
		if name, ok := p.captureTarget(); ok {
			return &ast.MatchAs{Pos: p.span(start), Name: name}
		}
		if p.isName("_") {
			p.pos++
			return &ast.MatchAs{Pos: p.span(start)}
		}
		cls := p.nameOrAttr()
		if cls == nil {
			return nil
		}
		if p.kind() == token.LPar {
			return p.classPattern(start, cls)
		}
		if _, ok := cls.(*ast.Attribute); ok {
			switch p.kind() {
			case token.Dot, token.Equal:
			default:
				return &ast.MatchValue{Pos: p.span(start), Value: cls}
			}
		}
		p.pos = start
		return nil
	case token.LPar:
		p.pos++
		var pats []ast.Pattern
		if p.kind() != token.RPar {
			// group_pattern and sequence_pattern share the first pattern.
			first := p.maybeStarPattern()
			if first == nil {
				p.pos = start
				return nil
			}
			if _, star := first.(*ast.MatchStar); !star && p.accept(token.RPar) {
				return first
			}
			if !p.accept(token.Comma) {
				p.pos = start
				return nil
			}
			pats = append(pats, first)
			pats = append(pats, p.maybeSequence()...)
		}
		if !p.accept(token.RPar) {
			p.pos = start
			return nil
		}
		return &ast.MatchSequence{Pos: p.span(start), Patterns: pats}
	case token.LSqb:
		p.pos++
		pats := p.maybeSequence()
		if !p.accept(token.RSqb) {
			p.pos = start
			return nil
		}
		return &ast.MatchSequence{Pos: p.span(start), Patterns: pats}
	case token.LBrace:
		return p.mappingPattern()
	}
	return nil
}

// maybeSequence: ','.maybe_star_pattern+ ','? (possibly empty).
func (p *parser) maybeSequence() []ast.Pattern {
	var pats []ast.Pattern
	for {
		save := p.pos
		x := p.maybeStarPattern()
		if x == nil {
			p.pos = save
			break
		}
		pats = append(pats, x)
		if !p.accept(token.Comma) {
			break
		}
	}
	return pats
}

// nameOrAttr: NAME ('.' NAME)*.
func (p *parser) nameOrAttr() ast.Expr {
	start := p.pos
	if p.kind() != token.Name {
		return nil
	}
	p.pos++
	var e ast.Expr = put(&p.nodes.names, ast.Name{Pos: p.tokPos(start), ID: p.ident(start), Ctx: ast.Load})
	for p.kind() == token.Dot && p.kindAt(1) == token.Name {
		p.pos += 2
		e = put(&p.nodes.attributes, ast.Attribute{Pos: p.span(start), Value: e, Attr: p.ident(p.pos - 1), Ctx: ast.Load})
	}
	return e
}

// signedOrComplex: complex_number | signed_number !('+' | '-').
func (p *parser) signedOrComplex() ast.Expr {
	start := p.pos
	real := p.signedNumber()
	if real == nil {
		return nil
	}
	op := p.kind()
	if op != token.Plus && op != token.Minus {
		return real
	}
	if c, ok := numberOf(real); ok && c.Value.Kind == ast.ConstComplex {
		p.raiseNode(c.Pos, "real number required in complex literal")
		return nil
	}
	p.pos++
	if p.kind() != token.Number {
		p.pos = start
		return nil
	}
	imag := p.number()
	if imag == nil {
		return nil
	}
	if c := imag.(*ast.Constant); c.Value.Kind != ast.ConstComplex {
		p.raiseNode(c.Pos, "imaginary number required in complex literal")
		return nil
	}
	o := ast.Add
	if op == token.Minus {
		o = ast.Sub
	}
	return put(&p.nodes.binOps, ast.BinOp{Pos: p.span(start), Left: real, Op: o, Right: imag})
}

func numberOf(e ast.Expr) (*ast.Constant, bool) {
	if u, ok := e.(*ast.UnaryOp); ok {
		e = u.Operand
	}
	c, ok := e.(*ast.Constant)
	return c, ok
}

// signedNumber: NUMBER | '-' NUMBER.
func (p *parser) signedNumber() ast.Expr {
	start := p.pos
	if p.accept(token.Minus) {
		if p.kind() != token.Number {
			p.pos = start
			return nil
		}
		n := p.number()
		if n == nil {
			return nil
		}
		return put(&p.nodes.unaryOps, ast.UnaryOp{Pos: p.span(start), Op: ast.USub, Operand: n})
	}
	if p.kind() != token.Number {
		return nil
	}
	return p.number()
}

// mappingPattern: '{' [items] [',' '**' NAME] ','? '}'.
func (p *parser) mappingPattern() ast.Pattern {
	start := p.pos
	p.pos++
	var keys []ast.Expr
	var pats []ast.Pattern
	rest := ""
	for p.kind() != token.RBrace {
		if p.kind() == token.DoubleStar {
			p.pos++
			name, ok := p.captureTarget()
			if !ok {
				p.pos = start
				return nil
			}
			rest = name
			p.accept(token.Comma)
			break
		}
		k := p.mappingKey()
		if k == nil || !p.accept(token.Colon) {
			p.pos = start
			return nil
		}
		v := p.pattern()
		if v == nil {
			p.pos = start
			return nil
		}
		keys, pats = append(keys, k), append(pats, v)
		if !p.accept(token.Comma) {
			break
		}
	}
	if !p.accept(token.RBrace) {
		p.pos = start
		return nil
	}
	return &ast.MatchMapping{Pos: p.span(start), Keys: keys, Patterns: pats, Rest: rest}
}

// mappingKey: literal_expr | attr.
func (p *parser) mappingKey() ast.Expr {
	start := p.pos
	switch p.kind() {
	case token.Number, token.Minus:
		return p.signedOrComplex()
	case token.String, token.FStringStart, token.TStringStart:
		return p.strings()
	case token.KwNone:
		p.pos++
		return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(start), Value: ast.ConstValue{Kind: ast.ConstNone}})
	case token.KwTrue:
		p.pos++
		return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(start), Value: ast.ConstValue{Kind: ast.ConstTrue}})
	case token.KwFalse:
		p.pos++
		return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(start), Value: ast.ConstValue{Kind: ast.ConstFalse}})
	case token.Name:
		e := p.nameOrAttr()
		if _, ok := e.(*ast.Attribute); !ok {
			p.pos = start
			return nil
		}
		return e
	}
	return nil
}

// classPattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ','? ')'.
func (p *parser) classPattern(start int, cls ast.Expr) ast.Pattern {
	p.pos++
	var pats, kwPats []ast.Pattern
	var kwNames []string
	for p.kind() != token.RPar {
		if p.kind() == token.Name && p.kindAt(1) == token.Equal {
			name := p.ident(p.pos)
			p.pos += 2
			v := p.pattern()
			if v == nil {
				p.pos = start
				return nil
			}
			kwNames, kwPats = append(kwNames, name), append(kwPats, v)
		} else {
			if kwNames != nil {
				if p.invalid {
					if v := p.pattern(); v != nil {
						first := v.Span()
						p.raiseNode(first, "positional patterns follow keyword patterns")
						return nil
					}
				}
				p.pos = start
				return nil
			}
			v := p.pattern()
			if v == nil {
				p.pos = start
				return nil
			}
			pats = append(pats, v)
		}
		if !p.accept(token.Comma) {
			break
		}
	}
	if !p.accept(token.RPar) {
		p.pos = start
		return nil
	}
	return &ast.MatchClass{Pos: p.span(start), Cls: cls, Patterns: pats, KwdAttrs: kwNames, KwdPatterns: kwPats}
}

var _ = strconv.Itoa

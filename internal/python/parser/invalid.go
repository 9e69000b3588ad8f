package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// The invalid_* rules of CPython's grammar. They run only in the second
// pass and only raise: each restores the position when it does not match.

// try runs f from the current position and restores it afterwards.
func (p *parser) try(f func()) {
	save := p.pos
	f()
	p.pos = save
}

func isSoftKeyword(s string) bool {
	return s == "_" || s == "case" || s == "match" || s == "type"
}

// invalidNamedExpression is invalid_named_expression.
func (p *parser) invalidNamedExpression() {
	p.try(func() {
		start := p.pos
		if a := p.expression(); a != nil && p.kind() == token.ColonEqual {
			p.pos++
			if p.expression() != nil {
				p.raiseNode(a.Span(), "cannot use assignment expressions with "+exprName(a))
				return
			}
		}
		p.pos = start
		if p.kind() == token.Name && p.kindAt(1) == token.Equal {
			p.pos += 2
			if b := p.bitwiseOr(); b != nil {
				if k := p.kind(); k != token.Equal && k != token.ColonEqual {
					p.raiseTok(start, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
					return
				}
			}
			p.pos = start
		}
		switch p.kind() {
		case token.KwTrue, token.KwNone, token.KwFalse:
			return
		case token.LSqb, token.LPar:
			if e := p.atom(); e != nil {
				switch e.(type) {
				case *ast.List, *ast.Tuple, *ast.GeneratorExp:
					return
				}
			}
			p.pos = start
		}
		if a := p.bitwiseOr(); a != nil && p.kind() == token.Equal {
			p.pos++
			if p.bitwiseOr() != nil {
				if k := p.kind(); k != token.Equal && k != token.ColonEqual {
					p.raiseNode(a.Span(), "cannot assign to "+exprName(a)+" here. Maybe you meant '==' instead of '='?")
				}
			}
		}
	})
}

// invalidIfExpression is invalid_if_expression.
func (p *parser) invalidIfExpression() {
	p.try(func() {
		if p.disjunction() == nil || !p.accept(token.KwIf) || p.disjunction() == nil || !p.accept(token.KwElse) {
			return
		}
		switch p.kind() {
		case token.Star:
			p.raiseTok(p.pos, "cannot unpack only part of a conditional expression")
		case token.DoubleStar:
			p.raiseTok(p.pos, "cannot use dict unpacking on only part of a conditional expression")
		}
	})
}

// invalidExpression is invalid_expression.
func (p *parser) invalidExpression() {
	p.try(func() {
		start := p.pos
		if p.kind() == token.String {
			// STRING (!STRING expression_without_invalid)+ STRING
			p.pos++
			var first, last ast.Expr
			for p.kind() != token.String {
				e := p.noInvalid(p.expressionWithoutInvalid)
				if e == nil {
					break
				}
				if first == nil {
					first = e
				}
				last = e
			}
			if first != nil && p.kind() == token.String {
				p.raiseNode(between(first.Span(), last.Span()), "invalid syntax. Is this intended to be part of the string?")
				return
			}
			p.pos = start
		}
		softOrNameString := p.kind() == token.Name && (p.kindAt(1) == token.String || isSoftKeyword(p.tokText(p.pos)))
		if !softOrNameString {
			if a := p.disjunction(); a != nil {
				if b := p.noInvalid(p.expressionWithoutInvalid); b != nil {
					if !isLegacyName(a) && p.level(p.pos-1) > 0 {
						p.raiseNode(a.Span(), "invalid syntax. Perhaps you forgot a comma?")
					}
					return
				}
			}
		}
		p.pos = start
		if a := p.disjunction(); a != nil && p.accept(token.KwIf) {
			if b := p.disjunction(); b != nil {
				switch p.kind() {
				case token.KwElse:
					p.pos++
					save := p.pos
					if p.expression() == nil && p.err == nil {
						p.pos = save
						p.raiseOnNext("expected expression after 'else', but statement is given")
					}
					return
				case token.Colon:
				default:
					p.raiseNode(a.Span(), "expected 'else' after 'if' expression")
					return
				}
			}
		}
		p.pos = start
		switch p.kind() {
		case token.KwPass, token.KwBreak, token.KwContinue:
			p.pos++
			if p.accept(token.KwIf) && p.disjunction() != nil && p.accept(token.KwElse) && p.simpleStmt() != nil {
				p.raiseTok(start, "expected expression before 'if', but statement is given")
				return
			}
		case token.KwLambda:
			p.pos++
			if p.kind() != token.Colon {
				p.params(true)
			}
			if p.accept(token.Colon) {
				switch p.kind() {
				case token.FStringMiddle:
					p.raiseTok(start, "f-string: lambda expressions are not allowed without parentheses")
				case token.TStringMiddle:
					p.raiseTok(start, "t-string: lambda expressions are not allowed without parentheses")
				}
			}
		}
	})
}

func isLegacyName(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	return ok && (n.ID == "print" || n.ID == "exec")
}

// invalidLegacyExpression: NAME !'(' star_expressions for print and exec.
func (p *parser) invalidLegacyExpression() {
	if p.kind() != token.Name || p.kindAt(1) == token.LPar {
		return
	}
	s := p.tokText(p.pos)
	if s != "print" && s != "exec" {
		return
	}
	p.try(func() {
		start := p.pos
		p.pos++
		if b := p.starExpressions(); b != nil {
			p.raiseTok(start, "Missing parentheses in call to '"+s+"'. Did you mean "+s+"(...)?")
		}
	})
}

// invalidArithmetic: sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') 'not' inversion.
func (p *parser) invalidArithmetic() {
	p.try(func() {
		if p.sum() == nil {
			return
		}
		switch p.kind() {
		case token.Plus, token.Minus, token.Star, token.Slash, token.Percent, token.DoubleSlash, token.At:
		default:
			return
		}
		p.pos++
		if p.kind() != token.KwNot {
			return
		}
		notTok := p.pos
		p.pos++
		if p.inversion() != nil {
			p.raiseTok(notTok, "'not' after an operator must be parenthesized")
		}
	})
}

// invalidFactor: ('+' | '-' | '~') 'not' factor.
func (p *parser) invalidFactor() {
	switch p.kind() {
	case token.Plus, token.Minus, token.Tilde:
	default:
		return
	}
	if p.kindAt(1) != token.KwNot {
		return
	}
	p.try(func() {
		notTok := p.pos + 1
		p.pos += 2
		if p.factor() != nil {
			p.raiseTok(notTok, "'not' after an operator must be parenthesized")
		}
	})
}

// invalidStarredExpressionUnpacking: '*' expression '=' expression.
func (p *parser) invalidStarredExpressionUnpacking() {
	p.try(func() {
		start := p.pos
		p.pos++
		if p.expression() != nil && p.accept(token.Equal) && p.expression() != nil {
			p.raiseTok(start, "cannot assign to iterable argument unpacking")
		}
	})
}

// invalidGroup: '(' starred_expression ')' | '(' '**' expression ')'.
func (p *parser) invalidGroup() {
	if p.kind() != token.LPar {
		return
	}
	p.try(func() {
		p.pos++
		switch p.kind() {
		case token.Star:
			if a := p.starredExpression(); a != nil && p.kind() == token.RPar {
				p.raiseNode(a.Span(), "cannot use starred expression here")
			}
		case token.DoubleStar:
			at := p.pos
			p.pos++
			if p.expression() != nil && p.kind() == token.RPar {
				p.raiseTok(at, "cannot use double starred expression here")
			}
		}
	})
}

// invalidComprehension is invalid_comprehension, at an opening bracket.
func (p *parser) invalidComprehension() {
	open := p.kind()
	if open != token.LSqb && open != token.LPar && open != token.LBrace {
		return
	}
	p.try(func() {
		start := p.pos
		p.pos++
		if p.kind() == token.Star {
			if a := p.starredExpression(); a != nil && p.isForStart() && p.forIfClauses() != nil {
				p.raiseNode(a.Span(), "iterable unpacking cannot be used in comprehension")
				return
			}
		}
		if open == token.LPar {
			return
		}
		p.pos = start + 1
		a := p.starNamedExpression()
		if a == nil || p.kind() != token.Comma {
			return
		}
		comma := p.pos
		p.pos++
		if p.isForStart() {
			if p.forIfClauses() != nil {
				p.raiseNode(between(a.Span(), p.tokPos(comma)), "did you forget parentheses around the comprehension target?")
			}
			return
		}
		if rest := p.starNamedExpressions(); rest != nil && p.isForStart() && p.forIfClauses() != nil {
			p.raiseNode(a.Span(), "did you forget parentheses around the comprehension target?")
		}
	})
}

func (p *parser) isForStart() bool {
	k := p.kind()
	return k == token.KwFor || (k == token.KwAsync && p.kindAt(1) == token.KwFor)
}

// invalidDictComprehension: '{' '**' bitwise_or for_if_clauses '}'.
func (p *parser) invalidDictComprehension() {
	p.try(func() {
		p.pos++
		at := p.pos
		if !p.accept(token.DoubleStar) || p.bitwiseOr() == nil || !p.isForStart() {
			return
		}
		if p.forIfClauses() != nil && p.kind() == token.RBrace {
			p.raiseTok(at, "dict unpacking cannot be used in dict comprehension")
		}
	})
}

// invalidDict is '{' invalid_double_starred_kvpairs.
func (p *parser) invalidDict() {
	p.try(func() {
		p.pos++
		start := p.pos
		// ','.double_starred_kvpair+ ',' invalid_kvpair
		n := 0
		for {
			save := p.pos
			if _, _, ok := p.doubleStarredKVPair(); !ok {
				p.pos = save
				break
			}
			n++
			if !p.accept(token.Comma) {
				break
			}
		}
		if n > 0 && p.toks[p.pos-1].Kind == token.Comma {
			if p.invalidKVPair() {
				return
			}
		}
		p.pos = start
		if a := p.expression(); a != nil && p.accept(token.Colon) {
			if p.kind() == token.Star {
				at := p.pos
				p.pos++
				if p.bitwiseOr() != nil {
					p.raiseTok(at, "cannot use a starred expression in a dictionary value")
					return
				}
				p.pos = at
			}
			if k := p.kind(); k == token.RBrace || k == token.Comma {
				p.raiseTok(p.pos-1, "expression expected after dictionary key and ':'")
			}
		}
	})
}

// invalidKVPair is invalid_kvpair; it reports whether it raised.
func (p *parser) invalidKVPair() bool {
	a := p.expression()
	if a == nil {
		return false
	}
	if p.kind() != token.Colon {
		sp := a.Span()
		p.raiseAt(sp.EndLineno, sp.EndColOffset-1, "':' expected after dictionary key")
		return true
	}
	p.pos++
	if p.kind() == token.Star {
		at := p.pos
		p.pos++
		if p.bitwiseOr() != nil {
			p.raiseTok(at, "cannot use a starred expression in a dictionary value")
			return true
		}
		p.pos = at
	}
	if k := p.kind(); k == token.RBrace || k == token.Comma {
		p.raiseTok(p.pos-1, "expression expected after dictionary key and ':'")
		return true
	}
	return false
}

// invalidForIfClause: 'async'? 'for' (bitwise_or (',' bitwise_or)* [',']) !'in'.
func (p *parser) invalidForIfClause() {
	p.try(func() {
		p.accept(token.KwAsync)
		if !p.accept(token.KwFor) {
			return
		}
		if p.bitwiseOr() == nil {
			return
		}
		for p.kind() == token.Comma {
			p.pos++
			save := p.pos
			if p.bitwiseOr() == nil {
				p.pos = save
				break
			}
		}
		if p.kind() != token.KwIn {
			p.raise("'in' expected after for-loop variables")
		}
	})
}

// invalidForTarget: 'async'? 'for' star_expressions.
func (p *parser) invalidForTarget() {
	p.try(func() {
		p.accept(token.KwAsync)
		if !p.accept(token.KwFor) {
			return
		}
		if a := p.starExpressions(); a != nil {
			p.raiseInvalidTarget(forTargets, a)
		}
	})
}

func (p *parser) invalidForTargetAt(start int) {
	save := p.pos
	p.pos = start
	p.invalidForTarget()
	p.pos = save
}

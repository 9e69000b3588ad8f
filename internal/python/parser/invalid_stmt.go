package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// The invalid_* rules for statements, calls, strings and parameters.

// invalidAssignment is invalid_assignment, tried at a statement start.
func (p *parser) invalidAssignment() {
	p.try(func() {
		start := p.pos
		// a=invalid_ann_assign_target ':' expression
		if k := p.kind(); k == token.LSqb || k == token.LPar {
			if a := p.atom(); a != nil && p.kind() == token.Colon {
				switch a.(type) {
				case *ast.List, *ast.Tuple:
					p.pos++
					if p.expression() != nil {
						p.raiseNode(a.Span(), "only single target (not "+exprName(a)+") can be annotated")
						return
					}
				}
			}
			if p.err != nil {
				return
			}
			p.pos = start
		}
		// a=star_named_expression ',' star_named_expressions* ':' expression
		if a := p.starNamedExpression(); a != nil && p.kind() == token.Comma {
			p.pos++
			for p.starNamedExpressions() != nil {
			}
			if p.accept(token.Colon) && p.expression() != nil {
				p.raiseNode(a.Span(), "only single target (not tuple) can be annotated")
				return
			}
		}
		if p.err != nil {
			return
		}
		p.pos = start
		// a=expression ':' expression
		if a := p.expression(); a != nil && p.accept(token.Colon) && p.expression() != nil {
			p.raiseNode(a.Span(), "illegal target for annotation")
			return
		}
		if p.err != nil {
			return
		}
		// (star_targets '=')* a=star_expressions '='
		p.pos = start
		p.skipTargetsEq()
		if a := p.starExpressions(); a != nil && p.kind() == token.Equal {
			p.raiseInvalidTarget(starTargets, a)
			return
		}
		if p.err != nil {
			return
		}
		// (star_targets '=')* a=yield_expr '='
		p.pos = start
		p.skipTargetsEq()
		if p.kind() == token.KwYield {
			if a := p.yieldExpr(); a != nil && p.kind() == token.Equal {
				p.raiseNode(a.Span(), "assignment to yield expression not possible")
				return
			}
		}
		// a=star_expressions augassign annotated_rhs
		p.pos = start
		if a := p.starExpressions(); a != nil {
			if _, ok := augOp(p.kind()); ok {
				p.pos++
				if p.annotatedRHS() != nil {
					p.raiseNode(a.Span(), "'"+exprName(a)+"' is an illegal expression for augmented assignment")
				}
			}
		}
	})
}

// skipTargetsEq consumes (star_targets '=')*.
func (p *parser) skipTargetsEq() {
	for {
		save := p.pos
		if p.noInvalidTargets() == nil || !p.accept(token.Equal) {
			p.pos = save
			return
		}
	}
}

func (p *parser) noInvalidTargets() ast.Expr { return p.starTargets() }

// invalidMixedExcept: 'except' and 'except*' on the same 'try'.
func (p *parser) invalidMixedExcept(star bool) {
	p.try(func() {
		at := p.pos
		p.pos++
		if !star {
			p.pos++ // '*'
			if p.expression() == nil {
				return
			}
			if p.accept(token.KwAs) && !p.accept(token.Name) {
				return
			}
			if p.kind() == token.Colon {
				p.raiseTok(at, "cannot have both 'except' and 'except*' on the same 'try'")
			}
			return
		}
		if p.kind() != token.Colon {
			if p.expression() == nil {
				return
			}
			if p.accept(token.KwAs) && !p.accept(token.Name) {
				return
			}
		}
		if p.kind() == token.Colon {
			p.raiseTok(at, "cannot have both 'except' and 'except*' on the same 'try'")
		}
	})
}

// invalidExceptStmt covers invalid_except_stmt(_indent) and the star forms;
// p.pos is after 'except' (and '*').
func (p *parser) invalidExceptStmt(exceptTok int, star bool, what string) {
	p.try(func() {
		start := p.pos
		if p.kind() == token.Colon {
			if star {
				p.raise("expected one or more exception types")
				return
			}
			p.pos++
			p.indentedBlockAfter(exceptTok, what)
			return
		}
		if p.kind() == token.Newline {
			if star {
				p.raise("expected one or more exception types")
			} else {
				p.raise("expected ':'")
			}
			return
		}
		a := p.expression()
		if a == nil {
			return
		}
		if p.kind() == token.Comma {
			p.pos++
			if p.expressions() != nil && p.accept(token.KwAs) && p.accept(token.Name) && p.kind() == token.Colon {
				p.raiseNode(a.Span(), "multiple exception types must be parenthesized when using 'as'")
				return
			}
			p.pos = start
			p.expression()
		}
		if p.kind() == token.KwAs {
			p.pos++
			if p.kind() == token.Name && (p.kindAt(1) == token.Colon || p.kindAt(1) == token.Newline) {
				p.pos++
			} else {
				if t := p.expression(); t != nil && p.accept(token.Colon) && p.block() != nil {
					if star {
						p.raiseNode(t.Span(), "cannot use except* statement with "+exprName(t))
					} else {
						p.raiseNode(t.Span(), "cannot use except statement with "+exprName(t))
					}
				}
				return
			}
		}
		switch p.kind() {
		case token.Newline:
			p.raise("expected ':'")
		case token.Colon:
			p.pos++
			p.indentedBlockAfter(exceptTok, what)
		}
	})
}

// invalidKwarg is invalid_kwarg, at the start of a call argument.
func (p *parser) invalidKwarg() {
	p.try(func() {
		start := p.pos
		switch p.kind() {
		case token.KwTrue, token.KwFalse, token.KwNone:
			if p.kindAt(1) == token.Equal {
				p.raiseTok(start, "cannot assign to "+p.tokText(start))
				return
			}
		case token.Name:
			if p.kindAt(1) == token.Equal {
				p.pos += 2
				if p.expression() != nil && p.isForStart() && p.forIfClauses() != nil {
					p.raiseTok(start, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
				}
				return
			}
		case token.DoubleStar:
			p.pos++
			if p.expression() != nil && p.accept(token.Equal) && p.expression() != nil {
				p.raiseTok(start, "cannot assign to keyword argument unpacking")
			}
			return
		}
		p.pos = start
		if a := p.expression(); a != nil && p.kind() == token.Equal {
			p.raiseNode(a.Span(), "expression cannot contain assignment, perhaps you meant \"==\"?")
		}
	})
}

// argsList is the grammar's args rule: it returns the call's arguments and
// stops before a comma it cannot continue after.
func (p *parser) argsList() (args []ast.Expr, kws []*ast.Keyword, ok bool) {
	start := p.pos
	old := p.invalid
	p.invalid = false
	defer func() { p.invalid = old }()
	args, kws, _, ok = p.argumentElems()
	if !ok {
		p.pos = start
	}
	return
}

// invalidArguments is invalid_arguments, at the position after '('.
func (p *parser) invalidArguments() {
	p.try(func() {
		start := p.pos
		// ... kwargs a=',' ','.(starred_expression !'=')+
		if _, kws, ok := p.argsList(); ok && len(kws) > 0 && p.kind() == token.Comma && p.kindAt(1) == token.Star {
			comma := p.pos
			p.pos++
			if a := p.starredExpression(); a != nil && p.kind() != token.Equal {
				for _, k := range kws {
					if k.Arg == "" {
						p.raiseTok(comma, "iterable argument unpacking follows keyword argument unpacking")
						return
					}
				}
			}
		}
		// a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
		p.pos = start
		if a := p.expression(); a != nil && p.isForStart() {
			if gens := p.forIfClauses(); gens != nil && p.kind() == token.Comma {
				p.raiseNode(between(a.Span(), lastCompItem(gens).Span()), "Generator expression must be parenthesized")
				return
			}
		}
		// a=NAME b='=' expression for_if_clauses
		p.pos = start
		if p.kind() == token.Name && p.kindAt(1) == token.Equal {
			p.pos += 2
			if p.expression() != nil && p.isForStart() && p.forIfClauses() != nil {
				p.raiseTok(start, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
				return
			}
		}
		// (args ',')? a=NAME b='=' &(',' | ')')
		p.pos = start
		if _, _, ok := p.argsList(); ok && p.accept(token.Comma) {
		} else {
			p.pos = start
		}
		if p.kind() == token.Name && p.kindAt(1) == token.Equal {
			if k := p.kindAt(2); k == token.Comma || k == token.RPar {
				p.raiseTok(p.pos, "expected argument value expression")
				return
			}
		}
		// a=args b=for_if_clauses
		p.pos = start
		args, kws, ok := p.argsList()
		if ok && p.isForStart() {
			if gens := p.forIfClauses(); gens != nil {
				if len(args) > 1 {
					p.raiseNode(between(args[len(args)-1].Span(), lastCompItem(gens).Span()), "Generator expression must be parenthesized")
				}
				return
			}
		}
		// args ',' a=expression b=for_if_clauses
		p.pos = start
		if _, _, ok := p.argsList(); ok && p.accept(token.Comma) {
			if a := p.expression(); a != nil && p.isForStart() {
				if gens := p.forIfClauses(); gens != nil {
					p.raiseNode(between(a.Span(), lastCompItem(gens).Span()), "Generator expression must be parenthesized")
					return
				}
			}
		}
		// a=args ',' args
		p.pos = start
		if args, kws, ok = p.argsList(); ok && p.accept(token.Comma) {
			if _, _, ok2 := p.argsList(); ok2 {
				msg := "positional argument follows keyword argument"
				for _, k := range kws {
					if k.Arg == "" {
						msg = "positional argument follows keyword argument unpacking"
					}
				}
				p.raise(msg)
			}
		}
	})
}

func lastCompItem(gens []*ast.Comprehension) ast.Expr {
	c := gens[len(gens)-1]
	if len(c.Ifs) > 0 {
		return c.Ifs[len(c.Ifs)-1]
	}
	return c.Iter
}

// invalidStringTStringConcat: t-strings mixed with other string literals.
func (p *parser) invalidStringTStringConcat() {
	p.try(func() {
		var last ast.Expr
		if p.kind() == token.TStringStart {
			for p.kind() == token.TStringStart {
				if last = p.fstring(true); last == nil {
					return
				}
			}
			if k := p.kind(); k == token.String || k == token.FStringStart {
				p.raiseNode(last.Span(), "cannot mix t-string literals with string or bytes literals")
			}
			return
		}
		for {
			switch p.kind() {
			case token.String:
				last = p.plainString()
			case token.FStringStart:
				last = p.fstring(false)
			case token.TStringStart:
				if last != nil {
					p.raiseNode(last.Span(), "cannot mix t-string literals with string or bytes literals")
				}
				return
			default:
				return
			}
			if last == nil {
				return
			}
		}
	})
}

// invalidReplacementField is invalid_fstring_replacement_field; p.pos is
// just after the '{'.
func (p *parser) invalidReplacementField(templ bool) {
	kind := "f-string: "
	if templ {
		kind = "t-string: "
	}
	p.try(func() {
		switch p.kind() {
		case token.Equal:
			p.raiseTok(p.pos, kind+"valid expression required before '='")
			return
		case token.Exclamation:
			p.raiseTok(p.pos, kind+"valid expression required before '!'")
			return
		case token.Colon:
			p.raiseTok(p.pos, kind+"valid expression required before ':'")
			return
		case token.RBrace:
			p.raiseTok(p.pos, kind+"valid expression required before '}'")
			return
		}
		if p.annotatedRHS() == nil {
			if p.err == nil {
				p.raiseOnNext(kind + "expecting a valid expression after '{'")
			}
			return
		}
		switch p.kind() {
		case token.Equal, token.Exclamation, token.Colon, token.RBrace:
		default:
			p.raiseOnNext(kind + "expecting '=', or '!', or ':', or '}'")
			return
		}
		if p.accept(token.Equal) {
			switch p.kind() {
			case token.Exclamation, token.Colon, token.RBrace:
			default:
				p.raiseOnNext(kind + "expecting '!', or ':', or '}'")
				return
			}
		}
		if p.kind() == token.Exclamation {
			switch p.kindAt(1) {
			case token.Colon, token.RBrace:
				p.pos++
				p.raiseOnNext(kind + "missing conversion character")
				return
			case token.Name:
				p.pos += 2
			default:
				p.pos++
				p.raiseOnNext(kind + "invalid conversion character")
				return
			}
		}
		switch p.kind() {
		case token.Colon:
			p.pos++
			for {
				k := p.kind()
				if k == token.FStringMiddle || k == token.TStringMiddle {
					p.pos++
					continue
				}
				if k == token.LBrace {
					var discard []ast.Expr
					if !p.replacementField(&discard, false, templ) {
						return
					}
					continue
				}
				break
			}
			if p.kind() != token.RBrace {
				p.raiseOnNext(kind + "expecting '}', or format specs")
			}
		case token.RBrace:
		default:
			p.raiseOnNext(kind + "expecting ':' or '}'")
		}
	})
}

// invalidParameters reports misplaced parameters, slashes and stars,
// scanning a parameter list as invalid_parameters, invalid_star_etc,
// invalid_kwds and invalid_default (and their lambda forms) do.
func (p *parser) invalidParameters(lambda bool) {
	end := token.RPar
	if lambda {
		end = token.Colon
	}
	p.try(func() {
		seenDefault, seenSlash, seenStar, anyParam := false, false, false, false
		for {
			switch p.kind() {
			case token.Slash:
				at := p.pos
				switch {
				case !anyParam:
					if p.kindAt(1) == token.Comma {
						p.raiseTok(at, "at least one argument must precede /")
					}
					return
				case seenStar:
					p.raiseTok(at, "/ must be ahead of *")
					return
				case seenSlash:
					p.raiseTok(at, "/ may appear only once")
					return
				}
				seenSlash = true
				p.pos++
				if p.kind() == token.Star {
					p.raiseTok(p.pos, "expected comma between / and *")
					return
				}
			case token.Star:
				at := p.pos
				if seenStar {
					p.raiseTok(at, "* argument may appear only once")
					return
				}
				seenStar = true
				p.pos++
				if p.kind() == end || (p.kind() == token.Comma && (p.kindAt(1) == end || p.kindAt(1) == token.DoubleStar)) {
					if lambda {
						p.raise("named arguments must follow bare *")
					} else {
						p.raiseTok(at, "named arguments must follow bare *")
					}
					return
				}
				if p.kind() == token.Name {
					if p.param(lambda, true) == nil {
						return
					}
					if p.kind() == token.Equal {
						p.raiseTok(p.pos, "var-positional argument cannot have default value")
						return
					}
				}
			case token.DoubleStar:
				p.pos++
				if p.param(lambda, false) == nil {
					return
				}
				if p.kind() == token.Equal {
					p.raiseTok(p.pos, "var-keyword argument cannot have default value")
					return
				}
				if p.accept(token.Comma) {
					switch p.kind() {
					case token.Name, token.Star, token.DoubleStar, token.Slash:
						p.raiseTok(p.pos, "arguments cannot follow var-keyword argument")
					}
				}
				return
			case token.LPar:
				if !lambda || true {
					at := p.pos
					p.pos++
					n := 0
					for p.kind() == token.Name {
						p.pos++
						n++
						if !p.accept(token.Comma) {
							break
						}
					}
					if n > 0 && p.kind() == token.RPar {
						if lambda {
							p.raiseTok(at, "Lambda expression parameters cannot be parenthesized")
						} else {
							p.raiseTok(at, "Function parameters cannot be parenthesized")
						}
					}
				}
				return
			case token.Name:
				anyParam = true
				at := p.pos
				if p.param(lambda, false) == nil {
					return
				}
				if p.kind() == token.Equal {
					if k := p.kindAt(1); k == token.Comma || k == end {
						p.raiseTok(p.pos, "expected default value expression")
						return
					}
					p.pos++
					if p.expression() == nil {
						return
					}
					if !seenStar {
						seenDefault = true
					}
				} else if seenDefault && !seenStar {
					p.raiseTok(at, "parameter without a default follows parameter with a default")
					return
				}
			default:
				return
			}
			if !p.accept(token.Comma) {
				return
			}
		}
	})
}

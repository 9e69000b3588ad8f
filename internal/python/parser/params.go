package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// params parses a def's parameter list up to ')' (or a lambda's up to ':'),
// not consuming the terminator. It returns nil when the list is invalid.
func (p *parser) params(lambda bool) *ast.Arguments {
	end := token.RPar
	if lambda {
		end = token.Colon
	}
	start := p.pos
	if p.invalid {
		p.invalidParameters(lambda)
		if p.err != nil {
			return nil
		}
	}
	args := put(&p.nodes.arguments, ast.Arguments{})
	// Plain and then keyword-only parameters go on p.args, their defaults
	// on p.exprs; fail closes whichever lists are open.
	argMark, defMark := p.args.mark(), p.exprs.mark()
	fail := func() *ast.Arguments {
		p.args.drop(argMark)
		p.exprs.drop(defMark)
		p.pos = start
		return nil
	}
	seenDefault := false
	for p.kind() == token.Name {
		a := p.param(lambda, false)
		if a == nil {
			return fail()
		}
		if p.kind() == token.Equal {
			p.pos++
			d := p.expression()
			if d == nil {
				return fail()
			}
			p.exprs.push(d)
			seenDefault = true
		} else if seenDefault {
			return fail()
		}
		p.args.push(a)
		if !p.paramEnd(end) {
			return fail()
		}
		if p.kind() == token.Slash {
			if args.Posonlyargs != nil {
				return fail()
			}
			p.pos++
			if !p.paramEnd(end) {
				return fail()
			}
			args.Posonlyargs = p.args.take(argMark)
		}
	}
	args.Args = p.args.take(argMark)
	args.Defaults = p.exprs.take(defMark)
	switch p.kind() {
	case token.Star:
		p.pos++
		if p.kind() == token.Comma {
			p.pos++
			if p.kind() != token.Name {
				return fail()
			}
		} else {
			va := p.param(lambda, true)
			if va == nil || !p.paramEnd(end) {
				return fail()
			}
			args.Vararg = va
		}
		for p.kind() == token.Name {
			a := p.param(lambda, false)
			if a == nil {
				return fail()
			}
			var d ast.Expr
			if p.kind() == token.Equal {
				p.pos++
				if d = p.expression(); d == nil {
					return fail()
				}
			}
			p.args.push(a)
			p.exprs.push(d)
			if !p.paramEnd(end) {
				return fail()
			}
		}
		args.Kwonlyargs = p.args.take(argMark)
		args.KwDefaults = p.exprs.take(defMark)
		if p.kind() == token.DoubleStar && !p.kwds(args, lambda, end) {
			return fail()
		}
	case token.DoubleStar:
		if !p.kwds(args, lambda, end) {
			return fail()
		}
	}
	if p.kind() != end {
		return fail()
	}
	return args
}

// kwds: '**' param_no_default.
func (p *parser) kwds(args *ast.Arguments, lambda bool, end token.Kind) bool {
	p.pos++
	if p.kind() != token.Name {
		return false
	}
	a := p.param(lambda, false)
	if a == nil || !p.paramEnd(end) {
		return false
	}
	args.Kwarg = a
	return true
}

// paramEnd consumes the ',' after a parameter, or checks that the list ends.
func (p *parser) paramEnd(end token.Kind) bool {
	if p.accept(token.Comma) {
		return true
	}
	return p.kind() == end
}

// param: NAME [annotation]; a *args annotation may be starred.
func (p *parser) param(lambda, star bool) *ast.Arg {
	if p.kind() != token.Name {
		return nil
	}
	start := p.pos
	p.pos++
	var ann ast.Expr
	if !lambda && p.kind() == token.Colon {
		p.pos++
		if star {
			ann = p.starExpression()
		} else {
			ann = p.expression()
		}
		if ann == nil {
			p.pos = start
			return nil
		}
	}
	a := p.nodes.args.new()
	*a = ast.Arg{Pos: p.span(start), Arg: p.ident(start), Annotation: ann}
	return a
}

// lambdef: 'lambda' [lambda_params] ':' expression.
func (p *parser) lambdef() ast.Expr {
	start := p.pos
	p.pos++
	args := p.params(true)
	if args == nil || !p.accept(token.Colon) {
		p.pos = start
		return nil
	}
	body := p.expression()
	if body == nil {
		p.pos = start
		return nil
	}
	return put(&p.nodes.lambdas, ast.Lambda{Pos: p.span(start), Args: args, Body: body})
}

// typeParams: '[' ','.type_param+ [','] ']'.
func (p *parser) typeParams() ([]ast.TypeParam, bool) {
	start := p.pos
	p.pos++
	if p.invalid && p.kind() == token.RSqb {
		p.raiseTok(p.pos, "Type parameter list cannot be empty")
		return nil, false
	}
	var tps []ast.TypeParam
	for {
		tp := p.typeParam()
		if tp == nil {
			break
		}
		tps = append(tps, tp)
		if !p.accept(token.Comma) {
			break
		}
	}
	if tps == nil || !p.accept(token.RSqb) {
		p.pos = start
		return nil, false
	}
	return tps, true
}

// typeParam: NAME [':' expression] ['=' expression] | '*' NAME ['=' star_expression]
// | '**' NAME ['=' expression].
func (p *parser) typeParam() ast.TypeParam {
	start := p.pos
	switch p.kind() {
	case token.Name:
		p.pos++
		var bound, def ast.Expr
		if p.accept(token.Colon) {
			if bound = p.expression(); bound == nil {
				p.pos = start
				return nil
			}
		}
		if p.kind() == token.Equal {
			save := p.pos
			p.pos++
			if def = p.expression(); def == nil {
				p.pos = save
			}
		}
		return &ast.TypeVar{Pos: p.span(start), Name: p.ident(start), Bound: bound, DefaultValue: def}
	case token.Star, token.DoubleStar:
		star := p.kind() == token.Star
		p.pos++
		if p.kind() != token.Name {
			p.pos = start
			return nil
		}
		nameTok := p.pos
		p.pos++
		if p.invalid && p.kind() == token.Colon {
			colon := p.pos
			p.pos++
			if e := p.expression(); e != nil {
				what := "ParamSpec"
				if star {
					what = "TypeVarTuple"
				}
				if _, ok := e.(*ast.Tuple); ok {
					p.raiseTok(colon, "cannot use constraints with "+what)
				} else {
					p.raiseTok(colon, "cannot use bound with "+what)
				}
				return nil
			}
			p.pos = colon
		}
		var def ast.Expr
		if p.kind() == token.Equal {
			save := p.pos
			p.pos++
			if star {
				def = p.starExpression()
			} else {
				def = p.expression()
			}
			if def == nil {
				p.pos = save
			}
		}
		if star {
			return &ast.TypeVarTuple{Pos: p.span(start), Name: p.ident(nameTok), DefaultValue: def}
		}
		return &ast.ParamSpec{Pos: p.span(start), Name: p.ident(nameTok), DefaultValue: def}
	}
	return nil
}

// arguments: args [','] &')'. Positional and starred arguments go to args
// in order, keywords and '**' unpackings to kws.
func (p *parser) arguments() (args []ast.Expr, kws []*ast.Keyword, ok bool) {
	start := p.pos
	args, kws, _, ok = p.argumentElems()
	if ok {
		p.accept(token.Comma)
		if p.kind() == token.RPar {
			return args, kws, true
		}
	}
	p.pos = start
	if p.invalid && p.err == nil {
		p.invalidArguments()
		p.pos = start
	}
	return nil, nil, false
}

// argumentElems is the grammar's args rule: positional and starred
// arguments, then keywords and starred, then keywords and '**'. It stops
// before a comma that no argument follows.
func (p *parser) argumentElems() (args []ast.Expr, kws []*ast.Keyword, phase int, ok bool) {
	start := p.pos
	argMark, kwMark := p.exprs.mark(), p.kws.mark()
	for {
		elem := p.pos
		if p.invalid {
			switch k := p.kind(); {
			case phase > 0, k == token.DoubleStar, k == token.KwTrue, k == token.KwFalse, k == token.KwNone,
				k == token.Name && p.kindAt(1) == token.Equal:
				p.invalidKwarg()
				if p.err != nil {
					p.exprs.drop(argMark)
					p.kws.drop(kwMark)
					return nil, nil, phase, false
				}
			}
		}
		if !p.argumentElem(&phase) {
			p.pos = elem
			if elem > start {
				p.pos = elem - 1 // give back the comma
			}
			break
		}
		if p.kind() != token.Comma {
			break
		}
		p.pos++
	}
	args, kws = p.exprs.take(argMark), p.kws.take(kwMark)
	if p.pos == start {
		return nil, nil, 0, false
	}
	return args, kws, phase, true
}

// argumentElem parses one call argument allowed in the given phase.
// It pushes the argument on p.exprs or p.kws, and nothing on failure.
func (p *parser) argumentElem(phase *int) bool {
	elem := p.pos
	switch k := p.kind(); {
	case k == token.Star:
		if *phase == 2 {
			return false
		}
		e := p.starredExpression()
		if e == nil {
			return false
		}
		p.exprs.push(e)
	case k == token.DoubleStar:
		p.pos++
		v := p.expression()
		if v == nil {
			return false
		}
		kw := p.nodes.keywords.new()
		*kw = ast.Keyword{Pos: p.span(elem), Value: v}
		p.kws.push(kw)
		*phase = 2
	case k == token.Name && p.kindAt(1) == token.Equal:
		p.pos += 2
		v := p.expression()
		if v == nil {
			return false
		}
		kw := p.nodes.keywords.new()
		*kw = ast.Keyword{Pos: p.span(elem), Arg: p.ident(elem), Value: v}
		p.kws.push(kw)
		if *phase == 0 {
			*phase = 1
		}
	default:
		if *phase > 0 {
			return false
		}
		var e ast.Expr
		cut := false
		if c := p.argCache; c.node != nil && c.start == elem {
			e = c.node
			p.pos = c.end
		} else {
			e, cut = p.assignmentExpression()
		}
		if e == nil {
			if cut {
				return false
			}
			e = p.expression()
			if e == nil || p.kind() == token.ColonEqual {
				if p.invalid && p.err == nil {
					p.pos = elem
					p.invalidKwarg()
				}
				return false
			}
		}
		if p.kind() == token.Equal {
			if p.invalid {
				p.pos = elem
				p.invalidKwarg()
			}
			return false
		}
		p.exprs.push(e)
	}
	return true
}

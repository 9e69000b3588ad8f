package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// isBareNamed reports whether e, parsed from token start on, is an
// unparenthesized walrus, which may not stand where an expression must.
func (p *parser) isBareNamed(e ast.Expr, start int) bool {
	_, ok := e.(*ast.NamedExpr)
	return ok && p.toks[start].Kind == token.Name
}

// parenAtom: genexp | tuple | group, all starting with '('.
func (p *parser) parenAtom() ast.Expr {
	start := p.pos
	p.pos++
	switch p.kind() {
	case token.RPar:
		p.pos++
		return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Ctx: ast.Load})
	case token.KwYield:
		y := p.yieldExpr()
		if y != nil && p.accept(token.RPar) {
			return y
		}
		p.pos = start
		p.invalidGroup()
		return nil
	}
	elemStart := p.pos
	first := p.starNamedExpression()
	if first == nil {
		p.pos = start
		if p.invalid {
			p.invalidComprehension()
			p.invalidGroup()
		}
		return nil
	}
	_, starred := first.(*ast.Starred)
	switch p.kind() {
	case token.KwFor, token.KwAsync:
		if !starred {
			gens := p.forIfClauses()
			if gens != nil && p.accept(token.RPar) {
				return put(&p.nodes.generatorExps, ast.GeneratorExp{Pos: p.span(start), Elt: first, Generators: gens})
			}
		}
	case token.Comma:
		p.pos++
		mark := p.exprs.mark()
		p.exprs.push(first)
		if p.kind() != token.RPar {
			save := p.pos
			if !p.pushStarNamedExpressions() {
				p.pos = save
			}
		}
		if p.accept(token.RPar) {
			return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: p.exprs.take(mark), Ctx: ast.Load})
		}
		p.exprs.drop(mark)
	case token.RPar:
		if !starred {
			p.pos++
			return first
		}
	}
	_ = elemStart
	p.pos = start
	if p.invalid && p.err == nil {
		p.invalidComprehension()
		p.invalidGroup()
	}
	return nil
}

// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'.
func (p *parser) genexp() ast.Expr {
	start := p.pos
	p.pos++
	eltStart := p.pos
	elt, cut := p.assignmentExpression()
	if elt == nil {
		if cut {
			p.pos = start
			return nil
		}
		elt = p.expression()
		if elt == nil || p.kind() == token.ColonEqual {
			p.pos = start
			if p.invalid {
				p.invalidComprehension()
			}
			return nil
		}
	}
	p.argCache = argCache{start: eltStart, end: p.pos, node: elt}
	if k := p.kind(); k != token.KwFor && k != token.KwAsync {
		p.pos = start
		if p.invalid {
			p.invalidComprehension()
		}
		return nil
	}
	gens := p.forIfClauses()
	if gens == nil || !p.accept(token.RPar) {
		p.pos = start
		if p.invalid {
			p.invalidComprehension()
		}
		return nil
	}
	return put(&p.nodes.generatorExps, ast.GeneratorExp{Pos: p.span(start), Elt: elt, Generators: gens})
}

// bracketAtom: listcomp | list.
func (p *parser) bracketAtom() ast.Expr {
	start := p.pos
	p.pos++
	if p.accept(token.RSqb) {
		return put(&p.nodes.lists, ast.List{Pos: p.span(start), Ctx: ast.Load})
	}
	elemStart := p.pos
	first := p.starNamedExpression()
	if first != nil {
		_, starred := first.(*ast.Starred)
		if k := p.kind(); (k == token.KwFor || k == token.KwAsync) && !starred {
			gens := p.forIfClauses()
			if gens != nil && p.accept(token.RSqb) {
				return put(&p.nodes.listComps, ast.ListComp{Pos: p.span(start), Elt: first, Generators: gens})
			}
		} else {
			mark := p.exprs.mark()
			p.exprs.push(first)
			p.pushMoreStarNamed()
			if p.accept(token.RSqb) {
				return put(&p.nodes.lists, ast.List{Pos: p.span(start), Elts: p.exprs.take(mark), Ctx: ast.Load})
			}
			p.exprs.drop(mark)
		}
	}
	_ = elemStart
	p.pos = start
	if p.invalid && p.err == nil {
		p.invalidComprehension()
	}
	return nil
}

// braceAtom: dictcomp | setcomp | dict | set.
func (p *parser) braceAtom() ast.Expr {
	start := p.pos
	p.pos++
	if p.accept(token.RBrace) {
		return put(&p.nodes.dicts, ast.Dict{Pos: p.span(start)})
	}
	if p.kind() == token.DoubleStar {
		if d := p.dictRest(start, nil, nil); d != nil {
			return d
		}
		p.pos = start
		if p.invalid {
			p.invalidDictComprehension()
			p.invalidDict()
		}
		return nil
	}
	elemStart := p.pos
	first := p.starNamedExpression()
	if first == nil {
		p.pos = start
		if p.invalid {
			p.invalidComprehension()
			p.invalidDict()
		}
		return nil
	}
	_, starred := first.(*ast.Starred)
	if p.kind() == token.Colon && !starred && !p.isBareNamed(first, elemStart) {
		colon := p.pos
		p.pos++
		v := p.expression()
		if v != nil {
			if k := p.kind(); k == token.KwFor || k == token.KwAsync {
				gens := p.forIfClauses()
				if gens != nil && p.accept(token.RBrace) {
					return &ast.DictComp{Pos: p.span(start), Key: first, Value: v, Generators: gens}
				}
			} else if d := p.dictRest(start, first, v); d != nil {
				return d
			}
		}
		_ = colon
	} else if k := p.kind(); (k == token.KwFor || k == token.KwAsync) && !starred {
		gens := p.forIfClauses()
		if gens != nil && p.accept(token.RBrace) {
			return &ast.SetComp{Pos: p.span(start), Elt: first, Generators: gens}
		}
	} else {
		mark := p.exprs.mark()
		p.exprs.push(first)
		p.pushMoreStarNamed()
		if p.accept(token.RBrace) {
			return &ast.Set{Pos: p.span(start), Elts: p.exprs.take(mark)}
		}
		p.exprs.drop(mark)
	}
	p.pos = start
	if p.invalid && p.err == nil {
		p.invalidComprehension()
		p.invalidDict()
	}
	return nil
}

// dictRest parses the rest of a dict display after '{' (and after a first
// key/value pair when key is set): (',' double_starred_kvpair)* [','] '}'.
// Keys and values go on p.exprs in pairs.
func (p *parser) dictRest(start int, key, value ast.Expr) ast.Expr {
	mark := p.exprs.mark()
	if value != nil {
		p.exprs.push(key)
		p.exprs.push(value)
		if p.kind() == token.Comma {
			p.pos++
		} else if p.kind() != token.RBrace {
			p.exprs.drop(mark)
			return nil
		}
	}
	for p.kind() != token.RBrace {
		k, v, ok := p.doubleStarredKVPair()
		if !ok {
			break
		}
		p.exprs.push(k)
		p.exprs.push(v)
		if !p.accept(token.Comma) {
			break
		}
	}
	if !p.accept(token.RBrace) {
		p.exprs.drop(mark)
		return nil
	}
	var keys, values []ast.Expr
	if n := p.exprs.count(mark) / 2; n > 0 {
		keys, values = p.exprs.alloc(n), p.exprs.alloc(n)
		for i := range n {
			keys[i], values[i] = p.exprs.stack[mark+2*i], p.exprs.stack[mark+2*i+1]
		}
	}
	p.exprs.drop(mark)
	return put(&p.nodes.dicts, ast.Dict{Pos: p.span(start), Keys: keys, Values: values})
}

// doubleStarredKVPair: '**' bitwise_or | expression ':' expression.
func (p *parser) doubleStarredKVPair() (k, v ast.Expr, ok bool) {
	start := p.pos
	if p.accept(token.DoubleStar) {
		v = p.bitwiseOr()
		if v == nil {
			p.pos = start
			return nil, nil, false
		}
		return nil, v, true
	}
	k = p.expression()
	if k == nil || !p.accept(token.Colon) {
		p.pos = start
		return nil, nil, false
	}
	v = p.expression()
	if v == nil {
		p.pos = start
		return nil, nil, false
	}
	return k, v, true
}

// forIfClauses: for_if_clause+.
func (p *parser) forIfClauses() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for {
		k := p.kind()
		if k != token.KwFor && !(k == token.KwAsync && p.kindAt(1) == token.KwFor) {
			break
		}
		c, cut := p.forIfClause()
		if c == nil {
			if cut || p.err != nil {
				return nil
			}
			break
		}
		gens = append(gens, c)
	}
	return gens
}

// forIfClause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*.
func (p *parser) forIfClause() (*ast.Comprehension, bool) {
	start := p.pos
	isAsync := 0
	if p.accept(token.KwAsync) {
		isAsync = 1
	}
	p.pos++ // 'for'
	target := p.starTargets()
	if target == nil || !p.accept(token.KwIn) {
		p.pos = start
		if p.invalid {
			p.invalidForIfClause()
			p.invalidForTarget()
		}
		return nil, false
	}
	iter := p.disjunction()
	if iter == nil {
		p.pos = start
		return nil, true
	}
	mark := p.exprs.mark()
	for p.kind() == token.KwIf {
		save := p.pos
		p.pos++
		c := p.disjunction()
		if c == nil {
			p.pos = save
			break
		}
		p.exprs.push(c)
	}
	return put(&p.nodes.comprehensions, ast.Comprehension{Target: target, Iter: iter, Ifs: p.exprs.take(mark), IsAsync: isAsync}), false
}

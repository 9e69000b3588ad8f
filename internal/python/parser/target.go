package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// setStore checks that e, parsed as an expression, is what star_targets
// would have parsed, and gives it and its sub-targets the Store context.
func setStore(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Name:
		x.Ctx = ast.Store
	case *ast.Attribute:
		x.Ctx = ast.Store
	case *ast.Subscript:
		x.Ctx = ast.Store
	case *ast.Starred:
		if _, ok := x.Value.(*ast.Starred); ok || !setStore(x.Value) {
			return false
		}
		x.Ctx = ast.Store
	case *ast.Tuple:
		for _, el := range x.Elts {
			if !setStore(el) {
				return false
			}
		}
		x.Ctx = ast.Store
	case *ast.List:
		for _, el := range x.Elts {
			if !setStore(el) {
				return false
			}
		}
		x.Ctx = ast.Store
	default:
		return false
	}
	return true
}

func isTLookahead(k token.Kind) bool {
	return k == token.LPar || k == token.LSqb || k == token.Dot
}

// starTargets: star_target !',' | star_target (',' star_target)* [','].
func (p *parser) starTargets() ast.Expr {
	start := p.pos
	a := p.starTarget()
	if a == nil || p.kind() != token.Comma {
		return a
	}
	elts := []ast.Expr{a}
	for p.kind() == token.Comma {
		p.pos++
		save := p.pos
		x := p.starTarget()
		if x == nil {
			p.pos = save
			break
		}
		elts = append(elts, x)
	}
	return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Store})
}

// starTarget: '*' (!'*' star_target) | target_with_star_atom.
func (p *parser) starTarget() ast.Expr {
	if p.kind() != token.Star {
		return p.targetWithStarAtom()
	}
	start := p.pos
	p.pos++
	if p.kind() == token.Star || !p.enter() {
		p.pos = start
		return nil
	}
	t := p.starTarget()
	p.leave()
	if t == nil {
		p.pos = start
		return nil
	}
	return put(&p.nodes.starreds, ast.Starred{Pos: p.span(start), Value: t, Ctx: ast.Store})
}

// targetWithStarAtom: t_primary '.' NAME !t_lookahead
// | t_primary '[' slices ']' !t_lookahead | star_atom.
func (p *parser) targetWithStarAtom() ast.Expr {
	if t := p.tPrimaryTarget(ast.Store); t != nil {
		return t
	}
	if p.err != nil {
		return nil
	}
	return p.starAtom()
}

// tPrimaryTarget parses t_primary followed by a final '.' NAME or
// '[' slices ']' that no t_lookahead follows, giving it context ctx.
func (p *parser) tPrimaryTarget(ctx ast.ExprContext) ast.Expr {
	start := p.pos
	switch p.kind() {
	case token.Name, token.LPar, token.LSqb, token.LBrace, token.String, token.FStringStart,
		token.TStringStart, token.Number, token.KwTrue, token.KwFalse, token.KwNone, token.Ellipsis:
	default:
		return nil
	}
	if p.kind() == token.Name && !isTLookahead(p.kindAt(1)) {
		return nil
	}
	a := p.atom()
	if a == nil || !isTLookahead(p.kind()) {
		p.pos = start
		return nil
	}
	for {
		t := p.trailer(start, a)
		if t == nil {
			p.pos = start
			return nil
		}
		a = t
		if isTLookahead(p.kind()) {
			continue
		}
		switch x := a.(type) {
		case *ast.Attribute:
			x.Ctx = ctx
			return x
		case *ast.Subscript:
			x.Ctx = ctx
			return x
		}
		p.pos = start
		return nil
	}
}

// starAtom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
// | '[' [star_targets_list_seq] ']'.
func (p *parser) starAtom() ast.Expr {
	start := p.pos
	switch p.kind() {
	case token.Name:
		p.pos++
		return put(&p.nodes.names, ast.Name{Pos: p.tokPos(start), ID: p.ident(start), Ctx: ast.Store})
	case token.LPar:
		p.pos++
		if !p.enter() {
			return nil
		}
		defer p.leave()
		// '(' target_with_star_atom ')' and '(' star_targets_tuple_seq ')'
		// share the first target.
		if p.accept(token.RPar) {
			return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Ctx: ast.Store})
		}
		first := p.starTarget()
		if first == nil {
			p.pos = start
			return nil
		}
		if _, star := first.(*ast.Starred); !star && p.accept(token.RPar) {
			return first
		}
		if !p.accept(token.Comma) {
			p.pos = start
			return nil
		}
		rest, ok := p.starTargetSeq(token.RPar, false)
		elts := append([]ast.Expr{first}, rest...)
		if !ok {
			p.pos = start
			return nil
		}
		return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Store})
	case token.LSqb:
		p.pos++
		if !p.enter() {
			return nil
		}
		defer p.leave()
		elts, ok := p.starTargetSeq(token.RSqb, false)
		if !ok {
			p.pos = start
			return nil
		}
		return put(&p.nodes.lists, ast.List{Pos: p.span(start), Elts: elts, Ctx: ast.Store})
	}
	return nil
}

// starTargetSeq parses an optional star_targets_tuple_seq (needing a comma)
// or star_targets_list_seq, then the closing bracket.
func (p *parser) starTargetSeq(closing token.Kind, needComma bool) ([]ast.Expr, bool) {
	if p.accept(closing) {
		return nil, true
	}
	var elts []ast.Expr
	comma := false
	for {
		x := p.starTarget()
		if x == nil {
			break
		}
		elts = append(elts, x)
		if !p.accept(token.Comma) {
			break
		}
		comma = true
	}
	if len(elts) == 0 || (needComma && !comma) || !p.accept(closing) {
		return nil, false
	}
	return elts, true
}

// delTargets: ','.del_target+ [','].
func (p *parser) delTargets() []ast.Expr {
	var elts []ast.Expr
	for {
		save := p.pos
		x := p.delTarget()
		if x == nil {
			p.pos = save
			break
		}
		elts = append(elts, x)
		if p.kind() != token.Comma {
			break
		}
		p.pos++
	}
	return elts
}

// delTarget: t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | del_t_atom.
func (p *parser) delTarget() ast.Expr {
	if t := p.tPrimaryTarget(ast.Del); t != nil {
		return t
	}
	if p.err != nil {
		return nil
	}
	start := p.pos
	switch p.kind() {
	case token.Name:
		p.pos++
		return put(&p.nodes.names, ast.Name{Pos: p.tokPos(start), ID: p.ident(start), Ctx: ast.Del})
	case token.LPar, token.LSqb:
		closing := token.RPar
		if p.kind() == token.LSqb {
			closing = token.RSqb
		}
		p.pos++
		if !p.enter() {
			return nil
		}
		defer p.leave()
		var elts []ast.Expr
		if !p.accept(closing) {
			// '(' del_target ')' and '(' [del_targets] ')' share the first target.
			first := p.delTarget()
			if first == nil {
				p.pos = start
				return nil
			}
			if closing == token.RPar && p.accept(token.RPar) {
				return first
			}
			elts = []ast.Expr{first}
			if p.accept(token.Comma) {
				elts = append(elts, p.delTargets()...)
			}
			if !p.accept(closing) {
				p.pos = start
				return nil
			}
		}
		if closing == token.RPar {
			return put(&p.nodes.tuples, ast.Tuple{Pos: p.span(start), Elts: elts, Ctx: ast.Del})
		}
		return put(&p.nodes.lists, ast.List{Pos: p.span(start), Elts: elts, Ctx: ast.Del})
	}
	return nil
}

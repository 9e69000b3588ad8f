package parser

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// file: [statements] ENDMARKER.
func (p *parser) file() *ast.Module {
	mark := p.stmts.mark()
	ok := p.statements(token.EOF)
	body := p.stmts.take(mark)
	if !ok || p.err != nil || p.kind() != token.EOF {
		return nil
	}
	return &ast.Module{Body: body}
}

// statements parses statement+ until the token kind end (not consumed),
// pushing them on p.stmts; it reports whether there was at least one and
// no error.
func (p *parser) statements(end token.Kind) bool {
	mark := p.stmts.mark()
	for p.kind() != end {
		if p.err != nil {
			return false
		}
		if !p.statement() {
			return p.stmts.count(mark) > 0
		}
	}
	return true
}

// statement: compound_stmt | simple_stmts; it pushes the statements on
// p.stmts and reports whether there were any.
func (p *parser) statement() bool {
	if s := p.compoundStmt(); s != nil {
		p.stmts.push(s)
		return true
	}
	if p.err != nil {
		return false
	}
	return p.simpleStmts()
}

// simpleStmts: ';'.simple_stmt+ [';'] NEWLINE, pushed on p.stmts; on
// failure nothing is pushed.
func (p *parser) simpleStmts() bool {
	start := p.pos
	mark := p.stmts.mark()
	for {
		s := p.simpleStmt()
		if s == nil {
			break
		}
		p.stmts.push(s)
		if !p.accept(token.Semi) {
			break
		}
		if p.kind() == token.Newline {
			break
		}
	}
	if p.stmts.count(mark) == 0 || !p.accept(token.Newline) {
		p.pos = start
		p.stmts.drop(mark)
		return false
	}
	return true
}

// simpleStmt dispatches on the first token; the order of CPython's
// alternatives matters only where they can start alike.
func (p *parser) simpleStmt() ast.Stmt {
	if p.err != nil {
		return nil
	}
	start := p.pos
	switch p.kind() {
	case token.KwReturn:
		p.pos++
		var v ast.Expr
		if k := p.kind(); k != token.Newline && k != token.Semi {
			save := p.pos
			if v = p.starExpressions(); v == nil {
				p.pos = save
			}
		}
		return put(&p.nodes.returns, ast.Return{Pos: p.span(start), Value: v})
	case token.KwRaise:
		return p.raiseStmt()
	case token.KwPass:
		p.pos++
		return put(&p.nodes.passes, ast.Pass{Pos: p.span(start)})
	case token.KwBreak:
		p.pos++
		return &ast.Break{Pos: p.span(start)}
	case token.KwContinue:
		p.pos++
		return &ast.Continue{Pos: p.span(start)}
	case token.KwDel:
		return p.delStmt()
	case token.KwYield:
		if p.invalid {
			p.invalidAssignment()
			if p.err != nil {
				return nil
			}
		}
		y := p.yieldExpr()
		if y == nil {
			return nil
		}
		return put(&p.nodes.exprStmts, ast.ExprStmt{Pos: p.span(start), Value: y})
	case token.KwAssert:
		return p.assertStmt()
	case token.KwGlobal, token.KwNonlocal:
		return p.globalStmt()
	case token.KwImport, token.KwFrom:
		return p.importStmt()
	case token.Name:
		if p.kindAt(1) == token.Name && p.isName("type") {
			if s := p.typeAlias(); s != nil {
				return s
			}
			if p.err != nil {
				return nil
			}
		}
	}
	return p.exprOrAssignment()
}

// exprOrAssignment covers CPython's assignment rule and the expression
// statement: it parses star_expressions once and then decides, from the
// next token, whether they were targets.
func (p *parser) exprOrAssignment() ast.Stmt {
	start := p.pos
	s := p.exprOrAssignmentNormal()
	if s == nil && p.invalid && p.err == nil {
		p.pos = start
		p.invalidAssignment()
	}
	return s
}

func (p *parser) exprOrAssignmentNormal() ast.Stmt {
	start := p.pos
	e := p.starExpressions()
	if e == nil {
		return nil
	}
	switch k := p.kind(); k {
	case token.Colon:
		simple := 0
		switch x := e.(type) {
		case *ast.Name:
			if p.toks[start].Kind == token.Name {
				simple = 1
			}
			x.Ctx = ast.Store
		case *ast.Attribute:
			x.Ctx = ast.Store
		case *ast.Subscript:
			x.Ctx = ast.Store
		default:
			p.pos = start
			return nil
		}
		p.pos++
		ann := p.expression()
		if ann == nil {
			p.pos = start
			return nil
		}
		var value ast.Expr
		if p.kind() == token.Equal {
			save := p.pos
			p.pos++
			if value = p.annotatedRHS(); value == nil {
				p.pos = save
			}
		}
		return put(&p.nodes.annAssigns, ast.AnnAssign{Pos: p.span(start), Target: e, Annotation: ann, Value: value, Simple: simple})
	case token.Equal:
		mark := p.exprs.mark()
		cur := e
		for {
			if !setStore(cur) {
				p.exprs.drop(mark)
				p.pos = start
				return nil
			}
			p.exprs.push(cur)
			p.pos++
			rhs := p.annotatedRHS()
			if rhs == nil {
				p.exprs.drop(mark)
				p.pos = start
				return nil
			}
			if p.kind() != token.Equal {
				n := p.nodes.assigns.new()
				*n = ast.Assign{Pos: p.span(start), Targets: p.exprs.take(mark), Value: rhs}
				return n
			}
			cur = rhs
		}
	default:
		if op, ok := augOp(k); ok {
			switch x := e.(type) {
			case *ast.Name:
				x.Ctx = ast.Store
			case *ast.Attribute:
				x.Ctx = ast.Store
			case *ast.Subscript:
				x.Ctx = ast.Store
			default:
				p.pos = start
				return nil
			}
			p.pos++
			rhs := p.annotatedRHS()
			if rhs == nil {
				p.pos = start
				return nil
			}
			return put(&p.nodes.augAssigns, ast.AugAssign{Pos: p.span(start), Target: e, Op: op, Value: rhs})
		}
	}
	n := p.nodes.exprStmts.new()
	*n = ast.ExprStmt{Pos: p.span(start), Value: e}
	return n
}

func augOp(k token.Kind) (ast.Operator, bool) {
	switch k {
	case token.PlusEqual:
		return ast.Add, true
	case token.MinEqual:
		return ast.Sub, true
	case token.StarEqual:
		return ast.Mult, true
	case token.AtEqual:
		return ast.MatMult, true
	case token.SlashEqual:
		return ast.Div, true
	case token.PercentEqual:
		return ast.Mod, true
	case token.AmperEqual:
		return ast.BitAnd, true
	case token.VBarEqual:
		return ast.BitOr, true
	case token.CircumflexEqual:
		return ast.BitXor, true
	case token.LeftShiftEqual:
		return ast.LShift, true
	case token.RightShiftEqual:
		return ast.RShift, true
	case token.DoubleStarEqual:
		return ast.Pow, true
	case token.DoubleSlashEqual:
		return ast.FloorDiv, true
	}
	return 0, false
}

// annotatedRHS: yield_expr | star_expressions.
func (p *parser) annotatedRHS() ast.Expr {
	if p.kind() == token.KwYield {
		return p.yieldExpr()
	}
	return p.starExpressions()
}

// yieldExpr: 'yield' 'from' expression | 'yield' [star_expressions].
func (p *parser) yieldExpr() ast.Expr {
	start := p.pos
	if !p.accept(token.KwYield) {
		return nil
	}
	if p.accept(token.KwFrom) {
		v := p.expression()
		if v == nil {
			p.pos = start
			return nil
		}
		return &ast.YieldFrom{Pos: p.span(start), Value: v}
	}
	save := p.pos
	v := p.starExpressions()
	if v == nil {
		p.pos = save
	}
	return put(&p.nodes.yields, ast.Yield{Pos: p.span(start), Value: v})
}

// raiseStmt: 'raise' expression ['from' expression] | 'raise'.
func (p *parser) raiseStmt() ast.Stmt {
	start := p.pos
	p.pos++
	save := p.pos
	exc := p.expression()
	if exc == nil {
		p.pos = save
		return put(&p.nodes.raises, ast.Raise{Pos: p.span(start)})
	}
	if p.kind() == token.KwFrom {
		save := p.pos
		p.pos++
		if cause := p.expression(); cause != nil {
			return put(&p.nodes.raises, ast.Raise{Pos: p.span(start), Exc: exc, Cause: cause})
		}
		p.pos = save
	}
	return put(&p.nodes.raises, ast.Raise{Pos: p.span(start), Exc: exc})
}

// delStmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt.
func (p *parser) delStmt() ast.Stmt {
	start := p.pos
	p.pos++
	targets := p.delTargets()
	if targets != nil {
		if k := p.kind(); k == token.Semi || k == token.Newline {
			return &ast.Delete{Pos: p.span(start), Targets: targets}
		}
	}
	p.pos = start
	if p.invalid {
		p.pos++
		if e := p.starExpressions(); e != nil {
			p.raiseInvalidTarget(delTargets, e)
		}
		p.pos = start
	}
	return nil
}

// assertStmt: 'assert' expression [',' expression].
func (p *parser) assertStmt() ast.Stmt {
	start := p.pos
	p.pos++
	test := p.expression()
	if test == nil {
		p.pos = start
		return nil
	}
	var msg ast.Expr
	if p.kind() == token.Comma {
		save := p.pos
		p.pos++
		if msg = p.expression(); msg == nil {
			p.pos = save
		}
	}
	return &ast.Assert{Pos: p.span(start), Test: test, Msg: msg}
}

// globalStmt: ('global' | 'nonlocal') ','.NAME+.
func (p *parser) globalStmt() ast.Stmt {
	start := p.pos
	kw := p.kind()
	p.pos++
	var names []string
	for {
		if p.kind() != token.Name {
			p.pos = start
			return nil
		}
		names = append(names, p.ident(p.pos))
		p.pos++
		if p.kind() != token.Comma || p.kindAt(1) != token.Name {
			break
		}
		p.pos++
	}
	if kw == token.KwGlobal {
		return &ast.Global{Pos: p.span(start), Names: names}
	}
	return &ast.Nonlocal{Pos: p.span(start), Names: names}
}

// typeAlias: "type" NAME [type_params] '=' expression.
func (p *parser) typeAlias() ast.Stmt {
	start := p.pos
	p.pos++
	nameTok := p.pos
	p.pos++
	var tps []ast.TypeParam
	if p.kind() == token.LSqb {
		var ok bool
		if tps, ok = p.typeParams(); !ok {
			p.pos = start
			return nil
		}
	}
	if !p.accept(token.Equal) {
		p.pos = start
		return nil
	}
	v := p.expression()
	if v == nil {
		p.pos = start
		return nil
	}
	name := put(&p.nodes.names, ast.Name{Pos: p.tokPos(nameTok), ID: p.ident(nameTok), Ctx: ast.Store})
	return &ast.TypeAlias{Pos: p.span(start), Name: name, TypeParams: tps, Value: v}
}

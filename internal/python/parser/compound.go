package parser

import (
	"strconv"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// compoundStmt dispatches on the first token; match is tried last, as a
// soft keyword, and falls back to a simple statement.
func (p *parser) compoundStmt() ast.Stmt {
	switch p.kind() {
	case token.KwDef, token.At:
		return p.decorated()
	case token.KwAsync:
		switch p.kindAt(1) {
		case token.KwDef:
			return p.funcDef(nil)
		case token.KwWith:
			return p.withStmt()
		case token.KwFor:
			return p.forStmt()
		}
		return nil
	case token.KwIf:
		return p.ifStmt(token.KwIf)
	case token.KwClass:
		return p.classDef(nil)
	case token.KwWith:
		return p.withStmt()
	case token.KwFor:
		return p.forStmt()
	case token.KwTry:
		return p.tryStmt()
	case token.KwWhile:
		return p.whileStmt()
	case token.Name:
		if p.isName("match") {
			return p.matchStmt()
		}
	}
	return nil
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block.
func (p *parser) block() []ast.Stmt {
	if p.err != nil {
		return nil
	}
	start := p.pos
	if p.kind() == token.Newline {
		if p.kindAt(1) != token.Indent {
			if p.invalid {
				p.pos++
				p.tok()
				p.raise("expected an indented block")
				p.pos = start
			}
			return nil
		}
		p.pos += 2
		if !p.enter() {
			return nil
		}
		body := p.statementsUntilDedent()
		p.leave()
		if body == nil || !p.accept(token.Dedent) {
			p.pos = start
			return nil
		}
		return body
	}
	mark := p.stmts.mark()
	if !p.simpleStmts() {
		p.pos = start
		return nil
	}
	return p.stmts.take(mark)
}

func (p *parser) statementsUntilDedent() []ast.Stmt {
	mark := p.stmts.mark()
	for p.kind() != token.Dedent {
		if p.err != nil {
			p.stmts.drop(mark)
			return nil
		}
		if !p.statement() {
			break
		}
	}
	return p.stmts.take(mark)
}

// indentedBlockAfter is the second pass's check behind every
// "expected an indented block after ..." message: after the ':' of a
// compound statement, a NEWLINE not followed by INDENT.
func (p *parser) indentedBlockAfter(kwTok int, what string) {
	if !p.invalid || p.kind() != token.Newline || p.kindAt(1) == token.Indent {
		return
	}
	save := p.pos
	p.pos++
	p.tok()
	p.raise("expected an indented block after " + what + " on line " + strconv.Itoa(int(p.toks[kwTok].Line)))
	p.pos = save
}

// blockAfterColon expects ':' then a block, raising the second pass's
// messages for a missing colon or a missing indented block.
func (p *parser) blockAfterColon(kwTok int, what string) []ast.Stmt {
	if p.kind() != token.Colon {
		if p.invalid && p.kind() == token.Newline {
			p.raise("expected ':'")
		}
		return nil
	}
	p.pos++
	p.indentedBlockAfter(kwTok, what)
	return p.block()
}

// forcedColon is &&':': a missing colon is an error in either pass.
func (p *parser) forcedColon() bool {
	if p.accept(token.Colon) {
		return true
	}
	t := p.tok()
	p.raiseAt(int(t.Line), int(t.Col), "expected ':'")
	return false
}

// ifStmt: 'if' named_expression ':' block (elif_stmt | [else_block]); elif
// chains nest as If nodes in orelse.
func (p *parser) ifStmt(kw token.Kind) ast.Stmt {
	start := p.pos
	p.pos++
	test := p.namedExpression()
	if test == nil {
		p.pos = start
		return nil
	}
	what := "'if' statement"
	if kw == token.KwElif {
		what = "'elif' statement"
	}
	body := p.blockAfterColon(start, what)
	if body == nil {
		p.pos = start
		return nil
	}
	var orelse []ast.Stmt
	switch p.kind() {
	case token.KwElif:
		e := p.ifStmt(token.KwElif)
		if e == nil {
			if p.err != nil {
				return nil
			}
		} else {
			orelse = []ast.Stmt{e}
		}
	case token.KwElse:
		var ok bool
		if orelse, ok = p.elseBlock(); !ok {
			return nil
		}
	}
	return put(&p.nodes.ifs, ast.If{Pos: p.span(start), Test: test, Body: body, Orelse: orelse})
}

// elseBlock: 'else' &&':' block, or nothing; ok is false after an error.
func (p *parser) elseBlock() ([]ast.Stmt, bool) {
	if p.kind() != token.KwElse {
		return nil, true
	}
	start := p.pos
	p.pos++
	if p.invalid && p.kind() == token.Colon {
		p.pos++
		p.indentedBlockAfter(start, "'else' statement")
		p.pos--
	}
	if !p.forcedColon() {
		return nil, false
	}
	b := p.block()
	if b == nil {
		p.pos = start
		return nil, true
	}
	if p.invalid && p.kind() == token.KwElif {
		p.raise("'elif' block follows an 'else' block")
		return nil, false
	}
	return b, true
}

// whileStmt: 'while' named_expression ':' block [else_block].
func (p *parser) whileStmt() ast.Stmt {
	start := p.pos
	p.pos++
	test := p.namedExpression()
	if test == nil {
		p.pos = start
		return nil
	}
	body := p.blockAfterColon(start, "'while' statement")
	if body == nil {
		p.pos = start
		return nil
	}
	orelse, ok := p.elseBlock()
	if !ok {
		return nil
	}
	return &ast.While{Pos: p.span(start), Test: test, Body: body, Orelse: orelse}
}

// forStmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block].
func (p *parser) forStmt() ast.Stmt {
	start := p.pos
	isAsync := p.accept(token.KwAsync)
	forTok := p.pos
	p.pos++
	target := p.starTargets()
	if target == nil || !p.accept(token.KwIn) {
		p.pos = start
		if p.invalid {
			p.invalidForTargetAt(start)
		}
		return nil
	}
	iter := p.starExpressions()
	if iter == nil {
		p.pos = start
		return nil
	}
	body := p.blockAfterColon(forTok, "'for' statement")
	if body == nil {
		p.pos = start
		return nil
	}
	orelse, ok := p.elseBlock()
	if !ok {
		return nil
	}
	if isAsync {
		return &ast.AsyncFor{Pos: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse}
	}
	return put(&p.nodes.fors, ast.For{Pos: p.span(start), Target: target, Iter: iter, Body: body, Orelse: orelse})
}

// withStmt: ['async'] 'with' ( '(' ','.with_item+ ','? ')' | ','.with_item+ ) ':' block.
func (p *parser) withStmt() ast.Stmt {
	start := p.pos
	isAsync := p.accept(token.KwAsync)
	withTok := p.pos
	p.pos++
	afterWith := p.pos
	var items []*ast.Withitem
	if p.kind() == token.LPar {
		p.pos++
		items = p.withItems()
		if items != nil {
			p.accept(token.Comma)
			if !p.accept(token.RPar) || p.kind() != token.Colon {
				items = nil
			}
		}
		if items == nil {
			p.pos = afterWith
		}
	}
	if items == nil {
		items = p.withItems()
		if items == nil {
			p.pos = start
			return nil
		}
	}
	body := p.blockAfterColon(withTok, "'with' statement")
	if body == nil {
		p.pos = start
		return nil
	}
	if isAsync {
		return &ast.AsyncWith{Pos: p.span(start), Items: items, Body: body}
	}
	return put(&p.nodes.withs, ast.With{Pos: p.span(start), Items: items, Body: body})
}

func (p *parser) withItems() []*ast.Withitem {
	var items []*ast.Withitem
	for {
		it := p.withItem()
		if it == nil {
			break
		}
		items = append(items, it)
		if p.kind() != token.Comma {
			break
		}
		save := p.pos
		p.pos++
		if k := p.kind(); k == token.RPar || k == token.Colon {
			p.pos = save
			break
		}
	}
	return items
}

// withItem: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression.
func (p *parser) withItem() *ast.Withitem {
	e := p.expression()
	if e == nil {
		return nil
	}
	if p.kind() == token.KwAs {
		save := p.pos
		p.pos++
		t := p.starTarget()
		if t != nil {
			if k := p.kind(); k == token.Comma || k == token.RPar || k == token.Colon {
				return put(&p.nodes.withitems, ast.Withitem{ContextExpr: e, OptionalVars: t})
			}
		}
		p.pos = save
		if p.invalid {
			p.pos++
			if a := p.expression(); a != nil {
				if k := p.kind(); k == token.Comma || k == token.RPar || k == token.Colon {
					p.raiseInvalidTarget(starTargets, a)
				}
			}
			p.pos = save
		}
	}
	return put(&p.nodes.withitems, ast.Withitem{ContextExpr: e})
}

// tryStmt: 'try' &&':' block (finally_block | except_block+ ... | except_star_block+ ...).
func (p *parser) tryStmt() ast.Stmt {
	start := p.pos
	p.pos++
	if p.invalid && p.kind() == token.Colon {
		p.pos++
		p.indentedBlockAfter(start, "'try' statement")
		p.pos--
	}
	if !p.forcedColon() {
		return nil
	}
	body := p.block()
	if body == nil {
		p.pos = start
		return nil
	}
	var handlers []*ast.ExceptHandler
	star := false
	for p.kind() == token.KwExcept {
		isStar := p.kindAt(1) == token.Star
		if len(handlers) > 0 && isStar != star {
			if p.invalid {
				p.invalidMixedExcept(star)
			}
			break
		}
		h := p.exceptBlock(isStar)
		if h == nil {
			break
		}
		star = isStar
		handlers = append(handlers, h)
	}
	if p.err != nil {
		return nil
	}
	var orelse, final []ast.Stmt
	if len(handlers) > 0 {
		var ok bool
		if orelse, ok = p.elseBlock(); !ok {
			return nil
		}
	}
	if p.kind() == token.KwFinally {
		fstart := p.pos
		p.pos++
		if p.invalid && p.kind() == token.Colon {
			p.pos++
			p.indentedBlockAfter(fstart, "'finally' statement")
			p.pos--
		}
		if !p.forcedColon() {
			return nil
		}
		if final = p.block(); final == nil {
			p.pos = fstart
		}
	}
	if len(handlers) == 0 && final == nil {
		if p.invalid {
			p.raise("expected 'except' or 'finally' block")
		}
		p.pos = start
		return nil
	}
	if star {
		return &ast.TryStar{Pos: p.span(start), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
	}
	return put(&p.nodes.tries, ast.Try{Pos: p.span(start), Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final})
}

// exceptBlock: 'except' ['*'] [expression ['as' NAME] | expressions] ':' block.
func (p *parser) exceptBlock(isStar bool) *ast.ExceptHandler {
	start := p.pos
	p.pos++
	what := "'except' statement"
	if isStar {
		p.pos++
		what = "'except*' statement"
	}
	if p.invalid {
		p.invalidExceptStmt(start, isStar, what)
		if p.err != nil {
			return nil
		}
	}
	var typ ast.Expr
	name := ""
	if p.kind() != token.Colon || isStar {
		exprStart := p.pos
		typ = p.expression()
		if typ == nil {
			p.pos = start
			return nil
		}
		switch p.kind() {
		case token.KwAs:
			p.pos++
			if p.kind() != token.Name {
				p.pos = start
				return nil
			}
			name = p.ident(p.pos)
			p.pos++
		case token.Comma:
			p.pos = exprStart
			typ = p.expressions()
		}
	}
	if !p.accept(token.Colon) {
		p.pos = start
		return nil
	}
	body := p.block()
	if body == nil {
		p.pos = start
		return nil
	}
	return put(&p.nodes.exceptHandlers, ast.ExceptHandler{Pos: p.span(start), Type: typ, Name: name, Body: body})
}

// decorated: decorators (function_def_raw | class_def_raw) | function_def_raw.
func (p *parser) decorated() ast.Stmt {
	start := p.pos
	var decos []ast.Expr
	for p.kind() == token.At {
		p.pos++
		d := p.namedExpression()
		if d == nil || !p.accept(token.Newline) {
			p.pos = start
			return nil
		}
		decos = append(decos, d)
	}
	switch p.kind() {
	case token.KwDef:
		return p.funcDef(decos)
	case token.KwAsync:
		if p.kindAt(1) == token.KwDef {
			return p.funcDef(decos)
		}
	case token.KwClass:
		return p.classDef(decos)
	}
	p.pos = start
	return nil
}

// funcDef: ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block.
func (p *parser) funcDef(decos []ast.Expr) ast.Stmt {
	start := p.pos
	isAsync := p.accept(token.KwAsync)
	defTok := p.pos
	p.pos++
	if p.kind() != token.Name {
		p.pos = start
		return nil
	}
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
	if p.kind() != token.LPar {
		if p.invalid {
			t := p.tok()
			p.raiseAt(int(t.Line), int(t.Col), "expected '('")
		}
		p.pos = start
		return nil
	}
	p.pos++
	args := p.params(false)
	if args == nil || !p.accept(token.RPar) {
		p.pos = start
		return nil
	}
	var returns ast.Expr
	if p.accept(token.RArrow) {
		if returns = p.expression(); returns == nil {
			p.pos = start
			return nil
		}
	}
	if p.kind() != token.Colon {
		if p.invalid {
			t := p.tok()
			p.raiseAt(int(t.Line), int(t.Col), "expected ':'")
		}
		p.pos = start
		return nil
	}
	p.pos++
	p.indentedBlockAfter(defTok, "function definition")
	body := p.block()
	if body == nil {
		p.pos = start
		return nil
	}
	name := p.ident(nameTok)
	if isAsync {
		return &ast.AsyncFunctionDef{Pos: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeParams: tps}
	}
	return put(&p.nodes.functionDefs, ast.FunctionDef{Pos: p.span(start), Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeParams: tps})
}

// classDef: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block.
func (p *parser) classDef(decos []ast.Expr) ast.Stmt {
	start := p.pos
	p.pos++
	if p.kind() != token.Name {
		p.pos = start
		return nil
	}
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
	var bases []ast.Expr
	var kws []*ast.Keyword
	if p.kind() == token.LPar {
		save := p.pos
		p.pos++
		if p.kind() != token.RPar {
			var ok bool
			if bases, kws, ok = p.arguments(); !ok {
				p.pos = save
			}
		}
		if !p.accept(token.RPar) {
			p.pos = start
			return nil
		}
	}
	body := p.blockAfterColon(start, "class definition")
	if body == nil {
		p.pos = start
		return nil
	}
	return put(&p.nodes.classDefs, ast.ClassDef{Pos: p.span(start), Name: p.ident(nameTok), Bases: bases, Keywords: kws, Body: body, DecoratorList: decos, TypeParams: tps})
}

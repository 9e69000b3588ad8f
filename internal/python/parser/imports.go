package parser

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// futureFeatures are the names `from __future__ import` accepts.
var futureFeatures = [...]string{
	"nested_scopes", "generators", "division", "absolute_import", "with_statement",
	"print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
}

// importStmt: import_name | import_from (with invalid_import in the second pass).
func (p *parser) importStmt() ast.Stmt {
	start := p.pos
	if p.kind() == token.KwImport {
		if p.invalid {
			p.invalidImport()
			if p.err != nil {
				return nil
			}
		}
		p.pos++
		names := p.dottedAsNames()
		if names == nil {
			p.pos = start
			return nil
		}
		return put(&p.nodes.imports, ast.Import{Pos: p.span(start), Names: names})
	}
	p.pos++ // 'from'
	level := 0
	for {
		if p.accept(token.Dot) {
			level++
		} else if p.accept(token.Ellipsis) {
			level += 3
		} else {
			break
		}
	}
	module := ""
	if p.kind() == token.Name {
		var ok bool
		if module, ok = p.dottedName(); !ok {
			p.pos = start
			return nil
		}
	} else if level == 0 {
		p.pos = start
		return nil
	}
	if !p.accept(token.KwImport) {
		p.pos = start
		return nil
	}
	names := p.importFromTargets()
	if names == nil {
		p.pos = start
		return nil
	}
	if level == 0 && module == "__future__" {
		for _, a := range names {
			if a.Name == "braces" {
				p.raiseNode(a.Pos, "not a chance")
				return nil
			}
			known := false
			for _, f := range futureFeatures {
				known = known || a.Name == f
			}
			if !known {
				p.raiseNode(a.Pos, "future feature "+a.Name+" is not defined")
				return nil
			}
		}
	}
	return put(&p.nodes.importFroms, ast.ImportFrom{Pos: p.span(start), Module: module, Names: names, Level: level})
}

// dottedName: NAME ('.' NAME)*, joined with dots.
func (p *parser) dottedName() (string, bool) {
	if p.kind() != token.Name {
		return "", false
	}
	name := p.ident(p.pos)
	p.pos++
	if p.kind() != token.Dot {
		return name, true
	}
	var b strings.Builder
	b.WriteString(name)
	for p.kind() == token.Dot && p.kindAt(1) == token.Name {
		b.WriteByte('.')
		b.WriteString(p.ident(p.pos + 1))
		p.pos += 2
	}
	return b.String(), true
}

// dottedAsNames: ','.(dotted_name ['as' NAME])+.
func (p *parser) dottedAsNames() []*ast.Alias {
	var names []*ast.Alias
	for {
		a := p.importAlias(true)
		if a == nil {
			return nil
		}
		names = append(names, a)
		if p.kind() != token.Comma {
			return names
		}
		p.pos++
	}
}

// importAlias: (dotted_name | NAME) ['as' NAME].
func (p *parser) importAlias(dotted bool) *ast.Alias {
	start := p.pos
	if p.invalid {
		p.invalidImportAsName()
		if p.err != nil {
			return nil
		}
	}
	var name string
	if dotted {
		var ok bool
		if name, ok = p.dottedName(); !ok {
			return nil
		}
	} else {
		if p.kind() != token.Name {
			return nil
		}
		name = p.ident(p.pos)
		p.pos++
	}
	asname := ""
	if p.kind() == token.KwAs && p.kindAt(1) == token.Name {
		asname = p.ident(p.pos + 1)
		p.pos += 2
	}
	return put(&p.nodes.aliases, ast.Alias{Pos: p.span(start), Name: name, Asname: asname})
}

// importFromTargets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*'.
func (p *parser) importFromTargets() []*ast.Alias {
	start := p.pos
	switch p.kind() {
	case token.Star:
		p.pos++
		return []*ast.Alias{{Pos: p.span(start), Name: "*"}}
	case token.LPar:
		p.pos++
		names := p.importFromAsNames()
		if names == nil {
			p.pos = start
			return nil
		}
		p.accept(token.Comma)
		if !p.accept(token.RPar) {
			p.pos = start
			return nil
		}
		return names
	}
	names := p.importFromAsNames()
	if names == nil {
		if p.invalid && p.kind() == token.Newline {
			p.raiseTok(p.pos, "Expected one or more names after 'import'")
		}
		return nil
	}
	if p.kind() == token.Comma {
		if p.invalid && p.kindAt(1) == token.Newline {
			p.raise("trailing comma not allowed without surrounding parentheses")
		}
		p.pos = start
		return nil
	}
	return names
}

func (p *parser) importFromAsNames() []*ast.Alias {
	var names []*ast.Alias
	for {
		a := p.importAlias(false)
		if a == nil {
			break
		}
		names = append(names, a)
		if p.kind() != token.Comma || p.kindAt(1) != token.Name {
			break
		}
		p.pos++
	}
	return names
}

// invalidImport: 'import' ','.dotted_name+ 'from' dotted_name | 'import' NEWLINE.
func (p *parser) invalidImport() {
	p.try(func() {
		start := p.pos
		p.pos++
		if p.kind() == token.Newline {
			p.raiseTok(p.pos, "Expected one or more names after 'import'")
			return
		}
		for {
			if _, ok := p.dottedName(); !ok {
				return
			}
			if !p.accept(token.Comma) {
				break
			}
		}
		if p.accept(token.KwFrom) {
			if _, ok := p.dottedName(); ok {
				p.raiseTok(start, "Did you mean to use 'from ... import ...' instead?")
			}
		}
	})
}

// invalidImportAsName: NAME 'as' !(NAME (',' | ')' | ';' | NEWLINE)) expression.
func (p *parser) invalidImportAsName() {
	p.try(func() {
		if _, ok := p.dottedName(); !ok || !p.accept(token.KwAs) {
			return
		}
		if p.kind() == token.Name {
			switch p.kindAt(1) {
			case token.Comma, token.RPar, token.Semi, token.Newline:
				return
			}
		}
		if a := p.expression(); a != nil {
			p.raiseNode(a.Span(), "cannot use "+exprName(a)+" as import target")
		}
	})
}

package analysis

import (
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
)

// location is what the engine learns about a finding's place in the module: the lines
// whose suppression comments count for it, and the def/class scope that anchors its
// fingerprint.
type location struct {
	// first and last bound the lines of the enclosing statement: all of a simple
	// statement, only the header of a compound one (`if x:  # nosec` covers the
	// condition, not the block).
	first, last int
	// scope is the dotted name of the enclosing defs and classes, "" at module level.
	scope string
	// compound is set when the reported node is a compound statement (or clause)
	// itself, whose text and snippet are its header alone.
	compound bool
}

// diagPos is where a diagnostic points: its node's span, else its Pos. A node without
// a position of its own (arguments, withitem, ...) takes the span of its children.
func diagPos(d Diagnostic) ast.Pos {
	if d.Node == nil {
		p := d.Pos
		if p.EndLineno < p.Lineno {
			p.EndLineno, p.EndColOffset = p.Lineno, p.ColOffset
		}
		return p
	}
	if p := d.Node.Span(); p.Lineno > 0 {
		return p
	}
	var p ast.Pos
	ast.Inspect(d.Node, func(n ast.Node) bool {
		s := n.Span()
		if s.Lineno == 0 {
			return true
		}
		if p.Lineno == 0 || before(s.Lineno, s.ColOffset, p.Lineno, p.ColOffset) {
			p.Lineno, p.ColOffset = s.Lineno, s.ColOffset
		}
		if before(p.EndLineno, p.EndColOffset, s.EndLineno, s.EndColOffset) {
			p.EndLineno, p.EndColOffset = s.EndLineno, s.EndColOffset
		}
		return false
	})
	return p
}

func before(l1, c1, l2, c2 int) bool { return l1 < l2 || l1 == l2 && c1 < c2 }

// locate finds the innermost statement that holds pos by descending from the module,
// which costs a few comparisons per level and only runs for reported diagnostics.
func locate(f *parser.File, pos ast.Pos) location {
	loc := location{first: pos.Lineno, last: max(pos.EndLineno, pos.Lineno)}
	if f == nil || f.Module == nil || pos.Lineno == 0 {
		return loc
	}
	body := f.Module.Body
	for {
		s := stmtAt(body, pos)
		if s == nil {
			return loc
		}
		if !isCompound(s) {
			sp := s.Span()
			loc.first, loc.last = sp.Lineno, sp.EndLineno
			return loc
		}
		inner, scope := subBodyAt(s, pos)
		if inner == nil {
			// pos is in the header of s, or of one of its except/case clauses.
			hdr := clauseAt(s, pos)
			loc.first, loc.last = headerLines(f, hdr)
			loc.compound = startsAt(hdr, pos)
			return loc
		}
		if scope != "" {
			if loc.scope != "" {
				loc.scope += "."
			}
			loc.scope += scope
		}
		body = inner
	}
}

// stmtAt returns the statement of list whose span (decorators included) holds the
// start of pos.
func stmtAt(list []ast.Stmt, pos ast.Pos) ast.Stmt {
	for _, s := range list {
		if s == nil {
			continue
		}
		sp := s.Span()
		l, c := firstLine(s), sp.ColOffset
		if l < sp.Lineno {
			c = 0
		}
		if before(pos.Lineno, pos.ColOffset, l, c) {
			continue
		}
		if before(pos.Lineno, pos.ColOffset, sp.EndLineno, sp.EndColOffset) ||
			pos.Lineno == sp.Lineno && pos.ColOffset == sp.ColOffset {
			return s
		}
	}
	return nil
}

// firstLine is a statement's first line, counting its decorators.
func firstLine(n ast.Node) int {
	var decos []ast.Expr
	switch s := n.(type) {
	case *ast.FunctionDef:
		decos = s.DecoratorList
	case *ast.AsyncFunctionDef:
		decos = s.DecoratorList
	case *ast.ClassDef:
		decos = s.DecoratorList
	case *ast.MatchCase:
		if s.Pattern != nil {
			return s.Pattern.Span().Lineno
		}
		return 0
	}
	line := n.Span().Lineno
	for _, d := range decos {
		if d != nil {
			line = min(line, d.Span().Lineno)
		}
	}
	return line
}

func isCompound(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.For, *ast.AsyncFor,
		*ast.While, *ast.If, *ast.With, *ast.AsyncWith, *ast.Match, *ast.Try, *ast.TryStar:
		return true
	}
	return false
}

// subBodyAt returns the block of s whose statements hold pos, with the def or class
// name that block adds to the scope; nil when pos is in a header.
func subBodyAt(s ast.Stmt, pos ast.Pos) ([]ast.Stmt, string) {
	var name string
	var blocks [4][]ast.Stmt
	var handlers []*ast.ExceptHandler
	var cases []*ast.MatchCase
	switch s := s.(type) {
	case *ast.FunctionDef:
		name, blocks[0] = s.Name, s.Body
	case *ast.AsyncFunctionDef:
		name, blocks[0] = s.Name, s.Body
	case *ast.ClassDef:
		name, blocks[0] = s.Name, s.Body
	case *ast.For:
		blocks[0], blocks[1] = s.Body, s.Orelse
	case *ast.AsyncFor:
		blocks[0], blocks[1] = s.Body, s.Orelse
	case *ast.While:
		blocks[0], blocks[1] = s.Body, s.Orelse
	case *ast.If:
		blocks[0], blocks[1] = s.Body, s.Orelse
	case *ast.With:
		blocks[0] = s.Body
	case *ast.AsyncWith:
		blocks[0] = s.Body
	case *ast.Match:
		cases = s.Cases
	case *ast.Try:
		blocks[0], blocks[1], blocks[2], handlers = s.Body, s.Orelse, s.Finalbody, s.Handlers
	case *ast.TryStar:
		blocks[0], blocks[1], blocks[2], handlers = s.Body, s.Orelse, s.Finalbody, s.Handlers
	}
	for i, b := range blocks {
		if stmtAt(b, pos) != nil {
			if i > 0 {
				name = ""
			}
			return b, name
		}
	}
	for _, h := range handlers {
		if h != nil && stmtAt(h.Body, pos) != nil {
			return h.Body, ""
		}
	}
	for _, c := range cases {
		if c != nil && stmtAt(c.Body, pos) != nil {
			return c.Body, ""
		}
	}
	return nil, ""
}

// clauseAt returns the except handler or match case of s whose header holds pos, or
// s itself.
func clauseAt(s ast.Stmt, pos ast.Pos) ast.Node {
	var handlers []*ast.ExceptHandler
	switch s := s.(type) {
	case *ast.Try:
		handlers = s.Handlers
	case *ast.TryStar:
		handlers = s.Handlers
	case *ast.Match:
		for _, c := range s.Cases {
			if c == nil || c.Pattern == nil {
				continue
			}
			p := c.Pattern.Span()
			end := p
			if c.Guard != nil {
				end = c.Guard.Span()
			}
			if !before(pos.Lineno, pos.ColOffset, p.Lineno, p.ColOffset) &&
				before(pos.Lineno, pos.ColOffset, end.EndLineno, end.EndColOffset+1) {
				return c
			}
		}
	}
	for _, h := range handlers {
		if h == nil {
			continue
		}
		sp := h.Span()
		if !before(pos.Lineno, pos.ColOffset, sp.Lineno, sp.ColOffset) &&
			before(pos.Lineno, pos.ColOffset, sp.EndLineno, sp.EndColOffset) {
			return h
		}
	}
	return s
}

// startsAt reports whether n is the node reported at pos.
func startsAt(n ast.Node, pos ast.Pos) bool {
	sp := n.Span()
	return sp.Lineno == pos.Lineno && sp.ColOffset == pos.ColOffset && sp.EndLineno == pos.EndLineno
}

// headerLines returns the lines of a compound statement's (or clause's) header: from
// its first decorator or keyword to the colon that opens its block.
func headerLines(f *parser.File, n ast.Node) (first, last int) {
	first = firstLine(n)
	last = first
	endLine, endCol := 0, 0
	ast.Children(n, func(c ast.Node) bool {
		switch c.(type) {
		case ast.Stmt, *ast.ExceptHandler, *ast.MatchCase:
			return true
		}
		if p := spanOf(c); before(endLine, endCol, p.EndLineno, p.EndColOffset) {
			endLine, endCol = p.EndLineno, p.EndColOffset
		}
		return true
	})
	if endLine == 0 {
		return first, max(last, n.Span().Lineno)
	}
	return first, colonLine(f, endLine, endCol)
}

// spanOf is a node's span, or the span of its children for the few node types
// without a position.
func spanOf(n ast.Node) ast.Pos {
	return diagPos(Diagnostic{Node: n})
}

// colonLine skips what may follow a header's last expression (closing brackets,
// commas, comments, line breaks) and returns the line of the colon that ends it.
func colonLine(f *parser.File, line, col int) int {
	off, ok := offset(f, line, col)
	if !ok {
		return line
	}
	src := f.Source
	for i := off; i < len(src); i++ {
		switch src[i] {
		case ':':
			return line
		case '\n':
			line++
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case ' ', '\t', '\r', '\f', '\\', ')', ']', ',':
		default:
			return line
		}
	}
	return line
}

// offset converts a 1-based line and a 0-based byte column into an offset in the
// source.
func offset(f *parser.File, line, col int) (int, bool) {
	if f == nil || line < 1 || line > len(f.Lines) || col < 0 {
		return 0, false
	}
	off := f.Lines[line-1] + col
	if off > len(f.Source) {
		return 0, false
	}
	return off, true
}

package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// raiseAt records an error at a 1-based line and 0-based byte column,
// unless an error is already recorded: the first one wins, as in CPython.
func (p *parser) raiseAt(line, col int, msg string) {
	if p.err != nil {
		return
	}
	p.err = &SyntaxError{Line: line, Col: p.charOffset(line, col) + 1, Msg: msg}
}

// charOffset turns a byte column into the character column CPython reports.
func (p *parser) charOffset(line, col int) int {
	if p.lineStart == nil {
		p.lineStart = lineStarts(p.src)
	}
	if line < 1 || line > len(p.lineStart) || col <= 0 {
		return col
	}
	start := p.lineStart[line-1]
	end := start + col
	if end > len(p.src) {
		end = len(p.src)
	}
	seg := p.src[start:end]
	for _, c := range seg {
		if c >= 0x80 {
			return utf8.RuneCount(seg)
		}
	}
	return col
}

// raiseNode is RAISE_SYNTAX_ERROR_KNOWN_LOCATION/RANGE/STARTING_FROM: the
// error sits at the start of pos.
func (p *parser) raiseNode(pos ast.Pos, msg string) {
	p.raiseAt(pos.Lineno, pos.ColOffset, msg)
}

// raiseTok raises at the start of token i.
func (p *parser) raiseTok(i int, msg string) {
	t := &p.toks[i]
	p.raiseAt(int(t.Line), int(t.Col), msg)
}

// raise is RAISE_SYNTAX_ERROR (and RAISE_INDENTATION_ERROR): the error sits
// on the last token the parser has examined.
func (p *parser) raise(msg string) {
	p.raiseOnToken(p.fill-1, msg)
}

// raiseOnNext is RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN.
func (p *parser) raiseOnNext(msg string) {
	p.tok()
	p.raiseOnToken(p.pos, msg)
}

func (p *parser) raiseOnToken(i int, msg string) {
	if p.err != nil {
		return
	}
	if i < 0 {
		i = 0
	}
	t := &p.toks[i]
	line := int(t.Line)
	if t.Kind == token.EOF && t.Col < 0 {
		// The tokenizer stands at the end of the source.
		if p.lineStart == nil {
			p.lineStart = lineStarts(p.src)
		}
		col := 0
		if line >= 1 && line <= len(p.lineStart) {
			col = len(p.src) - p.lineStart[line-1]
		}
		p.err = &SyntaxError{Line: line, Col: p.charOffset(line, col), Msg: msg}
		return
	}
	if t.Kind == token.Indent || t.Kind == token.Dedent {
		// CPython gives these tokens no column and reports where the
		// tokenizer stands: after the indentation of their line.
		col := p.indentWidth(line)
		p.err = &SyntaxError{Line: line, Col: p.charOffset(line, col), Msg: msg}
		if p.err.Col == 0 {
			p.err.Col = 0
		}
		return
	}
	p.raiseAt(int(t.Line), int(t.Col), msg)
}

// indentWidth is the byte length of the leading whitespace of a line.
func (p *parser) indentWidth(line int) int {
	if p.lineStart == nil {
		p.lineStart = lineStarts(p.src)
	}
	if line < 1 || line > len(p.lineStart) {
		return 0
	}
	i := p.lineStart[line-1]
	n := 0
	for i+n < len(p.src) {
		c := p.src[i+n]
		if c != ' ' && c != '\t' && c != '\f' {
			break
		}
		n++
	}
	return n
}

func (p *parser) raiseTokenizerError() {
	if p.err != nil || p.tokErr == nil {
		return
	}
	e := *p.tokErr
	p.err = &e
	p.errIsTok = true
}

// setSyntaxError is CPython's _Pypegen_set_syntax_error: it turns a failed
// parse into an error, last being the furthest token the first pass examined.
func (p *parser) setSyntaxError(last int) {
	if p.err != nil {
		if !p.errIsTok {
			p.preferTokenizerError()
		}
		return
	}
	if last < 0 {
		last = 0
	}
	t := &p.toks[last]
	switch t.Kind {
	case token.Indent:
		p.raiseOnToken(p.fill-1, "unexpected indent")
		return
	case token.Dedent:
		p.raiseOnToken(p.fill-1, "unexpected unindent")
		return
	}
	p.raiseTok(last, "invalid syntax")
	p.preferTokenizerError()
}

// preferTokenizerError lets a later tokenizer error replace a parser error,
// as CPython's _PyPegen_tokenize_full_source_to_check_for_errors does: an
// error the tokenizer raises as an exception always wins; an unclosed
// bracket wins when it opened on a line before the failure.
func (p *parser) preferTokenizerError() {
	if p.tokErr == nil {
		return
	}
	msg := p.tokErr.Msg
	switch {
	case strings.HasSuffix(msg, "was never closed"):
		cur := int(p.toks[max(p.fill-1, 0)].Line)
		if cur > p.tokErr.Line {
			e := *p.tokErr
			p.err = &e
		}
	case isStateTokenizerError(msg):
		// Indentation and continuation errors stop the tokenizer without
		// an exception: the parser's error stands, unless a bracket opened
		// on a line before the failure is still open there and no f- or
		// t-string is.
		if b, inString := p.openAtTokenizerError(); b >= 0 && !inString && int(p.toks[max(p.fill-1, 0)].Line) > int(p.toks[b].Line) {
			p.err = nil
			p.raiseTok(b, "'"+p.tokText(b)+"' was never closed")
		}
	default:
		e := *p.tokErr
		p.err = &e
	}
}

// openAtTokenizerError returns the index of the innermost bracket token
// still open where the tokenizer stopped, or -1, and whether an f-string or
// t-string was open there.
func (p *parser) openAtTokenizerError() (bracket int, inString bool) {
	var open []int
	fstrings := 0
	for i := range p.toks {
		switch p.toks[i].Kind {
		case token.LPar, token.LSqb, token.LBrace:
			open = append(open, i)
		case token.RPar, token.RSqb, token.RBrace:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case token.FStringStart, token.TStringStart:
			fstrings++
		case token.FStringEnd, token.TStringEnd:
			fstrings--
		}
	}
	if len(open) == 0 {
		return -1, fstrings > 0
	}
	return open[len(open)-1], fstrings > 0
}

func isStateTokenizerError(msg string) bool {
	switch msg {
	case "unindent does not match any outer indentation level",
		"inconsistent use of tabs and spaces in indentation",
		"too many levels of indentation",
		"unexpected character after line continuation character",
		"unexpected EOF while parsing":
		return true
	}
	return false
}

// exprName is _PyPegen_get_expr_name: how messages name an expression.
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.BoolOp, *ast.BinOp, *ast.UnaryOp:
		return "expression"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.TemplateStr, *ast.Interpolation:
		return "t-string expression"
	case *ast.Constant:
		switch e.Value.Kind {
		case ast.ConstNone:
			return "None"
		case ast.ConstFalse:
			return "False"
		case ast.ConstTrue:
			return "True"
		case ast.ConstEllipsis:
			return "ellipsis"
		}
		return "literal"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	}
	return "expression"
}

type targetsType int

const (
	starTargets targetsType = iota
	delTargets
	forTargets
)

// invalidTarget is _PyPegen_get_invalid_target: the first sub-expression
// that cannot be assigned to (or deleted), or nil.
func invalidTarget(e ast.Expr, tt targetsType) ast.Expr {
	switch x := e.(type) {
	case nil:
		return nil
	case *ast.List:
		for _, el := range x.Elts {
			if c := invalidTarget(el, tt); c != nil {
				return c
			}
		}
		return nil
	case *ast.Tuple:
		for _, el := range x.Elts {
			if c := invalidTarget(el, tt); c != nil {
				return c
			}
		}
		return nil
	case *ast.Starred:
		if tt == delTargets {
			return e
		}
		return invalidTarget(x.Value, tt)
	case *ast.Compare:
		if tt == forTargets {
			if x.Ops[0] == ast.In {
				return invalidTarget(x.Left, tt)
			}
			return nil
		}
		return e
	case *ast.Name, *ast.Subscript, *ast.Attribute:
		return nil
	}
	return e
}

// raiseInvalidTarget is RAISE_SYNTAX_ERROR_INVALID_TARGET.
func (p *parser) raiseInvalidTarget(tt targetsType, e ast.Expr) {
	bad := invalidTarget(e, tt)
	if bad == nil {
		p.raise("invalid syntax")
		return
	}
	if tt == delTargets {
		p.raiseNode(bad.Span(), "cannot delete "+exprName(bad))
	} else {
		p.raiseNode(bad.Span(), "cannot assign to "+exprName(bad))
	}
}

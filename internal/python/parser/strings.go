package parser

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/literal"
	"github.com/kraitsec/krait/internal/python/token"
)

// number: NUMBER.
func (p *parser) number() ast.Expr {
	i := p.pos
	p.pos++
	text := p.tokText(i)
	v, err := literal.ParseNumber(text)
	if err != nil {
		p.raiseTok(i, err.Error())
		return nil
	}
	if v.Kind == ast.ConstInt && len(v.S) > maxIntDigits && !isPowerOfTwoBase(text) {
		// CPython's int() limit on decimal conversions applies to literals too.
		t := &p.toks[i]
		if p.err == nil {
			p.err = &SyntaxError{Line: int(t.Line), Col: 0, Msg: "Exceeds the limit (4300 digits) for integer string conversion: value has " +
				strconv.Itoa(len(v.S)) + " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."}
		}
		return nil
	}
	n := p.nodes.constants.new()
	*n = ast.Constant{Pos: p.tokPos(i), Value: v}
	return n
}

// strings: (fstring|string)+ | tstring+, concatenated as CPython's
// _PyPegen_concatenate_strings does; a mix with t-strings is an error.
func (p *parser) strings() ast.Expr {
	start := p.pos
	if p.invalid {
		p.invalidStringTStringConcat()
		if p.err != nil {
			return nil
		}
	}
	templ := p.kind() == token.TStringStart
	// The parts go on p.exprs; items views them until they are dropped.
	mark := p.exprs.mark()
	for {
		var e ast.Expr
		switch p.kind() {
		case token.String:
			if templ {
				goto done
			}
			e = p.plainString()
		case token.FStringStart:
			if templ {
				goto done
			}
			e = p.fstring(false)
		case token.TStringStart:
			if !templ {
				goto done
			}
			e = p.fstring(true)
		default:
			goto done
		}
		if e == nil {
			p.exprs.drop(mark)
			p.pos = start
			return nil
		}
		p.exprs.push(e)
	}
done:
	pos := p.span(start)
	items := p.exprs.stack[mark:]
	var e ast.Expr
	if templ {
		var values []ast.Expr
		for _, it := range items {
			values = append(values, it.(*ast.TemplateStr).Values...)
		}
		e = &ast.TemplateStr{Pos: pos, Values: foldConstants(values, true)}
	} else {
		e = p.concatStrings(items, pos)
	}
	p.exprs.drop(mark)
	return e
}

// plainString decodes one STRING token.
func (p *parser) plainString() ast.Expr {
	i := p.pos
	p.pos++
	text := p.tokText(i)
	q := strings.IndexAny(text, `'"`)
	if q < 0 {
		p.raiseTok(i, "invalid string literal")
		return nil
	}
	prefix := text[:q]
	quote := 1
	if len(text)-q >= 6 && text[q+1] == text[q] && text[q+2] == text[q] {
		quote = 3
	}
	body := text[q+quote : len(text)-quote]
	raw := strings.ContainsAny(prefix, "rR")
	kind := ""
	if len(text) > 0 && text[0] == 'u' {
		kind = "u"
	}
	var v ast.ConstValue
	if strings.ContainsAny(prefix, "bB") {
		s, err := literal.DecodeBytes(body, raw)
		if err != nil {
			p.raiseTok(i, err.Error())
			return nil
		}
		v = ast.ConstValue{Kind: ast.ConstBytes, S: s}
	} else {
		s, err := literal.DecodeStr(body, raw)
		if err != nil {
			p.raiseTok(i, err.Error())
			return nil
		}
		v = ast.ConstValue{Kind: ast.ConstStr, S: s}
	}
	n := p.nodes.constants.new()
	*n = ast.Constant{Pos: p.tokPos(i), Value: v, Kind: kind}
	return n
}

// concatStrings is _PyPegen_concatenate_strings.
func (p *parser) concatStrings(items []ast.Expr, pos ast.Pos) ast.Expr {
	fstr, unicode, bytes := false, false, false
	for _, it := range items {
		switch x := it.(type) {
		case *ast.Constant:
			if x.Value.Kind == ast.ConstBytes {
				bytes = true
			} else {
				unicode = true
			}
		default:
			fstr = true
		}
	}
	if (unicode || fstr) && bytes {
		p.raise("cannot mix bytes and nonbytes literals")
		return nil
	}
	if bytes {
		first := items[0].(*ast.Constant)
		if len(items) == 1 {
			return first
		}
		return put(&p.nodes.constants, ast.Constant{Pos: pos, Value: ast.ConstValue{Kind: ast.ConstBytes, S: joinConstants(items)}, Kind: first.Kind})
	}
	if !fstr && len(items) == 1 {
		return items[0]
	}
	flat := items
	if fstr {
		n := 0
		for _, it := range items {
			if j, ok := it.(*ast.JoinedStr); ok {
				n += len(j.Values)
			} else {
				n++
			}
		}
		flat = make([]ast.Expr, 0, n)
		for _, it := range items {
			if j, ok := it.(*ast.JoinedStr); ok {
				flat = append(flat, j.Values...)
			} else {
				flat = append(flat, it)
			}
		}
	}
	values := foldConstants(flat, fstr)
	if !fstr {
		return values[0]
	}
	return put(&p.nodes.joinedStrs, ast.JoinedStr{Pos: pos, Values: values})
}

// joinConstants concatenates the values of constants.
func joinConstants(cs []ast.Expr) string {
	n := 0
	for _, c := range cs {
		n += len(c.(*ast.Constant).Value.S)
	}
	var b strings.Builder
	b.Grow(n)
	for _, c := range cs {
		b.WriteString(c.(*ast.Constant).Value.S)
	}
	return b.String()
}

// foldConstants merges runs of adjacent str constants (the kind of the
// first wins, the position spans the run) and, in f- and t-strings, drops
// empty ones.
func foldConstants(flat []ast.Expr, dropEmpty bool) []ast.Expr {
	values := make([]ast.Expr, 0, len(flat))
	for i := 0; i < len(flat); i++ {
		c, ok := flat[i].(*ast.Constant)
		if !ok {
			values = append(values, flat[i])
			continue
		}
		j := i + 1
		for j < len(flat) {
			if _, ok := flat[j].(*ast.Constant); !ok {
				break
			}
			j++
		}
		if j > i+1 {
			last := flat[j-1].(*ast.Constant)
			c = &ast.Constant{Pos: between(c.Pos, last.Pos), Value: ast.ConstValue{Kind: ast.ConstStr, S: joinConstants(flat[i:j])}, Kind: c.Kind}
			i = j - 1
		}
		if dropEmpty && c.Value.S == "" {
			continue
		}
		values = append(values, c)
	}
	return values
}

// fstring: FSTRING_START fstring_middle* FSTRING_END (or the t-string form),
// returning a JoinedStr (TemplateStr) of decoded parts.
func (p *parser) fstring(templ bool) ast.Expr {
	start := p.pos
	p.pos++
	prefix := p.tokText(start)
	raw := strings.ContainsAny(prefix, "rR")
	middle, end := token.FStringMiddle, token.FStringEnd
	if templ {
		middle, end = token.TStringMiddle, token.TStringEnd
	}
	var parts []ast.Expr
	for {
		switch p.kind() {
		case middle:
			c := p.fstringMiddle(raw)
			if c == nil {
				return nil
			}
			parts = append(parts, c)
			continue
		case token.LBrace:
			if !p.replacementField(&parts, raw, templ) {
				p.pos = start
				return nil
			}
			continue
		case end:
			p.pos++
		default:
			p.pos = start
			return nil
		}
		break
	}
	values := make([]ast.Expr, 0, len(parts))
	for _, x := range parts {
		if c, ok := x.(*ast.Constant); ok && c.Value.S == "" {
			continue
		}
		values = append(values, x)
	}
	if templ {
		return &ast.TemplateStr{Pos: p.span(start), Values: values}
	}
	return put(&p.nodes.joinedStrs, ast.JoinedStr{Pos: p.span(start), Values: values})
}

// fstringMiddle decodes one FSTRING_MIDDLE (or TSTRING_MIDDLE) token.
func (p *parser) fstringMiddle(raw bool) *ast.Constant {
	i := p.pos
	p.pos++
	s, err := literal.DecodeFStringMiddle(p.tokText(i), raw)
	if err != nil {
		p.tok()
		p.raise(err.Error())
		return nil
	}
	return put(&p.nodes.constants, ast.Constant{Pos: p.tokPos(i), Value: ast.ConstValue{Kind: ast.ConstStr, S: s}})
}

// replacementField parses '{' annotated_rhs ['='] ['!' NAME] [':' spec*] '}'
// and appends its value (preceded by the debug text for '=') to parts.
func (p *parser) replacementField(parts *[]ast.Expr, raw, templ bool) bool {
	start := p.pos
	p.pos++
	if p.invalid {
		p.invalidReplacementField(templ)
		if p.err != nil {
			return false
		}
	}
	if !p.enter() {
		return false
	}
	defer p.leave()
	value := p.annotatedRHS()
	if value == nil {
		p.pos = start
		return false
	}
	exprEnd := p.toks[p.pos-1].End
	debug := p.accept(token.Equal)
	conversion := -1
	convTok := -1
	var spec ast.Expr
	textEnd := p.toks[p.pos].Start
	if p.kind() == token.Exclamation {
		bang := p.pos
		if p.kindAt(1) != token.Name {
			p.pos = start
			return false
		}
		convTok = p.pos + 1
		b, n := &p.toks[bang], &p.toks[convTok]
		if b.Line != n.Line || b.EndCol != n.Col {
			p.raiseTok(bang, "f-string: conversion type must come right after the exclamation mark")
			return false
		}
		name := p.tokText(convTok)
		if name != "s" && name != "r" && name != "a" {
			p.raiseTok(convTok, "f-string: invalid conversion character '"+name+"': expected 's', 'r', or 'a'")
			return false
		}
		conversion = int(name[0])
		p.pos += 2
	}
	if p.kind() == token.Colon {
		colon := p.pos
		p.pos++
		var items []ast.Expr
		pieces := 0
		for {
			if k := p.kind(); k == token.FStringMiddle || k == token.TStringMiddle {
				if !raw {
					pieces += namedEscapeSplits(p.tokText(p.pos))
				}
				c := p.fstringMiddle(raw)
				if c == nil {
					return false
				}
				items = append(items, c)
				pieces++
				continue
			}
			if p.kind() == token.LBrace {
				if !p.replacementField(&items, raw, false) {
					p.pos = start
					return false
				}
				continue
			}
			break
		}
		pos := p.span(colon)
		nonEmpty := items[:0:0]
		for _, it := range items {
			if c, ok := it.(*ast.Constant); ok && c.Value.S == "" {
				continue
			}
			nonEmpty = append(nonEmpty, it)
		}
		if c, isConst := firstConst(nonEmpty); len(nonEmpty) == 1 && isConst && pieces > 1 {
			// CPython's tokenizer ends a format-spec part after each \N{...}
			// escape, and a spec of several constant parts becomes one bare
			// Constant spanning from the colon.
			spec = put(&p.nodes.constants, ast.Constant{Pos: pos, Value: c.Value})
		} else if len(nonEmpty) == 0 || (len(nonEmpty) == 1 && isConst) {
			spec = put(&p.nodes.joinedStrs, ast.JoinedStr{Pos: pos, Values: nonEmpty})
		} else {
			spec = p.concatStrings(nonEmpty, pos)
		}
	}
	if !p.accept(token.RBrace) {
		p.pos = start
		return false
	}
	pos := p.span(start)
	if debug && conversion == -1 && spec == nil {
		conversion = 'r'
	}
	var node ast.Expr
	if templ {
		lb := &p.toks[start]
		str := p.text[lb.End:exprEnd]
		node = &ast.Interpolation{Pos: pos, Value: value, Str: str, Conversion: conversion, FormatSpec: spec}
	} else {
		node = put(&p.nodes.formattedValues, ast.FormattedValue{Pos: pos, Value: value, Conversion: conversion, FormatSpec: spec})
	}
	if debug {
		lb := &p.toks[start]
		text := stripFStringComments(p.text[lb.End:textEnd])
		var endLine, endCol int
		switch {
		case convTok >= 0:
			endLine, endCol = int(p.toks[convTok].Line), int(p.toks[convTok].Col)
		case spec != nil:
			sp := spec.Span()
			endLine, endCol = sp.Lineno, sp.ColOffset+1
		default:
			endLine, endCol = pos.EndLineno, pos.EndColOffset
		}
		c := put(&p.nodes.constants, ast.Constant{
			Pos:   ast.Pos{Lineno: pos.Lineno, ColOffset: pos.ColOffset + 1, EndLineno: endLine, EndColOffset: endCol - 1},
			Value: ast.ConstValue{Kind: ast.ConstStr, S: text},
		})
		*parts = append(*parts, c)
	}
	*parts = append(*parts, node)
	return true
}

func firstConst(xs []ast.Expr) (*ast.Constant, bool) {
	if len(xs) == 0 {
		return nil, false
	}
	c, ok := xs[0].(*ast.Constant)
	return c, ok
}

// stripFStringComments drops '#' comments from a debug expression's text,
// keeping the newlines, as CPython's tokenizer does.
func stripFStringComments(s string) string {
	if strings.IndexByte(s, '#') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' {
			for i < len(s) && s[i] != '\n' {
				i++
			}
			if i < len(s) {
				b.WriteByte('\n')
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// maxIntDigits is CPython's default sys.int_info.default_max_str_digits.
const maxIntDigits = 4300

func isPowerOfTwoBase(text string) bool {
	if len(text) < 2 || text[0] != '0' {
		return false
	}
	switch text[1] {
	case 'x', 'X', 'o', 'O', 'b', 'B':
		return true
	}
	return false
}

// namedEscapeSplits counts the \N{...} escapes in a format-spec part that
// text follows: CPython's tokenizer starts a new part after each of them.
func namedEscapeSplits(text string) int {
	n := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '\\' {
			continue
		}
		if text[i+1] == 'N' && i+2 < len(text) && text[i+2] == '{' {
			j := strings.IndexByte(text[i+2:], '}')
			if j < 0 {
				return n
			}
			i += 2 + j
			if i+1 < len(text) {
				n++
			}
			continue
		}
		i++
	}
	return n
}

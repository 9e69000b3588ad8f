package token

import "bytes"

// mode is one entry of CPython's tokenizer mode stack. The bottom entry is
// plain code; each f-string or t-string being scanned pushes one.
type mode struct {
	// literal is set while the string's literal text (or a format spec) is
	// scanned, and clear while one of its replacement fields is.
	literal   bool
	tstring   bool
	raw       bool
	quote     byte
	quoteSize int
	// Where the string starts, for "unterminated" errors.
	start, startLine, startLineStart int
	// curlyDepth counts the brackets open inside the string's fields;
	// exprStartDepth is the depth at which the innermost field opened (-1
	// outside any field).
	curlyDepth     int
	exprStartDepth int
	inFormatSpec   bool
}

// prefix is the letter CPython puts in front of "-string" in messages.
func (m *mode) prefix() byte {
	if m.tstring {
		return 't'
	}
	return 'f'
}

// normalMode scans one token of code, as CPython's tok_get_normal_mode
// does. It reports whether tokenizing is over (EOF or an error).
func (l *lexer) normalMode() bool {
	var c int
	blankline := false
nextline:
	l.tokStart = -1
	blankline = false
	if l.atbol {
		var ok bool
		if blankline, ok = l.indentation(); !ok {
			return true
		}
	}
	if l.pendin != 0 {
		if l.pendin < 0 {
			l.pendin++
			l.emitMarker(Dedent, l.line)
		} else {
			l.pendin--
			l.emitMarker(Indent, l.line)
		}
		return false
	}

again:
	l.tokStart = -1
	for {
		// Spaces between tokens never reach the line's '\n'.
		p, src := l.pos, l.src[:l.lineEnd]
		for p < len(src) {
			if b := src[p]; b != ' ' && b != '\t' && b != '\f' {
				break
			}
			p++
		}
		if p < len(src) {
			// What next would read, without its checks.
			c = int(src[p])
			l.pos = p + 1
			break
		}
		l.pos = p
		c = l.next()
		if c != ' ' && c != '\t' && c != '\f' {
			break
		}
	}
	start := l.pos - 1
	l.begin(start)

	if c == '#' {
		c = l.skipComment(start)
	}

	if c == eof {
		if l.level > 0 {
			l.unclosed()
		} else {
			l.emitMarker(EOF, max(l.line, 1))
		}
		return true
	}

	if isIdentStart(c) {
		return l.name(c)
	}

	if c == '\r' {
		c = l.next()
	}
	if c == '\n' {
		l.atbol = true
		if blankline || l.level > 0 {
			goto nextline
		}
		end := l.pos
		l.toks = append(l.toks, Token{
			Kind: Newline, Start: int32(start), End: int32(min(end, l.n)),
			Line: int32(l.tokLine), Col: int32(l.tokCol),
			EndLine: int32(l.line), EndCol: int32(end - l.lineStart),
		})
		return false
	}

	if c == '.' {
		c = l.next()
		if isDigit(c) {
			return !l.fraction(c)
		}
		if c == '.' {
			c = l.next()
			if c == '.' {
				l.emit(Ellipsis, l.pos)
				return false
			}
			l.backup(c)
			l.backup('.')
		} else {
			l.backup(c)
		}
		l.emit(Dot, l.pos)
		return false
	}

	if isDigit(c) {
		return !l.number(c)
	}

	if c == '"' || c == '\'' {
		return !l.scanString(c)
	}

	if c == '\\' {
		if _, ok := l.continuation(); !ok {
			return true
		}
		goto again
	}

	return l.punctuation(c)
}

// indentation measures the indentation of a new line and queues Indent and
// Dedent tokens. It reports whether the line is blank (only whitespace or a
// comment) and false on error.
func (l *lexer) indentation() (blank, ok bool) {
	l.atbol = false
	col, altcol, contCol := 0, 0, 0
	var c int
scan:
	for {
		c = l.next()
		switch c {
		case ' ':
			// The rest of a run of spaces at once: they never reach the
			// line's '\n'.
			p, src := l.pos, l.src[:l.lineEnd]
			for p < len(src) && src[p] == ' ' {
				p++
			}
			n := p - l.pos + 1
			l.pos = p
			col += n
			altcol += n
		case '\t':
			col = (col/tabSize + 1) * tabSize
			altcol++
		case '\f':
			col, altcol = 0, 0
		case '\\':
			// The first backslash sets the indentation of what follows.
			if contCol == 0 {
				contCol = col
			}
			if _, ok := l.continuation(); !ok {
				return false, false
			}
		default:
			break scan
		}
	}
	l.backup(c)
	blank = c == '#' || c == '\n' || c == '\r'
	if blank || l.level != 0 {
		return blank, true
	}
	if contCol != 0 {
		col, altcol = contCol, contCol
	}
	switch top := l.indstack[l.indent]; {
	case col == top:
		if altcol != l.altstack[l.indent] {
			return false, l.tabError()
		}
	case col > top:
		if l.indent+1 >= maxIndent {
			l.failParser(l.line, l.lineStart, 1, "too many levels of indentation")
			return false, false
		}
		if altcol <= l.altstack[l.indent] {
			return false, l.tabError()
		}
		l.pendin++
		l.indent++
		l.indstack[l.indent] = col
		l.altstack[l.indent] = altcol
	default:
		for l.indent > 0 && col < l.indstack[l.indent] {
			l.pendin--
			l.indent--
		}
		if col != l.indstack[l.indent] {
			// CPython moves to the end of the line before reporting.
			l.failParser(l.line, l.lineStart, l.lineEnd-l.lineStart, "unindent does not match any outer indentation level")
			return false, false
		}
		if altcol != l.altstack[l.indent] {
			return false, l.tabError()
		}
	}
	return false, true
}

// tabError records CPython's TabError and returns false.
func (l *lexer) tabError() bool {
	l.failParser(l.line, l.lineStart, 1, "inconsistent use of tabs and spaces in indentation")
	return false
}

// continuation consumes the newline after a backslash. It returns the first
// byte of the next line, unread, and false on error.
func (l *lexer) continuation() (int, bool) {
	c := l.next()
	if c == '\r' {
		c = l.next()
	}
	if c != '\n' {
		// CPython measures this column from tok->buf, which can lie on an
		// earlier line than the backslash; see bufStart.
		l.failParser(l.line, l.lineStart, l.pos-l.bufStart, "unexpected character after line continuation character")
		return 0, false
	}
	c = l.next()
	if c == eof {
		l.pos = l.lineEnd
		if l.level > 0 {
			l.unclosed()
		} else {
			l.failParser(l.line, l.lineStart, l.pos-l.lineStart, "unexpected EOF while parsing")
		}
		return 0, false
	}
	l.backup(c)
	return c, true
}

// skipComment records the comment starting at start (the '#' was read) and
// returns the byte that ends it, consumed: '\n', '\r' or eof.
func (l *lexer) skipComment(start int) int {
	end := l.lineEnd - 1 // the '\n' that ends this line
	if i := bytes.IndexByte(l.src[l.pos:end], '\r'); i >= 0 {
		end = l.pos + i
	}
	l.comments = append(l.comments, comment{start: start, end: end, line: l.tokLine, col: l.tokCol})
	l.pos = end + 1
	return int(l.src[end])
}

// unclosed records CPython's error for brackets still open at the end.
func (l *lexer) unclosed() {
	b := l.brackets[l.level-1]
	l.failParser(b.line, b.lineStart, b.col+1, "'"+string(rune(b.ch))+"' was never closed")
}

// name scans a name or a string with a prefix; c, its first byte, was read.
func (l *lexer) name(c int) bool {
	start := l.tokStart
	var sawB, sawR, sawU, sawF, sawT bool
prefix:
	for c >= 0 && nameBytes[c] == '5' {
		switch {
		case !sawB && (c == 'b' || c == 'B'):
			sawB = true
		case !sawU && (c == 'u' || c == 'U'):
			sawU = true
		case !sawR && (c == 'r' || c == 'R'):
			sawR = true
		case !sawF && (c == 'f' || c == 'F'):
			sawF = true
		case !sawT && (c == 't' || c == 'T'):
			sawT = true
		default:
			break prefix
		}
		c = l.next()
		if c == '"' || c == '\'' {
			if !l.checkPrefixes(sawB, sawR, sawU, sawF, sawT) {
				return true
			}
			if sawF || sawT {
				return !l.fstringStart(c)
			}
			return !l.scanString(c)
		}
	}
	l.backup(c)
	// Or-ing the classes tells whether a non-ASCII byte ('2') occurred.
	p, src, seen := l.pos, l.src[:l.lineEnd], byte(0)
	for p < len(src) {
		k := nameBytes[src[p]]
		if k == '0' {
			break
		}
		seen |= k
		p++
	}
	l.pos = p
	if seen&2 != 0 {
		if !l.verifyIdentifier() {
			return true
		}
		l.emit(Name, p)
		return false
	}
	k := keyword(src[start:p])
	l.emit(k, p)
	if k == Name {
		l.toks[len(l.toks)-1].ASCII = true
	}
	return false
}

// checkPrefixes rejects string prefixes that cannot go together, with
// CPython's message and position (the start of the prefix).
func (l *lexer) checkPrefixes(b, r, u, f, t bool) bool {
	var a, z string
	switch {
	case u && b:
		a, z = "u", "b"
	case u && r:
		a, z = "u", "r"
	case u && f:
		a, z = "u", "f"
	case u && t:
		a, z = "u", "t"
	case b && f:
		a, z = "b", "f"
	case b && t:
		a, z = "b", "t"
	case f && t:
		a, z = "f", "t"
	default:
		return true
	}
	l.failRange(l.tokStart+1-l.lineStart, "'"+a+"' and '"+z+"' prefixes are incompatible")
	return false
}

// punctuation scans an operator or delimiter whose first byte c was read.
func (l *lexer) punctuation(c int) bool {
	m := &l.modes[len(l.modes)-1]
	inString := len(l.modes) > 1
	if inString && m.exprStartDepth >= 0 && c == ':' && m.curlyDepth-1 == m.exprStartDepth {
		// A ':' at the top level of a replacement field starts its format
		// spec, which is scanned as literal text.
		m.literal = true
		m.inFormatSpec = true
		l.emit(Colon, l.pos)
		return false
	}

	switch c {
	case '(', ')', '[', ']', '{', '}', ',', ';', '~':
		// No longer operator starts with these.
	default:
		c2 := l.next()
		if k := twoChars(c, c2); k != Illegal {
			c3 := l.next()
			if k3 := threeChars(c, c2, c3); k3 != Illegal {
				k = k3
			} else {
				l.backup(c3)
			}
			l.emit(k, l.pos)
			return false
		}
		l.backup(c2)
	}

	switch c {
	case '(', '[', '{':
		if l.level >= maxLevel {
			l.fail("too many nested parentheses")
			return true
		}
		l.brackets[l.level] = bracket{ch: byte(c), line: l.line, lineStart: l.lineStart, col: l.tokStart - l.lineStart}
		l.level++
		if inString {
			m.curlyDepth++
		}
	case ')', ']', '}':
		if inString && m.curlyDepth == 0 && c == '}' {
			l.fail("%c-string: single '}' is not allowed", m.prefix())
			return true
		}
		if l.level == 0 {
			l.fail("unmatched '%c'", c)
			return true
		}
		l.level--
		open := l.brackets[l.level]
		if !matches(open.ch, byte(c)) {
			if inString && open.ch == '{' && m.curlyDepth-1 == m.exprStartDepth {
				l.fail("%c-string: unmatched '%c'", m.prefix(), c)
				return true
			}
			if open.line != l.line {
				l.fail("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, open.ch, open.line)
			} else {
				l.fail("closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.ch)
			}
			return true
		}
		if inString {
			m.curlyDepth--
			if m.curlyDepth < 0 {
				l.fail("%c-string: unmatched '%c'", m.prefix(), c)
				return true
			}
			if c == '}' && m.curlyDepth == m.exprStartDepth {
				m.exprStartDepth--
				m.literal = true
				m.inFormatSpec = false
			}
		}
	}

	k := oneChar(c)
	if k == Illegal && (c < ' ' || c == 0x7f) {
		l.fail("invalid non-printable character U+%04X", c)
		return true
	}
	l.emit(k, l.pos)
	return false
}

// matches reports whether closer closes opener.
func matches(opener, closer byte) bool {
	return opener == '(' && closer == ')' || opener == '[' && closer == ']' || opener == '{' && closer == '}'
}

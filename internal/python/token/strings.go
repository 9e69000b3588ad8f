package token

// scanString scans a str or bytes literal whose opening quote was read
// (the prefix, if any, was read before it). It reports false on error.
func (l *lexer) scanString(quote int) bool {
	firstLine, firstLineStart := l.tokLine, l.lineStart
	quoteSize, endQuote := 1, 0
	escapedQuote := false
	c := l.next()
	if c == quote {
		c = l.next()
		if c == quote {
			quoteSize = 3
		} else {
			endQuote = 1 // the empty string
		}
	}
	if c != quote {
		l.backup(c)
	}
	q := byte(quote)
	for endQuote != quoteSize {
		// Skip the bytes that need no attention; they end any run of
		// quotes.
		p, src := l.pos, l.src[:l.lineEnd]
		for p < len(src) {
			if b := src[p]; stringBytes[b] != '0' && (b == q || b == '\\' || b == '\n' || b == '\r') {
				break
			}
			p++
		}
		if p > l.pos {
			l.pos = p
			endQuote = 0
		}
		c = l.next()
		if c == eof || quoteSize == 1 && c == '\n' {
			l.unterminatedString(quote, quoteSize, escapedQuote, firstLine, firstLineStart)
			return false
		}
		if c == quote {
			endQuote++
			continue
		}
		endQuote = 0
		if c == '\\' {
			c = l.next()
			if c == quote {
				escapedQuote = true
			}
			if c == '\r' {
				l.next()
			}
		}
	}
	l.emit(String, l.pos)
	return true
}

// stringBytes marks with '1' the bytes a string scan may stop at: quotes,
// backslashes and line ends. A string constant cannot be changed.
const stringBytes = "" +
	"0000000000100100000000000000000000100001000000000000000000000000" +
	"0000000000000000000000000000100000000000000000000000000000000000" +
	"0000000000000000000000000000000000000000000000000000000000000000" +
	"0000000000000000000000000000000000000000000000000000000000000000"

// unterminatedString records the error for a string that does not end;
// CPython points at the string's first character.
func (l *lexer) unterminatedString(quote, quoteSize int, escapedQuote bool, firstLine, firstLineStart int) {
	detected := l.line
	cursor := l.tokStart + 1
	if len(l.modes) > 1 {
		// Inside a replacement field, a quote like the enclosing string's
		// means that string went on without its closing brace.
		m := &l.modes[len(l.modes)-1]
		if int(m.quote) == quote && m.quoteSize == quoteSize {
			l.failAt(firstLine, firstLineStart, cursor, "%c-string: expecting '}'", m.prefix())
			return
		}
	}
	switch {
	case quoteSize == 3:
		l.failAt(firstLine, firstLineStart, cursor, "unterminated triple-quoted string literal (detected at line %d)", detected)
	case escapedQuote:
		l.failAt(firstLine, firstLineStart, cursor, "unterminated string literal (detected at line %d); perhaps you escaped the end quote?", detected)
	default:
		l.failAt(firstLine, firstLineStart, cursor, "unterminated string literal (detected at line %d)", detected)
	}
}

// fstringStart scans the opening quote(s) of an f-string or t-string, whose
// prefix was read along with the first quote, and enters its literal mode.
func (l *lexer) fstringStart(quote int) bool {
	quoteSize := 1
	after := l.next()
	if after == quote {
		if c := l.next(); c == quote {
			quoteSize = 3
		} else {
			l.backup(c)
			l.backup(after)
		}
	} else {
		l.backup(after)
	}
	if len(l.modes) >= maxFStringLevel {
		l.fail("too many nested f-strings or t-strings")
		return false
	}
	m := mode{
		literal: true, quote: byte(quote), quoteSize: quoteSize,
		start: l.tokStart, startLine: l.tokLine, startLineStart: l.lineStart,
		exprStartDepth: -1,
	}
	p0, p1 := lower(l.src[l.tokStart]), lower(l.src[l.tokStart+1])
	switch p0 {
	case 't':
		m.tstring, m.raw = true, p1 == 'r'
	case 'f':
		m.raw = p1 == 'r'
	default: // 'r'
		m.raw, m.tstring = true, p1 == 't'
	}
	l.modes = append(l.modes, m)
	if m.tstring {
		l.emit(TStringStart, l.pos)
	} else {
		l.emit(FStringStart, l.pos)
	}
	return true
}

// lower lowercases an ASCII letter.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// fstringMode scans literal text of the innermost f-string or t-string (or
// of a format spec inside it), as CPython's tok_get_fstring_mode does, but
// returns the text up to the next replacement field or closing quote as a
// single middle token where CPython splits it at "{{", "}}" and after
// "\N{...}". It reports whether tokenizing is over.
func (l *lexer) fstringMode(m *mode) bool {
	middle, end := FStringMiddle, FStringEnd
	if m.tstring {
		middle, end = TStringMiddle, TStringEnd
	}
	start := l.pos
	l.begin(start)
	for {
		// CPython starts a new token here: a replacement field or the
		// closing quotes end the literal text.
		c := l.next()
		if c == '{' {
			peek := l.next()
			l.backup(peek)
			l.backup(c)
			if peek != '{' {
				l.emitMiddle(middle, start)
				return !l.openField(m)
			}
		} else {
			l.backup(c)
		}
		quotes := l.pos
		closed := true
		for i := 0; i < m.quoteSize; i++ {
			if q := l.next(); q != int(m.quote) {
				l.backup(q)
				closed = false
				break
			}
		}
		if closed {
			l.pos = quotes
			l.emitMiddle(middle, start)
			l.begin(quotes)
			l.pos = quotes + m.quoteSize
			l.emit(end, l.pos)
			l.modes = l.modes[:len(l.modes)-1]
			return false
		}
		switch l.literalRun(m, middle, start) {
		case runError:
			return true
		case runField:
			return false
		}
	}
}

// The ways a run of literal text ends.
const (
	runSplit = iota // where CPython would end one middle token and start another
	runField        // at a replacement field or the end of a format spec
	runError
)

// literalRun is the body of CPython's f-string middle loop: it scans
// literal text until CPython would end the current middle token.
func (l *lexer) literalRun(m *mode, middle Kind, start int) int {
	endQuote := 0
	unicodeEscape := false
	for endQuote != m.quoteSize {
		c := l.next()
		inFormatSpec := m.inFormatSpec && m.exprStartDepth >= 0
		if c == eof || m.quoteSize == 1 && c == '\n' {
			if inFormatSpec && c == '\n' {
				l.fail("%c-string: newlines are not allowed in format specifiers for single quoted %c-strings", m.prefix(), m.prefix())
				return runError
			}
			detected := l.line
			if m.quoteSize == 3 {
				l.failAt(m.startLine, m.startLineStart, m.start+1, "unterminated triple-quoted %c-string literal (detected at line %d)", m.prefix(), detected)
			} else {
				l.failAt(m.startLine, m.startLineStart, m.start+1, "unterminated %c-string literal (detected at line %d)", m.prefix(), detected)
			}
			return runError
		}
		if c == int(m.quote) {
			endQuote++
			continue
		}
		endQuote = 0
		switch c {
		case '{':
			peek := l.next()
			if peek != '{' || inFormatSpec {
				l.backup(peek)
				l.backup(c)
				m.inFormatSpec = false
				l.emitMiddle(middle, start)
				if !l.openField(m) {
					return runError
				}
				return runField
			}
			return runSplit // "{{"
		case '}':
			if unicodeEscape {
				return runSplit // the end of "\N{...}"
			}
			peek := l.next()
			if peek == '}' && !inFormatSpec && m.curlyDepth == 0 {
				return runSplit // "}}"
			}
			l.backup(peek)
			l.backup(c)
			// The '}' ends a format spec, or is a lone '}' that code mode
			// reports.
			m.literal = false
			m.inFormatSpec = false
			l.emitMiddle(middle, start)
			return runField
		case '\\':
			peek := l.next()
			if peek == '\r' {
				peek = l.next()
			}
			if peek == '{' || peek == '}' {
				l.backup(peek)
				continue
			}
			if !m.raw && peek == 'N' {
				if p := l.next(); p == '{' {
					unicodeEscape = true
				} else {
					l.backup(p)
				}
			}
		}
	}
	// The closing quotes: leave them for the next round.
	l.pos -= m.quoteSize
	return runSplit
}

// openField enters the replacement field whose '{' is next.
func (l *lexer) openField(m *mode) bool {
	m.exprStartDepth++
	if m.exprStartDepth >= maxExprNesting {
		l.fail("%c-string: expressions nested too deeply", m.prefix())
		return false
	}
	m.literal = false
	return true
}

// emitMiddle emits the literal text from start to the cursor, if any.
func (l *lexer) emitMiddle(k Kind, start int) {
	if l.pos > start {
		l.emit(k, l.pos)
	}
}

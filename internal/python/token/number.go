package token

// number scans a number whose first digit c was read. It reports false on
// error. The structure follows CPython's tokenizer so that errors land on
// the same character.
func (l *lexer) number(c int) bool {
	if c != '0' {
		c = l.decimalTail()
		if c < 0 {
			return false
		}
		if c == '.' {
			return l.fraction(l.next())
		}
		return l.exponentOrEnd(c)
	}
	c = l.next()
	switch c {
	case 'x', 'X':
		return l.radix(isHexDigit, "hexadecimal", false)
	case 'o', 'O':
		return l.radix(func(c int) bool { return c >= '0' && c <= '7' }, "octal", true)
	case 'b', 'B':
		return l.radix(func(c int) bool { return c == '0' || c == '1' }, "binary", true)
	}
	// A decimal that starts with 0: only zeros may follow, unless it turns
	// out to be a float or an imaginary number.
	nonzero := false
	for {
		if c == '_' {
			c = l.next()
			if !isDigit(c) {
				l.backup(c)
				l.fail("invalid decimal literal")
				return false
			}
		}
		if c != '0' {
			break
		}
		c = l.next()
	}
	if isDigit(c) {
		nonzero = true
		if c = l.decimalTail(); c < 0 {
			return false
		}
	}
	switch {
	case c == '.':
		return l.fraction(l.next())
	case c == 'e' || c == 'E':
		return l.exponent(c)
	case c == 'j' || c == 'J':
		return l.imaginary()
	case nonzero:
		l.backup(c)
		l.failRange(l.tokStart+1-l.lineStart, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
		return false
	}
	if !l.verifyEnd(c, "decimal") {
		return false
	}
	l.backup(c)
	l.emit(Number, l.pos)
	return true
}

// radix scans the digits after 0x, 0o or 0b.
func (l *lexer) radix(ok func(int) bool, kind string, digitError bool) bool {
	c := l.next()
	for {
		if c == '_' {
			c = l.next()
		}
		if !ok(c) {
			if digitError && isDigit(c) {
				l.fail("invalid digit '%c' in %s literal", c, kind)
			} else {
				l.backup(c)
				l.fail("invalid %s literal", kind)
			}
			return false
		}
		for {
			c = l.next()
			if !ok(c) {
				break
			}
		}
		if c != '_' {
			break
		}
	}
	if digitError && isDigit(c) {
		l.fail("invalid digit '%c' in %s literal", c, kind)
		return false
	}
	if !l.verifyEnd(c, kind) {
		return false
	}
	l.backup(c)
	l.emit(Number, l.pos)
	return true
}

// decimalTail consumes digits and single underscores between digits after
// a digit, and returns the byte after them (read), or -2 on error.
func (l *lexer) decimalTail() int {
	var c int
	for {
		for {
			c = l.next()
			if !isDigit(c) {
				break
			}
		}
		if c != '_' {
			return c
		}
		c = l.next()
		if !isDigit(c) {
			l.backup(c)
			l.fail("invalid decimal literal")
			return -2
		}
	}
}

// fraction continues a number after its '.'; c is the byte after the dot.
func (l *lexer) fraction(c int) bool {
	if isDigit(c) {
		if c = l.decimalTail(); c < 0 {
			return false
		}
	}
	return l.exponentOrEnd(c)
}

// exponentOrEnd continues a number whose digits ended before c.
func (l *lexer) exponentOrEnd(c int) bool {
	if c == 'e' || c == 'E' {
		return l.exponent(c)
	}
	if c == 'j' || c == 'J' {
		return l.imaginary()
	}
	if !l.verifyEnd(c, "decimal") {
		return false
	}
	l.backup(c)
	l.emit(Number, l.pos)
	return true
}

// exponent continues a number at its 'e' or 'E', which was read.
func (l *lexer) exponent(e int) bool {
	c := l.next()
	if c == '+' || c == '-' {
		c = l.next()
		if !isDigit(c) {
			l.backup(c)
			l.fail("invalid decimal literal")
			return false
		}
	} else if !isDigit(c) {
		// "1else": the number ends before the 'e'.
		l.backup(c)
		if !l.verifyEnd(e, "decimal") {
			return false
		}
		l.backup(e)
		l.emit(Number, l.pos)
		return true
	}
	if c = l.decimalTail(); c < 0 {
		return false
	}
	if c == 'j' || c == 'J' {
		return l.imaginary()
	}
	if !l.verifyEnd(c, "decimal") {
		return false
	}
	l.backup(c)
	l.emit(Number, l.pos)
	return true
}

// imaginary ends a number after its 'j' or 'J', which was read.
func (l *lexer) imaginary() bool {
	c := l.next()
	if !l.verifyEnd(c, "imaginary") {
		return false
	}
	l.backup(c)
	l.emit(Number, l.pos)
	return true
}

// verifyEnd checks the byte c (read) after a number. A letter is an error,
// except when a keyword that may follow a number starts there ("1if x
// else y"): CPython only warns about that.
func (l *lexer) verifyEnd(c int, kind string) bool {
	r := false
	switch c {
	case 'a':
		r = l.lookahead("nd")
	case 'e':
		r = l.lookahead("lse")
	case 'f':
		r = l.lookahead("or")
	case 'i':
		c2 := l.next()
		r = c2 == 'f' || c2 == 'n' || c2 == 's'
		l.backup(c2)
	case 'o':
		r = l.lookahead("r")
	case 'n':
		r = l.lookahead("ot")
	}
	if r {
		return true
	}
	if c >= 0 && c < 0x80 && isIdentChar(c) {
		l.backup(c)
		l.fail("invalid %s literal", kind)
		return false
	}
	return true
}

// lookahead reports whether the next bytes are test followed by a byte
// that cannot continue a name; it reads nothing.
func (l *lexer) lookahead(test string) bool {
	p := l.pos
	for i := 0; i < len(test); i++ {
		if p >= l.lineEnd || l.src[p] != test[i] {
			return false
		}
		p++
	}
	return p >= len(l.src) || !isIdentChar(int(l.src[p]))
}

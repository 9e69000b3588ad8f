package token

// oneChar returns the kind of a one-byte operator, or Illegal.
func oneChar(c int) Kind {
	switch c {
	case '%':
		return Percent
	case '&':
		return Amper
	case '(':
		return LPar
	case ')':
		return RPar
	case '*':
		return Star
	case '+':
		return Plus
	case ',':
		return Comma
	case '-':
		return Minus
	case '.':
		return Dot
	case '/':
		return Slash
	case ':':
		return Colon
	case ';':
		return Semi
	case '<':
		return Less
	case '=':
		return Equal
	case '>':
		return Greater
	case '@':
		return At
	case '[':
		return LSqb
	case ']':
		return RSqb
	case '^':
		return Circumflex
	case '{':
		return LBrace
	case '|':
		return VBar
	case '}':
		return RBrace
	case '~':
		return Tilde
	case '!':
		return Exclamation
	}
	return Illegal
}

// twoChars returns the kind of a two-byte operator, or Illegal.
func twoChars(c1, c2 int) Kind {
	switch c1 {
	case '!':
		if c2 == '=' {
			return NotEqual
		}
	case '%':
		if c2 == '=' {
			return PercentEqual
		}
	case '&':
		if c2 == '=' {
			return AmperEqual
		}
	case '*':
		switch c2 {
		case '*':
			return DoubleStar
		case '=':
			return StarEqual
		}
	case '+':
		if c2 == '=' {
			return PlusEqual
		}
	case '-':
		switch c2 {
		case '=':
			return MinEqual
		case '>':
			return RArrow
		}
	case '/':
		switch c2 {
		case '/':
			return DoubleSlash
		case '=':
			return SlashEqual
		}
	case ':':
		if c2 == '=' {
			return ColonEqual
		}
	case '<':
		switch c2 {
		case '<':
			return LeftShift
		case '=':
			return LessEqual
		case '>':
			return NotEqual // "<>": the parser rejects it (no barry_as_FLUFL)
		}
	case '=':
		if c2 == '=' {
			return EqEqual
		}
	case '>':
		switch c2 {
		case '=':
			return GreaterEqual
		case '>':
			return RightShift
		}
	case '@':
		if c2 == '=' {
			return AtEqual
		}
	case '^':
		if c2 == '=' {
			return CircumflexEqual
		}
	case '|':
		if c2 == '=' {
			return VBarEqual
		}
	}
	return Illegal
}

// threeChars returns the kind of a three-byte operator, or Illegal.
func threeChars(c1, c2, c3 int) Kind {
	if c3 != '=' {
		return Illegal
	}
	switch {
	case c1 == '*' && c2 == '*':
		return DoubleStarEqual
	case c1 == '/' && c2 == '/':
		return DoubleSlashEqual
	case c1 == '<' && c2 == '<':
		return LeftShiftEqual
	case c1 == '>' && c2 == '>':
		return RightShiftEqual
	}
	return Illegal
}

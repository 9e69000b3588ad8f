package token

import "strconv"

// kindNames holds CPython's token names for the non-keyword kinds and the
// keyword text for hard keywords.
var kindNames = [NumKinds]string{
	EOF:              "ENDMARKER",
	Name:             "NAME",
	Number:           "NUMBER",
	String:           "STRING",
	FStringStart:     "FSTRING_START",
	FStringMiddle:    "FSTRING_MIDDLE",
	FStringEnd:       "FSTRING_END",
	TStringStart:     "TSTRING_START",
	TStringMiddle:    "TSTRING_MIDDLE",
	TStringEnd:       "TSTRING_END",
	Newline:          "NEWLINE",
	Indent:           "INDENT",
	Dedent:           "DEDENT",
	LPar:             "LPAR",
	RPar:             "RPAR",
	LSqb:             "LSQB",
	RSqb:             "RSQB",
	Colon:            "COLON",
	Comma:            "COMMA",
	Semi:             "SEMI",
	Plus:             "PLUS",
	Minus:            "MINUS",
	Star:             "STAR",
	Slash:            "SLASH",
	VBar:             "VBAR",
	Amper:            "AMPER",
	Less:             "LESS",
	Greater:          "GREATER",
	Equal:            "EQUAL",
	Dot:              "DOT",
	Percent:          "PERCENT",
	LBrace:           "LBRACE",
	RBrace:           "RBRACE",
	EqEqual:          "EQEQUAL",
	NotEqual:         "NOTEQUAL",
	LessEqual:        "LESSEQUAL",
	GreaterEqual:     "GREATEREQUAL",
	Tilde:            "TILDE",
	Circumflex:       "CIRCUMFLEX",
	LeftShift:        "LEFTSHIFT",
	RightShift:       "RIGHTSHIFT",
	DoubleStar:       "DOUBLESTAR",
	PlusEqual:        "PLUSEQUAL",
	MinEqual:         "MINEQUAL",
	StarEqual:        "STAREQUAL",
	SlashEqual:       "SLASHEQUAL",
	PercentEqual:     "PERCENTEQUAL",
	AmperEqual:       "AMPEREQUAL",
	VBarEqual:        "VBAREQUAL",
	CircumflexEqual:  "CIRCUMFLEXEQUAL",
	LeftShiftEqual:   "LEFTSHIFTEQUAL",
	RightShiftEqual:  "RIGHTSHIFTEQUAL",
	DoubleStarEqual:  "DOUBLESTAREQUAL",
	DoubleSlash:      "DOUBLESLASH",
	DoubleSlashEqual: "DOUBLESLASHEQUAL",
	At:               "AT",
	AtEqual:          "ATEQUAL",
	RArrow:           "RARROW",
	Ellipsis:         "ELLIPSIS",
	ColonEqual:       "COLONEQUAL",
	Exclamation:      "EXCLAMATION",
	Illegal:          "ILLEGAL",
	KwFalse:          "False",
	KwNone:           "None",
	KwTrue:           "True",
	KwAnd:            "and",
	KwAs:             "as",
	KwAssert:         "assert",
	KwAsync:          "async",
	KwAwait:          "await",
	KwBreak:          "break",
	KwClass:          "class",
	KwContinue:       "continue",
	KwDef:            "def",
	KwDel:            "del",
	KwElif:           "elif",
	KwElse:           "else",
	KwExcept:         "except",
	KwFinally:        "finally",
	KwFor:            "for",
	KwFrom:           "from",
	KwGlobal:         "global",
	KwIf:             "if",
	KwImport:         "import",
	KwIn:             "in",
	KwIs:             "is",
	KwLambda:         "lambda",
	KwNonlocal:       "nonlocal",
	KwNot:            "not",
	KwOr:             "or",
	KwPass:           "pass",
	KwRaise:          "raise",
	KwReturn:         "return",
	KwTry:            "try",
	KwWhile:          "while",
	KwWith:           "with",
	KwYield:          "yield",
}

// String returns CPython's name for the kind (NAME, LPAR, ...), or the
// keyword itself for a hard keyword.
func (k Kind) String() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// IsKeyword reports whether k is a hard keyword; CPython's tokenizer calls
// these NAME and its parser tells them apart.
func (k Kind) IsKeyword() bool { return k >= KwFalse && k <= KwYield }

// keyword returns the hard keyword spelled by b, or Name. A switch on the
// length and first byte keeps this allocation-free and faster than a map.
func keyword(b []byte) Kind {
	switch len(b) {
	case 2:
		switch string(b) {
		case "as":
			return KwAs
		case "if":
			return KwIf
		case "in":
			return KwIn
		case "is":
			return KwIs
		case "or":
			return KwOr
		}
	case 3:
		switch string(b) {
		case "and":
			return KwAnd
		case "def":
			return KwDef
		case "del":
			return KwDel
		case "for":
			return KwFor
		case "not":
			return KwNot
		case "try":
			return KwTry
		}
	case 4:
		switch string(b) {
		case "None":
			return KwNone
		case "True":
			return KwTrue
		case "elif":
			return KwElif
		case "else":
			return KwElse
		case "from":
			return KwFrom
		case "pass":
			return KwPass
		case "with":
			return KwWith
		}
	case 5:
		switch string(b) {
		case "False":
			return KwFalse
		case "async":
			return KwAsync
		case "await":
			return KwAwait
		case "break":
			return KwBreak
		case "class":
			return KwClass
		case "raise":
			return KwRaise
		case "while":
			return KwWhile
		case "yield":
			return KwYield
		}
	case 6:
		switch string(b) {
		case "assert":
			return KwAssert
		case "except":
			return KwExcept
		case "global":
			return KwGlobal
		case "import":
			return KwImport
		case "lambda":
			return KwLambda
		case "return":
			return KwReturn
		}
	case 7:
		if string(b) == "finally" {
			return KwFinally
		}
	case 8:
		switch string(b) {
		case "continue":
			return KwContinue
		case "nonlocal":
			return KwNonlocal
		}
	}
	return Name
}

// Package token turns Python source into tokens the way CPython 3.14's
// tokenizer does: the same token boundaries, INDENT/DEDENT and NEWLINE
// rules, PEP 701 f-string and PEP 750 t-string modes, and the same errors.
package token

import "strconv"

// Kind is the type of a token.
type Kind uint8

// The token kinds. Operators and hard keywords each have their own kind so
// the parser can switch on them; soft keywords (match, case, type, _) are
// Name tokens.
const (
	EOF Kind = iota
	Name
	Number
	// String is a whole str or bytes literal that is neither an f-string nor
	// a t-string: prefix and quotes included. Adjacent literals are separate
	// tokens; the parser concatenates them.
	String
	// FStringStart is the prefix and opening quote(s) of an f-string, e.g. rf""".
	FStringStart
	// FStringMiddle is a run of literal text inside an f-string or inside a
	// format spec: raw source text, escapes not decoded, "{{" and "}}" kept
	// doubled. It is never empty.
	FStringMiddle
	// FStringEnd is the closing quote(s) of an f-string.
	FStringEnd
	TStringStart  // as FStringStart, for t-strings (PEP 750)
	TStringMiddle // as FStringMiddle, for t-strings
	TStringEnd    // as FStringEnd, for t-strings
	Newline       // end of a logical line
	Indent
	Dedent

	// Operators and delimiters.
	LPar             // (
	RPar             // )
	LSqb             // [
	RSqb             // ]
	Colon            // :
	Comma            // ,
	Semi             // ;
	Plus             // +
	Minus            // -
	Star             // *
	Slash            // /
	VBar             // |
	Amper            // &
	Less             // <
	Greater          // >
	Equal            // =
	Dot              // .
	Percent          // %
	LBrace           // {
	RBrace           // }
	EqEqual          // ==
	NotEqual         // != (and <> is an error, as in CPython without barry_as_FLUFL)
	LessEqual        // <=
	GreaterEqual     // >=
	Tilde            // ~
	Circumflex       // ^
	LeftShift        // <<
	RightShift       // >>
	DoubleStar       // **
	PlusEqual        // +=
	MinEqual         // -=
	StarEqual        // *=
	SlashEqual       // /=
	PercentEqual     // %=
	AmperEqual       // &=
	VBarEqual        // |=
	CircumflexEqual  // ^=
	LeftShiftEqual   // <<=
	RightShiftEqual  // >>=
	DoubleStarEqual  // **=
	DoubleSlash      // //
	DoubleSlashEqual // //=
	At               // @
	AtEqual          // @=
	RArrow           // ->
	Ellipsis         // ...
	ColonEqual       // :=
	Exclamation      // ! (a conversion marker in f-/t-string replacement fields; an error elsewhere)
	// Illegal is a printable ASCII character that starts no token ($, ? or
	// a backtick). CPython hands it to its parser as an OP token, which then
	// fails with "invalid syntax" at its position; the tokenizer does not.
	Illegal

	// Hard keywords.
	KwFalse
	KwNone
	KwTrue
	KwAnd
	KwAs
	KwAssert
	KwAsync
	KwAwait
	KwBreak
	KwClass
	KwContinue
	KwDef
	KwDel
	KwElif
	KwElse
	KwExcept
	KwFinally
	KwFor
	KwFrom
	KwGlobal
	KwIf
	KwImport
	KwIn
	KwIs
	KwLambda
	KwNonlocal
	KwNot
	KwOr
	KwPass
	KwRaise
	KwReturn
	KwTry
	KwWhile
	KwWith
	KwYield

	NumKinds
)

// Token is one token. Offsets index the UTF-8 source that was tokenized;
// Line is 1-based and Col is the 0-based UTF-8 byte column, as in CPython.
// Indent, Dedent, Newline and EOF tokens carry the positions CPython's
// parser gives them: Indent, Dedent and EOF have Col and EndCol -1 and
// Start == End; a Newline starts at the comment that precedes it, if any,
// else at the '\n', and ends after the '\n' (EndCol counts it, even when
// CPython's implicit final newline is not in the source; End never exceeds
// the source length). The fields are 32-bit, making a token 28 bytes, so
// that a file's tokens take less memory than a few copies of its source:
// Tokenize rejects sources of MaxSource bytes or more.
type Token struct {
	Kind Kind
	// ASCII is set on the Name tokens Tokenize finds to be all ASCII,
	// whose text is then their identifier as it stands (see
	// IdentifierText).
	ASCII           bool
	Start, End      int32
	Line, Col       int32
	EndLine, EndCol int32
}

// MaxSource is one more than the largest source Tokenize accepts, in bytes:
// offsets must fit a Token's 32-bit fields.
const MaxSource = 1<<31 - 1

// Comment is one "#" comment: its text includes the "#".
type Comment struct {
	Line, Col int
	Text      string
}

// SyntaxError is a rejection of the source, located as CPython locates it:
// Line is 1-based and Col is CPython's offset, a 1-based column that counts
// characters (CPython counts bytes for a few errors, such as leading zeros
// in a number, and so does this package). Errors that CPython raises
// without a position (null bytes, unknown encodings) have its Line and Col
// (0 and 0, or 0 and -1).
type SyntaxError struct {
	Filename string
	Line     int
	Col      int
	Msg      string
}

// Error returns "line:col: msg".
func (e *SyntaxError) Error() string {
	return strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": " + e.Msg
}

package token

import (
	"bytes"
	"fmt"
)

// Limits that CPython's tokenizer enforces.
const (
	maxIndent       = 100 // MAXINDENT: nested indented blocks
	maxLevel        = 200 // MAXLEVEL: nested brackets
	maxFStringLevel = 150 // MAXFSTRINGLEVEL: nested f-/t-strings
	maxExprNesting  = 3   // MAX_EXPR_NESTING: nested replacement fields
	tabSize         = 8
)

// eof is what next returns past the end of the source.
const eof = -1

// bracket is one open bracket: its character and where it is.
type bracket struct {
	ch                   byte
	line, lineStart, col int
}

// comment is a comment's byte range, kept until the end so that all comment
// texts can share one string allocation.
type comment struct {
	start, end, line, col int
}

// lexer holds the state of one Tokenize call. Its fields mirror the parts of
// CPython's tok_state that decide token boundaries, positions and errors.
type lexer struct {
	src []byte // the source, always ending in '\n' (see Tokenize)
	n   int    // len(src) as given by the caller, before any added '\n'

	pos       int // next byte to read (CPython's tok->cur)
	line      int // line number of the line being read (tok->lineno)
	lineStart int // offset of that line (tok->line_start)
	lineEnd   int // offset just past its '\n'
	// bufStart is CPython's tok->buf for string input: the start of the last
	// line read while no token was in progress. It only matters for the
	// column of "unexpected character after line continuation character".
	bufStart int

	// The token being scanned: start offset (-1 between tokens, like
	// CPython's NULL tok->start), and its first line and byte column.
	tokStart, tokLine, tokCol int

	atbol    bool
	pendin   int
	indent   int
	indstack [maxIndent]int
	altstack [maxIndent]int
	level    int
	brackets [maxLevel]bracket
	modes    []mode
	toks     []Token
	comments []comment
	// lines, when not nil, collects the offset of each line read.
	lines []int
	err   *SyntaxError
}

// Tokenize splits UTF-8 Python source (as returned by Decode: '\n' line
// ends) into the tokens CPython 3.14's tokenizer hands its parser, in order
// and ending with EOF. Comments come back separately, in source order.
// On a tokenizer error, the tokens before it are returned with a
// *SyntaxError located as CPython locates it; a parser that reaches the end
// of those tokens without failing should report that error. (When the
// parser fails first, CPython may still prefer the tokenizer's error, or
// "'(' was never closed" for a bracket those tokens leave open; the tokens
// hold what that choice needs.)
func Tokenize(src []byte) ([]Token, []Comment, error) {
	return TokenizeAppend(nil, src)
}

// TokenizeAppend is Tokenize appending the tokens to dst, so that a caller
// that tokenizes many files can reuse one token buffer (pass buf[:0]) and
// save the allocation and zeroing of a fresh one per file.
func TokenizeAppend(dst []Token, src []byte) ([]Token, []Comment, error) {
	toks, _, comments, err := tokenize(dst, src, false)
	return toks, comments, err
}

// TokenizeLines is TokenizeAppend also returning where the lines of src
// start, which the tokenizer finds anyway: lines[0] is 0 and lines[i] the
// offset just past the i-th '\n'. When err is nil these are all the lines;
// after an error, only those the tokenizer reached.
func TokenizeLines(dst []Token, src []byte) (toks []Token, lines []int, comments []Comment, err error) {
	return tokenize(dst, src, true)
}

func tokenize(dst []Token, src []byte, wantLines bool) ([]Token, []int, []Comment, error) {
	if len(src) >= MaxSource {
		return dst, nil, nil, &SyntaxError{Msg: "source too large: krait parses files under 2 GiB"}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		// Decode reports this; Tokenize on undecoded input says the same.
		return dst, nil, nil, &SyntaxError{Msg: "source code string cannot contain null bytes"}
	}
	l := newLexer(src, dst)
	if wantLines {
		l.lines = make([]int, 0, bytes.Count(src, []byte{'\n'})+1)
	}
	l.run()
	comments := l.commentList()
	if l.err != nil {
		return l.toks, l.lines, comments, l.err
	}
	if wantLines && (len(l.lines) == 0 || src[len(src)-1] == '\n') {
		// The line after a final '\n' has no byte for the tokenizer to read.
		l.lines = append(l.lines, len(src))
	}
	return l.toks, l.lines, comments, nil
}

func newLexer(src []byte, dst []Token) *lexer {
	l := &lexer{n: len(src), src: src, tokStart: -1, atbol: true}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		// CPython appends the newline that ends the last line; token
		// offsets never reach it, so a private copy is safe.
		buf := make([]byte, len(src)+1)
		copy(buf, src)
		buf[len(src)] = '\n'
		l.src = buf
	}
	// Python source averages six bytes per token (the stdlib: 6.2, its
	// densest files 3). Room for one token per four bytes spares most files
	// a regrowth and, over the stdlib, allocates less in all than a tighter
	// first guess does; grow handles the denser rest.
	if need := len(dst) + len(src)/4 + 16; cap(dst) < need {
		l.toks = make([]Token, len(dst), need)
		copy(l.toks, dst)
	} else {
		l.toks = dst
	}
	l.modes = make([]mode, 1, 4)
	return l
}

// run produces tokens until EOF or the first error.
func (l *lexer) run() {
	for l.err == nil {
		if len(l.modes) == 1 {
			// Plain code, outside any f-string or t-string.
			if l.normalMode() {
				return
			}
			continue
		}
		m := &l.modes[len(l.modes)-1]
		var done bool
		if m.literal {
			done = l.fstringMode(m)
		} else {
			done = l.normalMode()
		}
		if done {
			return
		}
	}
}

// next returns the next byte, or eof. Like CPython, it moves to a new line
// only when a byte of that line is read.
func (l *lexer) next() int {
	if l.pos < l.lineEnd {
		l.pos++
		return int(l.src[l.pos-1])
	}
	return l.nextLine()
}

// nextLine is next's slow path, at the end of a line.
func (l *lexer) nextLine() int {
	if l.pos >= len(l.src) {
		return eof
	}
	l.newLine()
	c := l.src[l.pos]
	l.pos++
	return int(c)
}

// newLine makes the line starting at pos the current one.
func (l *lexer) newLine() {
	l.line++
	l.lineStart = l.pos
	if l.lines != nil {
		l.lines = append(l.lines, l.pos)
	}
	if l.tokStart < 0 {
		l.bufStart = l.pos
	}
	if i := bytes.IndexByte(l.src[l.pos:], '\n'); i >= 0 {
		l.lineEnd = l.pos + i + 1
	} else {
		l.lineEnd = len(l.src)
	}
}

// backup un-reads c, which must be the byte just read (eof is ignored).
func (l *lexer) backup(c int) {
	if c != eof {
		l.pos--
	}
}

// begin records that a token starts at offset start on the current line.
func (l *lexer) begin(start int) {
	l.tokStart = start
	l.tokLine = l.line
	l.tokCol = start - l.lineStart
}

// emit appends a token from the recorded start to end, which must lie on
// the current line.
func (l *lexer) emit(k Kind, end int) {
	n := len(l.toks)
	if n == cap(l.toks) {
		l.grow()
	}
	// Field by field into the slot: a composite literal would be built
	// aside and copied.
	l.toks = l.toks[:n+1]
	t := &l.toks[n]
	t.Kind, t.ASCII = k, false
	t.Start, t.End = int32(l.tokStart), int32(end)
	t.Line, t.Col = int32(l.tokLine), int32(l.tokCol)
	t.EndLine, t.EndCol = int32(l.line), int32(end-l.lineStart)
}

// grow enlarges the token slice, predicting the total from the token
// density so far: append's own growth, a quarter at a time for big slices,
// would copy a dense 50 MB file's tokens many times over.
func (l *lexer) grow() {
	n := len(l.toks)
	want := n + n/4 + 16
	if l.pos > 0 {
		want = max(want, int(float64(n)*float64(len(l.src))/float64(l.pos)*1.1)+16)
	}
	toks := make([]Token, n, want)
	copy(toks, l.toks)
	l.toks = toks
}

// emitMarker appends an Indent, Dedent or EOF token: CPython gives these no
// column.
func (l *lexer) emitMarker(k Kind, line int) {
	at := min(l.pos, l.n)
	l.toks = append(l.toks, Token{Kind: k, Start: int32(at), End: int32(at), Line: int32(line), Col: -1, EndLine: int32(line), EndCol: -1})
}

// fail records an error located like CPython's _PyTokenizer_syntaxerror:
// at the character before the cursor on the current line.
func (l *lexer) fail(format string, args ...any) {
	l.failAt(l.line, l.lineStart, l.pos, format, args...)
}

// failAt records an error on line whose text starts at lineStart; the
// column counts the characters from lineStart to cursor.
func (l *lexer) failAt(line, lineStart, cursor int, format string, args ...any) {
	if l.err != nil {
		return
	}
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	l.err = &SyntaxError{Line: line, Col: runeCount(l.src[lineStart:max(cursor, lineStart)]), Msg: msg}
}

// failRange records an error at a given 1-based byte column of the current
// line (CPython's _PyTokenizer_syntaxerror_known_range, which, unlike its
// other errors, reports the column in bytes).
func (l *lexer) failRange(byteCol int, msg string) {
	if l.err != nil {
		return
	}
	l.err = &SyntaxError{Line: l.line, Col: byteCol, Msg: msg}
}

// failParser records an error that CPython's parser raises from the
// tokenizer's state: the column is a 1-based byte column of the given line,
// clamped to the line (with its '\n') and converted to characters.
func (l *lexer) failParser(line, lineStart, byteCol int, msg string) {
	if l.err != nil {
		return
	}
	text := l.src[lineStart:]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i+1]
	}
	col := 0
	if byteCol > len(text) {
		col = runeCount(text) + 1
	} else {
		col = runeCount(text[:max(byteCol, 0)])
	}
	l.err = &SyntaxError{Line: line, Col: col, Msg: msg}
}

// runeCount counts characters the way CPython's "replace" decoding does for
// valid UTF-8; Decode guarantees validity.
func runeCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x80 || c >= 0xC0 {
			n++
		}
	}
	return n
}

// commentList builds the comments with one string allocation for all texts.
func (l *lexer) commentList() []Comment {
	if len(l.comments) == 0 {
		return nil
	}
	size := 0
	for _, c := range l.comments {
		size += c.end - c.start
	}
	buf := make([]byte, 0, size)
	for _, c := range l.comments {
		buf = append(buf, l.src[c.start:c.end]...)
	}
	all := string(buf)
	out := make([]Comment, len(l.comments))
	off := 0
	for i, c := range l.comments {
		n := c.end - c.start
		out[i] = Comment{Line: c.line, Col: c.col, Text: all[off : off+n]}
		off += n
	}
	return out
}

// isIdentStart reports whether c may start a name (CPython's
// is_potential_identifier_start: any non-ASCII byte may, pending checks).
func isIdentStart(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 128
}

// isIdentChar reports whether c may continue a name.
func isIdentChar(c int) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 128
}

// nameBytes classifies bytes for the name scanner: '1' for an ASCII byte
// that continues a name, '5' for one that may also be part of a string
// prefix (b, f, r, t, u in either case), '2' for a non-ASCII byte (checked
// later against PEP 3131), '0' for anything else. Of these, only '2' has
// the bit 0x02 set, so or-ing the classes of a name's bytes tells whether it is
// ASCII. A string constant cannot be changed.
const nameBytes = "" +
	"0000000000000000000000000000000000000000000000001111111111000000" +
	"0151115111111111115155111110000101511151111111111151551111100000" +
	"2222222222222222222222222222222222222222222222222222222222222222" +
	"2222222222222222222222222222222222222222222222222222222222222222"

func isDigit(c int) bool { return c >= '0' && c <= '9' }

func isHexDigit(c int) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

package parser

import (
	"errors"
	"math"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// errKind marks the token slot where the tokenizer failed: examining it
// raises the tokenizer's error, as CPython's lazy tokenizer does.
const errKind = token.NumKinds

// maxDepth bounds the nesting of recursive rules, like CPython's stack
// limit: deeper input is rejected instead of growing the stack further.
const maxDepth = 3000

type parser struct {
	src  []byte
	text string // src as a string: identifiers are zero-copy slices of it
	toks []token.Token
	pos  int // index of the next token
	fill int // one past the furthest token examined (CPython's p->fill)

	tokErr   *SyntaxError // the tokenizer's error, at toks[len-1] when set
	err      *SyntaxError // the first error raised; parsing stops
	errIsTok bool         // err came from the tokenizer
	invalid  bool         // second pass: the invalid_* rules are active
	depth    int
	// work counts the tokens examined, each examination of one counted
	// again: a measure of the parser's work that tests can compare across
	// input sizes without timing anything.
	work int
	// workLimit stops the second pass: its invalid_* rules may backtrack
	// far more than the first pass (nested brackets around an error
	// multiply the alternatives), so past this much work the parser gives
	// up on a precise message and reports the first pass's generic error.
	workLimit int
	gaveUp    bool
	levels    []int32 // bracket nesting level per token, for error messages
	memo      map[memoKey]memoEntry
	lineStart []int
	nodes     nodeSlabs
	argCache  argCache

	exprs lists[ast.Expr]
	stmts lists[ast.Stmt]
	kws   lists[*ast.Keyword]
	args  lists[*ast.Arg]
	ops   lists[ast.CmpOp]
}

// argCache remembers the first element a call's genexp attempt parsed, so
// that the arguments alternative reuses it instead of parsing it again:
// without it, nested calls would take time exponential in their depth.
type argCache struct {
	start, end int
	node       ast.Expr
}

// slab hands out nodes from chunks, so that the commonest nodes cost one
// allocation per chunk instead of one each.
type slab[T any] struct{ buf []T }

func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		// Chunks grow, so that a type a file uses little costs little.
		s.buf = make([]T, 0, min(max(2*cap(s.buf), 8), 64))
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// nodeSlabs has a slab for each node type the parser builds often enough
// for its allocations to count.
type nodeSlabs struct {
	names           slab[ast.Name]
	constants       slab[ast.Constant]
	attributes      slab[ast.Attribute]
	calls           slab[ast.Call]
	binOps          slab[ast.BinOp]
	exprStmts       slab[ast.ExprStmt]
	assigns         slab[ast.Assign]
	keywords        slab[ast.Keyword]
	args            slab[ast.Arg]
	aliases         slab[ast.Alias]
	annAssigns      slab[ast.AnnAssign]
	arguments       slab[ast.Arguments]
	augAssigns      slab[ast.AugAssign]
	awaits          slab[ast.Await]
	boolOps         slab[ast.BoolOp]
	classDefs       slab[ast.ClassDef]
	compares        slab[ast.Compare]
	comprehensions  slab[ast.Comprehension]
	dicts           slab[ast.Dict]
	exceptHandlers  slab[ast.ExceptHandler]
	formattedValues slab[ast.FormattedValue]
	fors            slab[ast.For]
	functionDefs    slab[ast.FunctionDef]
	generatorExps   slab[ast.GeneratorExp]
	ifExps          slab[ast.IfExp]
	ifs             slab[ast.If]
	importFroms     slab[ast.ImportFrom]
	imports         slab[ast.Import]
	joinedStrs      slab[ast.JoinedStr]
	lambdas         slab[ast.Lambda]
	listComps       slab[ast.ListComp]
	lists           slab[ast.List]
	namedExprs      slab[ast.NamedExpr]
	passes          slab[ast.Pass]
	raises          slab[ast.Raise]
	returns         slab[ast.Return]
	slices          slab[ast.Slice]
	starreds        slab[ast.Starred]
	subscripts      slab[ast.Subscript]
	tries           slab[ast.Try]
	tuples          slab[ast.Tuple]
	unaryOps        slab[ast.UnaryOp]
	withitems       slab[ast.Withitem]
	withs           slab[ast.With]
	yields          slab[ast.Yield]
}

// put copies v into a node from s.
func put[T any](s *slab[T], v T) *T {
	n := s.new()
	*n = v
	return n
}

type memoKey struct {
	pos  int32
	rule uint8
}

type memoEntry struct {
	node ast.Expr
	end  int
}

func newParser(src []byte, toks []token.Token, tokErr error) *parser {
	// The first pass has no work limit: kind's one comparison never fires.
	p := &parser{src: src, text: string(src), toks: toks, workLimit: math.MaxInt}
	if tokErr != nil {
		var se *SyntaxError
		if !errors.As(tokErr, &se) {
			se = &SyntaxError{Line: 1, Col: 1, Msg: tokErr.Error()}
		}
		p.tokErr = se
		// Drop a trailing EOF a failed tokenizer may have left, then put the
		// error token where the tokenizer stopped.
		n := len(toks)
		for n > 0 && toks[n-1].Kind == token.EOF {
			n--
		}
		line, col := int32(se.Line), int32(se.Col-1)
		if n > 0 {
			last := toks[n-1]
			if line < last.EndLine || (line == last.EndLine && col < last.EndCol) {
				line, col = last.EndLine, last.EndCol
			}
		}
		p.toks = append(toks[:n:n], token.Token{Kind: errKind, Line: line, Col: col, EndLine: line, EndCol: col})
	} else if len(toks) == 0 || toks[len(toks)-1].Kind != token.EOF {
		line, col := int32(1), int32(0)
		if n := len(toks); n > 0 {
			line, col = toks[n-1].EndLine, toks[n-1].EndCol
		}
		p.toks = append(toks[:len(toks):len(toks)], token.Token{Kind: token.EOF, Start: int32(len(src)), End: int32(len(src)), Line: line, Col: col, EndLine: line, EndCol: col})
	}
	return p
}

func (p *parser) resetForSecondPass() {
	p.workLimit = p.work + secondPassWork(p.work, len(p.toks))
	p.pos = 0
	p.invalid = true
	p.depth = 0
	p.memo = nil
	p.argCache = argCache{}
	// Lists the first pass left open when it failed are dropped.
	p.exprs.drop(0)
	p.stmts.drop(0)
	p.kws.drop(0)
	p.args.drop(0)
	p.ops.drop(0)
}

// fetch records that the token at p.pos has been examined, raising the
// tokenizer's error when it is the slot where tokenizing failed.
func (p *parser) fetch() {
	if p.pos >= len(p.toks) {
		p.pos = len(p.toks) - 1
	}
	p.fill = p.pos + 1
	if p.toks[p.pos].Kind == errKind {
		p.raiseTokenizerError()
	}
}

// kind returns the kind of the next token.
func (p *parser) kind() token.Kind {
	p.work++
	if p.work > p.workLimit {
		p.giveUp()
	}
	if p.pos >= p.fill {
		p.fetch()
	}
	return p.toks[p.pos].Kind
}

// kindAt returns the kind of the token i places ahead of the next one.
func (p *parser) kindAt(i int) token.Kind {
	if i == 1 {
		return p.peek()
	}
	save := p.pos
	for j := 0; j < i; j++ {
		if p.toks[p.pos].Kind == errKind || p.toks[p.pos].Kind == token.EOF {
			return p.toks[p.pos].Kind
		}
		p.pos++
		p.kind()
	}
	k := p.kind()
	p.pos = save
	return k
}

// peek is kindAt(1): the kind of the token after the next one.
func (p *parser) peek() token.Kind {
	k := p.toks[p.pos].Kind
	if k == errKind || k == token.EOF {
		return k
	}
	i := p.pos + 1
	if i >= p.fill {
		p.fill = i + 1
		if p.toks[i].Kind == errKind {
			p.raiseTokenizerError()
		}
	}
	return p.toks[i].Kind
}

// tok returns the next token.
func (p *parser) tok() *token.Token {
	if p.pos >= p.fill {
		p.fetch()
	}
	return &p.toks[p.pos]
}

// next consumes the next token and returns its index.
func (p *parser) next() int {
	i := p.pos
	if p.toks[i].Kind != errKind && p.toks[i].Kind != token.EOF {
		p.pos++
	}
	return i
}

// accept consumes the next token if it is of kind k.
func (p *parser) accept(k token.Kind) bool {
	if p.kind() == k {
		p.pos++
		return true
	}
	return false
}

// expect is accept returning the token index, or -1.
func (p *parser) expect(k token.Kind) int {
	if p.kind() == k {
		p.pos++
		return p.pos - 1
	}
	return -1
}

// isName reports whether the next token is the soft keyword or name s.
func (p *parser) isName(s string) bool {
	if p.kind() != token.Name {
		return false
	}
	t := &p.toks[p.pos]
	return p.text[t.Start:t.End] == s
}

func (p *parser) tokText(i int) string {
	t := &p.toks[i]
	return p.text[t.Start:t.End]
}

// ident returns the identifier a Name token spells, NFKC-normalised as
// CPython does for non-ASCII names.
func (p *parser) ident(i int) string {
	t := &p.toks[i]
	if t.ASCII {
		return p.text[t.Start:t.End]
	}
	return token.IdentifierText(p.text, *t)
}

// startPos returns the start of token i as a Pos with no end.
func (p *parser) startOf(i int) (int, int) {
	t := &p.toks[i]
	return int(t.Line), int(t.Col)
}

// span returns the position from the start of token start to the end of the
// last consumed token that is not a NEWLINE, INDENT, DEDENT or ENDMARKER,
// as CPython's EXTRA does.
func (p *parser) span(start int) ast.Pos {
	s := &p.toks[start]
	e := p.pos - 1
	for e > 0 {
		k := p.toks[e].Kind
		if k != token.Newline && k != token.Indent && k != token.Dedent && k != token.EOF {
			break
		}
		e--
	}
	if e < 0 {
		e = 0
	}
	t := &p.toks[e]
	return ast.Pos{Lineno: int(s.Line), ColOffset: int(s.Col), EndLineno: int(t.EndLine), EndColOffset: int(t.EndCol)}
}

// tokPos is the position of token i alone.
func (p *parser) tokPos(i int) ast.Pos {
	t := &p.toks[i]
	return ast.Pos{Lineno: int(t.Line), ColOffset: int(t.Col), EndLineno: int(t.EndLine), EndColOffset: int(t.EndCol)}
}

// between is the position from a's start to b's end.
func between(a, b ast.Pos) ast.Pos {
	return ast.Pos{Lineno: a.Lineno, ColOffset: a.ColOffset, EndLineno: b.EndLineno, EndColOffset: b.EndColOffset}
}

// enter counts one level of rule nesting; it fails, raising an error,
// when the input nests deeper than maxDepth.
func (p *parser) enter() bool {
	p.depth++
	if p.depth > maxDepth {
		if p.err == nil {
			t := p.tok()
			p.raiseAt(int(t.Line), int(t.Col), "too many nested expressions: source too complex to parse")
		}
		return false
	}
	return true
}

func (p *parser) leave() { p.depth-- }

// level returns the bracket nesting level CPython's tokenizer records on
// token i: the depth after an opening bracket, after a closing one too.
func (p *parser) level(i int) int {
	if p.levels == nil {
		p.levels = make([]int32, len(p.toks))
		var l int32
		for j := range p.toks {
			switch p.toks[j].Kind {
			case token.LPar, token.LSqb, token.LBrace:
				l++
			case token.RPar, token.RSqb, token.RBrace:
				l--
			}
			p.levels[j] = l
		}
	}
	if i < 0 || i >= len(p.levels) {
		return 0
	}
	return int(p.levels[i])
}

func (p *parser) memoGet(rule uint8) (memoEntry, bool) {
	if p.memo == nil {
		return memoEntry{}, false
	}
	e, ok := p.memo[memoKey{int32(p.pos), rule}]
	return e, ok
}

func (p *parser) memoSet(rule uint8, start int, n ast.Expr) {
	if p.memo == nil {
		p.memo = make(map[memoKey]memoEntry)
	}
	p.memo[memoKey{int32(start), rule}] = memoEntry{node: n, end: p.pos}
}

// isKeywordText reports whether s is a hard keyword, used to word messages.
func isKeywordText(s string) bool {
	switch s {
	case "False", "None", "True", "and", "as", "assert", "async", "await", "break",
		"class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
		"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
		"pass", "raise", "return", "try", "while", "with", "yield":
		return true
	}
	return false
}

// secondPassWork is how much work the second pass may do: a generous
// multiple of what the first pass did, so that every ordinary file gets its
// precise message, and pathological ones stop in linear time.
func secondPassWork(firstPass, tokens int) int {
	return 16*firstPass + 64*tokens + 100_000
}

// giveUp ends the second pass: the recorded error unwinds the parse, and
// parseTokens replaces it with the first pass's generic error.
func (p *parser) giveUp() {
	if p.err != nil {
		return
	}
	p.gaveUp = true
	p.err = &SyntaxError{Msg: "invalid syntax"}
}

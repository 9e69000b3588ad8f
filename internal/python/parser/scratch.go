package parser

import (
	"sync"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// scratch is the memory a parse needs and its result does not keep. Parse
// borrows one from scratchPool, so that the files of a scan reuse token
// buffers instead of allocating (and zeroing) one per file.
type scratch struct {
	toks []token.Token
	// The stacks of the parser's lists (see lists).
	exprs []ast.Expr
	stmts []ast.Stmt
	kws   []*ast.Keyword
	args  []*ast.Arg
	ops   []ast.CmpOp
}

// lend gives p the stacks of s.
func (s *scratch) lend(p *parser) {
	p.exprs.stack, p.stmts.stack, p.kws.stack, p.args.stack, p.ops.stack = s.exprs, s.stmts, s.kws, s.args, s.ops
}

// reclaim takes the stacks back from p, emptied, once p is done.
func (s *scratch) reclaim(p *parser) {
	s.exprs, s.stmts, s.kws, s.args, s.ops = p.exprs.reclaim(), p.stmts.reclaim(), p.kws.reclaim(), p.args.reclaim(), p.ops.reclaim()
}

// maxPooledTokens bounds the token buffer a pooled scratch keeps (56 MB):
// the buffer of a huge file goes to the garbage collector instead.
const maxPooledTokens = 1 << 21

// scratchPool holds idle scratch values; it only caches memory, so sharing
// it between goroutines and parses changes no result.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch returns s to the pool once nothing refers to its memory.
func putScratch(s *scratch) {
	if cap(s.toks) > maxPooledTokens {
		s.toks = nil
	}
	s.toks = s.toks[:0]
	scratchPool.Put(s)
}

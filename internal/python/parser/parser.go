// Package parser turns Python source into the syntax tree CPython 3.14's
// ast.parse builds: a hand-written recursive-descent parser that follows
// CPython's PEG grammar (Grammar/python.gram) rule by rule, with the same
// positions, the same two-pass error reporting and the same rejections.
package parser

import (
	"bytes"
	"fmt"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// SyntaxError is a rejection of the source, located as CPython locates it.
type SyntaxError = token.SyntaxError

// UnsupportedEncodingError is the error for a file whose coding cookie names
// a codec CPython has and krait lacks: krait cannot read the file, which
// may well be valid Python.
type UnsupportedEncodingError = token.UnsupportedEncodingError

// File is a parsed source file.
type File struct {
	Module   *ast.Module
	Source   []byte // the decoded UTF-8 source that positions refer to
	Comments []token.Comment
	Lines    []int // byte offset where each line starts; Lines[0] is 0
}

// Parse decodes, tokenizes and parses src, the raw bytes of a Python file.
// A rejected file gives a *SyntaxError with Filename set; a file in an
// encoding krait cannot decode gives an *UnsupportedEncodingError.
func Parse(filename string, src []byte) (f *File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, &SyntaxError{Filename: filename, Line: 1, Col: 1, Msg: fmt.Sprintf("internal parser error: %v", r)}
		}
	}()
	s := getScratch()
	f, err = parseWith(s, filename, src)
	// Neither the tree nor the error refers to the scratch memory (a panic
	// above leaves s to the garbage collector).
	putScratch(s)
	return f, err
}

// parseWith is Parse with the scratch memory s.
func parseWith(s *scratch, filename string, src []byte) (*File, error) {
	text, derr := token.Decode(src)
	if derr != nil {
		return nil, withFilename(derr, filename)
	}
	toks, lines, comments, terr := token.TokenizeLines(s.toks[:0], text)
	s.toks = toks
	mod, perr := parseTokens(filename, text, toks, terr, s)
	if perr != nil {
		return nil, perr
	}
	// Without a tokenizer error, lines are all the lines.
	return &File{Module: mod, Source: text, Comments: comments, Lines: lines}, nil
}

// ParseFile is Parse for callers that want only the syntax tree.
func ParseFile(filename string, src []byte) (*ast.Module, error) {
	f, err := Parse(filename, src)
	if err != nil {
		return nil, err
	}
	return f.Module, nil
}

// withFilename returns a *SyntaxError naming the file; other errors, such
// as an *UnsupportedEncodingError, are no verdict on the source and pass
// unchanged.
func withFilename(err error, filename string) error {
	if se, ok := err.(*SyntaxError); ok {
		c := *se
		c.Filename = filename
		return &c
	}
	return err
}

func lineStarts(src []byte) []int {
	lines := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return lines
		}
		i += j + 1
		lines = append(lines, i)
	}
}

// parseTokens runs CPython's two passes: a fast one without the invalid_*
// rules and, only when it fails, a second one with them for a precise message.
// The parser borrows the stacks of s.
func parseTokens(filename string, src []byte, toks []token.Token, tokErr error, s *scratch) (*ast.Module, *SyntaxError) {
	p := newParser(src, toks, tokErr)
	s.lend(p)
	defer s.reclaim(p)
	mod := p.file()
	if mod != nil && p.err == nil {
		return mod, nil
	}
	if p.err == nil {
		last := p.fill - 1
		p.resetForSecondPass()
		p.file()
		if p.gaveUp {
			p.err, p.errIsTok = nil, false
		}
		p.setSyntaxError(last)
	}
	e := *p.err
	e.Filename = filename
	return nil, &e
}

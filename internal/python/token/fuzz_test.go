package token

import (
	"bytes"
	"testing"
)

// FuzzTokenize checks that no input panics or hangs the tokenizer, and that
// the tokens it returns are well-formed: in order, within the source, and
// placed on the lines and columns their offsets point at.
func FuzzTokenize(f *testing.F) {
	for _, sn := range readSnippets(f, snippetsFile) {
		f.Add([]byte(sn.src))
	}
	f.Add([]byte("\xef\xbb\xbf# coding: latin-1\n"))
	f.Add([]byte("# coding: cp1252\nx = '\x80'\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkTokens(t, raw)
		if src, err := Decode(raw); err == nil {
			checkTokens(t, src)
		}
	})
}

// checkTokens tokenizes src and checks the token invariants.
func checkTokens(t *testing.T, src []byte) {
	toks, comments, err := Tokenize(src)
	if err != nil {
		if _, ok := err.(*SyntaxError); !ok {
			t.Fatalf("error %T %v is no *SyntaxError", err, err)
		}
	} else if len(toks) == 0 || toks[len(toks)-1].Kind != EOF {
		t.Fatalf("no EOF token at the end")
	} else {
		_, lines, _, _ := TokenizeLines(nil, src)
		checkLines(t, "input", src, lines)
	}
	lineStarts := []int32{0, 0}
	for i, c := range src {
		if c == '\n' {
			lineStarts = append(lineStarts, int32(i+1))
		}
	}
	prev := int32(0)
	for i, tk := range toks {
		if tk.Start < prev || tk.End < tk.Start || int(tk.End) > len(src) {
			t.Fatalf("token %d %v: offsets %d-%d after %d in %d bytes", i, tk.Kind, tk.Start, tk.End, prev, len(src))
		}
		prev = tk.Start
		if tk.Line < 1 || tk.EndLine < tk.Line || int(tk.Line) >= len(lineStarts) {
			t.Fatalf("token %d %v: lines %d-%d", i, tk.Kind, tk.Line, tk.EndLine)
		}
		if tk.Col < 0 {
			if tk.Kind != Indent && tk.Kind != Dedent && tk.Kind != EOF {
				t.Fatalf("token %d %v: no column", i, tk.Kind)
			}
			continue
		}
		if got := lineStarts[tk.Line] + tk.Col; got != tk.Start {
			t.Fatalf("token %d %v: line %d col %d is offset %d, not %d", i, tk.Kind, tk.Line, tk.Col, got, tk.Start)
		}
		if int(tk.EndLine) < len(lineStarts) && tk.Kind != Newline {
			if got := lineStarts[tk.EndLine] + tk.EndCol; got != tk.End {
				t.Fatalf("token %d %v: end line %d col %d is offset %d, not %d", i, tk.Kind, tk.EndLine, tk.EndCol, got, tk.End)
			}
		}
		if (tk.Kind == FStringMiddle || tk.Kind == TStringMiddle) && tk.End == tk.Start {
			t.Fatalf("token %d: empty middle", i)
		}
	}
	for _, c := range comments {
		if !bytes.HasPrefix([]byte(c.Text), []byte("#")) || bytes.IndexByte([]byte(c.Text), '\n') >= 0 {
			t.Fatalf("bad comment %q", c.Text)
		}
	}
}

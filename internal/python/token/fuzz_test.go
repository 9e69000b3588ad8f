package token

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
	// The conformance corpus: the local stdlib's smaller files, when present.
	for _, b := range stdlibSeeds() {
		f.Add(b)
	}
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

// stdlibSeeds returns the local stdlib's .py files of at most 16 KiB, or nil
// when there is no stdlib; unlike stdlibFiles it never skips the caller.
func stdlibSeeds() [][]byte {
	dir := os.Getenv("KRAIT_STDLIB")
	if dir == "" {
		out, err := exec.Command("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
		if err != nil {
			return nil
		}
		dir = strings.TrimSpace(string(out))
	}
	var seeds [][]byte
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && d.Name() == "site-packages":
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(p, ".py"):
			return nil
		}
		if b, err := os.ReadFile(p); err == nil && len(b) <= 16<<10 {
			seeds = append(seeds, b)
		}
		return nil
	})
	return seeds
}

package token

import (
	"bytes"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// nestedIfs builds n nested "if 1:" lines, each indented one space more,
// and a last line indented once more.
func nestedIfs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if 1:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "x\n")
	return b.String()
}

// TestLimits checks CPython's nesting limits and their errors; the
// expectations are CPython 3.14's ast.parse results.
func TestLimits(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want *SyntaxError // nil: accepted
	}{
		{"parens_100k", strings.Repeat("(", 100000), &SyntaxError{Line: 1, Col: 201, Msg: "too many nested parentheses"}},
		{"parens_200", strings.Repeat("(", 200) + strings.Repeat(")", 200) + "\n", nil},
		{"parens_201", "x = " + strings.Repeat("(", 201) + strings.Repeat(")", 201) + "\n", &SyntaxError{Line: 1, Col: 205, Msg: "too many nested parentheses"}},
		{"brackets_mixed", strings.Repeat("[{(", 67) + "\n", &SyntaxError{Line: 1, Col: 201, Msg: "too many nested parentheses"}},
		{"fstrings_150", strings.Repeat("f'{", 150) + "x" + strings.Repeat("}'", 150) + "\n", &SyntaxError{Line: 1, Col: 449, Msg: "too many nested f-strings or t-strings"}},
		{"fstrings_same_quotes", "f'{f'{f'{f'{f'{x}'}'}'}'}'\n", nil},
		{"fields_nested_too_deeply", "t'{x:{y:{z:{w}}}}'\n", &SyntaxError{Line: 1, Col: 11, Msg: "t-string: expressions nested too deeply"}},
		{"indent_100", nestedIfs(100), &SyntaxError{Line: 101, Col: 1, Msg: "too many levels of indentation"}},
		{"indent_99", nestedIfs(99), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, _, err := Tokenize([]byte(tt.src))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Tokenize: %v", err)
				}
				if toks[len(toks)-1].Kind != EOF {
					t.Errorf("last token %v, want EOF", toks[len(toks)-1].Kind)
				}
				return
			}
			if diff := cmp.Diff(tt.want, err); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEmpty covers the input CPython's tokenize module shows no tokens for.
func TestEmpty(t *testing.T) {
	toks, comments, err := Tokenize(nil)
	if err != nil || comments != nil {
		t.Fatalf("Tokenize(nil) = %v, %v", comments, err)
	}
	want := []Token{{Kind: EOF, Line: 1, Col: -1, EndLine: 1, EndCol: -1}}
	if diff := cmp.Diff(want, toks); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
}

// TestComments checks the comment side list.
func TestComments(t *testing.T) {
	src := "# a\nx = 1  # bé\nf(\n  # c\n)\ny = f'''{\nz  # d\n}'''\n# e"
	toks, comments, err := Tokenize([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Comment{
		{Line: 1, Col: 0, Text: "# a"},
		{Line: 2, Col: 7, Text: "# bé"},
		{Line: 4, Col: 2, Text: "# c"},
		{Line: 7, Col: 3, Text: "# d"},
		{Line: 9, Col: 0, Text: "# e"},
	}
	if diff := cmp.Diff(want, comments); diff != "" {
		t.Errorf("comments (-want +got):\n%s", diff)
	}
	for _, tk := range toks {
		if tk.Kind == Newline && tk.Line == 2 {
			if got := src[tk.Start:tk.End]; got != "# bé\n" {
				t.Errorf("newline token text %q, want the comment and its newline", got)
			}
		}
	}
}

// TestKeywords checks that hard keywords get their kinds and soft keywords
// and near-keywords stay names.
func TestKeywords(t *testing.T) {
	for k := KwFalse; k <= KwYield; k++ {
		toks, _, err := Tokenize([]byte(k.String()))
		if err != nil || toks[0].Kind != k {
			t.Errorf("%s: got %v, %v", k, toks[0].Kind, err)
		}
	}
	for _, s := range []string{"match", "case", "type", "_", "lazy", "print", "exec", "iff", "Async", "NONE", "ｉｆ"} {
		toks, _, err := Tokenize([]byte(s))
		if err != nil || toks[0].Kind != Name {
			t.Errorf("%s: got %v, %v", s, toks[0].Kind, err)
		}
	}
}

// TestIdentifierText checks NFKC normalization, as CPython applies it to
// non-ASCII names.
func TestIdentifierText(t *testing.T) {
	tests := []struct{ src, want string }{
		{"abc", "abc"},
		{"ﬁ", "fi"},
		{"ℌ", "H"},
		{"𝔘𝔫", "Un"},
		{"ｉｆ", "if"},
		{"é", "é"},
		{"e\u0301", "é"},
		{"a·b", "a·b"},
	}
	for _, tt := range tests {
		toks, _, err := Tokenize([]byte(tt.src))
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		if got := IdentifierText(tt.src, toks[0]); got != tt.want {
			t.Errorf("IdentifierText(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { IdentifierText("abc def", Token{Start: 4, End: 7}) }); n != 0 {
		t.Errorf("IdentifierText allocates %v times for an ASCII name", n)
	}
}

// TestTokenizeAppend checks that a reused buffer gives the same tokens.
func TestTokenizeAppend(t *testing.T) {
	a := []byte("def f(x):\n    return x + 1\n")
	b := []byte("y = [1, 2]\n")
	want, _, _ := Tokenize(b)
	buf, _, _ := TokenizeAppend(nil, a)
	got, _, _ := TokenizeAppend(buf[:0], b)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tokens (-want +got):\n%s", diff)
	}
	prefix := []Token{{Kind: Name}}
	got, _, _ = TokenizeAppend(prefix, b)
	if len(got) != len(want)+1 || got[0] != prefix[0] {
		t.Errorf("TokenizeAppend did not keep dst's tokens")
	}
}

// TestLargeInput checks that a big generated file tokenizes in one pass;
// quadratic work would time out here. (50 MB take about 5 s on one core.)
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	line := []byte("    x = f(a, [b, {c: 'd'}], f'{e!r:>10}') + 1.5e3  # comment\n")
	var src bytes.Buffer
	src.WriteString("def f():\n")
	for src.Len() < 16<<20 {
		src.Write(line)
	}
	toks, _, err := Tokenize(src.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if toks[len(toks)-1].Kind != EOF {
		t.Fatalf("last token %v", toks[len(toks)-1].Kind)
	}
}

// TestTokenSize pins the token's memory layout: a file's tokens are the
// largest thing the parser holds, and 32-bit fields keep them at 28 bytes.
func TestTokenSize(t *testing.T) {
	if got := unsafe.Sizeof(Token{}); got != 28 {
		t.Errorf("unsafe.Sizeof(Token{}) = %d, want 28", got)
	}
}

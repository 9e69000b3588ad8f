package token

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "regenerate testdata/tokens.golden with CPython 3.14 (needs py314)")

const (
	snippetsFile = "testdata/snippets.txt"
	goldenFile   = "testdata/tokens.golden"
)

// snippet is one test input from snippets.txt.
type snippet struct {
	name string
	src  string
}

func readSnippets(t testing.TB, path string) []snippet {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []snippet
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, lit, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("bad snippet line %q", line)
		}
		src, err := strconv.Unquote(lit)
		if err != nil {
			t.Fatalf("snippet %s: %v", name, err)
		}
		out = append(out, snippet{name, src})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// goldenEntry is what CPython produced for one snippet.
type goldenEntry struct {
	tokens   []string
	tokError bool   // CPython's tokenizer failed
	parse    string // "ok" or "Type line:col msg"
}

func readGolden(t *testing.T, path string) map[string]goldenEntry {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (regenerate with -update)", err)
	}
	out := map[string]goldenEntry{}
	var name string
	var e goldenEntry
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "=== "):
			name, e = line[4:], goldenEntry{}
		case line == "TOKENIZER-ERROR":
			e.tokError = true
		case strings.HasPrefix(line, "PARSE "):
			e.parse = line[6:]
			out[name] = e
		default:
			e.tokens = append(e.tokens, line)
		}
	}
	return out
}

// formatTokens renders tokens as gen_golden.py does.
func formatTokens(src []byte, toks []Token) []string {
	var out []string
	for _, tk := range toks {
		name := tk.Kind.String()
		if tk.Kind.IsKeyword() {
			name = "NAME"
		} else if tk.Kind == Illegal {
			name = "OP"
		}
		if tk.Col < 0 {
			out = append(out, fmt.Sprintf("%s %d", name, tk.Line))
			continue
		}
		text, _ := json.Marshal(string(src[tk.Start:tk.End]))
		out = append(out, fmt.Sprintf("%s %d-%d %d:%d-%d:%d %s", name, tk.Start, tk.End, tk.Line, tk.Col, tk.EndLine, tk.EndCol, pyJSON(string(text))))
	}
	return out
}

// pyJSON makes Go's JSON string escaping match Python's json.dumps
// (ensure_ascii): non-ASCII as \uXXXX, and no HTML escapes.
func pyJSON(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&b, "\\u%04x\\u%04x", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		case r >= 0x80:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	out = strings.ReplaceAll(out, `\u003c`, "<")
	out = strings.ReplaceAll(out, `\u003e`, ">")
	out = strings.ReplaceAll(out, `\u0026`, "&")
	return out
}

// TestGolden compares the token stream and the first error with CPython's
// for every snippet in testdata/snippets.txt.
func TestGolden(t *testing.T) {
	if *update {
		regenerate(t, snippetsFile, goldenFile)
	}
	checkGolden(t, snippetsFile, goldenFile, false)
}

// checkGolden runs the snippets of one file against CPython's results.
// With parserFirst, an ast.parse error located before the tokenizer's
// error is taken to be the parser's and not compared.
func checkGolden(t *testing.T, snippets, goldenPath string, parserFirst bool) {
	golden := readGolden(t, goldenPath)
	for _, sn := range readSnippets(t, snippets) {
		t.Run(sn.name, func(t *testing.T) {
			want, ok := golden[sn.name]
			if !ok {
				t.Fatalf("no golden entry (regenerate with -update)")
			}
			if len(want.tokens) == 1 && strings.HasPrefix(want.tokens[0], "UNUSABLE ") {
				t.Skipf("CPython's tokenize module fails on this snippet: %s", want.tokens[0])
			}
			src := []byte(sn.src)
			toks, _, err := Tokenize(src)
			got := formatTokens(src, toks)
			wantToks := want.tokens
			if want.tokError && err != nil {
				// CPython may split a literal run at "{{" and fail after
				// the first piece; merged runs end at the failure.
				wantToks, got = trimMiddles(wantToks), trimMiddles(got)
			}
			if diff := cmp.Diff(wantToks, got); diff != "" {
				t.Errorf("tokens differ from CPython's (-want +got):\n%s", diff)
			}
			if !want.tokError {
				if err != nil {
					t.Errorf("Tokenize error %v; CPython's tokenizer accepts this", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Tokenize accepted; CPython fails with %s", want.parse)
			}
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("error %T %v is no *SyntaxError", err, err)
			}
			// "Type line:col msg" -> "line:col msg"
			_, wantErr, _ := strings.Cut(want.parse, " ")
			msg, _ := json.Marshal(se.Msg)
			gotErr := fmt.Sprintf("%d:%d %s", se.Line, se.Col, pyJSON(string(msg)))
			if gotErr != wantErr && !(parserFirst && !tokenizerMessage(wantErr)) {
				t.Errorf("error = %s, CPython: %s", gotErr, wantErr)
			}
		})
	}
}

// trimMiddles drops the f-/t-string middle tokens at the end of a token
// list.
func trimMiddles(toks []string) []string {
	for len(toks) > 0 && (strings.HasPrefix(toks[len(toks)-1], "FSTRING_MIDDLE ") || strings.HasPrefix(toks[len(toks)-1], "TSTRING_MIDDLE ")) {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// tokenizerMessages are fragments of the messages that CPython's tokenizer
// (not its parser) produces.
var tokenizerMessages = []string{
	"unterminated ", "invalid character", "invalid non-printable", "decimal literal", "hexadecimal literal", "octal literal", "binary literal", "imaginary literal", "invalid digit",
	"leading zeros", "unmatched '", "closing parenthesis", "was never closed",
	"line continuation character", "unexpected EOF", "inconsistent use of tabs",
	"unindent does not match", "too many", "single '}'", "newlines are not allowed",
	"nested too deeply", "prefixes are incompatible", "null bytes", "Non-UTF-8",
}

// tokenizerMessage reports whether an error ("line:col msg") is one of the
// tokenizer's.
func tokenizerMessage(e string) bool {
	for _, m := range tokenizerMessages {
		if strings.Contains(e, m) {
			return true
		}
	}
	return strings.HasSuffix(e, `expecting '}'"`) && !strings.Contains(e, "or '}'")
}

// regenerate runs gen_golden.py under CPython 3.14 (py314, pyodide), which
// sees host files under /host.
func regenerate(t *testing.T, snippets, golden string) {
	t.Helper()
	script, err := os.ReadFile("testdata/gen_golden.py")
	if err != nil {
		t.Fatal(err)
	}
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return "/host" + a
	}
	prelude := fmt.Sprintf("SNIPPETS = %q\nOUT = %q\n", abs(snippets), abs(golden))
	cmd := exec.Command("py314")
	cmd.Stdin = strings.NewReader(prelude + string(script))
	cmd.Stderr = os.Stderr
	if out, err := cmd.Output(); err != nil {
		t.Fatalf("py314: %v\n%s", err, out)
	}
}

package parser

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
)

// TestReferenceDumps compares Parse with CPython 3.14's dumps cached in the
// TSV file named by KRAIT_REF_TSV (path TAB dump-or-error per line, as
// conformance/cpython/dump.mjs writes them). It is skipped without one.
func TestReferenceDumps(t *testing.T) {
	ref := os.Getenv("KRAIT_REF_TSV")
	if ref == "" {
		t.Skip("KRAIT_REF_TSV not set: no CPython reference dumps to compare with")
	}
	f, err := os.Open(ref)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	same, total := 0, 0
	for sc.Scan() {
		path, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		total++
		got := ""
		mod, perr := ParseFile(path, src)
		if perr != nil {
			se := perr.(*SyntaxError)
			got = "SyntaxError: " + itoa(se.Line) + ":" + itoa(se.Col) + ": " + se.Msg
		} else {
			got = ast.Dump(mod)
		}
		if got == want {
			same++
			continue
		}
		if strings.HasPrefix(want, "SyntaxError") && strings.HasPrefix(got, "SyntaxError") && sameLine(got, want) {
			same++
			t.Logf("%s: same line, other column or message:\n  got: %s\n want: %s", path, got, want)
			continue
		}
		t.Errorf("%s:\n%s", path, firstDiff(got, want))
	}
	t.Logf("%d/%d identical", same, total)
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Replace(string(rune('0'+0)), "0", "", 1)) + fmtInt(i)
}

func fmtInt(i int) string {
	if i < 0 {
		return "-" + fmtInt(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return fmtInt(i/10) + string(rune('0'+i%10))
}

// sameLine reports whether two "SyntaxError: line:col: msg" results agree on the line.
func sameLine(a, b string) bool {
	la := strings.SplitN(strings.TrimPrefix(a, "SyntaxError: "), ":", 2)[0]
	lb := strings.SplitN(strings.TrimPrefix(b, "SyntaxError: "), ":", 2)[0]
	return la == lb
}

func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-300)
	return "  got: ..." + got[lo:min(len(got), i+200)] + "\n want: ..." + want[lo:min(len(want), i+200)]
}

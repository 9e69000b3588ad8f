package parser

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/python/ast"
)

var update = flag.Bool("update", false, "regenerate testdata/cases.golden with CPython 3.14 (needs py314)")

// readCases splits testdata/cases.txt into named sources: each case starts
// with a "#### name" line.
func readCases(t testing.TB) (names []string, srcs map[string]string) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	srcs = map[string]string{}
	var cur string
	var b strings.Builder
	flush := func() {
		if cur != "" {
			srcs[cur] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if name, ok := strings.CutPrefix(line, "#### "); ok {
			flush()
			cur = strings.TrimSpace(name)
			names = append(names, cur)
			continue
		}
		b.WriteString(line)
	}
	flush()
	return names, srcs
}

// result is what the golden file records for a source: CPython's dump, or
// "SyntaxError: line:col: msg".
func result(src string) string {
	mod, err := ParseFile("<case>", []byte(src))
	if err != nil {
		se := err.(*SyntaxError)
		return "SyntaxError: " + strconv.Itoa(se.Line) + ":" + strconv.Itoa(se.Col) + ": " + se.Msg
	}
	return ast.Dump(mod)
}

const goldenScript = `
import ast, sys, warnings
warnings.simplefilter("ignore")
data = open("/host" + CASES, "rb").read().decode("utf-8")
out = []
name, buf = None, []
def flush():
    if name is None:
        return
    src = "".join(buf).encode("utf-8")
    try:
        r = ast.dump(ast.parse(src), include_attributes=True, show_empty=True)
    except SyntaxError as e:
        r = "SyntaxError: %d:%d: %s" % (e.lineno or 0, e.offset or 0, e.msg)
    out.append(name + "\t" + r.replace("\n", " "))
for line in data.splitlines(keepends=True):
    if line.startswith("#### "):
        flush()
        name, buf = line[5:].strip(), []
    else:
        buf.append(line)
flush()
open("/host" + GOLDEN, "w").write("\n".join(out) + "\n")
`

func updateGolden(t *testing.T) {
	cases, _ := filepath.Abs(filepath.Join("testdata", "cases.txt"))
	golden, _ := filepath.Abs(filepath.Join("testdata", "cases.golden"))
	script := "CASES = " + strconv.Quote(cases) + "\nGOLDEN = " + strconv.Quote(golden) + "\n" + goldenScript
	cmd := exec.Command("py314")
	cmd.Stdin = strings.NewReader(script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("py314: %v\n%s", err, stderr.String())
	}
}

func readGolden(t *testing.T) map[string]string {
	f, err := os.Open(filepath.Join("testdata", "cases.golden"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		if name, r, ok := strings.Cut(sc.Text(), "\t"); ok {
			want[name] = r
		}
	}
	return want
}

// TestGolden compares each case of testdata/cases.txt with CPython 3.14's
// ast.dump or SyntaxError, recorded in testdata/cases.golden.
func TestGolden(t *testing.T) {
	if *update {
		updateGolden(t)
	}
	names, srcs := readCases(t)
	want := readGolden(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("no golden result: run go test -update")
			}
			if diff := cmp.Diff(w, result(srcs[name])); diff != "" {
				t.Errorf("mismatch (-cpython +krait):\n%s", diff)
			}
		})
	}
}

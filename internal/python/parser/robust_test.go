package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/token"
)

// TestDeepNesting checks that pathological nesting gives a clean error, not
// a stack overflow or a hang.
func TestDeepNesting(t *testing.T) {
	const n = 100000
	tests := []struct {
		name string
		src  string
	}{
		{"parens", strings.Repeat("(", n) + strings.Repeat(")", n)},
		{"brackets", strings.Repeat("[", n) + strings.Repeat("]", n)},
		{"braces", strings.Repeat("{", n) + strings.Repeat("}", n)},
		{"unary_minus", strings.Repeat("-", n) + "x"},
		{"unary_invert", strings.Repeat("~", n) + "x"},
		{"nots", strings.Repeat("not ", n) + "x"},
		{"lambdas", strings.Repeat("lambda: ", n) + "x"},
		{"awaits", strings.Repeat("await ", n) + "x"},
		{"powers", "x" + strings.Repeat("**x", n)},
		{"ifexp", strings.Repeat("a if b else ", n) + "c"},
		{"stars", "x = " + strings.Repeat("*", n) + "a"},
		{"fstrings", strings.Repeat(`f"{`, n) + strings.Repeat(`}"`, n)},
		{"ifs", nestedIfs(1000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile("deep.py", []byte(tt.src))
			if err == nil {
				t.Fatal("deep nesting accepted")
			}
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error %T %v, want *SyntaxError", err, err)
			}
		})
	}
}

func nestedIfs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString("if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n))
	b.WriteString("pass\n")
	return b.String()
}

// TestModerateNesting checks that nesting real code uses still parses.
func TestModerateNesting(t *testing.T) {
	srcs := []string{
		strings.Repeat("(", 150) + "x" + strings.Repeat(")", 150),
		strings.Repeat("-", 500) + "x",
		strings.Repeat("not ", 500) + "x",
		strings.Repeat("a if b else ", 300) + "c",
	}
	for _, src := range srcs {
		if _, err := ParseFile("ok.py", []byte(src)); err != nil {
			t.Errorf("%.20s...: %v", src, err)
		}
	}
}

// generated returns about size bytes of varied, valid Python.
func generated(size int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.Replace(generatedUnit, "%d", itoaTest(i), 1))
	}
	return b.Bytes()
}

// generatedUnits returns n units of generated's Python.
func generatedUnits(n int) []byte {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		b.WriteString(strings.Replace(generatedUnit, "%d", itoaTest(i), 1))
	}
	return b.Bytes()
}

// generatedUnit is one function of generated code; %d numbers it.
const generatedUnit = `def f%d(a, b=1, *c, d, **e):
    x = [i * 2 for i in range(a) if i % 3]
    y = {k: v for k, v in e.items()}
    if a and not b or c:
        return f"{a!r:>{b}} {x=}"
    try:
        z = (a, *c, d)[1:2]
    except (ValueError, TypeError) as err:
        raise RuntimeError("bad") from err
    with open(a) as fh, lock:
        data = fh.read().split()
    match x:
        case [1, *rest]:
            pass
        case {"k": v, **kw}:
            pass
    return lambda q: q ** 2 + a @ b - ~d
`

func itoaTest(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoaTest(i/10) + string(rune('0'+i%10))
}

// TestLinearWork checks that parsing takes linear time without timing
// anything: for each kind of input, the parser's work (atoms and statements
// parsed, re-parses included), its allocations and the bytes it allocates
// grow 5 times, within 10%, when the input does.
func TestLinearWork(t *testing.T) {
	const n = 4000
	tests := []struct {
		name string
		gen  func(n int) []byte // n units of input
	}{
		{"functions", func(n int) []byte { return generatedUnits(n / 40) }},
		{"statements", repeat("", "x = y\n", "")},
		{"list", repeat("x = [", "a, ", "]\n")},
		{"dict", repeat("x = {", "a: b, ", "}\n")},
		{"call", repeat("f(", "a, ", ")\n")},
		{"keywords", repeat("f(", "k=a, ", ")\n")},
		{"sum", repeat("x = a", " + a", "\n")},
		{"comparison", repeat("x = a", " < a", "\n")},
		{"boolean", repeat("x = a", " and a", "\n")},
		{"strings", repeat("x = (", "'a' ", ")\n")},
		{"fstrings", repeat("x = (", "f'{a}' ", ")\n")},
		{"subscripts", repeat("x = a", "[a]", "\n")},
		{"attributes", repeat("x = a", ".a", "\n")},
		{"tuple_targets", repeat("", "a, ", "b = x\n")},
		{"parameters", repeat("def f(", "a, ", "): pass\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The cost of the units alone, without what any input costs.
			zero := measureParse(t, tt.gen(0))
			small, big := measureParse(t, tt.gen(n)), measureParse(t, tt.gen(5*n))
			for _, m := range []struct {
				what             string
				zero, small, big float64
			}{
				{"work", zero.work, small.work, big.work},
				{"allocations", zero.allocs, small.allocs, big.allocs},
				{"bytes allocated", zero.bytes, small.bytes, big.bytes},
			} {
				r := (m.big - m.zero) / (m.small - m.zero)
				t.Logf("%s: ratio %.3f", m.what, r)
				if r < 4.5 || r > 5.5 {
					t.Errorf("%s: %.0f for no units, %.0f for %d, %.0f for %d: ratio %.2f, want 5",
						m.what, m.zero, m.small, n, m.big, 5*n, r)
				}
			}
		})
	}
}

// repeat returns a generator of input made of n copies of unit between
// head and tail.
func repeat(head, unit, tail string) func(n int) []byte {
	return func(n int) []byte {
		return []byte(head + strings.Repeat(unit, n) + tail)
	}
}

// parseCost is what one parse of an input cost.
type parseCost struct {
	work, allocs, bytes float64
}

// measureParse parses src with the garbage collector off and with scratch
// memory of its own, so that neither a collection nor sync.Pool (which
// drops items at random under the race detector) changes the counts: once
// to warm the scratch memory, then once to measure.
func measureParse(t *testing.T, src []byte) parseCost {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	s := new(scratch)
	if _, err := parseWith(s, "gen.py", src); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := parseWith(s, "gen.py", src); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	text, err := token.Decode(src)
	if err != nil {
		t.Fatal(err)
	}
	toks, _, terr := token.Tokenize(text)
	p := newParser(text, toks, terr)
	if p.file() == nil {
		t.Fatalf("parse failed: %v", p.err)
	}
	return parseCost{
		work:   float64(p.work),
		allocs: float64(after.Mallocs - before.Mallocs),
		bytes:  float64(after.TotalAlloc - before.TotalAlloc),
	}
}

// BenchmarkParse50MB parses a generated 50 MB file.
func BenchmarkParse50MB(b *testing.B) {
	src := generated(50 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := ParseFile("gen.py", src); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, len(src), cpu0)
}

const stdlibDir = "/root/.pyenv/versions/3.11.7/lib/python3.11"

// stdlibFiles returns the contents of the local CPython stdlib's .py files
// (site-packages excluded), or nil when it is not installed.
func stdlibFiles(tb testing.TB) [][]byte {
	var files [][]byte
	filepath.WalkDir(stdlibDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == "site-packages" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".py") {
			if b, err := os.ReadFile(path); err == nil {
				files = append(files, b)
			}
		}
		return nil
	})
	return files
}

// BenchmarkParse decodes, tokenizes and parses the local stdlib corpus.
func BenchmarkParse(b *testing.B) {
	files := stdlibFiles(b)
	if len(files) == 0 {
		b.Skip("no local CPython stdlib at " + stdlibDir)
	}
	total := 0
	for _, f := range files {
		total += len(f)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, f := range files {
			ParseFile("x.py", f)
		}
	}
	reportCPU(b, total, cpu0)
}

// reportCPU adds the throughput per CPU second, garbage collection
// included: on a shared machine wall time mostly measures the neighbours.
func reportCPU(b *testing.B, total int, cpu0 time.Duration) {
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}

// FuzzParse checks that no input panics or hangs and that accepted input
// dumps.
func FuzzParse(f *testing.F) {
	_, srcs := readCases(f)
	for _, s := range srcs {
		f.Add([]byte(s))
	}
	if paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "conformance", "fixtures", "*.py")); paths != nil {
		for _, p := range paths {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	// The conformance corpus: the local stdlib's smaller files, when present.
	for _, b := range stdlibFiles(f) {
		if len(b) <= 16<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		mod, err := ParseFile("fuzz.py", src)
		if _, ok := err.(*UnsupportedEncodingError); ok {
			return
		}
		if err != nil {
			se, ok := err.(*SyntaxError)
			if !ok || se.Msg == "" || strings.HasPrefix(se.Msg, "internal parser error") {
				t.Fatalf("bad error %T %v", err, err)
			}
			return
		}
		_ = ast.Dump(mod)
	})
}

// TestNestedAlternatives checks that constructs whose alternatives share a
// prefix (calls and genexps, subscripts and slices, groups and sequences in
// targets and patterns) parse nested input once per level, not
// exponentially often: 5 times the nesting costs 5 times the work, within
// 10%. Nested targets cost 25 times, as in CPython: at each level,
// star_target first parses the rest of the group as an expression (the atom
// of t_primary) before parsing it as a target; the tokenizer's limit of 200
// nested brackets bounds that.
func TestNestedAlternatives(t *testing.T) {
	const n = 30
	tests := []struct {
		name  string
		gen   func(n int) string
		ratio float64
	}{
		{"calls", func(n int) string { return strings.Repeat("f(", n) + "x" + strings.Repeat(")", n) + "\n" }, 5},
		{"calls_args", func(n int) string { return strings.Repeat("f(a, ", n) + "x" + strings.Repeat(")", n) + "\n" }, 5},
		{"subscripts", func(n int) string { return strings.Repeat("a[", n) + "x" + strings.Repeat("]", n) + "\n" }, 5},
		{"patterns", func(n int) string {
			return "match x:\n    case " + strings.Repeat("(", n) + "x," + strings.Repeat("),", n-1) + "): pass\n"
		}, 5},
		{"for_targets", func(n int) string {
			return "for " + strings.Repeat("(", n) + "a," + strings.Repeat("),", n-1) + ") in x: pass\n"
		}, 25},
		{"del_targets", func(n int) string { return "del " + strings.Repeat("(", n) + "a," + strings.Repeat("),", n-1) + ")\n" }, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			small, big := measureParse(t, []byte(tt.gen(n))), measureParse(t, []byte(tt.gen(5*n)))
			if r := big.work / small.work; r < 0.9*tt.ratio || r > 1.1*tt.ratio {
				t.Errorf("work: %.0f at depth %d, %.0f at depth %d: ratio %.2f, want %.0f", small.work, n, big.work, 5*n, r, tt.ratio)
			}
		})
	}
}

// TestNestedErrorBounded: an error inside deeply nested brackets once sent
// the second (invalid_*) pass into backtracking exponential in the depth
// (found by FuzzParse). The work limit must keep it linear and still report
// the first pass's error at the offending token.
func TestNestedErrorBounded(t *testing.T) {
	for _, n := range []int{20, 60, 150} {
		src := strings.Repeat("(", 5) + strings.Repeat("[", n) + "$" + strings.Repeat("[", 3) + strings.Repeat("]", n+3) + strings.Repeat(")", 5) + "\n"
		_, err := ParseFile("nested.py", []byte(src))
		se, ok := err.(*SyntaxError)
		if !ok {
			t.Fatalf("n=%d: got %v, want a SyntaxError", n, err)
		}
		if se.Line != 1 || se.Col != 5+n+1 {
			t.Errorf("n=%d: error at %d:%d (%s), want 1:%d", n, se.Line, se.Col, se.Msg, 5+n+1)
		}
	}
}

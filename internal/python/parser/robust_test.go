package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kraitsec/krait/internal/python/ast"
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
			done := make(chan error, 1)
			go func() {
				_, err := ParseFile("deep.py", []byte(tt.src))
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil {
					t.Fatal("deep nesting accepted")
				}
				if _, ok := err.(*SyntaxError); !ok {
					t.Fatalf("error %T %v, want *SyntaxError", err, err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("parse did not finish")
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
	const unit = `def f%d(a, b=1, *c, d, **e):
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
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.Replace(unit, "%d", itoaTest(i), 1))
	}
	return b.Bytes()
}

func itoaTest(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoaTest(i/10) + string(rune('0'+i%10))
}

// TestLinearTime parses a 5 MB generated file and a 1 MB one: linear time
// makes the larger about 5 times slower, quadratic time 25 times.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	big, small := generated(5<<20), generated(1<<20)
	measure := func(src []byte) time.Duration {
		best := time.Duration(1 << 62)
		for i := 0; i < 3; i++ {
			start := time.Now()
			if _, err := ParseFile("gen.py", src); err != nil {
				t.Fatal(err)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	tb, ts := measure(big), measure(small)
	t.Logf("5 MB: %v, 1 MB: %v", tb, ts)
	if tb > 12*ts+200*time.Millisecond {
		t.Errorf("not linear: 5 MB took %v, 1 MB took %v", tb, ts)
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
	f.Fuzz(func(t *testing.T, src []byte) {
		mod, err := ParseFile("fuzz.py", src)
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
// exponentially often.
func TestNestedAlternatives(t *testing.T) {
	const n = 150
	tests := []struct {
		name string
		src  string
	}{
		{"calls", strings.Repeat("f(", n) + "x" + strings.Repeat(")", n) + "\n"},
		{"calls_args", strings.Repeat("f(a, ", n) + "x" + strings.Repeat(")", n) + "\n"},
		{"subscripts", strings.Repeat("a[", n) + "x" + strings.Repeat("]", n) + "\n"},
		{"patterns", "match x:\n    case " + strings.Repeat("(", n) + "x," + strings.Repeat("),", n-1) + "): pass\n"},
		{"for_targets", "for " + strings.Repeat("(", n) + "a," + strings.Repeat("),", n-1) + ") in x: pass\n"},
		{"del_targets", "del " + strings.Repeat("(", n) + "a," + strings.Repeat("),", n-1) + ")\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			if _, err := ParseFile("nested.py", []byte(tt.src)); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

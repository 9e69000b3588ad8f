package semantic

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
)

// stdlibDir is the local CPython standard library, the main corpus; tests
// that need it skip when it is absent.
const stdlibDir = "/root/.pyenv/versions/3.11.7/lib/python3.11"

type corpusFile struct {
	rel  string
	src  []byte
	mod  *ast.Module
	opts Options
}

// stdlibCorpus parses every stdlib file that the parser accepts.
func stdlibCorpus(tb testing.TB) []corpusFile {
	tb.Helper()
	if _, err := os.Stat(stdlibDir); err != nil {
		tb.Skipf("no stdlib corpus at %s", stdlibDir)
	}
	var out []corpusFile
	err := filepath.WalkDir(stdlibDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "site-packages" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".py") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		mod, perr := parser.ParseFile(path, src)
		if perr != nil {
			return nil // the deliberately invalid files
		}
		rel, _ := filepath.Rel(stdlibDir, path)
		out = append(out, corpusFile{rel: filepath.ToSlash(rel), src: src, mod: mod, opts: ModuleOptions(filepath.ToSlash(rel), packageDepth(path))})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// packageDepth counts the directories above path that hold an __init__.py,
// the walk that ModuleOptions leaves to its caller.
func packageDepth(path string) int {
	n := 0
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "__init__.py")); err != nil {
			return n
		}
		n++
	}
}

// TestStdlib builds every stdlib module and checks invariants: every loaded
// name is resolved, nothing is truncated, every use's binding belongs to its
// symbol, and QualifiedNameIs agrees with QualifiedName.
func TestStdlib(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	corpus := stdlibCorpus(t)
	unresolved := map[string]int{}
	names := 0
	for _, f := range corpus {
		m := Build(f.mod, f.opts)
		if m.Truncated() {
			t.Errorf("%s: truncated", f.rel)
		}
		ast.Inspect(f.mod, func(n ast.Node) bool {
			x, ok := n.(*ast.Name)
			if !ok || x.Ctx != ast.Load {
				return true
			}
			names++
			u := m.Use(x)
			switch {
			case u == nil:
				t.Errorf("%s:%d: %s has no use", f.rel, x.Lineno, x.ID)
			case u.Kind == UseUnresolved:
				unresolved[x.ID]++
			case u.Kind == UseSymbol && u.Binding != nil && u.Binding.Symbol != u.Symbol:
				t.Errorf("%s:%d: %s binding of another symbol", f.rel, x.Lineno, x.ID)
			}
			return true
		})
		checkQualifiedNameIs(t, m, f.mod)
	}
	type kv struct {
		k string
		v int
	}
	var top []kv
	total := 0
	for k, v := range unresolved {
		top = append(top, kv{k, v})
		total += v
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v || top[i].v == top[j].v && top[i].k < top[j].k })
	if len(top) > 15 {
		top = top[:15]
	}
	t.Logf("%d files, %d loaded names, %d unresolved; most frequent: %v", len(corpus), names, total, top)
}

// BenchmarkBuild measures Build alone over the stdlib, in source bytes.
func BenchmarkBuild(b *testing.B) {
	corpus := stdlibCorpus(b)
	total := 0
	for _, f := range corpus {
		total += len(f.src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, f := range corpus {
			Build(f.mod, f.opts)
		}
	}
	reportCPU(b, total, cpu0)
}

// BenchmarkParseBuild measures parsing and Build together, one file at a
// time as a scan does, so that the garbage collector sees a realistic live
// heap; the difference from the parser's own benchmark is Build's share.
func BenchmarkParseBuild(b *testing.B) {
	corpus := stdlibCorpus(b)
	total := 0
	for i := range corpus {
		corpus[i].mod = nil
		total += len(corpus[i].src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, f := range corpus {
			mod, err := parser.ParseFile(f.rel, f.src)
			if err != nil {
				b.Fatal(err)
			}
			Build(mod, f.opts)
		}
	}
	reportCPU(b, total, cpu0)
}

// reportCPU adds the throughput per CPU second (GC included): on a shared
// machine wall time mostly measures the neighbours.
func reportCPU(b *testing.B, total int, cpu0 time.Duration) {
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/cpu.Seconds()/1e6, "cpuMB/s")
	}
}

package token

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stdlibDir finds a local CPython standard library to use as a corpus:
// $KRAIT_STDLIB, else the one of the python3 on PATH.
func stdlibDir(tb testing.TB) string {
	tb.Helper()
	if dir := os.Getenv("KRAIT_STDLIB"); dir != "" {
		return dir
	}
	out, err := exec.Command("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
	if err != nil {
		tb.Skipf("no stdlib corpus: set KRAIT_STDLIB or put python3 on PATH (%v)", err)
	}
	dir := strings.TrimSpace(string(out))
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("no stdlib corpus at %s: %v", dir, err)
	}
	return dir
}

// corpusFile is one stdlib file, raw.
type corpusFile struct {
	path string
	raw  []byte
}

// stdlibFiles reads every .py file of the stdlib outside site-packages.
func stdlibFiles(tb testing.TB) []corpusFile {
	tb.Helper()
	root := stdlibDir(tb)
	var files []corpusFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "site-packages" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, corpusFile{filepath.ToSlash(rel), raw})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skipf("no .py files under %s", root)
	}
	return files
}

// stdlibRejects are the stdlib files (of CPython 3.11's tree) that CPython
// 3.14's tokenizer rejects, with its message; every other file must
// tokenize (the parser rejects a few more).
var stdlibRejects = map[string]string{
	"lib2to3/tests/data/py2_test_grammar.py": "31:27: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
	"test/tokenizedata/bad_coding.py":        "0:-1: unknown encoding: uft-8",
	"test/tokenizedata/bad_coding2.py":       "1:0: encoding problem: utf8 with BOM",
	"test/tokenizedata/badsyntax_3131.py":    "2:1: invalid character '€' (U+20AC)",
	"test/tokenizedata/badsyntax_pep3120.py": "1:9: Non-UTF-8 code starting with '\\xf6' on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
}

// TestStdlib decodes and tokenizes the whole local stdlib.
func TestStdlib(t *testing.T) {
	files := stdlibFiles(t)
	for _, f := range files {
		src, err := Decode(f.raw)
		if err == nil {
			var lines []int
			_, lines, _, err = TokenizeLines(nil, src)
			if err == nil {
				checkLines(t, f.path, src, lines)
			}
		}
		want, rejected := stdlibRejects[f.path]
		switch {
		case err == nil && rejected:
			t.Errorf("%s: accepted; CPython rejects it: %s", f.path, want)
		case err != nil && !rejected:
			t.Errorf("%s: %v", f.path, err)
		case err != nil && err.Error() != want:
			t.Errorf("%s: error %q, CPython: %q", f.path, err, want)
		}
	}
	t.Logf("%d files", len(files))
}

// checkLines compares TokenizeLines' line starts with a count of '\n's.
func checkLines(t *testing.T, name string, src []byte, lines []int) {
	t.Helper()
	want := []int{0}
	for i, c := range src {
		if c == '\n' {
			want = append(want, i+1)
		}
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("%s: line starts (-want +got):\n%s", name, diff)
	}
}

// BenchmarkTokenize measures Tokenize over the decoded local stdlib.
func BenchmarkTokenize(b *testing.B) {
	files := stdlibFiles(b)
	var srcs [][]byte
	total := 0
	for _, f := range files {
		src, err := Decode(f.raw)
		if err != nil {
			continue
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, src := range srcs {
			Tokenize(src)
		}
	}
}

// BenchmarkTokenizeReuse is BenchmarkTokenize with one token buffer reused
// across files, as a worker that parses many files can do.
func BenchmarkTokenizeReuse(b *testing.B) {
	files := stdlibFiles(b)
	var srcs [][]byte
	total := 0
	for _, f := range files {
		src, err := Decode(f.raw)
		if err != nil {
			continue
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	var buf []Token
	for b.Loop() {
		for _, src := range srcs {
			buf, _, _ = TokenizeAppend(buf[:0], src)
		}
	}
}

// BenchmarkDecode measures Decode over the raw local stdlib.
func BenchmarkDecode(b *testing.B) {
	files := stdlibFiles(b)
	total := 0
	for _, f := range files {
		total += len(f.raw)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			Decode(f.raw)
		}
	}
}

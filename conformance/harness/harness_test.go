package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kraitsec/krait/conformance"
)

const okDump = "Module(body=[], type_ignores=[])"

// fakeKrait writes a shell script standing in for `krait dev ast`: it prints, for each
// file, the file's own first line, so a test controls krait's answer by file content.
// A file whose content is "crash" makes it exit before answering; "twice" prints two lines.
func fakeKrait(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "krait")
	script := `#!/bin/sh
shift 2
for f in "$@"; do
  line=$(head -n 1 "$f")
  case "$line" in
    crash) echo "panic: crashed on $f" >&2; exit 2 ;;
    twice) echo "$line"; echo "$line" ;;
    *) echo "$line" ;;
  esac
done
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

func writeFiles(t *testing.T, contents ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for i, c := range contents {
		p := filepath.Join(dir, string(rune('a'+i))+".py")
		if err := os.WriteFile(p, []byte(c+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

func TestKraitCompare(t *testing.T) {
	bin := fakeKrait(t)
	tests := []struct {
		name     string
		contents []string // what krait prints per file (or crash/twice)
		batch    int
		ok       []bool
		detail   []string // substring expected in each result's detail
	}{
		{"all_identical", []string{okDump, okDump, okDump}, 2, []bool{true, true, true}, []string{"", "", ""}},
		{"one_differs", []string{okDump, "Module(body=[x])"}, 8, []bool{true, false}, []string{"", "dumps differ"}},
		{"crash_is_attributed", []string{okDump, "crash", okDump}, 8, []bool{true, false, true}, []string{"", "panic: crashed on", ""}},
		{"crash_first_file", []string{"crash", okDump}, 8, []bool{false, true}, []string{"printed 0 lines for 1 files", ""}},
		{"extra_lines", []string{okDump, "twice"}, 8, []bool{true, false}, []string{"", "printed 2 lines for 1 files"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := writeFiles(t, tt.contents...)
			ref := make([]string, len(files))
			for i := range ref {
				ref[i] = okDump
			}
			k := krait{bin: bin, batch: tt.batch, jobs: 2, timeout: time.Minute}
			var progress strings.Builder
			results := k.compare(context.Background(), files, ref, &progress)
			for i, r := range results {
				if r.OK != tt.ok[i] || !strings.Contains(r.Detail, tt.detail[i]) {
					t.Errorf("file %d: OK=%v detail=%q; want OK=%v and detail containing %q", i, r.OK, r.Detail, tt.ok[i], tt.detail[i])
				}
			}
		})
	}
}

func TestKraitUnavailable(t *testing.T) {
	files := writeFiles(t, okDump)
	k := krait{note: "krait did not build (boom)", batch: 1, jobs: 1, timeout: time.Minute}
	results := k.compare(context.Background(), files, []string{okDump}, &strings.Builder{})
	if results[0].OK || !strings.Contains(results[0].Detail, "krait did not build (boom)") {
		t.Errorf("result = %+v; want a failure naming the build error", results[0])
	}
}

func TestSummarize(t *testing.T) {
	results := []result{
		judge("a.py", okDump, okDump, ""),
		judge("b.py", okDump, "Module(body=[x])", ""),
		judge("c.py", "SyntaxError: 1:2: bad", "SyntaxError: 1:3: bad", ""),
		judge("d.py", "SyntaxError: 4:1: bad", okDump, ""),
		judge("e.py", "DumpError: RecursionError: deep", okDump, ""),
	}
	got := summarize(results)
	want := summary{files: 5, accepts: 2, rejects: 2, broken: 1, identical: 1, matched: 1, colDiffers: 1}
	if got != want {
		t.Errorf("summarize = %+v, want %+v", got, want)
	}
	if got.passed() {
		t.Error("passed() = true with mismatches")
	}
	clean := summarize(results[:1])
	if !clean.passed() {
		t.Errorf("passed() = false for %+v", clean)
	}
	var out strings.Builder
	writeSummary(&out, got)
	for _, line := range []string{
		"corpus: 5 files; CPython accepts 2, rejects 2, fails on 1",
		"identical dumps: 1/2 (50.00%)",
		"rejections matched: 1/2 (1 of them at another column on the right line)",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("summary lacks %q:\n%s", line, out.String())
		}
	}
}

func TestWriteGolden(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.py")
	bad := filepath.Join(dir, "error_bad.py")
	outside := filepath.Join(t.TempDir(), "other.py")
	n, err := writeGolden([]string{ok, bad, outside}, []string{okDump, "SyntaxError: 1:1: x", okDump}, dir)
	if err != nil || n != 2 {
		t.Fatalf("writeGolden = %d, %v; want 2, nil", n, err)
	}
	data, err := os.ReadFile(ok + ".expected")
	if err != nil || string(data) != okDump+"\n" {
		t.Errorf("golden = %q, %v", data, err)
	}
	if _, err := os.Stat(outside + ".expected"); err == nil {
		t.Error("wrote a golden for a file outside the fixture directory")
	}
	if _, err := writeGolden([]string{bad}, []string{okDump}, dir); err == nil {
		t.Error("accepted error_*.py fixture was not refused")
	}
	if _, err := writeGolden([]string{ok}, []string{"SyntaxError: 1:1: x"}, dir); err == nil {
		t.Error("rejected non-error fixture was not refused")
	}
}

func TestJudgeEmptyLine(t *testing.T) {
	r := judge("a.py", okDump, "", "")
	if r.OK || r.Got != conformance.Missing || r.Detail != "krait printed an empty line" {
		t.Errorf("judge = %+v", r)
	}
}

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeNode stands in for `node dump.mjs --list FILE`: it answers each listed file with
// the file's first line, and stops after a "crash" file with dump.mjs's crash marker.
func fakeNode(t *testing.T) (node, dump string) {
	t.Helper()
	dir := t.TempDir()
	node = filepath.Join(dir, "node")
	script := `#!/bin/sh
list="$3"
while IFS= read -r f; do
  line=$(head -n 1 "$f")
  if [ "$line" = crash ]; then
    printf '%s\tDumpError: pyodide crashed: stack\n' "$f"
    exit 3
  fi
  printf '%s\t%s\n' "$f" "$line"
done < "$list"
`
	if err := os.WriteFile(node, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	dump = filepath.Join(dir, "dump.mjs")
	for _, f := range []string{dump, filepath.Join(dir, "package-lock.json")} {
		if err := os.WriteFile(f, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return node, dump
}

func TestCPythonLinesCacheAndCrash(t *testing.T) {
	node, dump := fakeNode(t)
	c := cpython{node: node, dump: dump, cache: t.TempDir()}
	files := writeFiles(t, okDump, "crash", "SyntaxError: 1:1: x")
	want := []string{okDump, "DumpError: pyodide crashed: stack", "SyntaxError: 1:1: x"}

	var progress strings.Builder
	got, st, err := c.lines(context.Background(), files, &progress)
	if err != nil {
		t.Fatalf("lines: %v\n%s", err, progress.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || st.ran != 3 || st.cached != 0 {
		t.Fatalf("first run = %q (ran %d, cached %d), want %q", got, st.ran, st.cached, want)
	}
	if !strings.Contains(progress.String(), "restarting after it") {
		t.Errorf("progress does not mention the restart:\n%s", progress.String())
	}

	// The crash is not cached; the two real answers are.
	got, st, err = c.lines(context.Background(), files, &progress)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || st.cached != 2 || st.ran != 1 {
		t.Errorf("second run = %q (ran %d, cached %d), want %q with 2 cached", got, st.ran, st.cached, want)
	}
}

package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScanGolden(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		golden   string
	}{
		{"text", []string{"scan", "testdata/proj"}, ExitOK, "scan_proj.txt"},
		{"json", []string{"scan", "-f", "json", "testdata/proj"}, ExitOK, "scan_proj.json"},
		{"quiet", []string{"scan", "-q", "testdata/proj"}, ExitOK, "scan_proj_quiet.txt"},
		{"one_job", []string{"scan", "-j", "1", "testdata/proj"}, ExitOK, "scan_proj.txt"},
		{"excluded_file", []string{"scan", "--exclude", "loop.py", "testdata/proj"}, ExitOK, "scan_proj_excluded.txt"},
		{"only_broken", []string{"scan", "testdata/broken"}, ExitError, "scan_broken.txt"},
		{"missing_path", []string{"scan", "-f", "json", "testdata/no_such_dir"}, ExitError, "scan_missing.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKrait(t, runOpts{}, tt.args...)
			if r.code != tt.wantCode {
				t.Errorf("exit code = %d; want %d (stderr: %q)", r.code, tt.wantCode, r.stderr)
			}
			if r.stderr != "" {
				t.Errorf("unexpected stderr: %q", r.stderr)
			}
			checkGolden(t, tt.golden, r.stdout)
		})
	}
}

func TestScanEmptyDir(t *testing.T) {
	r := runKrait(t, runOpts{}, "scan", t.TempDir())
	if r.code != ExitOK {
		t.Errorf("exit code = %d; want 0", r.code)
	}
	if want := "Scanned 0 files (0 lines): no findings, 0 errors.\n"; r.stdout != want {
		t.Errorf("stdout = %q; want %q", r.stdout, want)
	}
}

func TestScanStats(t *testing.T) {
	r := runKrait(t, runOpts{}, "scan", "--stats", "testdata/proj")
	if r.code != ExitOK {
		t.Fatalf("exit code = %d; stderr %q", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "krait: stats: 3 files, 8 lines, ") ||
		!strings.Contains(r.stderr, "s CPU, peak RSS ") ||
		!strings.Contains(r.stderr, "krait: stats: skipped 1: default-exclude 1\n") {
		t.Errorf("stats on stderr = %q", r.stderr)
	}

	r = runKrait(t, runOpts{}, "scan", "--stats", "-f", "json", "testdata/proj")
	var rep struct {
		Stats map[string]any `json:"stats"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"files", "lines", "bytes", "skipped", "seconds", "lines_per_second", "peak_rss_bytes"} {
		if _, ok := rep.Stats[k]; !ok {
			t.Errorf("stats has no %q: %v", k, rep.Stats)
		}
	}
	if !strings.HasPrefix(r.stderr, "krait: stats: 0 findings; walk ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("json --stats wrote to stderr %q; want only the phase times", r.stderr)
	}
}

func TestScanCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := runKrait(t, runOpts{ctx: ctx}, "scan", "testdata/proj")
	if r.code != ExitError || r.stderr != "krait: interrupted\n" || r.stdout != "" {
		t.Errorf("cancelled scan = %+v; want exit 2, \"krait: interrupted\"", r)
	}
}

func TestScanBadUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // a fragment of the first stderr line
	}{
		{"format_unknown", []string{"--format", "xml"}, `unknown format "xml"`},
		{"min_severity", []string{"--min-severity", "severe"}, `--min-severity: invalid severity "severe"`},
		{"min_confidence", []string{"--min-confidence", "critical"}, `--min-confidence: invalid confidence "critical"`},
		{"fail_on", []string{"--fail-on", "sometimes"}, `--fail-on: invalid fail-on "sometimes"`},
		{"select", []string{"--select", "KR1,injection"}, `--select: unknown rule selector "injection" (want a code such as KR101, a prefix such as KR1, or a category: test)`},
		{"select_unknown_code", []string{"--select", "KR999"}, `--select: unknown rule KR999`},
		{"ignore", []string{"--ignore", "B602"}, `--ignore: unknown rule selector "B602"`},
		{"jobs", []string{"-j", "0"}, "--jobs must be at least 1"},
		{"jobs_not_number", []string{"-j", "many"}, `invalid argument "many"`},
		{"exclude", []string{"--exclude", "[a"}, `--exclude: invalid exclude pattern "[a"`},
		{"max_file_size", []string{"--max-file-size", "10XB"}, `--max-file-size: invalid size "10XB"`},
		{"baseline_missing", []string{"--baseline", "testdata/no_such_baseline.json"}, "--baseline: stat testdata/no_such_baseline.json"},
		{"unknown_flag", []string{"--frobnicate"}, "unknown flag: --frobnicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runKrait(t, runOpts{}, append([]string{"scan"}, append(tt.args, "testdata/proj")...)...)
			if r.code != ExitError {
				t.Errorf("exit code = %d; want 2", r.code)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "Run 'krait scan --help' for usage.") {
				t.Errorf("stderr = %q; want it to contain %q and a --help hint", r.stderr, tt.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q; want nothing", r.stdout)
			}
		})
	}
}

func TestScanGoodFlags(t *testing.T) {
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(baseline, []byte(`{"version": 1, "entries": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"scan", "-q", "--select", "KR1,kr2,test", "--ignore", "KR10", "--ignore", "KR",
		"--min-severity", "HIGH", "--min-confidence", "medium", "--fail-on", "never",
		"--baseline", baseline, "--exclude", "**/tests/**", "--exclude", "*.pyi", "-j", "3",
		"--offline", "--db", t.TempDir(), "--no-progress", "--max-file-size", "1MiB", "testdata/proj"}
	r := runKrait(t, runOpts{}, args...)
	if r.code != ExitOK || r.stderr != "" {
		t.Errorf("exit code %d, stderr %q; want 0 and nothing", r.code, r.stderr)
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	golden, err := os.ReadFile(filepath.Join("testdata", "golden", "scan_proj.json"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, path string) {
		t.Helper()
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(golden), string(got)); diff != "" {
			t.Errorf("report mismatch (-want +got):\n%s", diff)
		}
	}
	scan := func(t *testing.T, out string) result {
		t.Helper()
		r := runKrait(t, runOpts{}, "scan", "-f", "json", "-o", out, "testdata/proj")
		if r.code != ExitOK || r.stdout != "" || r.stderr != "" {
			t.Errorf("scan -o %s = %+v; want exit 0 and no output", out, r)
		}
		return r
	}

	t.Run("new_file", func(t *testing.T) {
		p := filepath.Join(dir, "new.json")
		scan(t, p)
		check(t, p)
	})
	t.Run("replaces_regular_file_keeping_mode", func(t *testing.T) {
		p := filepath.Join(dir, "old.json")
		if err := os.WriteFile(p, []byte("stale"), 0o600); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(p)
		scan(t, p)
		check(t, p)
		after, _ := os.Stat(p)
		if after.Mode().Perm() != 0o600 {
			t.Errorf("mode = %v; want 0600 kept", after.Mode().Perm())
		}
		if os.SameFile(before, after) {
			t.Error("file was rewritten in place; want a new file renamed over it")
		}
	})
	t.Run("symlink_written_through", func(t *testing.T) {
		target := filepath.Join(dir, "target.json")
		link := filepath.Join(dir, "link.json")
		if err := os.WriteFile(target, []byte("stale"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		scan(t, link)
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the symlink was replaced: %v %v", fi, err)
		}
		check(t, target)
	})
	t.Run("dev_null", func(t *testing.T) {
		if _, err := os.Stat(os.DevNull); err != nil {
			t.Skip("no null device")
		}
		scan(t, os.DevNull)
		if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
			t.Errorf("%s is now %v, %v", os.DevNull, fi, err)
		}
	})
	t.Run("no_temp_files_left", func(t *testing.T) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temp file left behind: %s", e.Name())
			}
		}
	})
	t.Run("missing_directory", func(t *testing.T) {
		r := runKrait(t, runOpts{}, "scan", "-o", filepath.Join(dir, "nope", "r.txt"), "testdata/proj")
		if r.code != ExitError || !strings.HasPrefix(r.stderr, "krait: writing ") {
			t.Errorf("scan -o into a missing dir = %+v; want exit 2 and an error", r)
		}
	})
}

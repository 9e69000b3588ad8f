package vulndb

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/pep440"
)

// The real OSV PyPI snapshot and the top-PyPI list are third-party data shared
// with the project (../shared/data from the repository root); they are read
// here when present and never committed.
var (
	snapshotPath = filepath.Join("..", "..", "..", "shared", "data", "osv-pypi-all.zip")
	topPyPIPath  = filepath.Join("..", "..", "..", "shared", "data", "top-pypi-packages.json")
)

func needFile(tb testing.TB, path string) string {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("shared data not present at %s (the repository's ../shared/data): %v", path, err)
	}
	return path
}

// sharedStore is the real snapshot imported once per test binary, on first
// use, into a temp directory that TestMain removes.
type sharedStore struct {
	once sync.Once
	dir  string
	err  error
}

var snapshot sharedStore

func snapshotStore() (string, error) {
	snapshot.once.Do(func() {
		snapshot.dir, snapshot.err = os.MkdirTemp("", "krait-vulndb-snapshot-")
		if snapshot.err == nil {
			_, snapshot.err = Import(context.Background(), snapshotPath, snapshot.dir)
		}
	})
	return snapshot.dir, snapshot.err
}

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		os.Exit(runScanChild(dir))
	}
	code := m.Run()
	if snapshot.dir != "" {
		os.RemoveAll(snapshot.dir)
	}
	os.Exit(code)
}

func openSnapshot(tb testing.TB) *DB {
	tb.Helper()
	needFile(tb, snapshotPath)
	dir, err := snapshotStore()
	if err != nil {
		tb.Fatal(err)
	}
	db, err := Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestSnapshotImport(t *testing.T) {
	db := openSnapshot(t)
	m := db.Meta()
	t.Logf("%+v", m)
	if m.Entries != 16287 || m.Withdrawn != 269 || m.Malicious != 9207 {
		t.Errorf("snapshot counts = %d entries, %d withdrawn, %d malicious; want 16287, 269, 9207", m.Entries, m.Withdrawn, m.Malicious)
	}
}

// TestSnapshotNoVersionMissed re-reads every entry of the snapshot and checks
// that the store, after merging and pruning, still reports every listed
// version and every introduced version as affected, under the entry's own id
// or an advisory it was merged into. A pinned package must never be missed.
func TestSnapshotNoVersionMissed(t *testing.T) {
	db := openSnapshot(t)
	zr, err := zip.OpenReader(snapshotPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	checked, unparsable := 0, 0
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		v, err := ParseOSV(data)
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		for _, aff := range v.Affected {
			advs, err := db.Lookup(aff.Package.Name)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(advs, func(a Advisory) bool { return a.ID == v.ID || slices.Contains(a.Aliases, v.ID) })
			if v.Withdrawn != "" {
				if i >= 0 && advs[i].ID == v.ID {
					t.Errorf("%s: withdrawn advisory is in the store", v.ID)
				}
				continue
			}
			if i < 0 {
				t.Errorf("%s: no advisory for %s in the store", v.ID, aff.Package.Name)
				continue
			}
			want := slices.Clone(aff.Versions)
			for _, r := range aff.Ranges {
				for _, e := range r.Events {
					if r.Type == "ECOSYSTEM" && e.Introduced != "" && e.Introduced != "0" {
						want = append(want, e.Introduced)
					}
				}
			}
			for _, ver := range want {
				checked++
				if _, err := pep440.Parse(ver); err != nil {
					unparsable++
				}
				if !Affects(&advs[i], ver) {
					t.Errorf("%s: %s %s is listed as affected, the store says not", v.ID, aff.Package.Name, ver)
				}
			}
		}
	}
	t.Logf("checked %d listed/introduced versions; %d are not PEP 440", checked, unparsable)
}

// top160 returns the 160 most-downloaded PyPI projects, the size of a large
// application's lock file.
func top160(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(needFile(tb, topPyPIPath))
	if err != nil {
		tb.Fatal(err)
	}
	var top struct {
		Rows []struct{ Project string } `json:"rows"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, r := range top.Rows[:min(160, len(top.Rows))] {
		names = append(names, deps.Normalize(r.Project))
	}
	return names
}

// scan is what a dependency scan does with the store: open it, look up each
// package and match its pinned version.
func scan(dir string, names []string, version string) (matched int, err error) {
	db, err := Open(dir)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	for _, n := range names {
		advs, err := db.Lookup(n)
		if err != nil {
			return 0, err
		}
		for i := range advs {
			if Affects(&advs[i], version) {
				matched++
			}
		}
	}
	return matched, nil
}

// BenchmarkScan160 opens the full-snapshot store and matches 160 packages
// (the top 160 of PyPI, each pinned at 1.0).
func BenchmarkScan160(b *testing.B) {
	openSnapshot(b)
	names := top160(b)
	dir, _ := snapshotStore()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scan(dir, names, "1.0"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen measures opening the store alone.
func BenchmarkOpen(b *testing.B) {
	openSnapshot(b)
	dir, _ := snapshotStore()
	b.ReportAllocs()
	for b.Loop() {
		db, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkImportSnapshot measures converting the real all.zip into a store.
func BenchmarkImportSnapshot(b *testing.B) {
	zipPath := needFile(b, snapshotPath)
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Import(context.Background(), zipPath, dir); err != nil {
			b.Fatal(err)
		}
	}
}

const childEnv = "KRAIT_VULNDB_SCAN_CHILD"

// runScanChild is the child process of TestScan160Footprint: one scan, its
// wall time printed, nothing else, so that the process's peak RSS is the
// scan's.
func runScanChild(dir string) int {
	start := time.Now()
	var top struct {
		Rows []struct{ Project string } `json:"rows"`
	}
	data, err := os.ReadFile(topPyPIPath)
	if err == nil {
		err = json.Unmarshal(data, &top)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var names []string
	for _, r := range top.Rows[:160] {
		names = append(names, r.Project)
	}
	hwmBefore := peakRSSKiB()
	loaded := time.Now()
	matched, err := scan(dir, names, "1.0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Printf("%d %d %d %d %d\n", matched, time.Since(loaded).Microseconds(), loaded.Sub(start).Microseconds(), hwmBefore, peakRSSKiB())
	return 0
}

// TestScan160Footprint runs one 160-package scan in a fresh process and
// reports its time and peak memory; the targets (0.1 s, 100 MB) are checked
// loosely, since the machine may be busy.
func TestScan160Footprint(t *testing.T) {
	openSnapshot(t)
	needFile(t, topPyPIPath)
	dir, _ := snapshotStore()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	start := time.Now()
	out, err := cmd.Output()
	wall := time.Since(start)
	if err != nil {
		t.Fatalf("child: %v: %s", err, out)
	}
	// The child reads its own peak RSS: rusage's Maxrss would count the
	// parent's memory the child shared before exec.
	var matched, scanUS, setupUS, hwmBefore, rss int
	if _, err := fmt.Sscan(string(out), &matched, &scanUS, &setupUS, &hwmBefore, &rss); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	if rss < 0 {
		t.Skip("peak RSS not readable here (/proc/self/status)")
	}
	t.Logf("scan of 160 packages: open+lookup+match %s, %d advisories matched; child process wall %s (incl. exec and reading the package list in %s), peak RSS %s MB (%s MB before the scan)",
		time.Duration(scanUS)*time.Microsecond, matched, wall.Round(time.Millisecond), time.Duration(setupUS)*time.Microsecond,
		strconv.FormatFloat(float64(rss)/1024, 'f', 1, 64), strconv.FormatFloat(float64(hwmBefore)/1024, 'f', 1, 64))
	if rss > 100*1024 && !raceEnabled {
		t.Errorf("peak RSS %d KiB, over the 100 MB target", rss)
	}
}

// peakRSSKiB returns the process's peak resident set so far (Linux), or -1.
func peakRSSKiB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kib int
			fmt.Sscan(rest, &kib)
			return kib
		}
	}
	return -1
}

// TestSnapshotSafeUpgrade checks SafeUpgrade against its definition
// (naiveSafeUpgrade) on the real advisories of the 160 most-downloaded projects,
// at a few versions each.
func TestSnapshotSafeUpgrade(t *testing.T) {
	db := openSnapshot(t)
	checked := 0
	for _, name := range top160(t) {
		advs, err := db.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []string{"0.1", "1.0", "2.0.0rc1", "3.2.4", "10.0"} {
			want := naiveSafeUpgrade(advs, v)
			if got, _ := SafeUpgrade(advs, v); got != want {
				t.Errorf("%s %s: SafeUpgrade = %q, by definition %q", name, v, got, want)
			}
			checked++
		}
	}
	t.Logf("%d package versions agree", checked)
}

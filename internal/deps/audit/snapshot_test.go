package audit

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
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/pep440"
	"github.com/kraitsec/krait/internal/vulndb"
)

// The real OSV PyPI snapshot is third-party data shared with the project
// (../shared/data from the repository root); it is read when present and
// never committed.
var snapshotPath = filepath.Join("..", "..", "..", "..", "shared", "data", "osv-pypi-all.zip")

// sharedStore is the snapshot imported once per test binary, on first use,
// into a temp directory that TestMain removes.
var sharedStore struct {
	once sync.Once
	dir  string
	err  error
}

func snapshotDB(tb testing.TB) string {
	tb.Helper()
	if raceEnabled {
		// Importing 16k advisories takes a minute under the race detector;
		// the import's concurrency is vulndb's to test, and the audit's is
		// tested on the small fixtures.
		tb.Skip("the real snapshot is not imported under the race detector")
	}
	if _, err := os.Stat(snapshotPath); err != nil {
		tb.Skipf("shared data not present at %s (the repository's ../shared/data): %v", snapshotPath, err)
	}
	sharedStore.once.Do(func() {
		sharedStore.dir, sharedStore.err = os.MkdirTemp("", "krait-audit-snapshot-")
		if sharedStore.err == nil {
			_, sharedStore.err = vulndb.Import(context.Background(), snapshotPath, sharedStore.dir)
		}
	})
	if sharedStore.err != nil {
		tb.Fatal(sharedStore.err)
	}
	return sharedStore.dir
}

const childEnv = "KRAIT_AUDIT_FOOTPRINT_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		os.Exit(runFootprintChild(dir))
	}
	code := m.Run()
	if sharedStore.dir != "" {
		os.RemoveAll(sharedStore.dir)
	}
	os.Exit(code)
}

// TestSnapshotKnownPins checks well-known vulnerable pins against the real
// snapshot: the ids are those of the PyPA advisory database.
func TestSnapshotKnownPins(t *testing.T) {
	db := snapshotDB(t)
	res, err := New(Options{DBDir: db}).Analyze(context.Background(), project(map[string]string{
		"requirements.txt": "django==3.2.0\nrequests==2.19.0\npyyaml==5.3\nrequests==2.33.0\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string][]string{}
	for _, f := range res.Findings {
		if f.Code != "KR701" {
			t.Errorf("unexpected %s: %s", f.Code, f.Message)
		}
		ids[f.Package+"=="+f.Version] = append(ids[f.Package+"=="+f.Version], f.VulnerabilityID)
		if f.Package == "requests" && f.Version == "2.33.0" {
			t.Errorf("requests 2.33.0 reported: %s", f.Message)
		}
	}
	for pin, want := range map[string][]string{
		"pyyaml==5.3":      {"PYSEC-2020-96", "PYSEC-2021-142"},
		"requests==2.19.0": {"PYSEC-2018-28", "PYSEC-2023-74", "PYSEC-2026-1872", "PYSEC-2026-1873", "PYSEC-2026-2275"},
		"django==3.2.0":    {"PYSEC-2021-109", "PYSEC-2021-439", "PYSEC-2021-7", "PYSEC-2021-8", "PYSEC-2021-98", "PYSEC-2021-99"},
	} {
		for _, id := range want {
			if !slices.Contains(ids[pin], id) {
				t.Errorf("%s: %s not reported (got %v)", pin, id, ids[pin])
			}
		}
	}
	if n := len(ids["requests==2.19.0"]); n != 5 {
		t.Errorf("requests==2.19.0: %d findings, want 5: %v", n, ids["requests==2.19.0"])
	}
	if n := len(ids["pyyaml==5.3"]); n != 2 {
		t.Errorf("pyyaml==5.3: %d findings, want 2: %v", n, ids["pyyaml==5.3"])
	}
	t.Logf("django==3.2.0: %d vulnerabilities", len(ids["django==3.2.0"]))
}

// TestSnapshotLock160NoneMissed reads the 160-package poetry.lock through the
// whole audit and checks it against an oracle taken straight from the raw OSV
// JSON: every entry whose explicit versions list names a locked version must
// be reported, under its id or as an alias of the finding's id.
func TestSnapshotLock160NoneMissed(t *testing.T) {
	db := snapshotDB(t)
	data, err := os.ReadFile(lock160Path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := New(Options{DBDir: db}).Analyze(context.Background(), project(map[string]string{"poetry.lock": string(data)}))
	if err != nil {
		t.Fatal(err)
	}
	reported := map[string]bool{} // package \x00 id
	for _, f := range res.Findings {
		for _, id := range append([]string{f.VulnerabilityID}, f.VulnerabilityAliases...) {
			reported[f.Package+"\x00"+id] = true
		}
	}
	locked := map[string]pep440.Version{}
	for _, p := range popular160 {
		v, err := pep440.Parse(p[1])
		if err != nil {
			t.Fatal(err)
		}
		locked[p[0]] = v
	}
	zr, err := zip.OpenReader(snapshotPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	expected := 0
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var entry struct {
			ID        string
			Withdrawn string
			Affected  []struct {
				Package  struct{ Ecosystem, Name string }
				Versions []string
			}
		}
		if err := json.Unmarshal(raw, &entry); err != nil {
			t.Fatal(err)
		}
		if entry.Withdrawn != "" {
			continue
		}
		for _, aff := range entry.Affected {
			name := deps.Normalize(aff.Package.Name)
			lv, ok := locked[name]
			if !ok || aff.Package.Ecosystem != "PyPI" {
				continue
			}
			if !slices.ContainsFunc(aff.Versions, func(s string) bool {
				v, err := pep440.Parse(s)
				return err == nil && v.Equal(lv)
			}) {
				continue
			}
			expected++
			if !reported[name+"\x00"+entry.ID] {
				t.Errorf("%s %s: %s not reported", name, lv, entry.ID)
			}
		}
	}
	t.Logf("%d findings; %d (package, advisory) pairs expected from the versions lists, all reported", len(res.Findings), expected)
	if expected < 100 {
		t.Errorf("only %d expected pairs: the oracle looks broken", expected)
	}
}

// auditLock160 is what a scan of the fixture costs the audit: open the store,
// build the inventory from the lock's bytes, look up and match each package.
func auditLock160(dir string, data []byte) (int, error) {
	p := analysis.NewProject("", nil, nil).WithFiles([]analysis.Source{{Path: "poetry.lock", Rel: "poetry.lock", Data: data}})
	res, err := New(Options{DBDir: dir, Offline: true}).Analyze(context.Background(), p)
	if err != nil {
		return 0, err
	}
	if len(res.Notices) > 0 || len(res.Errors) > 0 {
		return 0, fmt.Errorf("notices %q, errors %+v", res.Notices, res.Errors)
	}
	return len(res.Findings), nil
}

// BenchmarkAuditPoetryLock160 measures the audit of the 160-package lock
// against the full snapshot, store opening included, per op.
func BenchmarkAuditPoetryLock160(b *testing.B) {
	dir := snapshotDB(b)
	data, err := os.ReadFile(lock160Path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if n, err = auditLock160(dir, data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "findings")
}

// runFootprintChild is the child process of TestAuditLock160Footprint: one
// audit, its time and the process's peak RSS printed, so that the peak is the
// audit's.
func runFootprintChild(dir string) int {
	start := time.Now()
	data, err := os.ReadFile(lock160Path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	n, err := auditLock160(dir, data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Printf("%d %d %d\n", n, time.Since(start).Microseconds(), peakRSSKiB())
	return 0
}

// TestAuditLock160Footprint runs one audit of the lock in a fresh process and
// logs its time and peak memory; the targets (0.1 s, 100 MB) are checked
// loosely, since the machine may be busy.
func TestAuditLock160Footprint(t *testing.T) {
	dir := snapshotDB(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v: %s", err, out)
	}
	var n, us, rss int
	if _, err := fmt.Sscan(string(out), &n, &us, &rss); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	t.Logf("audit of a 160-package poetry.lock: %d findings in %s (read, open, inventory, match, findings); peak RSS %.1f MB",
		n, time.Duration(us)*time.Microsecond, float64(rss)/1024)
	if rss > 100*1024 && !raceEnabled {
		t.Errorf("peak RSS %d KiB, over the 100 MB target", rss)
	}
	if us > 1_000_000 && !raceEnabled {
		t.Errorf("audit took %s, ten times the 0.1 s target", time.Duration(us)*time.Microsecond)
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

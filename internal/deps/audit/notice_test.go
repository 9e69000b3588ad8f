package audit

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/vulndb"
)

func TestNotices(t *testing.T) {
	fresh := testDB(t)
	damaged := t.TempDir()
	if err := os.WriteFile(filepath.Join(damaged, vulndb.FileName), []byte("KRAITVDB garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	reqs := map[string]string{"requirements.txt": "pyyaml==5.3\n"}
	tests := []struct {
		name     string
		dir      string
		now      time.Time
		files    map[string]string
		want     []string
		findings int
		checked  bool
	}{
		{name: "no_db", dir: t.TempDir(), files: reqs, want: []string{NoDBNotice}},
		{name: "no_db_no_packages", dir: t.TempDir(), files: map[string]string{"app.py": "import os\n"}},
		{name: "no_db_local_packages_only", dir: t.TempDir(), files: map[string]string{"requirements.txt": "-e .\n./libs/x\n"}},
		{name: "fresh", dir: fresh, files: reqs, findings: 1, checked: true},
		{name: "stale", dir: fresh, now: time.Now().Add(9*24*time.Hour + time.Hour), files: reqs, findings: 1, checked: true,
			want: []string{"the vulnerability database is 9 days old; run 'krait db update'"}},
		{name: "damaged", dir: damaged, files: reqs,
			want: []string{"vulnerability database unusable (" + filepath.Join(damaged, vulndb.FileName) + ": not a krait vulnerability database: EOF); run 'krait db update'; dependency vulnerabilities were not checked"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{DBDir: tt.dir, Offline: true}
			if !tt.now.IsZero() {
				opts.Now = func() time.Time { return tt.now }
			}
			a := New(opts)
			p := project(tt.files)
			rep, err := a.Audit(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Checked != tt.checked {
				t.Errorf("Checked = %v, want %v", rep.Checked, tt.checked)
			}
			res, err := a.Analyze(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, res.Notices); diff != "" {
				t.Errorf("notices (-want +got):\n%s", diff)
			}
			if len(res.Findings) != tt.findings {
				t.Errorf("%d findings, want %d: %+v", len(res.Findings), tt.findings, res.Findings)
			}
		})
	}
}

// TestFetch checks the first-scan download: only when there is no database,
// only when not offline, at most once per Analyzer, and a failure is a notice.
func TestFetch(t *testing.T) {
	store := testDB(t)
	data, err := os.ReadFile(filepath.Join(store, vulndb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	reqs := map[string]string{"requirements.txt": "pyyaml==5.3\n"}
	tests := []struct {
		name      string
		haveDB    bool
		offline   bool
		fail      bool
		scans     int
		wantCalls int
		notices   []string
		findings  int // of the last scan
	}{
		{name: "fetched_once", scans: 2, wantCalls: 1, findings: 1},
		{name: "db_present", haveDB: true, scans: 1, wantCalls: 0, findings: 1},
		{name: "offline", offline: true, scans: 1, wantCalls: 0, notices: []string{NoDBNotice}},
		{name: "failure", fail: true, scans: 2, wantCalls: 1, notices: []string{NoDBNotice}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.haveDB {
				if err := os.WriteFile(filepath.Join(dir, vulndb.FileName), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			calls := 0
			fetch := func(ctx context.Context) error {
				calls++
				if tt.fail {
					return errors.New("network unreachable")
				}
				return os.WriteFile(filepath.Join(dir, vulndb.FileName), data, 0o644)
			}
			a := New(Options{DBDir: dir, Offline: tt.offline, Fetch: fetch})
			var notices []string
			var findings int
			for i := range tt.scans {
				res, err := a.Analyze(context.Background(), project(reqs))
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					notices = res.Notices
				}
				findings = len(res.Findings)
			}
			if calls != tt.wantCalls {
				t.Errorf("Fetch called %d times, want %d", calls, tt.wantCalls)
			}
			want := tt.notices
			if tt.fail {
				want = []string{"could not download the vulnerability database: network unreachable", NoDBNotice}
			}
			if diff := cmp.Diff(want, notices); diff != "" {
				t.Errorf("first scan's notices (-want +got):\n%s", diff)
			}
			if findings != tt.findings {
				t.Errorf("last scan: %d findings, want %d", findings, tt.findings)
			}
		})
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(Options{DBDir: testDB(t)}).Analyze(ctx, project(map[string]string{"requirements.txt": "pyyaml==5.3\n"}))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestAnalyzeConcurrent runs one Analyzer on several projects at once, the
// first-scan fetch included, for the race detector.
func TestAnalyzeConcurrent(t *testing.T) {
	store := testDB(t)
	data, err := os.ReadFile(filepath.Join(store, vulndb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var calls atomic.Int32
	a := New(Options{DBDir: dir, Fetch: func(context.Context) error {
		calls.Add(1)
		return os.WriteFile(filepath.Join(dir, vulndb.FileName), data, 0o644)
	}})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := a.Analyze(context.Background(), project(map[string]string{"requirements.txt": "pyyaml==5.3\n"})); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("Fetch called %d times, want 1", n)
	}
}

// TestDamagedRecord checks that a record that fails its checksum is a
// problem with the database file while the other packages are still matched.
func TestDamagedRecord(t *testing.T) {
	dir := testDB(t)
	path := filepath.Join(dir, vulndb.FileName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 0xff // the last record's last byte
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := New(Options{DBDir: dir}).Analyze(context.Background(), project(map[string]string{
		"requirements.txt": "webframe==3.2.0\npyyaml==5.3\noldlib==1\nreqeusts==1\nhijacked==1.0.1\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Path != path || !strings.Contains(res.Errors[0].Message, "checksum mismatch") {
		t.Errorf("errors %+v, want one checksum mismatch in %s", res.Errors, path)
	}
	if len(res.Findings) != 4 {
		t.Errorf("%d findings, want 4 (five packages, one unreadable)", len(res.Findings))
	}
}

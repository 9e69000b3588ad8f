package vulndb

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestStatus(t *testing.T) {
	dir := writeSample(t)
	now := sampleMeta.ImportedAt.Add(50 * time.Hour)
	s := Status(dir, now)
	if !s.Present || s.Err != nil || s.Meta.Entries != 4 || s.Age != 50*time.Hour || s.Size == 0 {
		t.Fatalf("Status = %+v", s)
	}
	for _, want := range []string{"3 advisories", "1 known-malicious", "3 packages", "1 withdrawn", sampleMeta.Source, "imported 2 days ago", "2026-01-01"} {
		if !strings.Contains(s.String(), want) {
			t.Errorf("Status line %q lacks %q", s, want)
		}
	}
	if s.Stale(DefaultMaxAge) {
		t.Errorf("a 2-day-old store is stale")
	}
	if !Status(dir, now.Add(8*24*time.Hour)).Stale(DefaultMaxAge) {
		t.Errorf("a 10-day-old store is not stale")
	}
}

func TestStatusMissing(t *testing.T) {
	dir := t.TempDir()
	s := Status(dir, testNow)
	if s.Present || !s.Stale(DefaultMaxAge) || !strings.Contains(s.String(), "no vulnerability database at "+filepath.Join(dir, FileName)) {
		t.Errorf("Status of an empty dir = %+v, %q", s, s)
	}
}

func TestStatusDamaged(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := Status(dir, testNow)
	if !s.Present || s.Err == nil || !s.Stale(DefaultMaxAge) || !strings.Contains(s.String(), "unusable") {
		t.Errorf("Status of a damaged store = %+v, %q", s, s)
	}
}

func TestRoundAge(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{-time.Hour, "0s"}, {1500 * time.Millisecond, "2s"}, {90*time.Minute + 20*time.Second, "1h30m0s"},
		{25 * time.Hour, "1 day"}, {49 * time.Hour, "2 days"},
	}
	for _, tt := range tests {
		if got := roundAge(tt.d); got != tt.want {
			t.Errorf("roundAge(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("KRAIT_DB", "/somewhere/db")
	if d, err := DefaultDir(); err != nil || d != "/somewhere/db" {
		t.Errorf("DefaultDir with KRAIT_DB = %q, %v", d, err)
	}
	if runtime.GOOS != "linux" {
		return // the user cache dir rule below is the Linux one
	}
	t.Setenv("KRAIT_DB", "")
	t.Setenv("XDG_CACHE_HOME", "/cache")
	t.Setenv("HOME", "/home/u")
	if d, err := DefaultDir(); err != nil || d != filepath.Join("/cache", "krait") {
		t.Errorf("DefaultDir = %q, %v; want /cache/krait", d, err)
	}
}

func TestMemorySource(t *testing.T) {
	var src Source = Memory{"web-frame": {{ID: "X-1"}}}
	if got, _ := src.Lookup("Web_Frame"); len(got) != 1 {
		t.Errorf("Memory.Lookup by another spelling = %v", got)
	}
}

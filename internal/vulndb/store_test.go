package vulndb

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/analysis"
)

func sampleRecords() map[string][]Advisory {
	return map[string][]Advisory{
		"web-frame": {{
			ID: "PYSEC-1", Aliases: []string{"CVE-1", "GHSA-1"}, Summary: "héader injection", Modified: 1700000000,
			Vectors:  []Vector{{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}},
			Score:    9.8,
			Severity: analysis.SeverityCritical,
			Ranges:   []Range{rng("i", "0", "f", "2.2.24", "i", "3.0", "la", "3.1.11"), rng("i", "0", "l", "9")},
			Versions: []string{"0.9", "legacy"},
		}, {ID: "PYSEC-2", Modified: -5}},
		"reqeusts": {{ID: "MAL-1", Malicious: true, Severity: analysis.SeverityCritical, Ranges: []Range{rng("i", "0")}}},
		"a":        {{ID: "X-1"}},
	}
}

var sampleMeta = Meta{
	Source: "https://mirror.invalid/all.zip", SHA256: "ab12", Entries: 4, Withdrawn: 1, Malicious: 1,
	ImportedAt:       time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	SnapshotModified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
}

func writeSample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := writeStore(dir, sampleMeta, sampleRecords()); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestStoreRoundTrip(t *testing.T) {
	dir := writeSample(t)
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	wantMeta := sampleMeta
	wantMeta.Packages = 3
	if diff := cmp.Diff(wantMeta, db.Meta()); diff != "" {
		t.Errorf("Meta mismatch (-want +got):\n%s", diff)
	}
	recs := sampleRecords()
	for _, q := range []struct{ query, key string }{
		{"web-frame", "web-frame"}, {"Web_Frame", "web-frame"}, {"WEB.frame", "web-frame"},
		{"reqeusts", "reqeusts"}, {"A", "a"}, {"absent", ""}, {"", ""}, {"zzz", ""}, {"0", ""},
	} {
		got, err := db.Lookup(q.query)
		if err != nil {
			t.Fatalf("Lookup(%q): %v", q.query, err)
		}
		if diff := cmp.Diff(recs[q.key], got); diff != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", q.query, diff)
		}
	}
	names, err := db.Names()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "reqeusts", "web-frame"}, names); diff != "" {
		t.Errorf("Names mismatch (-want +got):\n%s", diff)
	}
}

func TestStoreEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := writeStore(dir, Meta{}, nil); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err := db.Lookup("django"); err != nil || got != nil {
		t.Errorf("Lookup on empty store = %v, %v", got, err)
	}
}

func TestOpenMissing(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "nothing-here"))
	if !errors.Is(err, ErrNoDB) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open of a missing dir = %v, want ErrNoDB", err)
	}
}

// TestOpenDamaged checks that each kind of damage is an error naming the
// file, never a panic or a wrong answer.
func TestOpenDamaged(t *testing.T) {
	tests := []struct {
		name    string
		damage  func([]byte) []byte
		wantErr string
	}{
		{"empty_file", func(b []byte) []byte { return nil }, "not a krait vulnerability database"},
		{"other_file", func(b []byte) []byte { return []byte("PK\x03\x04 this is a zip, not a store, padded out to size") }, "not a krait"},
		{"newer_format", func(b []byte) []byte { binary.LittleEndian.PutUint32(b[8:], 99); return b }, "format 99"},
		{"truncated", func(b []byte) []byte { return b[:len(b)-3] }, "truncated"},
		{"appended", func(b []byte) []byte { return append(b, 0) }, "truncated or damaged"},
		{"huge_index", func(b []byte) []byte { binary.LittleEndian.PutUint32(b[16:], 1<<31); return b }, "damaged header"},
		{"index_bit_flip", func(b []byte) []byte { b[headerSize+3] ^= 1; return b }, "checksum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSample(t)
			path := filepath.Join(dir, FileName)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, tt.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			db, err := Open(dir)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded on a damaged store")
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open error = %q, want it to name %s and say %q", err, path, tt.wantErr)
			}
		})
	}
}

func TestLookupDamagedRecord(t *testing.T) {
	dir := writeSample(t)
	path := filepath.Join(dir, FileName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-2] ^= 0x40 // inside the last record, "web-frame"
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Lookup("web-frame"); err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Errorf("Lookup of a damaged record = %v, want a checksum error", err)
	}
	if got, err := db.Lookup("a"); err != nil || len(got) != 1 {
		t.Errorf("Lookup of an intact record = %v, %v", got, err)
	}
}

func TestWriteStoreLeavesNoTempFiles(t *testing.T) {
	dir := writeSample(t)
	if err := writeStore(dir, sampleMeta, sampleRecords()); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != FileName {
		t.Errorf("DB dir holds %v, want only %s", ents, FileName)
	}
}

func TestCodecRoundTrip(t *testing.T) {
	for name, advs := range sampleRecords() {
		got, err := decodeAdvisories(encodeAdvisories(advs))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(advs, got); diff != "" {
			t.Errorf("%s: round trip mismatch (-want +got):\n%s", name, diff)
		}
	}
}

func TestCodecTruncated(t *testing.T) {
	buf := encodeAdvisories(sampleRecords()["web-frame"])
	for n := range len(buf) {
		if _, err := decodeAdvisories(buf[:n]); err == nil {
			t.Errorf("decoding %d of %d bytes succeeded", n, len(buf))
		}
	}
}

// FuzzDecodeAdvisories checks that no record, however damaged, panics the
// decoder or makes it allocate without bound.
func FuzzDecodeAdvisories(f *testing.F) {
	for _, advs := range sampleRecords() {
		f.Add(encodeAdvisories(advs))
	}
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		advs, err := decodeAdvisories(b)
		if err != nil {
			return
		}
		if _, err := decodeAdvisories(encodeAdvisories(advs)); err != nil {
			t.Errorf("re-encoding a decoded record fails: %v", err)
		}
	})
}

func TestLookupConcurrent(t *testing.T) {
	dir := writeSample(t)
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got, err := db.Lookup("web-frame"); err != nil || len(got) != 2 {
					t.Errorf("concurrent Lookup = %d advisories, %v", len(got), err)
					return
				}
			}
		})
	}
	wg.Wait()
}

package vulndb

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var testNow = time.Date(2099, 6, 1, 12, 0, 0, 0, time.UTC)

// zipOf builds a zip from name → content pairs, in order.
func zipOf(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fixtureZip zips every hand-written advisory in testdata/osv.
func fixtureZip(t testing.TB) []byte {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join("testdata", "osv"))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("testdata", "osv", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, e.Name(), string(b))
	}
	return zipOf(t, files...)
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "all.zip")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportFixtures(t *testing.T) {
	dir := t.TempDir()
	zipPath := writeTemp(t, fixtureZip(t))
	meta, err := importZip(context.Background(), zipPath, dir, zipPath, defaultLimits(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if diff := cmp.Diff(meta, db.Meta(), cmp.FilterPath(func(p cmp.Path) bool { return p.String() == "SHA256" }, cmp.Ignore())); diff != "" {
		t.Errorf("stored Meta differs from returned (-returned +stored):\n%s", diff)
	}
	want := Meta{Source: zipPath, SHA256: meta.SHA256, ImportedAt: testNow, SnapshotModified: time.Date(2099, 5, 1, 0, 0, 0, 0, time.UTC),
		Entries: 5, Withdrawn: 1, Malicious: 1, Packages: 4}
	if diff := cmp.Diff(want, db.Meta()); diff != "" {
		t.Errorf("Meta mismatch (-want +got):\n%s", diff)
	}
	if len(meta.SHA256) != 64 {
		t.Errorf("SHA256 = %q, want a hex sha256", meta.SHA256)
	}

	web, err := db.Lookup("Web.Frame")
	if err != nil {
		t.Fatal(err)
	}
	if len(web) != 1 || web[0].ID != "PYSEC-2099-1" || !cmp.Equal(web[0].Aliases, []string{"CVE-2099-0001", "GHSA-aaaa-bbbb-cccc"}) {
		t.Fatalf("web-frame advisories = %+v; want PYSEC-2099-1 merged with its GHSA alias, the withdrawn one dropped", web)
	}
	if !Affects(&web[0], "3.1.0") || Affects(&web[0], "3.1.12") || web[0].Score != 9.8 {
		t.Errorf("merged web-frame advisory = %+v", web[0])
	}
	mal, err := db.Lookup("reqeusts")
	if err != nil || len(mal) != 1 || !mal[0].Malicious {
		t.Errorf("reqeusts = %+v, %v; want one malicious advisory", mal, err)
	}
	if got, _ := db.Lookup("toolkit-extras"); len(got) != 1 || !Affects(&got[0], "1.9") || Affects(&got[0], "2.0") {
		t.Errorf("toolkit-extras = %+v; want affected below the limit 2.0 only", got)
	}
}

// TestImportRejects checks each verification; the store already in the DB
// directory must survive every failure untouched.
func TestImportRejects(t *testing.T) {
	good := `{"id": "PYSEC-1", "modified": "2020-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "PyPI", "name": "a"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}]}`
	npm := `{"id": "GHSA-1", "modified": "2020-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "a"}}]}`
	small := limits{MaxZip: 1 << 20, MaxEntries: 3, MaxEntrySize: 2048, MaxTotal: 4096}
	tests := []struct {
		name    string
		zip     []byte
		lim     limits
		wantErr string
	}{
		{"not_a_zip", []byte("<html><body>Service Unavailable</body></html>"), defaultLimits(), "not a valid zip"},
		{"truncated_zip", fixtureZip(t)[:700], defaultLimits(), "not a valid zip"},
		{"empty_zip", zipOf(t), defaultLimits(), "no OSV entries"},
		{"only_dirs", zipOf(t, "PyPI/", ""), defaultLimits(), "no OSV entries"},
		{"not_json", zipOf(t, "a.json", good, "b.json", "{not json"), defaultLimits(), "entry b.json: not valid OSV JSON"},
		{"json_not_osv", zipOf(t, "a.json", `{"name": "x"}`), defaultLimits(), "not valid OSV JSON"},
		{"other_ecosystem", zipOf(t, "a.json", good, "GHSA-1.json", npm), defaultLimits(), "no PyPI package"},
		{"no_affected", zipOf(t, "a.json", `{"id": "PYSEC-9", "modified": "2020-01-01T00:00:00Z"}`), defaultLimits(), "no affected package"},
		{"too_many_entries", zipOf(t, "1.json", good, "2.json", good, "3.json", good, "4.json", good), small, "4 entries"},
		{"entry_too_big", zipOf(t, "a.json", good+strings.Repeat(" ", 4096)), small, "more than the 2048 allowed"},
		{"total_too_big", zipOf(t, "1.json", good+strings.Repeat(" ", 1500), "2.json", good+strings.Repeat(" ", 1500), "3.json", good+strings.Repeat(" ", 1500)), small, "more than 4096 bytes uncompressed"},
		{"zip_too_big", fixtureZip(t), limits{MaxZip: 100, MaxEntries: 10, MaxEntrySize: 1 << 20, MaxTotal: 1 << 20}, "more than the 100 allowed"},
		{"lying_header", lyingZip(t, good+strings.Repeat(" ", 8000)), small, "entry a.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSample(t)
			before, err := os.ReadFile(filepath.Join(dir, FileName))
			if err != nil {
				t.Fatal(err)
			}
			zipPath := writeTemp(t, tt.zip)
			_, err = importZip(context.Background(), zipPath, dir, zipPath, tt.lim, testNow)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("import error = %v, want one containing %q", err, tt.wantErr)
			}
			t.Logf("error: %v", err)
			if !strings.Contains(err.Error(), zipPath) {
				t.Errorf("import error %q does not name the file", err)
			}
			assertStoreUnchanged(t, dir, before)
		})
	}
}

// lyingZip stores an entry whose header claims 10 bytes but holds more.
func lyingZip(t *testing.T, content string) []byte {
	t.Helper()
	var comp bytes.Buffer
	zw := zip.NewWriter(&comp)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "a.json", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(content))
	zw.Close()
	// Rewrite the sizes in the central directory to 10.
	b := comp.Bytes()
	i := bytes.LastIndex(b, []byte("PK\x01\x02"))
	if i < 0 {
		t.Fatal("no central directory")
	}
	copy(b[i+24:], []byte{10, 0, 0, 0}) // uncompressed size
	return b
}

func assertStoreUnchanged(t *testing.T, dir string, before []byte) {
	t.Helper()
	after, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatalf("old store gone: %v", err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("old store changed")
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("DB dir holds %v, want only %s", names, FileName)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatalf("old store no longer opens: %v", err)
	}
	db.Close()
}

func TestImportCancelled(t *testing.T) {
	dir := writeSample(t)
	before, _ := os.ReadFile(filepath.Join(dir, FileName))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Import(ctx, writeTemp(t, fixtureZip(t)), dir); err == nil {
		t.Fatal("Import with a cancelled context succeeded")
	}
	assertStoreUnchanged(t, dir, before)
}

func TestImportMissingFile(t *testing.T) {
	if _, err := Import(context.Background(), filepath.Join(t.TempDir(), "nope.zip"), t.TempDir()); err == nil {
		t.Error("Import of a missing file succeeded")
	}
}

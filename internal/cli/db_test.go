package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/rules"
	"github.com/kraitsec/krait/internal/supplychain/popular"
	"github.com/kraitsec/krait/internal/vulndb"
)

// testAdvisories are hand-written OSV entries: demo has a fixable vulnerability known
// under two ids, evilpkg is malware, and one entry is withdrawn.
var testAdvisories = []string{
	`{"id":"PYSEC-2099-1","modified":"2099-05-01T00:00:00Z","aliases":["CVE-2099-1001"],
	  "summary":"demo lets anyone in",
	  "affected":[{"package":{"ecosystem":"PyPI","name":"demo"},
	    "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2.0"}]}]}]}`,
	`{"id":"GHSA-aaaa-bbbb-cccc","modified":"2099-05-02T00:00:00Z","aliases":["CVE-2099-1002"],
	  "summary":"demo leaks memory",
	  "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
	  "affected":[{"package":{"ecosystem":"PyPI","name":"demo"},
	    "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"1.3.0"}]}]}]}`,
	`{"id":"MAL-2099-7","modified":"2099-05-03T00:00:00Z","summary":"Malicious code in evilpkg (PyPI)",
	  "affected":[{"package":{"ecosystem":"PyPI","name":"evilpkg"},
	    "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}`,
	`{"id":"PYSEC-2099-9","modified":"2099-04-01T00:00:00Z","withdrawn":"2099-04-02T00:00:00Z",
	  "affected":[{"package":{"ecosystem":"PyPI","name":"demo"},
	    "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}`,
}

// osvZip builds an OSV all.zip from advisories; it is byte-for-byte the same on
// every run.
func osvZip(t testing.TB, advisories ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i, a := range advisories {
		w, err := zw.Create(fmt.Sprintf("advisory-%d.json", i))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(a)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// popularJSON builds a popular-packages JSON of n rows named pkg-0…, most
// downloaded first.
func popularJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"last_update": "2099-05-01 06:00:00", "rows": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"download_count": %d, "project": "pkg-%d"}`, 1_000_000-i, i)
	}
	b.WriteString("]}")
	return b.Bytes()
}

func writeFile(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runAt runs krait like runKrait, with the clock stopped at now.
func runAt(t *testing.T, now time.Time, env map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &app{
		stdout: &stdout, stderr: &stderr,
		getenv:    func(k string) string { return env[k] },
		registry:  rules.Categories,
		analyzers: defaultAnalyzers,
		now:       func() time.Time { return now },
	})
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// testDB is a database directory holding testAdvisories, imported from src, and
// with popularRows > 0 a popular-packages list of that many names.
type testDB struct {
	dir, src string
	imported time.Time
}

// importedDB imports testAdvisories, and popularRows popular names unless 0, into a
// fresh directory.
func importedDB(t *testing.T, popularRows int) testDB {
	t.Helper()
	db := testDB{dir: t.TempDir(), src: filepath.Join(t.TempDir(), "all.zip")}
	writeFile(t, db.src, osvZip(t, testAdvisories...))
	if _, err := vulndb.Import(context.Background(), db.src, db.dir); err != nil {
		t.Fatal(err)
	}
	db.imported = vulndb.Status(db.dir, time.Now()).Meta.ImportedAt
	if popularRows > 0 {
		top := writeFile(t, filepath.Join(filepath.Dir(db.src), "top.json"), popularJSON(popularRows))
		if _, err := popular.Import(context.Background(), top, db.dir); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// storeSizeRe matches the store's size in db status output.
var storeSizeRe = regexp.MustCompile(`(  size +|"size": )[0-9][0-9.]*( bytes| KiB)?`)

// normalise replaces what changes from run to run (temp dirs, the import time) with
// fixed words, so that the output can be compared with a golden file.
func normalise(s string, imported time.Time, dirs map[string]string) string {
	for dir, word := range dirs {
		s = strings.ReplaceAll(s, dir, word)
	}
	s = strings.ReplaceAll(s, imported.UTC().Format(time.RFC3339Nano), "IMPORTED_AT")
	// The store holds its source's path, whose length varies with the temp dir.
	s = storeSizeRe.ReplaceAllString(s, "${1}SIZE")
	// The built-in popular list grows as it is maintained.
	n := popular.Builtin().Len()
	s = strings.ReplaceAll(s, fmt.Sprintf(`"names": %d`+"\n", n), `"names": BUILTIN_COUNT`+"\n")
	s = strings.ReplaceAll(s, thousands(n)+" names", "BUILTIN_COUNT names")
	return strings.ReplaceAll(s, imported.UTC().Format(time.DateOnly), "IMPORTED_DATE")
}

func TestDBStatus(t *testing.T) {
	db := importedDB(t, 0)
	dir, imported := db.dir, db.imported
	both := importedDB(t, 1200)
	missing := filepath.Join(t.TempDir(), "none")
	damaged := t.TempDir()
	writeFile(t, filepath.Join(damaged, vulndb.FileName), []byte("not a store"))
	dirs := map[string]string{dir: "$DB", db.src: "$SRC", both.dir: "$BOTH", filepath.Dir(both.src): "$BOTHSRC", missing: "$MISSING", damaged: "$DAMAGED"}
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		age      time.Duration
		wantCode int
	}{
		{name: "fresh", args: []string{"--db", dir}, age: 3*24*time.Hour + 2*time.Hour},
		{name: "fresh_json", args: []string{"--db", dir, "-f", "json"}, age: 3*24*time.Hour + 2*time.Hour},
		{name: "env", env: map[string]string{"KRAIT_DB": dir}, age: 5 * time.Minute},
		{name: "stale", args: []string{"--db", dir}, age: 9 * 24 * time.Hour},
		{name: "stale_json", args: []string{"--db", dir, "-f", "json"}, age: 9 * 24 * time.Hour},
		{name: "with_popular", args: []string{"--db", both.dir}, age: 3*24*time.Hour + 2*time.Hour},
		{name: "with_popular_stale", args: []string{"--db", both.dir}, age: 40*24*time.Hour + time.Hour},
		{name: "missing", args: []string{"--db", missing}, wantCode: ExitError},
		{name: "missing_json", args: []string{"--db", missing, "-f", "json"}, wantCode: ExitError},
		{name: "damaged", args: []string{"--db", damaged}, wantCode: ExitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runAt(t, imported.Add(tt.age), tt.env, append([]string{"db", "status"}, tt.args...)...)
			if r.code != tt.wantCode || r.stderr != "" {
				t.Fatalf("exit code %d, stderr %q; want %d and nothing", r.code, r.stderr, tt.wantCode)
			}
			ext := ".txt"
			if strings.HasSuffix(tt.name, "json") {
				ext = ".json"
			}
			checkGolden(t, "db_status_"+tt.name+ext, normalise(r.stdout, imported, dirs))
		})
	}
}

func TestDBImport(t *testing.T) {
	tmp := t.TempDir()
	osv := writeFile(t, filepath.Join(tmp, "all.zip"), osvZip(t, testAdvisories...))
	corrupt := writeFile(t, filepath.Join(tmp, "corrupt.zip"), []byte("PK\x03\x04 this is not really a zip"))
	notOSV := writeFile(t, filepath.Join(tmp, "other.zip"), osvZip(t, `{"hello": "world"}`))
	top := writeFile(t, filepath.Join(tmp, "top.json"), popularJSON(1500))
	shortTop := writeFile(t, filepath.Join(tmp, "short.json"), popularJSON(10))
	text := writeFile(t, filepath.Join(tmp, "notes.txt"), []byte("hello\n"))
	empty := writeFile(t, filepath.Join(tmp, "empty"), nil)
	blocker := writeFile(t, filepath.Join(tmp, "blocker"), []byte("a file where a directory should be"))
	tests := []struct {
		name     string
		file     string
		db       string
		wantCode int
		want     string // stdout
		wantErr  string // a substring of stderr
	}{
		{name: "osv_zip", file: osv, want: "imported 3 OSV advisories for 2 packages\n"},
		{name: "popular_json", file: top, want: "imported 1,500 popular package names\n"},
		{name: "popular_json_too_short", file: shortTop, wantCode: ExitError, wantErr: "short.json"},
		{name: "missing_file", file: filepath.Join(tmp, "nope.zip"), wantCode: ExitError, wantErr: "no such file or directory"},
		{name: "corrupt_zip", file: corrupt, wantCode: ExitError, wantErr: "not a valid zip"},
		{name: "zip_without_osv", file: notOSV, wantCode: ExitError, wantErr: "not valid OSV JSON"},
		{name: "neither", file: text, wantCode: ExitError, wantErr: "notes.txt is neither an OSV zip nor a popular-packages JSON"},
		{name: "empty_file", file: empty, wantCode: ExitError, wantErr: "is neither"},
		{name: "unwritable_dir", file: osv, db: filepath.Join(blocker, "db"), wantCode: ExitError, wantErr: "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := tt.db
			if db == "" {
				db = t.TempDir()
			}
			r := runAt(t, time.Now(), nil, "db", "import", "--db", db, tt.file)
			if r.code != tt.wantCode || r.stdout != tt.want {
				t.Errorf("exit code %d, stdout %q; want %d, %q", r.code, r.stdout, tt.wantCode, tt.want)
			}
			if tt.wantErr == "" && r.stderr != "" || !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr = %q; want it to contain %q", r.stderr, tt.wantErr)
			}
			if tt.wantCode == ExitOK && tt.file == top {
				if info, err := popular.Status(db, time.Now()); err != nil || !info.Present || info.Count != 1500 {
					t.Errorf("after import: %+v, %v", info, err)
				}
			} else if tt.wantCode == ExitOK {
				if st := vulndb.Status(db, time.Now()); !st.Present || st.Err != nil || st.Meta.Source != tt.file {
					t.Errorf("after import: %+v", st)
				}
			}
		})
	}
}

func TestDBImportKeepsOldStoreOnError(t *testing.T) {
	dir := importedDB(t, 0).dir
	before, err := os.ReadFile(filepath.Join(dir, vulndb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	corrupt := writeFile(t, filepath.Join(t.TempDir(), "corrupt.zip"), []byte("PK\x03\x04 broken"))
	if r := runAt(t, time.Now(), nil, "db", "import", "--db", dir, corrupt); r.code != ExitError {
		t.Fatalf("import of a corrupt zip: %+v", r)
	}
	after, err := os.ReadFile(filepath.Join(dir, vulndb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a failed import changed the store")
	}
}

// statusCutOff makes dbServer send half the OSV zip it announces.
const statusCutOff = -1

// dbServer serves an OSV zip at /osv/all.zip (or the status osvStatus) and a
// popular-packages JSON at /top.json.
func dbServer(t *testing.T, osv []byte, osvStatus int, popularJSON []byte) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/osv/all.zip", func(w http.ResponseWriter, r *http.Request) {
		if osvStatus == statusCutOff {
			// The connection drops halfway through the promised body.
			w.Header().Set("Content-Length", fmt.Sprint(len(osv)))
			_, _ = w.Write(osv[:len(osv)/2])
			return
		}
		if osvStatus != http.StatusOK {
			http.Error(w, "nope", osvStatus)
			return
		}
		_, _ = w.Write(osv)
	})
	mux.HandleFunc("/top.json", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(popularJSON)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestDBUpdate(t *testing.T) {
	good := osvZip(t, testAdvisories...)
	tests := []struct {
		name      string
		osv       []byte
		osvStatus int
		popular   []byte
		wantCode  int
		want      string // stdout, with $URL for the server
		wantErr   string // a substring of stderr
		wantOSV   string // the store's source afterwards, with $URL
		// wantPopular is the number of popular names afterwards (1100 before).
		wantPopular int
	}{
		{
			name: "both", osv: good, osvStatus: http.StatusOK, popular: popularJSON(1200),
			want: "updated the vulnerability database: 3 OSV advisories for 2 packages from $URL/osv/all.zip\n" +
				"updated the popular-packages list: 1,200 popular package names from $URL/top.json\n",
			wantOSV: "$URL/osv/all.zip", wantPopular: 1200,
		},
		{
			name: "popular_broken", osv: good, osvStatus: http.StatusOK, popular: []byte(`{"rows": [`), wantCode: ExitError,
			want:    "updated the vulnerability database: 3 OSV advisories for 2 packages from $URL/osv/all.zip\n",
			wantErr: "krait: popular-packages list not updated: $URL/top.json:",
			wantOSV: "$URL/osv/all.zip", wantPopular: 1100,
		},
		{
			name: "osv_unavailable", osvStatus: http.StatusServiceUnavailable, popular: popularJSON(1200), wantCode: ExitError,
			want:        "updated the popular-packages list: 1,200 popular package names from $URL/top.json\n",
			wantPopular: 1200,
			wantErr:     "krait: vulnerability database not updated: download $URL/osv/all.zip: HTTP 503 Service Unavailable\n",
			wantOSV:     "old.zip",
		},
		{
			name: "osv_cut_off", osv: good, osvStatus: statusCutOff, popular: popularJSON(1200), wantCode: ExitError,
			want:    "updated the popular-packages list: 1,200 popular package names from $URL/top.json\n",
			wantErr: "krait: vulnerability database not updated: download $URL/osv/all.zip: ",
			wantOSV: "old.zip", wantPopular: 1200,
		},
		{
			name: "osv_corrupt", osv: good[:len(good)/2], osvStatus: http.StatusOK, popular: []byte("<html>"), wantCode: ExitError,
			wantPopular: 1100,
			wantErr:     "krait: vulnerability database not updated: $URL/osv/all.zip: not a valid zip",
			wantOSV:     "old.zip",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := dbServer(t, tt.osv, tt.osvStatus, tt.popular)
			dir := t.TempDir()
			old := writeFile(t, filepath.Join(t.TempDir(), "old.zip"), osvZip(t, testAdvisories[0]))
			if _, err := vulndb.Import(context.Background(), old, dir); err != nil {
				t.Fatal(err)
			}
			oldTop := writeFile(t, filepath.Join(t.TempDir(), "old.json"), popularJSON(1100))
			if _, err := popular.Import(context.Background(), oldTop, dir); err != nil {
				t.Fatal(err)
			}
			r := runAt(t, time.Now(), nil, "db", "update", "--db", dir, "--url", srv.URL+"/osv/all.zip", "--popular-url", srv.URL+"/top.json")
			expand := func(s string) string { return strings.ReplaceAll(s, "$URL", srv.URL) }
			if r.code != tt.wantCode || r.stdout != expand(tt.want) {
				t.Errorf("exit code %d, stdout %q; want %d, %q", r.code, r.stdout, tt.wantCode, expand(tt.want))
			}
			if tt.wantErr == "" && r.stderr != "" || !strings.Contains(r.stderr, expand(tt.wantErr)) {
				t.Errorf("stderr = %q; want it to contain %q", r.stderr, expand(tt.wantErr))
			}
			st := vulndb.Status(dir, time.Now())
			wantSource := expand(tt.wantOSV)
			if tt.wantOSV == "old.zip" {
				wantSource = old
			}
			if diff := cmp.Diff(wantSource, st.Meta.Source); diff != "" {
				t.Errorf("store source after update (-want +got):\n%s", diff)
			}
			if info, err := popular.Status(dir, time.Now()); err != nil || info.Count != tt.wantPopular {
				t.Errorf("popular list after update: %d names, %v; want %d", info.Count, err, tt.wantPopular)
			}
		})
	}
}

func TestDBUpdateUnwritableDir(t *testing.T) {
	srv := dbServer(t, osvZip(t, testAdvisories...), http.StatusOK, popularJSON(1200))
	blocker := writeFile(t, filepath.Join(t.TempDir(), "blocker"), []byte("a file where a directory should be"))
	r := runAt(t, time.Now(), nil, "db", "update", "--db", filepath.Join(blocker, "db"),
		"--url", srv.URL+"/osv/all.zip", "--popular-url", srv.URL+"/top.json")
	if r.code != ExitError || r.stdout != "" {
		t.Errorf("exit code %d, stdout %q; want 2 and nothing", r.code, r.stdout)
	}
	for _, want := range []string{"krait: vulnerability database not updated: ", "krait: popular-packages list not updated: "} {
		if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "not a directory") {
			t.Errorf("stderr = %q; want %q ... not a directory", r.stderr, want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 16532: "16,532", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q; want %q", n, got, want)
		}
	}
}

func TestHumanAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second: "just now", time.Minute: "1 minute ago", 59 * time.Minute: "59 minutes ago",
		3 * time.Hour: "3 hours ago", 25 * time.Hour: "1 day ago", 9 * 24 * time.Hour: "9 days ago",
	} {
		if got := humanAge(d); got != want {
			t.Errorf("humanAge(%v) = %q; want %q", d, got, want)
		}
	}
}

package popular

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/deps"
)

// sharedTop is hugovk's list as the team keeps it beside the repository.
const sharedTop = "../../../../shared/data/top-pypi-packages.json"

// topDoc builds a popular-packages JSON of n rows named pkg-0…, most
// downloaded first, with extra rows first.
func topDoc(t testing.TB, n int, extra ...topRow) []byte {
	t.Helper()
	doc := topJSON{LastUpdate: "2026-04-01 06:34:06"}
	doc.Rows = append(doc.Rows, extra...)
	for i := range n {
		doc.Rows = append(doc.Rows, topRow{Project: fmt.Sprintf("pkg-%d", i), DownloadCount: int64(1_000_000 - i)})
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestBuiltin(t *testing.T) {
	l := Builtin()
	if l.Len() < 1000 {
		t.Errorf("built-in list has %d names, want at least 1000", l.Len())
	}
	if !l.BuiltIn || l.Source != BuiltinSource {
		t.Errorf("Source = %q, BuiltIn = %v", l.Source, l.BuiltIn)
	}
	seen := map[string]bool{}
	for _, n := range l.Names {
		if !validName.MatchString(n) || deps.Normalize(n) != n {
			t.Errorf("name %q is not a normalised project name", n)
		}
		if seen[n] {
			t.Errorf("name %q listed twice", n)
		}
		seen[n] = true
	}
	for _, want := range []string{"requests", "urllib3", "colorama", "Discord.py", "python_dateutil",
		"beautifulsoup4", "Pillow", "tensorflow", "torch", "selenium", "numpy", "django", "boto3"} {
		if _, ok := l.Rank(want); !ok {
			t.Errorf("built-in list lacks %s", want)
		}
	}
	// Typosquats from advisories must not be in the list that exempts names.
	for _, bad := range []string{"beautifulsoup", "python3-dateutil", "colourama", "urlib3", "crypto"} {
		if _, ok := l.Rank(bad); ok {
			t.Errorf("built-in list holds %s, which imitates a popular project", bad)
		}
	}
	if r, _ := l.Rank("boto3"); r != 1 {
		t.Errorf("Rank(boto3) = %d, want 1", r)
	}
	if got := len(l.Top(10)); got != 10 {
		t.Errorf("Top(10) has %d names", got)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"json", `{"last_update": "x", "rows": []}`, true},
		{"json_bom_space", "\xef\xbb\xbf \n{\"rows\":[]}", true},
		{"zip", "PK\x03\x04\x14\x00", false},
		{"empty", "", false},
		{"array", `[{"project": "x"}]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.data)); got != tt.want {
				t.Errorf("Sniff(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

func TestParseTop(t *testing.T) {
	good := topDoc(t, MinRows, topRow{Project: "Python_DateUtil", DownloadCount: 5}, topRow{Project: "Top.Pkg", DownloadCount: 2_000_000},
		topRow{Project: "top-pkg", DownloadCount: 1})
	names, last, err := parseTop(good)
	if err != nil {
		t.Fatal(err)
	}
	if last != "2026-04-01 06:34:06" {
		t.Errorf("last_update = %q", last)
	}
	if names[0] != "top-pkg" || names[1] != "pkg-0" || names[len(names)-1] != "python-dateutil" || len(names) != MinRows+2 {
		t.Errorf("names = %v … %v (%d), want top-pkg, pkg-0 … python-dateutil (%d)", names[:2], names[len(names)-1], len(names), MinRows+2)
	}

	bad := []struct {
		name string
		data []byte
		want string
	}{
		{"zip", []byte("PK\x03\x04"), "not a popular-packages JSON"},
		{"broken", good[:len(good)/2], "not a popular-packages JSON"},
		{"few_rows", topDoc(t, MinRows-1), "fewer than"},
		{"no_rows", []byte(`{"last_update": "x"}`), "0 rows"},
		{"bad_name", topDoc(t, MinRows, topRow{Project: "evil/../name", DownloadCount: 1}), "invalid project name"},
		{"negative", topDoc(t, MinRows, topRow{Project: "x", DownloadCount: -1}), "negative download count"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseTop(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseTop error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestUpdateKeepsOldListOnFailure(t *testing.T) {
	good := topDoc(t, MinRows)
	var serve func(w http.ResponseWriter)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { serve(w) }))
	defer srv.Close()
	dir := t.TempDir()
	now := time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)

	serve = func(w http.ResponseWriter) { w.Write(good) }
	info, err := update(context.Background(), srv.URL, dir, srv.Client(), now)
	if err != nil {
		t.Fatal(err)
	}
	want := Info{Path: filepath.Join(dir, FileName), Present: true, Source: srv.URL, Count: MinRows,
		LastUpdate: "2026-04-01 06:34:06", SHA256: info.SHA256, ImportedAt: now}
	if diff := cmp.Diff(want, info); diff != "" {
		t.Errorf("Update info (-want +got):\n%s", diff)
	}
	st, err := Status(dir, now.Add(48*time.Hour))
	if err != nil || st.Count != MinRows || st.Age != 48*time.Hour {
		t.Errorf("Status = %+v, %v", st, err)
	}
	if !strings.Contains(st.String(), "1000 names from "+srv.URL) {
		t.Errorf("Status string = %q", st.String())
	}

	failures := []struct {
		name  string
		serve func(w http.ResponseWriter)
	}{
		{"status_500", func(w http.ResponseWriter) { http.Error(w, "boom", http.StatusInternalServerError) }},
		{"truncated", func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", fmt.Sprint(len(good)))
			w.Write(good[:len(good)/2])
		}},
		{"not_json", func(w http.ResponseWriter) { w.Write([]byte("<html>captive portal</html>")) }},
		{"too_short", func(w http.ResponseWriter) { w.Write(topDoc(t, 10)) }},
	}
	for _, tt := range failures {
		t.Run(tt.name, func(t *testing.T) {
			serve = tt.serve
			if _, err := update(context.Background(), srv.URL, dir, srv.Client(), now); err == nil {
				t.Fatal("Update succeeded")
			}
			l, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if l.BuiltIn || l.Len() != MinRows || l.Names[0] != "pkg-0" {
				t.Errorf("after a failed update the list is %s with %d names", l.Source, l.Len())
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
			if len(leftovers) != 0 {
				t.Errorf("temp files left: %v", leftovers)
			}
		})
	}
}

func TestImportAndLoad(t *testing.T) {
	dir := t.TempDir()
	l, err := Load(dir)
	if err != nil || !l.BuiltIn {
		t.Fatalf("Load of an empty dir = %v, %v; want the built-in list", l, err)
	}
	st, err := Status(dir, time.Now())
	if err != nil || st.Present || !strings.Contains(st.String(), "built-in list") {
		t.Errorf("Status of an empty dir = %+v (%q), %v", st, st.String(), err)
	}

	file := filepath.Join(t.TempDir(), "top.json")
	if err := os.WriteFile(file, topDoc(t, MinRows+5), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := Import(context.Background(), file, dir)
	if err != nil || info.Count != MinRows+5 || info.Source != file {
		t.Fatalf("Import = %+v, %v", info, err)
	}
	l, err = Load(dir)
	if err != nil || l.BuiltIn || l.Source != file {
		t.Fatalf("Load = %v, %v", l, err)
	}
	if r, ok := l.Rank("PKG_3"); !ok || r != 4 {
		t.Errorf("Rank(PKG_3) = %d, %v; want 4", r, ok)
	}

	zipFile := filepath.Join(t.TempDir(), "all.zip")
	if err := os.WriteFile(zipFile, []byte("PK\x03\x04rest"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(context.Background(), zipFile, dir); err == nil {
		t.Error("Import of a zip succeeded")
	}

	// A damaged store is an error, not a silent fall-back.
	store := filepath.Join(dir, FileName)
	data, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(store, data[:len(data)-20], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Load of a truncated store: %v", err)
	}
	if _, err := Status(dir, time.Now()); err == nil {
		t.Error("Status of a truncated store: no error")
	}
}

// TestSharedTopList imports the real list and checks how the built-in list
// compares with it.
func TestSharedTopList(t *testing.T) {
	if _, err := os.Stat(sharedTop); err != nil {
		t.Skipf("shared data not present at %s (the repository's ../shared/data): %v", sharedTop, err)
	}
	info, err := Import(context.Background(), sharedTop, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if info.Count < 14_000 {
		t.Errorf("imported %d names", info.Count)
	}
	top, err := Load(filepath.Dir(info.Path))
	if err != nil {
		t.Fatal(err)
	}
	in5k, in15k := 0, 0
	b := Builtin()
	var missing []string
	for _, n := range b.Names {
		r, ok := top.Rank(n)
		switch {
		case !ok:
			missing = append(missing, n)
		case r <= 5000:
			in5k++
			in15k++
		default:
			in15k++
		}
	}
	t.Logf("built-in: %d names, %d in the top 5,000, %d in the top 15,000; not listed: %v", b.Len(), in5k, in15k, missing)
	if in15k*10 < b.Len()*9 {
		t.Errorf("only %d of the %d built-in names are in the top 15,000", in15k, b.Len())
	}
}

package vulndb

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestUpdate(t *testing.T) {
	body := fixtureZip(t)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/PyPI/all.zip" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	})
	dir := writeSample(t)
	url := srv.URL + "/PyPI/all.zip"
	meta, err := update(context.Background(), url, dir, srv.Client(), defaultLimits(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if meta.Source != url || meta.Entries != 5 || meta.Packages != 4 {
		t.Errorf("Meta = %+v; want source %s, 5 entries, 4 packages", meta, url)
	}
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Meta().Source != url {
		t.Errorf("stored source = %q, want %q", db.Meta().Source, url)
	}
	if got, _ := db.Lookup("web-frame"); len(got) != 1 {
		t.Errorf("new store lacks web-frame: %v", got)
	}
	if got, _ := db.Lookup("a"); got != nil {
		t.Errorf("old store's packages survived the swap: %v", got)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("DB dir holds %d files after update, want 1 (the download was not removed?)", len(ents))
	}
}

// TestUpdateFailures checks that every failed download leaves the old store
// as it was, with no temp file left behind.
func TestUpdateFailures(t *testing.T) {
	body := fixtureZip(t)
	half := func(chunked bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if !chunked {
				w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			}
			w.Write(body[:len(body)/2])
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // the server drops the connection mid-body
		}
	}
	tests := []struct {
		name    string
		h       http.HandlerFunc
		lim     limits
		wantErr string
	}{
		{"http_500", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		}, defaultLimits(), "HTTP 500"},
		{"http_404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, defaultLimits(), "HTTP 404"},
		{"interrupted", half(false), defaultLimits(), "download"},
		{"interrupted_chunked", half(true), defaultLimits(), "interrupted"},
		{"corrupt_zip", func(w http.ResponseWriter, r *http.Request) {
			b := append([]byte(nil), body...)
			for i := len(b) / 3; i < len(b)/3+64; i++ {
				b[i] ^= 0xff
			}
			w.Write(b)
		}, defaultLimits(), "entry"},
		{"wrong_content", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>Please log in to the proxy</body></html>"))
		}, defaultLimits(), "not a valid zip"},
		{"wrong_ecosystem", func(w http.ResponseWriter, r *http.Request) {
			w.Write(zipOf(t, "GHSA-1.json", `{"id": "GHSA-1", "modified": "2020-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "a"}}]}`))
		}, defaultLimits(), "no PyPI package"},
		{"declared_too_big", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "5000")
			w.Write(make([]byte, 5000))
		}, limits{MaxZip: 1000, MaxEntries: 10, MaxEntrySize: 1000, MaxTotal: 1000}, "more than the 1000 allowed"},
		{"endless_body", func(w http.ResponseWriter, r *http.Request) {
			for range 10 {
				w.Write(make([]byte, 1000))
			}
		}, limits{MaxZip: 1000, MaxEntries: 10, MaxEntrySize: 1000, MaxTotal: 1000}, "more than the 1000 bytes allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.h)
			dir := writeSample(t)
			before, err := os.ReadFile(filepath.Join(dir, FileName))
			if err != nil {
				t.Fatal(err)
			}
			_, err = update(context.Background(), srv.URL+"/all.zip", dir, srv.Client(), tt.lim, testNow)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("update error = %v, want one containing %q", err, tt.wantErr)
			}
			t.Logf("error: %v", err)
			if !strings.Contains(err.Error(), srv.URL) {
				t.Errorf("update error %q does not name the URL", err)
			}
			assertStoreUnchanged(t, dir, before)
		})
	}
}

func TestUpdateCancelled(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write(fixtureZip(t))
	})
	dir := writeSample(t)
	before, _ := os.ReadFile(filepath.Join(dir, FileName))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Update(ctx, srv.URL, dir, srv.Client()); err == nil {
		t.Fatal("Update with a cancelled context succeeded")
	}
	assertStoreUnchanged(t, dir, before)
}

func TestUpdateIntoEmptyDir(t *testing.T) {
	body := fixtureZip(t)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write(body) })
	dir := filepath.Join(t.TempDir(), "cache", "krait")
	if _, err := Update(context.Background(), srv.URL, dir, srv.Client()); err != nil {
		t.Fatal(err)
	}
	if s := Status(dir, testNow); !s.Present || s.Err != nil || s.Meta.Entries != 5 {
		t.Errorf("Status after first update = %+v", s)
	}
}

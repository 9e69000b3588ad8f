package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestScanUnsupportedEncoding checks that a file in a codec krait lacks is a
// per-file "encoding" error naming the codec, not a syntax or internal one,
// and that the scan goes on with the other files.
func TestScanUnsupportedEncoding(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "urdu.py"), []byte("# coding: cp1006\nx = '\xa1'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.py"), []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runKrait(t, runOpts{}, "scan", "-f", "json", dir)
	var out struct {
		Errors []struct {
			Path, Kind, Message string
		}
		Stats struct{ Files int }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if out.Stats.Files != 1 {
		t.Errorf("files analysed = %d, want 1", out.Stats.Files)
	}
	if len(out.Errors) != 1 {
		t.Fatalf("errors = %+v, want one", out.Errors)
	}
	e := out.Errors[0]
	want := `source encoding "cp1006" is not supported by krait (CPython can decode it); the file was not analysed`
	if filepath.Base(e.Path) != "urdu.py" || e.Kind != errKindEncoding || e.Message != want {
		t.Errorf("error = %+v, want urdu.py, kind %q, message %q", e, errKindEncoding, want)
	}
}

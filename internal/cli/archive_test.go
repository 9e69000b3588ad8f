package cli

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/rules"
)

// writeTarGz writes an sdist-like archive with the given members.
func writeTarGz(t *testing.T, path string, members map[string]string, order []string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for _, name := range order {
		body := members[name]
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestScanArchive(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "evil-1.0.tar.gz")
	members := map[string]string{
		"evil-1.0/setup.py": "import base64\nfrom setuptools import setup\nexec(base64.b64decode('cHJpbnQoMSk='))\nsetup(name='evil', install_requires=['reqeusts'])\n",
		"../escape.py":      "print('outside')\n",
	}
	writeTarGz(t, pkg, members, []string{"evil-1.0/setup.py", "../escape.py"})

	opts := runOpts{categories: rules.Categories(), analyzers: defaultAnalyzers}
	r := runKrait(t, opts, "scan", "-f", "json", "--offline", "--db", t.TempDir(), "--select", "KR814,KR802", pkg)
	if r.code != ExitFindings {
		t.Fatalf("exit code = %d; stderr %q", r.code, r.stderr)
	}
	var out struct {
		Findings []struct{ Code, Path, Imitates string }
		Errors   []struct{ Path, Kind string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, f.Code+" "+f.Path+" "+f.Imitates)
	}
	want := []string{
		"KR814 " + pkg + "/evil-1.0/setup.py ",
		"KR802 " + pkg + "/evil-1.0/setup.py requests",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(out.Errors) != 1 || out.Errors[0].Kind != errKindArchive || !strings.HasSuffix(out.Errors[0].Path, "../escape.py") {
		t.Errorf("errors = %+v; want the escaping member reported", out.Errors)
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.py")); err == nil {
		t.Error("a member was written outside the extraction directory")
	}
}

func TestScanArchiveUnreadable(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "broken.whl")
	if err := os.WriteFile(pkg, []byte("PK\x03\x04 not really a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runKrait(t, runOpts{categories: rules.Categories(), analyzers: defaultAnalyzers}, "scan", "-f", "json", "--offline", "--db", t.TempDir(), pkg)
	if r.code != ExitError {
		t.Errorf("exit code = %d; want 2 when the only input cannot be extracted (stdout %s)", r.code, r.stdout)
	}
	if !strings.Contains(r.stdout, `"kind": "archive"`) {
		t.Errorf("no archive error in %s", r.stdout)
	}
}

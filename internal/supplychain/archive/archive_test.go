package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// member is one entry of a test archive.
type member struct {
	name string
	body []byte
	// typ is a tar type flag; 0 means a regular file. link is a link target.
	typ  byte
	link string
	mode fs.FileMode
}

func file(name, body string) member { return member{name: name, body: []byte(body)} }

// makeZip builds a zip of members (symlinks through mode).
func makeZip(t testing.TB, members ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate}
		if len(m.body) == 0 {
			h.Method = zip.Store // much faster to write 100k of
		}
		if m.mode != 0 {
			h.SetMode(m.mode)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makeTarGz builds a gzipped tarball of members.
func makeTarGz(t testing.TB, members ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	tw := tar.NewWriter(gz)
	for _, m := range members {
		typ := m.typ
		if typ == 0 {
			typ = tar.TypeReg
		}
		h := &tar.Header{Name: m.name, Typeflag: typ, Linkname: m.link, Mode: 0o644, Size: int64(len(m.body))}
		if typ != tar.TypeReg {
			h.Size = 0
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if typ == tar.TypeReg {
			if _, err := tw.Write(m.body); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// repeatedTar is a plain tarball of n empty members, all named "f" (quick to
// build, even under the race detector).
func repeatedTar(t testing.TB, n int) []byte {
	t.Helper()
	var one bytes.Buffer
	tw := tar.NewWriter(&one)
	if err := tw.WriteHeader(&tar.Header{Name: "f", Typeflag: tar.TypeReg, Mode: 0o644}); err != nil {
		t.Fatal(err)
	}
	tw.Flush()
	return append(bytes.Repeat(one.Bytes(), n), make([]byte, 1024)...)
}

// extract writes data as name in a fresh directory, extracts it into out/
// beside it, and checks that nothing else appeared in that directory.
func extract(t *testing.T, name string, data []byte, lim Limits) (*Result, error) {
	t.Helper()
	base := t.TempDir()
	arc := filepath.Join(base, name)
	if err := os.WriteFile(arc, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(base, "out")
	res, err := Extract(context.Background(), arc, out, lim)
	entries, rerr := os.ReadDir(base)
	if rerr != nil {
		t.Fatal(rerr)
	}
	for _, e := range entries {
		if e.Name() != name && e.Name() != "out" {
			t.Errorf("extraction wrote %s outside its directory", e.Name())
		}
	}
	if _, serr := os.Lstat(filepath.Join(base, "evil")); serr == nil {
		t.Error("evil file written outside")
	}
	return res, err
}

// problems renders a result's problems for comparison.
func problems(res *Result) []string {
	var out []string
	for _, p := range res.Problems {
		out = append(out, p.Member+": "+p.Message)
	}
	return out
}

func TestExtractWheel(t *testing.T) {
	data := makeZip(t,
		file("pkg/__init__.py", "import os\n"),
		member{name: "pkg/data/", mode: fs.ModeDir | 0o755},
		file("pkg/data/inner.tar.gz", "not really"),
		file("pkg-1.0.dist-info/METADATA", "Name: pkg\n"),
	)
	res, err := extract(t, "pkg-1.0-py3-none-any.whl", data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	want := &Result{Dir: res.Dir, Format: FormatZip, Bytes: 30,
		Files:  []string{"pkg/__init__.py", "pkg/data/inner.tar.gz", "pkg-1.0.dist-info/METADATA"},
		Nested: []string{"pkg/data/inner.tar.gz"}}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	body, err := os.ReadFile(filepath.Join(res.Dir, "pkg", "__init__.py"))
	if err != nil || string(body) != "import os\n" {
		t.Errorf("content %q, %v", body, err)
	}
	for p, dir := range map[string]bool{"pkg/__init__.py": false, "pkg/data": true, ".": true} {
		st, err := os.Stat(filepath.Join(res.Dir, p))
		if err != nil || st.IsDir() != dir || st.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %v, %v; want private", p, st.Mode(), err)
		}
	}
}

func TestExtractRefusesMembers(t *testing.T) {
	deep := strings.Repeat("d/", 40) + "f.py"
	tests := []struct {
		name    string
		archive string
		data    func(t testing.TB) []byte
		want    []string
	}{
		{"zip_dotdot", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, file("../../evil", "x"), file("ok.py", "x"), file(`..\..\evil`, "x"))
		}, []string{"../../evil: path leaves the archive root (..)", `..\..\evil: path leaves the archive root (..)`}},
		{"zip_absolute", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, file("/tmp/evil", "x"), file("C:/evil", "x"), file("ok.py", "x"))
		}, []string{"/tmp/evil: absolute path", "C:/evil: absolute path"}},
		{"zip_symlink", "a.zip", func(t testing.TB) []byte {
			return makeZip(t, member{name: "link", body: []byte("../../etc"), mode: fs.ModeSymlink | 0o777}, file("link/passwd", "x"))
		}, []string{"link: symbolic link skipped"}},
		{"zip_deep", "a.zip", func(t testing.TB) []byte { return makeZip(t, file(deep, "x"), file("ok.py", "x")) },
			[]string{deep + ": path 41 levels deep, more than the 32 allowed"}},
		{"zip_duplicate", "a.zip", func(t testing.TB) []byte { return makeZip(t, file("ok.py", "x"), file("./ok.py", "y")) },
			[]string{"./ok.py: duplicate member, or a file where a directory is"}},
		{"tar_dotdot", "a.tar.gz", func(t testing.TB) []byte {
			return makeTarGz(t, file("../../evil", "x"), file("ok.py", "x"))
		}, []string{"../../evil: path leaves the archive root (..)"}},
		{"tar_absolute", "a.tar.gz", func(t testing.TB) []byte {
			return makeTarGz(t, file("/evil", "x"), file("ok.py", "x"))
		}, []string{"/evil: absolute path"}},
		{"tar_links", "a.tar.gz", func(t testing.TB) []byte {
			return makeTarGz(t,
				member{name: "link", typ: tar.TypeSymlink, link: "../../.."},
				member{name: "hard", typ: tar.TypeLink, link: "/etc/passwd"},
				file("link/evil", "x"), file("ok.py", "x"))
		}, []string{`link: symbolic link to "../../.." skipped`, `hard: hard link to "/etc/passwd" skipped`}},
		{"tar_device", "a.tar.gz", func(t testing.TB) []byte {
			return makeTarGz(t, member{name: "dev/sda", typ: tar.TypeBlock}, member{name: "fifo", typ: tar.TypeFifo}, file("ok.py", "x"))
		}, []string{"dev/sda: device or FIFO skipped", "fifo: device or FIFO skipped"}},
		{"tar_deep", "a.tar.gz", func(t testing.TB) []byte { return makeTarGz(t, file(deep, "x"), file("ok.py", "x")) },
			[]string{deep + ": path 41 levels deep, more than the 32 allowed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := extract(t, tt.archive, tt.data(t), DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, problems(res)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if !slices.Contains(res.Files, "ok.py") && !slices.Contains(res.Files, "link/passwd") && !slices.Contains(res.Files, "link/evil") {
				t.Errorf("files %v: the harmless member is missing", res.Files)
			}
			for _, f := range res.Files {
				if st, err := os.Lstat(filepath.Join(res.Dir, f)); err != nil || !st.Mode().IsRegular() {
					t.Errorf("%s: %v, %v", f, st, err)
				}
			}
		})
	}
}

func TestExtractLimits(t *testing.T) {
	zeros := make([]byte, 8<<20)
	many := func(n int) []member {
		ms := make([]member, n)
		for i := range ms {
			ms[i] = member{name: fmt.Sprintf("f%d", i)}
		}
		return ms
	}
	oneMiB := func(n int) []member {
		ms := make([]member, n)
		for i := range ms {
			ms[i] = member{name: fmt.Sprintf("f%d", i), body: bytes.Repeat([]byte(fmt.Sprintf("%08d", i)), 1<<17)}
		}
		return ms
	}
	tests := []struct {
		name    string
		archive string
		data    func(t testing.TB) []byte
		lim     Limits
		want    string
	}{
		{"zip_bomb", "bomb.zip", func(t testing.TB) []byte { return makeZip(t, member{name: "zeros", body: zeros}) },
			DefaultLimits(), "member expands more than 100 times"},
		{"targz_bomb", "bomb.tar.gz", func(t testing.TB) []byte { return makeTarGz(t, member{name: "zeros", body: zeros}) },
			DefaultLimits(), "archive expands more than 100 times"},
		{"zip_100k_entries", "many.zip", func(t testing.TB) []byte { return makeZip(t, many(100_000)...) },
			DefaultLimits(), "100000 members, more than the 20000 allowed"},
		{"tar_100k_entries", "many.tar", func(t testing.TB) []byte { return repeatedTar(t, 100_000) },
			Limits{MaxFiles: 1000}, "more than 1000 members"}, // a tar has no directory: it stops at the limit
		{"zip_total", "big.zip", func(t testing.TB) []byte { return makeZip(t, oneMiB(4)...) },
			Limits{MaxTotal: 3 << 20, MaxRatio: 1e9}, "more than 3145728 bytes in all"},
		{"tar_file", "big.tar.gz", func(t testing.TB) []byte { return makeTarGz(t, oneMiB(2)...) },
			Limits{MaxFile: 1 << 19, MaxRatio: 1e9}, "member larger than 524288 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := extract(t, tt.archive, tt.data(t), tt.lim)
			if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want ErrLimit with %q", err, tt.want)
			}
			lim := tt.lim.withDefaults()
			if res.Bytes > lim.MaxTotal+64<<10 {
				t.Errorf("wrote %d bytes before stopping", res.Bytes)
			}
			// A stopped member leaves no partial file.
			for _, f := range res.Files {
				if _, err := os.Stat(filepath.Join(res.Dir, f)); err != nil {
					t.Error(err)
				}
			}
			if tt.name == "zip_bomb" || tt.name == "targz_bomb" {
				if _, err := os.Stat(filepath.Join(res.Dir, "zeros")); err == nil {
					t.Error("the bomb's partial output was left behind")
				}
			}
		})
	}
}

// TestExtractDamaged covers size headers that lie and truncated streams.
func TestExtractDamaged(t *testing.T) {
	// A stored zip member whose header declares 5 bytes but holds 10.
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	body := []byte("0123456789")
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "liar.py", Method: zip.Store, CRC32: crc32.ChecksumIEEE(body[:5]),
		CompressedSize64: 10, UncompressedSize64: 5})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	w, _ = zw.Create("ok.py")
	w.Write([]byte("x"))
	zw.Close()
	res, err := extract(t, "liar.zip", zbuf.Bytes(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if got := problems(res); len(got) != 1 || !strings.HasPrefix(got[0], "liar.py: damaged") || !slices.Equal(res.Files, []string{"ok.py"}) {
		t.Errorf("lying zip: problems %q, files %v", got, res.Files)
	}
	if _, err := os.Stat(filepath.Join(res.Dir, "liar.py")); err == nil {
		t.Error("the damaged member was left behind")
	}

	// A tarball cut short in the middle of its second member.
	tgz := makeTarGz(t, file("first.py", "x"), member{name: "second.py", body: bytes.Repeat([]byte("abcdefgh"), 1<<15)})
	res, err = extract(t, "cut.tar.gz", tgz[:len(tgz)*2/3], DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if got := problems(res); len(got) != 1 || !strings.Contains(got[0], "damaged or truncated") || !slices.Equal(res.Files, []string{"first.py"}) {
		t.Errorf("truncated tar.gz: problems %q, files %v", got, res.Files)
	}

	// A tar header whose size promises more than the stream holds.
	var tbuf bytes.Buffer
	tw := tar.NewWriter(&tbuf)
	tw.WriteHeader(&tar.Header{Name: "big.py", Typeflag: tar.TypeReg, Size: 1 << 30, Mode: 0o644})
	tw.Write([]byte("short"))
	res, err = extract(t, "liar.tar", tbuf.Bytes(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if got := problems(res); len(got) != 1 || !strings.Contains(got[0], "big.py: archive damaged or truncated") || len(res.Files) != 0 {
		t.Errorf("lying tar: problems %q, files %v", got, res.Files)
	}

	// Not an archive at all.
	if _, err := extract(t, "x.whl", []byte("hello"), DefaultLimits()); err == nil || !strings.Contains(err.Error(), "not a zip") {
		t.Errorf("non-archive: %v", err)
	}
}

func TestExtractTarBz2(t *testing.T) {
	data, err := os.ReadFile("testdata/hello.tar.bz2")
	if err != nil {
		t.Fatal(err)
	}
	res, err := extract(t, "hello-1.0.tar.bz2", data, DefaultLimits())
	if err != nil || res.Format != FormatTarBz2 || !slices.Equal(res.Files, []string{"hello-1.0/hello.py"}) {
		t.Errorf("tar.bz2: %+v, %v", res, err)
	}
}

func TestExtractTemp(t *testing.T) {
	arc := filepath.Join(t.TempDir(), "a.zip")
	if err := os.WriteFile(arc, makeZip(t, file("a.py", "x")), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ExtractTemp(context.Background(), arc, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(res.Dir)
	st, err := os.Stat(res.Dir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("temp dir mode %v, %v; want 0700", st.Mode(), err)
	}

	bomb := filepath.Join(t.TempDir(), "b.zip")
	if err := os.WriteFile(bomb, makeZip(t, member{name: "z", body: make([]byte, 4<<20)}), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := ExtractTemp(context.Background(), bomb, DefaultLimits()); err == nil || res != nil {
		t.Errorf("ExtractTemp of a bomb = %v, %v", res, err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ExtractTemp(ctx, arc, DefaultLimits()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ExtractTemp: %v", err)
	}
}

func TestIsArchive(t *testing.T) {
	dir := t.TempDir()
	disguised := filepath.Join(dir, "package")
	if err := os.WriteFile(disguised, makeTarGz(t, file("a", "b")), 0o644); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes")
	if err := os.WriteFile(text, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want bool
	}{
		{"pkg-1.0-py3-none-any.whl", true}, {"pkg-1.0.tar.gz", true}, {"PKG.ZIP", true}, {"p.tgz", true},
		{"p.tar.bz2", true}, {"p.egg", true}, {disguised, true},
		{text, false}, {"setup.py", false}, {filepath.Join(dir, "missing"), false},
	}
	for _, tt := range tests {
		t.Run(strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(filepath.Base(tt.path)), func(t *testing.T) {
			if got := IsArchive(tt.path); got != tt.want {
				t.Errorf("IsArchive(%s) = %v", tt.path, got)
			}
		})
	}
}

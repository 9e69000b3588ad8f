package distinfo

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/deps"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// venv is a small virtual environment: a requested wheel, a dependency of it, a
// VCS install, an editable project, an egg-info directory, a distutils
// egg-info file, an egg, and a broken dist-info.
func venv() fstest.MapFS {
	sp := "venv/lib/python3.12/site-packages/"
	return fstest.MapFS{
		"venv/pyvenv.cfg":                                                    file("home = /usr/bin\n"),
		sp + "flask-3.0.3.dist-info/METADATA":                                file("Metadata-Version: 2.1\nName: Flask\nVersion: 3.0.3\nRequires-Python: >=3.8\nRequires-Dist: Werkzeug>=3.0.0\nRequires-Dist: asgiref>=3.2 ; extra == \"async\"\n"),
		sp + "flask-3.0.3.dist-info/RECORD":                                  file("flask/__init__.py,sha256=a,1\nflask/app.py,sha256=b,2\n../../../bin/flask,sha256=c,3\nflask-3.0.3.dist-info/METADATA,,\n"),
		sp + "flask-3.0.3.dist-info/REQUESTED":                               file(""),
		sp + "flask-3.0.3.dist-info/INSTALLER":                               file("pip\n"),
		sp + "werkzeug-3.0.3.dist-info/METADATA":                             file("Name: werkzeug\nVersion: 3.0.3\n"),
		sp + "werkzeug-3.0.3.dist-info/top_level.txt":                        file("werkzeug\n"),
		sp + "tool-0.1.dist-info/METADATA":                                   file("Name: tool\nVersion: 0.1\n"),
		sp + "tool-0.1.dist-info/direct_url.json":                            file(`{"url": "https://github.com/o/tool.git", "vcs_info": {"vcs": "git", "commit_id": "0123456789abcdef0123456789abcdef01234567", "requested_revision": "main"}}`),
		sp + "myproj-0.0.0.dist-info/METADATA":                               file("Name: myproj\nVersion: 0.0.0\n"),
		sp + "myproj-0.0.0.dist-info/direct_url.json":                        file(`{"url": "file:///home/u/myproj", "dir_info": {"editable": true}}`),
		sp + "myproj-0.0.0.dist-info/REQUESTED":                              file(""),
		sp + "PyYAML-5.1.egg-info/PKG-INFO":                                  file("Metadata-Version: 1.1\nName: PyYAML\nVersion: 5.1\n"),
		sp + "PyYAML-5.1.egg-info/installed-files.txt":                       file("../yaml/__init__.py\n../yaml/composer.py\n../_yaml.cpython-312-x86_64-linux-gnu.so\nPKG-INFO\n"),
		sp + "PyYAML-5.1.egg-info/top_level.txt":                             file("_yaml\nyaml\n"),
		sp + "argparse-1.2.1-py2.7.egg-info":                                 file("Metadata-Version: 1.0\nName: argparse\nVersion: 1.2.1\n"),
		sp + "old-1.0-py3.12.egg/EGG-INFO/PKG-INFO":                          file("Name: old\nVersion: 1.0\n"),
		sp + "old-1.0-py3.12.egg/EGG-INFO/top_level.txt":                     file("old\n"),
		sp + "broken-1.0.dist-info/METADATA":                                 file("Summary: no name\n"),
		sp + "nometa-1.0.dist-info/RECORD":                                   file(""),
		sp + "flask/__init__.py":                                             file(""),
		sp + "distutils-precedence.pth":                                      file(""),
		"venv/lib64/python3.12/site-packages/flask-3.0.3.dist-info/METADATA": file("Name: Flask\nVersion: 3.0.3\n"),
	}
}

func TestReadEnv(t *testing.T) {
	sp := "venv/lib/python3.12/site-packages/"
	got, err := ReadEnv(context.Background(), venv(), "venv")
	want := []Dist{
		{Package: deps.Package{Name: "pyyaml", RawName: "PyYAML", Version: "5.1", File: sp + "PyYAML-5.1.egg-info/PKG-INFO", Line: 2},
			ImportNames: []string{"_yaml", "yaml"}},
		{Package: deps.Package{Name: "argparse", RawName: "argparse", Version: "1.2.1", File: sp + "argparse-1.2.1-py2.7.egg-info", Line: 2}},
		{Package: deps.Package{Name: "flask", RawName: "Flask", Version: "3.0.3", Direct: true, File: sp + "flask-3.0.3.dist-info/METADATA", Line: 2},
			RequiresPython: ">=3.8", RequiresDist: []string{"Werkzeug>=3.0.0", `asgiref>=3.2 ; extra == "async"`}, ImportNames: []string{"flask"}},
		{Package: deps.Package{Name: "myproj", RawName: "myproj", Version: "0.0.0", Direct: true, Source: "editable", URL: "file:///home/u/myproj",
			File: sp + "myproj-0.0.0.dist-info/METADATA", Line: 1}},
		{Package: deps.Package{Name: "old", RawName: "old", Version: "1.0", File: sp + "old-1.0-py3.12.egg/EGG-INFO/PKG-INFO", Line: 1},
			ImportNames: []string{"old"}},
		{Package: deps.Package{Name: "tool", RawName: "tool", Version: "0.1", Source: "vcs",
			URL: "git+https://github.com/o/tool.git@0123456789abcdef0123456789abcdef01234567", File: sp + "tool-0.1.dist-info/METADATA", Line: 1}},
		{Package: deps.Package{Name: "werkzeug", RawName: "werkzeug", Version: "3.0.3", File: sp + "werkzeug-3.0.3.dist-info/METADATA", Line: 1},
			ImportNames: []string{"werkzeug"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// The broken and the METADATA-less dist-info are reported, the rest read.
	if err == nil || !strings.Contains(err.Error(), "broken-1.0.dist-info/METADATA: metadata without a valid Name field") ||
		!strings.Contains(err.Error(), "nometa-1.0.dist-info/METADATA") {
		t.Errorf("err = %v", err)
	}
}

func TestReadEnvSitePackagesDirectly(t *testing.T) {
	fsys := fstest.MapFS{"six-1.16.0.dist-info/METADATA": file("Name: six\nVersion: 1.16.0\n")}
	got, err := ReadEnv(context.Background(), fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Package.Name != "six" || got[0].Package.File != "six-1.16.0.dist-info/METADATA" {
		t.Errorf("got %+v", got)
	}
}

func TestReadEnvWindowsLayout(t *testing.T) {
	fsys := fstest.MapFS{"env/Lib/site-packages/six-1.16.0.dist-info/METADATA": file("Name: six\nVersion: 1.16.0\n")}
	got, err := ReadEnv(context.Background(), fsys, "env")
	if err != nil || len(got) != 1 {
		t.Fatalf("got %+v, %v", got, err)
	}
}

func TestReadEnvMissingDir(t *testing.T) {
	if _, err := ReadEnv(context.Background(), fstest.MapFS{}, "nope"); err == nil {
		t.Fatal("no error for a missing directory")
	}
}

func TestReadEnvCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadEnv(ctx, venv(), "venv"); err == nil {
		t.Fatal("no error from a cancelled context")
	}
}

func TestDirectURL(t *testing.T) {
	tests := []struct{ name, json, source, url string }{
		{"vcs_requested_only", `{"url": "https://h/r", "vcs_info": {"vcs": "git", "requested_revision": "v1"}, "subdirectory": "py"}`, "vcs", "git+https://h/r@v1#subdirectory=py"},
		{"local_dir", `{"url": "file:///src/x", "dir_info": {}}`, "path", "file:///src/x"},
		{"local_archive", `{"url": "file:///dl/x-1.0.tar.gz", "archive_info": {}}`, "path", "file:///dl/x-1.0.tar.gz"},
		{"remote_archive", `{"url": "https://h/x-1.0.whl", "archive_info": {"hash": "sha256=ab"}}`, "url", "https://h/x-1.0.whl"},
		{"invalid", `{"url": `, "", ""},
		{"no_url", `{}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, u := directURL([]byte(tt.json))
			if s != tt.source || u != tt.url {
				t.Errorf("directURL = %q, %q; want %q, %q", s, u, tt.source, tt.url)
			}
		})
	}
}

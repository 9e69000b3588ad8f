package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/google/go-cmp/cmp"
)

// serialRe matches a CycloneDX serial number, which is random.
var serialRe = regexp.MustCompile(`urn:uuid:[0-9a-f-]{36}`)

// depsAge is how old the test database is in the deps goldens.
const depsAge = 3*24*time.Hour + 2*time.Hour

func TestDepsGolden(t *testing.T) {
	db := importedDB(t, 0)
	dirs := map[string]string{db.dir: "$DB", db.src: "$SRC"}
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"table", nil, "deps_table.txt"},
		{"json", []string{"-f", "json"}, "deps_json.json"},
		{"cyclonedx", []string{"-f", "cyclonedx"}, "deps_cyclonedx.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"deps", "--db", db.dir, "--no-progress"}, tt.args...)
			r := runAt(t, db.imported.Add(depsAge), nil, append(args, "testdata/depsproj")...)
			if r.code != ExitFindings || r.stderr != "" {
				t.Errorf("exit code %d, stderr %q; want 1 and nothing", r.code, r.stderr)
			}
			out := serialRe.ReplaceAllString(normalise(r.stdout, db.imported, dirs), "urn:uuid:SERIAL")
			out = strings.ReplaceAll(out, db.imported.Add(depsAge).UTC().Format(time.RFC3339), "NOW")
			checkGolden(t, tt.golden, out)
		})
	}
}

// TestDepsCycloneDX reads the SBOM back with cyclonedx-go's decoder.
func TestDepsCycloneDX(t *testing.T) {
	db := importedDB(t, 0)
	now := db.imported.Add(depsAge)
	r := runAt(t, now, nil, "deps", "--db", db.dir, "-f", "cyclonedx", "testdata/depsproj")
	var bom cdx.BOM
	if err := cdx.NewBOMDecoder(strings.NewReader(r.stdout), cdx.BOMFileFormatJSON).Decode(&bom); err != nil {
		t.Fatal(err)
	}
	if bom.SpecVersion != cdx.SpecVersion1_6 || !serialRe.MatchString(bom.SerialNumber) {
		t.Errorf("spec version %v, serial number %q", bom.SpecVersion, bom.SerialNumber)
	}
	if want := now.UTC().Format(time.RFC3339); bom.Metadata.Timestamp != want {
		t.Errorf("timestamp %q; want %q", bom.Metadata.Timestamp, want)
	}
	var purls []string
	for _, c := range *bom.Components {
		purls = append(purls, c.PackageURL)
	}
	want := []string{"pkg:pypi/demo", "pkg:pypi/demo@1.1.0", "pkg:pypi/evilpkg@0.1", "pkg:pypi/flask",
		"pkg:pypi/pytest@8.0.0", "pkg:pypi/pyyaml@6.0.1", "pkg:pypi/requests"}
	if diff := cmp.Diff(want, purls); diff != "" {
		t.Errorf("purls (-want +got):\n%s", diff)
	}
	affected := map[string][]string{}
	for _, v := range *bom.Vulnerabilities {
		for _, a := range *v.Affects {
			affected[v.ID] = append(affected[v.ID], a.Ref)
		}
	}
	wantAffected := map[string][]string{
		"GHSA-aaaa-bbbb-cccc": {"pkg:pypi/demo", "pkg:pypi/demo@1.1.0"},
		"PYSEC-2099-1":        {"pkg:pypi/demo", "pkg:pypi/demo@1.1.0"},
		"MAL-2099-7":          {"pkg:pypi/evilpkg@0.1"},
	}
	if diff := cmp.Diff(wantAffected, affected); diff != "" {
		t.Errorf("affects (-want +got):\n%s", diff)
	}
}

// writeTree writes name → content files under a new temp dir and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), []byte(content))
	}
	return dir
}

// venvFiles is a virtual environment with demo (asked for by the user) and
// evilpkg (pulled in) installed.
var venvFiles = map[string]string{
	"pyvenv.cfg": "home = /usr/bin\nversion = 3.12.1\n",
	"lib/python3.12/site-packages/demo-1.1.0.dist-info/METADATA":       "Metadata-Version: 2.1\nName: demo\nVersion: 1.1.0\n",
	"lib/python3.12/site-packages/demo-1.1.0.dist-info/RECORD":         "demo/__init__.py,,\ndemo-1.1.0.dist-info/METADATA,,\n",
	"lib/python3.12/site-packages/demo-1.1.0.dist-info/REQUESTED":      "",
	"lib/python3.12/site-packages/demo/__init__.py":                    "",
	"lib/python3.12/site-packages/evilpkg-0.1.dist-info/METADATA":      "Metadata-Version: 2.1\nName: evilpkg\nVersion: 0.1\n",
	"lib/python3.12/site-packages/evilpkg-0.1.dist-info/top_level.txt": "evil\n",
	"lib/python3.12/site-packages/evil/__init__.py":                    "import base64\nexec(base64.b64decode('cHJpbnQoMSk='))\n",
	"lib/python3.12/site-packages/demo/render.py":                      "def render(x):\n    return x\n",
}

// cleanVenvFiles is a virtual environment with one ordinary package whose RECORD
// also installs a .pth file that runs a process at every start.
var cleanVenvFiles = map[string]string{
	"pyvenv.cfg": "home = /usr/bin\n",
	"lib/python3.12/site-packages/tidy-2.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: tidy\nVersion: 2.0\n",
	"lib/python3.12/site-packages/tidy-2.0.dist-info/RECORD":   "tidy/__init__.py,,\n\"tidy_hook.pth\",,\n../../../bin/tidy,,\n",
	"lib/python3.12/site-packages/tidy/__init__.py":            "VERSION = '2.0'\n",
	"lib/python3.12/site-packages/tidy_hook.pth":               "import os; os.system('tidy --warm')\n",
	"lib/python3.12/site-packages/other.pth":                   "import os; os.system('rm -rf /tmp/x')\n",
}

func TestDepsEnvironments(t *testing.T) {
	db := importedDB(t, 0)
	venv := writeTree(t, venvFiles)
	code := writeTree(t, map[string]string{"main.py": "import demo\n"})
	sitePackages := filepath.Join(venv, "lib", "python3.12", "site-packages")
	// Debian's dist-packages holds egg-info directories, which count as installed
	// only inside such a directory.
	distPackages := filepath.Join(writeTree(t, map[string]string{
		"dist-packages/demo-1.1.0.egg-info/PKG-INFO":      "Metadata-Version: 1.2\nName: demo\nVersion: 1.1.0\n",
		"dist-packages/demo-1.1.0.egg-info/top_level.txt": "demo\n",
	}), "dist-packages")
	meta := func(dist string) string {
		return filepath.Join(sitePackages, dist+".dist-info", "METADATA")
	}
	tests := []struct {
		name string
		args []string
		want []string // name version file direct imported, one per package
	}{
		{
			name: "venv_argument", args: []string{venv},
			want: []string{"demo 1.1.0 " + meta("demo-1.1.0") + ":2 true ", "evilpkg 0.1 " + meta("evilpkg-0.1") + ":2 false "},
		},
		{
			name: "site_packages_argument", args: []string{sitePackages},
			want: []string{"demo 1.1.0 " + meta("demo-1.1.0") + ":2 true ", "evilpkg 0.1 " + meta("evilpkg-0.1") + ":2 false "},
		},
		{
			name: "dist_packages_egg_info", args: []string{distPackages},
			want: []string{"demo 1.1.0 " + filepath.Join(distPackages, "demo-1.1.0.egg-info", "PKG-INFO") + ":2 false "},
		},
		{
			name: "site_packages_flag_with_code", args: []string{"--site-packages", venv, code},
			want: []string{"demo 1.1.0 " + meta("demo-1.1.0") + ":2 true imported", "evilpkg 0.1 " + meta("evilpkg-0.1") + ":2 false not-imported"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runAt(t, db.imported, nil, append([]string{"deps", "--db", db.dir, "-f", "json"}, tt.args...)...)
			if r.code != ExitFindings {
				t.Fatalf("exit code %d; want 1; stderr %q", r.code, r.stderr)
			}
			out := decodeDeps(t, r.stdout)
			var got []string
			for _, p := range out.Packages {
				got = append(got, fmt.Sprintf("%s %s %s:%d %v %s", p.Name, p.Version, p.File, p.Line, p.Direct, p.Imported))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("packages (-want +got):\n%s", diff)
			}
			if len(out.Packages) != 2 {
				return
			}
			demo, evil := out.Packages[0], out.Packages[1]
			if len(demo.Vulnerabilities) != 2 || len(evil.Malicious) != 1 {
				t.Errorf("vulnerabilities not matched: %+v", out.Packages)
			}
			if demo.Risk == nil || demo.Risk.Score != 0 || len(demo.Risk.Evidence) != 0 {
				t.Errorf("demo's risk = %+v; want 0 without evidence", demo.Risk)
			}
			if evil.Risk == nil || evil.Risk.Score < riskFails || len(evil.Risk.Evidence) == 0 || evil.Risk.Evidence[0].Code != "KR814" ||
				evil.Risk.Evidence[0].Path != filepath.Join(sitePackages, "evil", "__init__.py") {
				t.Errorf("evilpkg's risk = %+v; want %v or more from KR814 in evil/__init__.py", evil.Risk, riskFails)
			}
		})
	}
}

// decodeDeps reads krait deps -f json output strictly.
func decodeDeps(t *testing.T, data string) depsJSON {
	t.Helper()
	var out depsJSON
	dec := json.NewDecoder(strings.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("%v in %s", err, data)
	}
	return out
}

// TestDepsRisk checks the risk column and that installed code alone can fail the
// command: tidy is unknown to the database but installs a .pth file that runs a
// process; other.pth belongs to no distribution.
func TestDepsRisk(t *testing.T) {
	db := importedDB(t, 0)
	venv := writeTree(t, cleanVenvFiles)
	r := runAt(t, db.imported, nil, "deps", "--db", db.dir, venv)
	lines := strings.Split(r.stdout, "\n")
	if len(lines) < 2 || !strings.HasSuffix(lines[0], "IMPORTED  RISK") || !strings.Contains(lines[1], " KR822") {
		t.Errorf("table = %q; want a RISK column with KR822 for tidy", r.stdout)
	}
	r = runAt(t, db.imported, nil, "deps", "--db", db.dir, "-f", "json", venv)
	out := decodeDeps(t, r.stdout)
	if len(out.Packages) != 1 || out.Packages[0].Risk == nil {
		t.Fatalf("packages = %+v", out.Packages)
	}
	var paths []string
	for _, e := range out.Packages[0].Risk.Evidence {
		paths = append(paths, filepath.Base(e.Path))
	}
	if out.Packages[0].Risk.Score <= 0 {
		t.Errorf("risk score %v; want more than 0", out.Packages[0].Risk.Score)
	}
	if diff := cmp.Diff([]string{"tidy_hook.pth"}, paths); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
	wantCode := ExitOK
	if out.Packages[0].Risk.Score >= riskFails {
		wantCode = ExitFindings
	}
	if r.code != wantCode {
		t.Errorf("exit code %d with risk %v; want %d", r.code, out.Packages[0].Risk.Score, wantCode)
	}
}

func TestRecordEntries(t *testing.T) {
	record := "demo/__init__.py,sha256=x,10\n" +
		"demo/sub/mod.py,,\n" +
		"\"demo_hook.pth\",,\n" +
		"single.py,,\n" +
		"demo-1.0.dist-info/METADATA,,\n" +
		"../../../bin/demo,,\n" +
		"\n" +
		"windows\\path.py,,\n"
	want := []string{"demo", "demo_hook.pth", "single.py", "demo-1.0.dist-info", "windows"}
	if diff := cmp.Diff(want, recordEntries([]byte(record))); diff != "" {
		t.Errorf("recordEntries (-want +got):\n%s", diff)
	}
}

func TestDepsExitAndErrors(t *testing.T) {
	db := importedDB(t, 0)
	clean := writeTree(t, map[string]string{"requirements.txt": "pyyaml==6.0.1\nrequests>=2\n"})
	ranges := writeTree(t, map[string]string{"requirements.txt": "demo>=1.0\n"})
	broken := writeTree(t, map[string]string{
		"requirements.txt": "pyyaml==6.0.1\n",
		"poetry.lock":      "[[package]\nname = \"x\"\n",
	})
	onlyBroken := writeTree(t, map[string]string{"poetry.lock": "[[package]\nname = \"x\"\n"})
	out := filepath.Join(t.TempDir(), "deps.json")
	emptySite := filepath.Join(t.TempDir(), "site-packages")
	if err := os.Mkdir(emptySite, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string // a substring of stdout
		wantErr  string // a substring of stderr; "" means none at all
	}{
		{name: "clean", args: []string{"--db", db.dir, clean}, wantOut: "2 packages in 1 file: 0 vulnerable"},
		{name: "range_only", args: []string{"--db", db.dir, ranges}, wantOut: "admits GHSA-aaaa-bbbb-cccc, PYSEC-2099-1  >=1.3.0"},
		{
			name: "no_database_offline", args: []string{"--db", filepath.Join(t.TempDir(), "none"), "--offline", clean},
			wantOut: "pyyaml    6.0.1    " + filepath.Join(clean, "requirements.txt") + ":1  ?",
			wantErr: "krait: no vulnerability database",
		},
		{
			name: "broken_lock", args: []string{"--db", db.dir, broken},
			wantOut: "1 package in 1 file", wantErr: "krait: " + filepath.Join(broken, "poetry.lock"),
		},
		{name: "nothing_readable", args: []string{"--db", db.dir, onlyBroken}, wantCode: ExitError, wantErr: "poetry.lock"},
		{
			name: "empty_site_packages", args: []string{"--db", db.dir, emptySite},
			wantOut: "no dependencies found\n", wantErr: "krait: no installed distribution found in " + emptySite + "\n",
		},
		{name: "output_file", args: []string{"--db", db.dir, "-f", "json", "-o", out, clean}},
		{name: "unknown_format", args: []string{"-f", "xml", clean}, wantCode: ExitError, wantErr: `unknown format "xml" (want table, json, cyclonedx)`},
		{name: "bad_site_packages", args: []string{"--site-packages", filepath.Join(clean, "nope"), clean}, wantCode: ExitError, wantErr: "not a directory"},
		{name: "missing_path", args: []string{"--db", db.dir, filepath.Join(clean, "nope")}, wantCode: ExitError, wantOut: "no dependencies found\n", wantErr: "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runAt(t, db.imported, nil, append([]string{"deps"}, tt.args...)...)
			if r.code != tt.wantCode {
				t.Errorf("exit code %d; want %d (stderr %q)", r.code, tt.wantCode, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.wantOut) {
				t.Errorf("stdout = %q; want it to contain %q", r.stdout, tt.wantOut)
			}
			if tt.wantErr == "" && r.stderr != "" || !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr = %q; want %q", r.stderr, tt.wantErr)
			}
		})
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeDeps(t, string(data)); len(got.Packages) != 2 || !got.Checked {
		t.Errorf("-o wrote %s", data)
	}
}

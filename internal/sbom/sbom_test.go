package sbom

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/google/go-cmp/cmp"
	"github.com/package-url/packageurl-go"
	"github.com/xeipuuv/gojsonschema"

	"github.com/kraitsec/krait/internal/vulndb"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// zeros is a random source that always gives zero bytes, so that the serial
// number is fixed.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

var testOpts = Options{ToolVersion: "1.2.3", Time: time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC), Random: zeros{}, Project: "shop"}

// testComponents are a pinned vulnerable package, a malicious one, a range that
// admits a vulnerability, and a clean optional one.
func testComponents() []Component {
	return []Component{
		{
			Name: "Django", Version: "3.2.0", Direct: true, Locations: []string{"requirements.txt:1", "poetry.lock:12"},
			FixedIn: "3.2.25",
			Vulns: []Vuln{
				{
					ID: "GHSA-aaaa-bbbb-cccc", Aliases: []string{"CVE-2099-1002", "PYSEC-2099-2"}, Summary: "SQL injection",
					Severity: "critical", Score: 9.8,
					Vectors: []vulndb.Vector{{Type: "CVSS_V3", Value: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}},
					Fixed:   []string{"3.2.4", "4.0.1"}, Upgrade: "3.2.4", URL: "https://osv.dev/vulnerability/GHSA-aaaa-bbbb-cccc",
				},
				{
					ID: "PYSEC-2099-1", Summary: "denial of service", Severity: "medium",
					Fixed: []string{"3.2.25"}, Upgrade: "3.2.25", URL: "https://osv.dev/vulnerability/PYSEC-2099-1",
				},
			},
		},
		{
			Name: "evil_pkg", Version: "0.1", Locations: []string{"requirements.txt:2"}, RiskScore: ptr(9.1),
			Vulns: []Vuln{{ID: "MAL-2099-7", Summary: "Malicious code in evil-pkg (PyPI)", Severity: "critical", Malicious: true,
				URL: "https://osv.dev/vulnerability/MAL-2099-7"}},
		},
		{
			Name: "requests", Specifiers: []string{">=2.0, <3"}, Direct: true, Locations: []string{"pyproject.toml:8"},
			Vulns: []Vuln{{ID: "PYSEC-2099-3", Summary: "leaks credentials on redirect", Severity: "high", Score: 7.5,
				Vectors: []vulndb.Vector{{Type: "CVSS_V4", Value: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N"}},
				Fixed:   []string{"2.31.0"}, Range: true, LowerBound: "2.31.0", URL: "https://osv.dev/vulnerability/PYSEC-2099-3"}},
		},
		{Name: "pytest", Version: "8.0.0", Optional: true, Direct: true, Locations: []string{"poetry.lock:40"}},
	}
}

func ptr(f float64) *float64 { return &f }

func write(t *testing.T, comps []Component, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, comps, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteGolden(t *testing.T) {
	got := write(t, testComponents(), testOpts)
	path := filepath.Join("testdata", "bom.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("bom.json mismatch (-want +got):\n%s", diff)
	}
}

// TestDecode reads the document back with cyclonedx-go's own decoder.
func TestDecode(t *testing.T) {
	data := write(t, testComponents(), testOpts)
	var bom cdx.BOM
	if err := cdx.NewBOMDecoder(bytes.NewReader(data), cdx.BOMFileFormatJSON).Decode(&bom); err != nil {
		t.Fatal(err)
	}
	if bom.SpecVersion != cdx.SpecVersion1_6 || bom.BOMFormat != "CycloneDX" {
		t.Errorf("spec version %v, format %q", bom.SpecVersion, bom.BOMFormat)
	}
	if want := "urn:uuid:00000000-0000-4000-8000-000000000000"; bom.SerialNumber != want {
		t.Errorf("serial number %q; want %q", bom.SerialNumber, want)
	}
	if bom.Metadata == nil || bom.Metadata.Timestamp != "2026-11-26T21:00:00Z" {
		t.Errorf("metadata = %+v", bom.Metadata)
	}
	var purls []string
	refs := map[string]bool{}
	for _, c := range *bom.Components {
		p, err := packageurl.FromString(c.PackageURL)
		if err != nil {
			t.Errorf("component %s: %v", c.Name, err)
			continue
		}
		if p.Type != "pypi" || p.Name != c.Name || p.Version != c.Version || c.BOMRef != c.PackageURL {
			t.Errorf("component %+v has purl %+v", c, p)
		}
		purls = append(purls, c.PackageURL)
		refs[c.BOMRef] = true
	}
	wantPURLs := []string{"pkg:pypi/django@3.2.0", "pkg:pypi/evil-pkg@0.1", "pkg:pypi/requests", "pkg:pypi/pytest@8.0.0"}
	if diff := cmp.Diff(wantPURLs, purls); diff != "" {
		t.Errorf("purls (-want +got):\n%s", diff)
	}
	type vuln struct {
		ID, Ref, Method, Severity, Recommendation string
	}
	var vulns []vuln
	for _, v := range *bom.Vulnerabilities {
		for _, a := range *v.Affects {
			if !refs[a.Ref] {
				t.Errorf("%s affects %q, which is no component", v.ID, a.Ref)
			}
			r := (*v.Ratings)[0]
			vulns = append(vulns, vuln{v.ID, a.Ref, string(r.Method), string(r.Severity), v.Recommendation})
		}
	}
	want := []vuln{
		{"GHSA-aaaa-bbbb-cccc", "pkg:pypi/django@3.2.0", "CVSSv31", "critical", "upgrade to 3.2.4"},
		{"MAL-2099-7", "pkg:pypi/evil-pkg@0.1", "other", "critical", "remove this package: it is known to be malicious"},
		{"PYSEC-2099-1", "pkg:pypi/django@3.2.0", "other", "medium", "upgrade to 3.2.25"},
		{"PYSEC-2099-3", "pkg:pypi/requests", "CVSSv4", "high", "require requests>=2.31.0"},
	}
	if diff := cmp.Diff(want, vulns); diff != "" {
		t.Errorf("vulnerabilities (-want +got):\n%s", diff)
	}
}

// moduleDir returns the directory of a module this test binary was built with;
// no network is involved.
func moduleDir(t *testing.T, module string) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
	if err != nil {
		t.Skipf("locating %s: %v", module, err)
	}
	return strings.TrimSpace(string(out))
}

// TestSchema validates the document against the official CycloneDX 1.6 JSON
// schema that cyclonedx-go ships.
func TestSchema(t *testing.T) {
	dir := filepath.Join(moduleDir(t, "github.com/CycloneDX/cyclonedx-go"), "schema")
	read := func(name string) gojsonschema.JSONLoader {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return gojsonschema.NewBytesLoader(data)
	}
	sl := gojsonschema.NewSchemaLoader()
	if err := sl.AddSchema("http://cyclonedx.org/schema/spdx.schema.json", read("spdx.schema.json")); err != nil {
		t.Fatal(err)
	}
	if err := sl.AddSchema("http://cyclonedx.org/schema/jsf-0.82.schema.json", read("jsf-0.82.schemax.json")); err != nil {
		t.Fatal(err)
	}
	schema, err := sl.Compile(read("bom-1.6.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	for name, comps := range map[string][]Component{"all": testComponents(), "empty": nil} {
		t.Run(name, func(t *testing.T) {
			res, err := schema.Validate(gojsonschema.NewBytesLoader(write(t, comps, testOpts)))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Errors() {
				t.Errorf("schema: %s", e)
			}
		})
	}
	bad := `{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "x"}]}`
	if res, err := schema.Validate(gojsonschema.NewStringLoader(bad)); err != nil || res.Valid() {
		t.Errorf("a component without a type passed the schema (err %v)", err)
	}
}

func TestPURL(t *testing.T) {
	tests := []struct{ name, version, want string }{
		{"Django", "3.2.0", "pkg:pypi/django@3.2.0"},
		{"zope.interface", "6.0", "pkg:pypi/zope-interface@6.0"},
		{"Typing_Extensions", "", "pkg:pypi/typing-extensions"},
		{"torch", "2.6.0+cu124", "pkg:pypi/torch@2.6.0%2Bcu124"},
		{"foo", "1!2.0", "pkg:pypi/foo@1%212.0"},
	}
	for _, tt := range tests {
		if got := PURL(tt.name, tt.version); got != tt.want {
			t.Errorf("PURL(%q, %q) = %q; want %q", tt.name, tt.version, got, tt.want)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	dup := []Component{{Name: "a", Version: "1"}, {Name: "A", Version: "1"}}
	if _, err := Build(dup, testOpts); err == nil || !strings.Contains(err.Error(), "pkg:pypi/a@1 listed twice") {
		t.Errorf("duplicate component: err = %v", err)
	}
	opts := testOpts
	opts.Random = strings.NewReader("short")
	if _, err := Build(nil, opts); err == nil {
		t.Error("a failing random source gave no error")
	}
}

func TestSerialIsRandom(t *testing.T) {
	opts := testOpts
	opts.Random = nil
	a, err := Build(nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.SerialNumber == b.SerialNumber || !strings.HasPrefix(a.SerialNumber, "urn:uuid:") || len(a.SerialNumber) != len("urn:uuid:")+36 {
		t.Errorf("serial numbers %q and %q", a.SerialNumber, b.SerialNumber)
	}
}

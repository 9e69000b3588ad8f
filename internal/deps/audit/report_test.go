package audit

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps"
)

func TestAudit(t *testing.T) {
	db := testDB(t)
	p := project(map[string]string{
		"requirements.txt": "webframe>=3.1\nreqeusts\npyyaml==5.3\nclean==1.0\n",
	}, imp("yaml", "app.py", 2), imp("yaml", "app.py", 1))
	rep, err := New(Options{DBDir: db}).Audit(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Checked || !rep.ImportsKnown || !rep.DB.Present || rep.DB.Meta.Entries != 8 || rep.DB.Meta.Withdrawn != 1 {
		t.Errorf("report state: checked %v, imports known %v, db %+v", rep.Checked, rep.ImportsKnown, rep.DB)
	}
	type dep struct {
		Name, Version, Specifier string
		Vulns                    []Vuln
		Malicious                []string
		FixedIn                  string
		Imported                 []analysis.Import
		ImportNames              []string
		Reachability             string
	}
	var got []dep
	for _, d := range rep.Packages {
		got = append(got, dep{d.Name, d.Version, d.Specifier, d.Vulns, d.Malicious, d.FixedIn, d.Imported, d.ImportNames, d.Reachability})
	}
	want := []dep{
		{Name: "webframe", Specifier: ">=3.1", FixedIn: "3.2.5", ImportNames: []string{"webframe"}, Reachability: "not-imported",
			Vulns: []Vuln{
				{ID: "PYSEC-2099-10", Aliases: []string{"CVE-2099-0010", "GHSA-wfwf-0010-aaaa"},
					Summary:  "Webframe before 2.2.24 and 3.x before 3.1.12 lets a crafted header through.",
					Severity: analysis.SeverityHigh, Score: 7.4, Fixed: []string{"2.2.24", "3.1.12"},
					URL: "https://osv.dev/vulnerability/PYSEC-2099-10", Range: true, LowerBound: "3.1.12"},
				{ID: "PYSEC-2099-11", Aliases: []string{"CVE-2099-0011"}, Summary: "Slow regular expression in webframe's URL validator",
					Severity: analysis.SeverityMedium, Fixed: []string{"3.2.5"},
					URL: "https://osv.dev/vulnerability/PYSEC-2099-11", Range: true, LowerBound: "3.2.5"},
			}},
		{Name: "reqeusts", ImportNames: []string{"reqeusts"}, Reachability: "not-imported", Malicious: []string{"MAL-2099-1"},
			Vulns: []Vuln{{ID: "MAL-2099-1", Summary: "Malicious code in reqeusts (PyPI)", Severity: analysis.SeverityCritical,
				URL: "https://osv.dev/vulnerability/MAL-2099-1", Range: true, Malicious: true}}},
		{Name: "pyyaml", Version: "5.3", Specifier: "==5.3", FixedIn: "5.4", ImportNames: []string{"yaml"}, Reachability: "imported",
			Imported: []analysis.Import{imp("yaml", "app.py", 1), imp("yaml", "app.py", 2)},
			Vulns: []Vuln{{ID: "PYSEC-2099-20", Aliases: []string{"CVE-2099-0020"}, Summary: "Arbitrary code execution in full_load",
				Severity: analysis.SeverityCritical, Score: 9.8, Fixed: []string{"5.4"},
				URL: "https://osv.dev/vulnerability/PYSEC-2099-20", Upgrade: "5.4"}}},
		{Name: "clean", Version: "1.0", Specifier: "==1.0", ImportNames: []string{"clean"}, Reachability: "not-imported"},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Vuln{}, "Vectors")); diff != "" {
		t.Errorf("packages (-want +got):\n%s", diff)
	}
	if v := rep.Packages[2].Vulns[0].Vectors; len(v) != 1 || v[0].Type != "CVSS_V3" {
		t.Errorf("pyyaml vectors %+v", v)
	}
}

func TestAuditNoImports(t *testing.T) {
	rep, err := New(Options{DBDir: testDB(t)}).Audit(context.Background(), project(map[string]string{"requirements.txt": "pyyaml==5.3\n"}))
	if err != nil {
		t.Fatal(err)
	}
	if rep.ImportsKnown || rep.Packages[0].Reachability != "" {
		t.Errorf("imports known %v, reachability %q; want unknown without Python imports", rep.ImportsKnown, rep.Packages[0].Reachability)
	}
}

func TestImportNames(t *testing.T) {
	tests := map[string][]string{
		"PyYAML":                 {"yaml"},
		"beautifulsoup4":         {"bs4"},
		"Pillow":                 {"PIL"},
		"scikit-learn":           {"sklearn"},
		"python-dateutil":        {"dateutil"},
		"opencv-python-headless": {"cv2"},
		"protobuf":               {"google.protobuf"},
		"PyJWT":                  {"jwt"},
		"psycopg2-binary":        {"psycopg2"},
		"attrs":                  {"attr", "attrs"},
		"requests":               {"requests"},
		"typing_extensions":      {"typing_extensions", "typing.extensions"},
		"google-cloud-storage":   {"google_cloud_storage", "google.cloud.storage"},
		"zope.interface":         {"zope_interface", "zope.interface"},
	}
	for dist, want := range tests {
		if diff := cmp.Diff(want, ImportNames(dist)); diff != "" {
			t.Errorf("ImportNames(%q) (-want +got):\n%s", dist, diff)
		}
	}
	for dist := range knownImports {
		if dist != deps.Normalize(dist) {
			t.Errorf("knownImports key %q is not PEP 503 normalised", dist)
		}
	}
}

func TestFind(t *testing.T) {
	idx := newImportIndex([]analysis.Import{
		imp("google.cloud", "a.py", 1), imp("google.protobuf.json_format", "b.py", 2),
		imp("googleapiclient", "c.py", 3), imp("PIL.Image", "d.py", 4), imp("yamlx", "e.py", 5), imp("", "f.py", 6),
	})
	tests := []struct {
		name  string
		names []string
		want  []string
	}{
		{"namespace_parent", []string{"google.cloud.storage"}, []string{"a.py"}},
		{"submodule", []string{"google.protobuf"}, []string{"b.py"}},
		{"case_insensitive", []string{"pil"}, []string{"d.py"}},
		{"no_prefix_confusion", []string{"yaml"}, nil},
		{"several", []string{"googleapiclient", "PIL"}, []string{"c.py", "d.py"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, im := range idx.find(tt.names) {
				got = append(got, im.Path)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

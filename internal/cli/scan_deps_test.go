package cli

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanDepsFinding is the part of a dependency finding's JSON these tests check.
type scanDepsFinding struct {
	Code                 string   `json:"code"`
	Path                 string   `json:"path"`
	Line                 int      `json:"line"`
	Analyzer             string   `json:"analyzer"`
	Package              string   `json:"package"`
	Version              string   `json:"version"`
	VulnerabilityID      string   `json:"vulnerability_id"`
	VulnerabilityAliases []string `json:"vulnerability_aliases"`
}

// TestScanDependencies runs the dependency analyzers through `krait scan`, on a
// directory and on a single manifest, and checks the JSON contract of their findings.
func TestScanDependencies(t *testing.T) {
	db := importedDB(t, 0)
	now := db.imported.Add(depsAge)
	for _, target := range []string{"testdata/depsproj", "testdata/depsproj/requirements.txt"} {
		t.Run(target, func(t *testing.T) {
			r := runAt(t, now, nil, "scan", "-f", "json", "--offline", "--db", db.dir, "--select", "KR701,KR702,KR801", target)
			if r.code != ExitFindings {
				t.Fatalf("exit code %d; stderr %q", r.code, r.stderr)
			}
			var out struct{ Findings []scanDepsFinding }
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
				t.Fatal(err)
			}
			var reqs []scanDepsFinding
			for _, f := range out.Findings {
				if f.Analyzer != "deps" || f.Package == "" || f.Version == "" {
					t.Errorf("dependency finding without analyzer, package or version: %+v", f)
				}
				if f.Code == "KR701" && f.VulnerabilityID == "" {
					t.Errorf("vulnerability finding without vulnerability_id: %+v", f)
				}
				if f.Path == "testdata/depsproj/requirements.txt" {
					f.VulnerabilityAliases = nil
					reqs = append(reqs, f)
				}
			}
			// The requirements file's findings are the same whichever way it is named.
			var codes []string
			for _, f := range reqs {
				codes = append(codes, f.Code+" "+f.Package+" "+f.Version+" "+f.VulnerabilityID)
			}
			want := []string{"KR701 demo 1.1.0 GHSA-aaaa-bbbb-cccc", "KR701 demo 1.1.0 PYSEC-2099-1", "KR801 evilpkg 0.1 MAL-2099-7"}
			if diff := cmp.Diff(want, codes); diff != "" {
				t.Errorf("requirements.txt findings (-want +got):\n%s", diff)
			}
		})
	}
}

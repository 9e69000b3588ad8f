package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	// go-sarif is imported for the official SARIF 2.1.0 schema that its source
	// embeds (errata01, unexported); sarifSchemaText reads it from the module cache.
	_ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"

	"github.com/kraitsec/krait/internal/analysis"
)

// sarifSchemaText returns the official SARIF 2.1.0 JSON schema as go-sarif ships it.
// Its constant is unexported, so the test reads the source file of the module this
// test binary was built with; no network is involved.
func sarifSchemaText(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Fatalf("locating go-sarif: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start := strings.Index(s, "const schema = `")
	if start < 0 {
		t.Fatal("go-sarif's schema.go no longer holds `const schema`")
	}
	s = s[start+len("const schema = `"):]
	end := strings.Index(s, "`")
	if end < 0 || !strings.Contains(s[:end], "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema") {
		t.Fatal("go-sarif's schema constant is not the SARIF 2.1.0 schema")
	}
	return s[:end]
}

func TestSARIFSchema(t *testing.T) {
	schema, err := gojsonschema.NewSchema(gojsonschema.NewStringLoader(sarifSchemaText(t)))
	if err != nil {
		t.Fatal(err)
	}
	abs := fullResult()
	abs.Root = "/src/proj"
	for i := range abs.Findings {
		abs.Findings[i].Path = "/src/proj/" + abs.Findings[i].Path
	}
	abs.Errors = append(abs.Errors, FileError{Path: "/elsewhere/x.py", Kind: "read", Message: "outside the root"})
	for _, c := range append(goldenCases(), struct {
		name   string
		result *Result
	}{"absolute", abs}) {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (sarifReporter{}).Write(&b, c.result); err != nil {
				t.Fatal(err)
			}
			res, err := schema.Validate(gojsonschema.NewBytesLoader(b.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Errors() {
				t.Errorf("schema: %s", e)
			}
		})
	}
	// The validator must see mistakes, or the test above proves nothing.
	bad := `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "krait"}}, "results": [{"message": {"text": "m"}, "ruleIndx": 0}]}]}`
	if res, err := schema.Validate(gojsonschema.NewStringLoader(bad)); err != nil || res.Valid() {
		t.Errorf("a misspelt property passed the schema (err %v)", err)
	}
}

// TestSARIFGitHub checks what GitHub code scanning relies on beyond the schema: rule
// indexes, security-severity bands, CWE tags, repo-relative URIs, fingerprints and
// flows.
func TestSARIFGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := (sarifReporter{}).Write(&b, fullResult()); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID                   string
						DefaultConfiguration struct{ Level string }
						Properties           struct {
							Tags             []string
							Precision        string
							SecuritySeverity string `json:"security-severity"`
						}
					}
				}
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct{ Level string }
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string
							URIBaseID string `json:"uriBaseId"`
						}
						Region struct{ StartLine int }
					}
				}
				PartialFingerprints map[string]string
				CodeFlows           []struct {
					ThreadFlows []struct{ Locations []json.RawMessage }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs; want 1", len(log.Runs))
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		sev, err := strconv.ParseFloat(r.Properties.SecuritySeverity, 64)
		if err != nil || sev <= 0 || sev > 10 {
			t.Errorf("rule %s: security-severity %q is not a score in (0, 10]", r.ID, r.Properties.SecuritySeverity)
		}
		if len(r.Properties.Tags) == 0 || r.Properties.Tags[0] != "security" {
			t.Errorf("rule %s: tags %q do not start with security", r.ID, r.Properties.Tags)
		}
	}
	wantIDs := []string{"KR101", "KR102", "KR201", "KR301", "KR701", "KR901", "KR999"}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("rule ids (-want +got):\n%s", diff)
	}
	if got := rules[3].Properties.Tags; !cmp.Equal(got, []string{"security", "external/cwe/cwe-259", "external/cwe/cwe-798"}) {
		t.Errorf("KR301 tags = %q", got)
	}
	for i, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at %s", i, res.RuleIndex, res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		if loc.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.URI, "/") || strings.Contains(loc.URI, ":") {
			t.Errorf("result %d: location %+v is not repo-relative", i, loc)
		}
		if line := res.Locations[0].PhysicalLocation.Region.StartLine; line < 1 {
			t.Errorf("result %d: startLine %d; GitHub needs one", i, line)
		}
		if res.PartialFingerprints["krait/v1"] == "" {
			t.Errorf("result %d: no krait/v1 fingerprint", i)
		}
	}
	if n := len(run.Results[0].CodeFlows); n != 1 || len(run.Results[0].CodeFlows[0].ThreadFlows[0].Locations) != 3 {
		t.Errorf("the taint finding has no three-step code flow")
	}
	if len(run.Results[1].CodeFlows) != 0 {
		t.Errorf("a finding without a flow has a code flow")
	}
	inv := run.Invocations[0]
	if !inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 2 {
		t.Errorf("invocation = %+v; want success with 2 notifications", inv)
	}
}

func TestSARIFExecutionFailed(t *testing.T) {
	r := &Result{Errors: []FileError{{Path: "a.py", Kind: "read", Message: "denied"}}, Stats: &Stats{}}
	var b bytes.Buffer
	if err := (sarifReporter{}).Write(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"executionSuccessful": false`) {
		t.Errorf("a scan that analysed nothing reports success:\n%s", b.String())
	}
}

func TestArtifactURI(t *testing.T) {
	tests := []struct {
		name, root, path, wantURI, wantBase string
	}{
		{"relative", ".", "app/views.py", "app/views.py", "%SRCROOT%"},
		{"dot_slash", ".", "./app/views.py", "app/views.py", "%SRCROOT%"},
		{"no_root", "", "app/views.py", "app/views.py", "%SRCROOT%"},
		{"below_root", "proj", "proj/app/v.py", "app/v.py", "%SRCROOT%"},
		{"absolute_in_root", "/src/proj", "/src/proj/app/v.py", "app/v.py", "%SRCROOT%"},
		{"absolute_outside", "/src/proj", "/etc/x.py", "file:///etc/x.py", ""},
		{"absolute_sibling", "/src/proj", "/src/project/x.py", "file:///src/project/x.py", ""},
		{"space_and_unicode", ".", "a b/ü.py", "a%20b/%C3%BC.py", "%SRCROOT%"},
		{"colon_first_segment", ".", "c:x.py", "./c:x.py", "%SRCROOT%"},
		{"percent_and_hash", ".", "a%b#c.py", "a%25b%23c.py", "%SRCROOT%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uri, base := artifactURI(tt.root, tt.path)
			if uri != tt.wantURI || base != tt.wantBase {
				t.Errorf("artifactURI(%q, %q) = %q, %q; want %q, %q", tt.root, tt.path, uri, base, tt.wantURI, tt.wantBase)
			}
		})
	}
}

func TestUTF16Column(t *testing.T) {
	tests := []struct {
		name string
		text string
		col  int
		want int
	}{
		{"ascii", "abc = 1", 5, 5},
		{"first", "abc", 1, 1},
		{"two_byte", "é = x", 4, 3},
		{"three_byte", "名前 = x", 10, 6},
		{"astral", "\U0001F600 = x", 6, 4},
		{"past_end", "ab", 6, 6},
		{"inside_rune", "名x", 3, 1},
		{"no_text", "", 7, 7},
		{"invalid_utf8", "\xff\xfe = x", 5, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := utf16Column(tt.text, tt.col); got != tt.want {
				t.Errorf("utf16Column(%q, %d) = %d; want %d", tt.text, tt.col, got, tt.want)
			}
		})
	}
}

func TestSARIFDependencyProperties(t *testing.T) {
	f := analysis.Finding{
		Code: "KR701", Name: "vulnerable-dependency", Message: "m", Path: "requirements.txt", Line: 2,
		Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh,
		Package: "django", Version: "3.2.0", VulnerabilityID: "GHSA-xxxx", VulnerabilityAliases: []string{"CVE-1"},
	}
	res := sarifFinding("", f, 0, nil)
	b, err := json.Marshal(res.Properties)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"severity":"high","confidence":"high","package":"django","version":"3.2.0","vulnerability_id":"GHSA-xxxx","vulnerability_aliases":["CVE-1"]}`
	if string(b) != want {
		t.Errorf("properties = %s\nwant %s", b, want)
	}
}

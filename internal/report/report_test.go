package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

func TestNew(t *testing.T) {
	for _, f := range Formats() {
		if _, err := New(f, Options{}); err != nil {
			t.Errorf("New(%q): %v", f, err)
		}
	}
	_, err := New("yaml", Options{})
	want := `unknown format "yaml" (want text, json, sarif, markdown, junit or html)`
	if err == nil || err.Error() != want {
		t.Errorf("New(yaml) error = %v; want %s", err, want)
	}
}

// TestJSONRoundTrip checks that the JSON report keeps the CLI's shape and loses nothing:
// decoding it gives back the findings, errors and stats that went in.
func TestJSONRoundTrip(t *testing.T) {
	in := fullResult()
	var b bytes.Buffer
	if err := (jsonReporter{}).Write(&b, in); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "}\n") {
		t.Error("JSON report does not end with a newline")
	}
	var out struct {
		Version  string
		Findings []struct {
			analysis.Finding
			Flow []FlowStep `json:"flow"`
		}
		Errors []FileError
		Stats  struct {
			Stats
			BySeverity map[string]int `json:"findings_by_severity"`
		}
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	var findings []analysis.Finding
	flows := make(map[int][]FlowStep)
	for i, f := range out.Findings {
		findings = append(findings, f.Finding)
		if f.Flow != nil {
			flows[i] = f.Flow
		}
	}
	// The writer replaces nil lists by empty ones.
	want := in.Findings
	for i := range want {
		if want[i].CWE == nil {
			want[i].CWE = []int{}
		}
		if want[i].Aliases == nil {
			want[i].Aliases = []string{}
		}
	}
	if diff := cmp.Diff(want, findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(in.Flows, flows); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(in.Errors, out.Errors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(*in.Stats, out.Stats.Stats); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"critical": 1, "high": 2, "medium": 1, "low": 2}, out.Stats.BySeverity); diff != "" {
		t.Errorf("findings_by_severity (-want +got):\n%s", diff)
	}
}

func TestJSONTopLevelOrder(t *testing.T) {
	var b bytes.Buffer
	if err := (jsonReporter{}).Write(&b, &Result{Version: "v"}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"version\": \"v\",\n  \"findings\": [],\n  \"errors\": [],\n  \"stats\": {\n    \"files\": 0,"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("JSON report starts\n%s\nwant\n%s", b.String(), want)
	}
}

func TestJUnitWellFormed(t *testing.T) {
	var b bytes.Buffer
	if err := (junitReporter{}).Write(&b, fullResult()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Failure *struct {
					Type string `xml:"type,attr"`
					Text string `xml:",chardata"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	if doc.Tests != 8 || doc.Failures != 6 || doc.Errors != 2 {
		t.Errorf("tests/failures/errors = %d/%d/%d; want 8/6/2", doc.Tests, doc.Failures, doc.Errors)
	}
	var suites []string
	for _, s := range doc.Suites {
		suites = append(suites, s.Name)
	}
	want := []string{"app/views.py", "app/settings.py", "lib/ünïcode.py", "requirements.txt", "broken.py", "data/private dir"}
	if diff := cmp.Diff(want, suites); diff != "" {
		t.Errorf("suites (-want +got):\n%s", diff)
	}
	f := doc.Suites[0].Cases[1].Failure
	if f == nil || f.Type != "critical" || !strings.Contains(f.Text, `<user> input | table & "name"`) {
		t.Errorf("failure does not carry the unescaped message: %+v", f)
	}
}

// TestHostileText checks that text from a scanned file cannot inject markup or terminal
// control sequences into any format.
func TestHostileText(t *testing.T) {
	r := &Result{Findings: []analysis.Finding{{
		Code: "KR999", Name: "x", Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh,
		Path: "a.py", Line: 1, Column: 1, EndLine: 1, EndColumn: 5,
		Message: "</td><script>alert(1)</script> \x1b[2J @octocat |x| \u202e",
		Snippet: "eval(\"\x1b]0;pwned\x07\")",
	}}}
	tests := []struct {
		format  string
		forbids []string
	}{
		{"text", []string{"\x1b", "\u202e", "\x07"}},
		{"markdown", []string{"<script>", "</td>", "@octocat", "|x|", "\x1b", "\u202e"}},
		{"html", []string{"<script>", "</td><script>", "\x1b", "\u202e"}},
		{"junit", []string{"<script>", "\x1b", "\u202e"}},
		{"json", []string{"\x1b"}},
		{"sarif", []string{"\x1b"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			rep, err := New(tt.format, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := rep.Write(&b, r); err != nil {
				t.Fatal(err)
			}
			for _, s := range tt.forbids {
				if strings.Contains(b.String(), s) {
					t.Errorf("output holds %q:\n%s", s, b.String())
				}
			}
		})
	}
}

func TestTextColorOnlyWhenAsked(t *testing.T) {
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := (textReporter{Options{Color: color}}).Write(&b, fullResult()); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), "\x1b["); got != color {
			t.Errorf("Color %v: output has ANSI sequences = %v", color, got)
		}
	}
}

func TestCountRules(t *testing.T) {
	fs := []analysis.Finding{{Code: "KR2"}, {Code: "KR1"}, {Code: "KR3"}, {Code: "KR3"}, {Code: "KR1"}, {Code: "KR3"}}
	var got []string
	for _, c := range countRules(fs) {
		got = append(got, c.code)
	}
	if diff := cmp.Diff([]string{"KR3", "KR1", "KR2"}, got); diff != "" {
		t.Errorf("countRules order (-want +got):\n%s", diff)
	}
}

func TestGroupByFile(t *testing.T) {
	fs := []analysis.Finding{{Path: "b"}, {Path: "a"}, {Path: "b"}, {Path: "c"}, {Path: "a"}}
	got := groupByFile(fs)
	want := []fileGroup{{"b", []int{0, 2}}, {"a", []int{1, 4}}, {"c", []int{3}}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(fileGroup{})); diff != "" {
		t.Errorf("groupByFile (-want +got):\n%s", diff)
	}
}

func TestDocSection(t *testing.T) {
	doc := "# Title\nintro\n## What it does\nChecks things.\nTwice.\n\n## Why is this bad?\nBecause."
	if got := docSection(doc, "what it does"); got != "Checks things.\nTwice." {
		t.Errorf("docSection = %q", got)
	}
	if got := docSection(doc, "Example"); got != "" {
		t.Errorf("missing section = %q; want empty", got)
	}
}

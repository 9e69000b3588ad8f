package analysis

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseSeverity(t *testing.T) {
	tests := []struct {
		in      string
		want    Severity
		wantErr bool
	}{
		{"low", SeverityLow, false},
		{"Medium", SeverityMedium, false},
		{"HIGH", SeverityHigh, false},
		{"critical", SeverityCritical, false},
		{"", 0, true},
		{"never", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseSeverity(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil && got.String() != strings.ToLower(tt.in) {
			t.Errorf("ParseSeverity(%q).String() = %q", tt.in, got.String())
		}
	}
}

func TestParseConfidence(t *testing.T) {
	tests := []struct {
		in      string
		want    Confidence
		wantErr bool
	}{
		{"low", ConfidenceLow, false},
		{"medium", ConfidenceMedium, false},
		{"High", ConfidenceHigh, false},
		{"critical", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseConfidence(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseConfidence(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestOrdering(t *testing.T) {
	if !(SeverityLow < SeverityMedium && SeverityMedium < SeverityHigh && SeverityHigh < SeverityCritical) {
		t.Error("severities are not in increasing order")
	}
	if !(ConfidenceLow < ConfidenceMedium && ConfidenceMedium < ConfidenceHigh) {
		t.Error("confidences are not in increasing order")
	}
}

func TestFindingJSON(t *testing.T) {
	f := Finding{
		Code: "KR101", Name: "subprocess-shell-true", Message: "m",
		Severity: SeverityHigh, Confidence: ConfidenceMedium, CWE: []int{78},
		Path: "a.py", Line: 1, Column: 2, EndLine: 3, EndColumn: 4,
		Snippet: "s", Fingerprint: "fp", Analyzer: "rules", Aliases: []string{"B602"},
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"code":"KR101","name":"subprocess-shell-true","message":"m","severity":"high",` +
		`"confidence":"medium","cwe":[78],"path":"a.py","line":1,"column":2,"end_line":3,` +
		`"end_column":4,"snippet":"s","fingerprint":"fp","analyzer":"rules","aliases":["B602"]}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
	var back Finding
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(f, back); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(Finding{}); err == nil {
		t.Error("marshalling a finding without severity succeeded; want an error")
	}
}

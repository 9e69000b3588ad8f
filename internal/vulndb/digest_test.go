package vulndb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/analysis"
)

func loadOSV(t *testing.T, name string) *OSV {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "osv", name))
	if err != nil {
		t.Fatal(err)
	}
	v, err := ParseOSV(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func TestDigest(t *testing.T) {
	tests := []struct {
		file string
		want map[string]*Advisory
	}{
		{"PYSEC-2099-1.json", map[string]*Advisory{
			"web-frame": {
				ID:       "PYSEC-2099-1",
				Aliases:  []string{"CVE-2099-0001", "GHSA-aaaa-bbbb-cccc"},
				Summary:  "Webframe before 2.2.24 and 3.x before 3.1.12 lets a crafted header through.",
				Modified: unix(t, "2099-01-02T03:04:05Z"),
				// GIT range dropped; listed versions inside the range pruned.
				Ranges:   []Range{rng("i", "0", "f", "2.2.24", "i", "3.0", "f", "3.1.12")},
				Versions: []string{"0.9.legacy"},
			},
		}},
		{"GHSA-aaaa-bbbb-cccc.json", map[string]*Advisory{
			"web-frame": {
				ID:       "GHSA-aaaa-bbbb-cccc",
				Aliases:  []string{"CVE-2099-0001"},
				Summary:  "Header injection in webframe",
				Modified: unix(t, "2099-02-01T00:00:00Z"),
				Vectors:  []Vector{{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}},
				Score:    9.8,
				Severity: analysis.SeverityCritical,
				Ranges:   []Range{rng("i", "0", "f", "2.2.24")},
			},
		}},
		{"PYSEC-2099-2.json", nil},
		{"PYSEC-2099-3.json", map[string]*Advisory{
			"toolkit": {
				ID:       "PYSEC-2099-3",
				Summary:  "Two packages, one per-package severity",
				Modified: unix(t, "2099-04-01T00:00:00Z"),
				Vectors:  []Vector{{"CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}},
				Score:    9.3,
				Severity: analysis.SeverityCritical,
				Ranges:   []Range{rng("i", "1.0", "la", "1.4")},
				Versions: []string{"0.5"},
			},
			"toolkit-extras": {
				ID:       "PYSEC-2099-3",
				Summary:  "Two packages, one per-package severity",
				Modified: unix(t, "2099-04-01T00:00:00Z"),
				Ranges:   []Range{rng("i", "0", "l", "2.0")},
			},
		}},
		{"MAL-2099-7.json", map[string]*Advisory{
			"reqeusts": {
				ID:        "MAL-2099-7",
				Aliases:   []string{"GHSA-mmmm-aaaa-llll"},
				Summary:   "Malicious code in reqeusts (PyPI)",
				Modified:  unix(t, "2099-05-01T00:00:00Z"),
				Severity:  analysis.SeverityCritical,
				Ranges:    []Range{rng("i", "0")},
				Malicious: true,
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file[:len(tt.file)-5], func(t *testing.T) {
			got := Digest(loadOSV(t, tt.file))
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Digest mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseOSVErrors(t *testing.T) {
	tests := []struct {
		name string
		json string
	}{
		{"not_json", `<html>`},
		{"array", `[]`},
		{"no_id", `{"modified": "2020-01-01T00:00:00Z"}`},
		{"bad_time", `{"id": "X-1", "modified": "yesterday"}`},
		{"two_kinds_in_event", `{"id": "X-1", "affected": [{"package": {"ecosystem": "PyPI", "name": "a"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0", "fixed": "1"}]}]}]}`},
		{"empty_event", `{"id": "X-1", "affected": [{"package": {"ecosystem": "PyPI", "name": "a"}, "ranges": [{"type": "ECOSYSTEM", "events": [{}]}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseOSV([]byte(tt.json)); err == nil {
				t.Errorf("ParseOSV(%s) succeeded, want an error", tt.json)
			}
		})
	}
}

func TestSummaryFromDetails(t *testing.T) {
	tests := []struct {
		name, details, want string
	}{
		{"first_sentence", "Foo before 1.2 is bad. It really is.", "Foo before 1.2 is bad."},
		{"skips_rules_and_blank", "\n---\n\n## Heading text\nmore", "Heading text"},
		{"empty", "", ""},
		{"long_cut_on_rune", "é" + strings.Repeat("x", 300), "é" + strings.Repeat("x", maxSummary-len("é")-len("…")) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summaryFromDetails(tt.details); got != tt.want {
				t.Errorf("summaryFromDetails(%q) = %q, want %q", tt.details, got, tt.want)
			}
		})
	}
}

func unix(t *testing.T, s string) int64 {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm.Unix()
}

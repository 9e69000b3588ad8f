package vulndb

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/analysis"
)

func TestMergeFixtures(t *testing.T) {
	// PYSEC-2099-1 names GHSA-aaaa-bbbb-cccc as an alias: one vulnerability.
	var advs []Advisory
	for _, f := range []string{"GHSA-aaaa-bbbb-cccc.json", "PYSEC-2099-1.json"} {
		advs = append(advs, *Digest(loadOSV(t, f))["web-frame"])
	}
	got := Merge(advs)
	want := []Advisory{{
		ID:       "PYSEC-2099-1",
		Aliases:  []string{"CVE-2099-0001", "GHSA-aaaa-bbbb-cccc"},
		Summary:  "Webframe before 2.2.24 and 3.x before 3.1.12 lets a crafted header through.",
		Modified: unix(t, "2099-02-01T00:00:00Z"),
		Vectors:  []Vector{{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}},
		Score:    9.8,
		Severity: analysis.SeverityCritical,
		Ranges: []Range{
			rng("i", "0", "f", "2.2.24", "i", "3.0", "f", "3.1.12"),
			rng("i", "0", "f", "2.2.24"),
		},
		Versions: []string{"0.9.legacy"},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Merge mismatch (-want +got):\n%s", diff)
	}
}

func TestMerge(t *testing.T) {
	a := func(id string, aliases ...string) Advisory {
		return Advisory{ID: id, Aliases: aliases, Ranges: []Range{rng("i", "0", "f", "1."+id[len(id)-1:])}}
	}
	tests := []struct {
		name string
		in   []Advisory
		want [][]string // ID then aliases of each result
	}{
		{"unrelated", []Advisory{a("PYSEC-1"), a("PYSEC-2")}, [][]string{{"PYSEC-1"}, {"PYSEC-2"}}},
		{"shared_cve", []Advisory{a("GHSA-x-1", "CVE-1"), a("PYSEC-2", "CVE-1")}, [][]string{{"PYSEC-2", "CVE-1", "GHSA-x-1"}}},
		{"transitive", []Advisory{a("PYSEC-1", "CVE-1"), a("GHSA-y-2", "CVE-1", "CVE-2"), a("OSV-3", "CVE-2")},
			[][]string{{"PYSEC-1", "CVE-1", "CVE-2", "GHSA-y-2", "OSV-3"}}},
		{"direct_id", []Advisory{a("GHSA-z-1"), a("PYSEC-2", "GHSA-z-1")}, [][]string{{"PYSEC-2", "GHSA-z-1"}}},
		{"malware_prefers_ghsa_over_mal", []Advisory{a("MAL-1", "GHSA-m-2"), a("GHSA-m-2")}, [][]string{{"GHSA-m-2", "MAL-1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, m := range Merge(tt.in) {
				got = append(got, append([]string{m.ID}, m.Aliases...))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Merge ids mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMergeSemantics(t *testing.T) {
	p := Advisory{ID: "PYSEC-1", Aliases: []string{"CVE-1"}, Ranges: []Range{rng("i", "0", "f", "1.0")}}
	g := Advisory{ID: "GHSA-1", Aliases: []string{"CVE-1"}, Summary: "from ghsa", Ranges: []Range{rng("i", "2.0", "f", "2.1")},
		Vectors: []Vector{{"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}}}
	mal := Advisory{ID: "MAL-1", Aliases: []string{"CVE-1"}, Malicious: true}
	got := Merge([]Advisory{g, p, mal})
	if len(got) != 1 {
		t.Fatalf("Merge gave %d advisories, want 1", len(got))
	}
	m := got[0]
	for _, v := range []string{"0.5", "2.0.1"} {
		if !Affects(&m, v) {
			t.Errorf("merged advisory does not affect %s, a member does", v)
		}
	}
	if Affects(&m, "1.5") {
		t.Errorf("merged advisory affects 1.5, no member does")
	}
	if m.Summary != "from ghsa" || !m.Malicious || m.Severity != analysis.SeverityCritical || m.Score != 6.1 {
		t.Errorf("merged = %+v; want GHSA summary, malicious, critical, score 6.1", m)
	}
	if g.Summary != "from ghsa" || len(p.Aliases) != 1 {
		t.Errorf("Merge modified its input")
	}
}

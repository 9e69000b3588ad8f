package typosquat

import (
	"archive/zip"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
)

// sharedOSV is the OSV PyPI export the team keeps beside the repository.
const sharedOSV = "../../../../shared/data/osv-pypi-all.zip"

// malRecallFloor is the share of malicious names one edit from a top-5,000
// name that must be flagged. The rest are edits that also turn popular names
// into honest ones, and are left alone on purpose: letters changed in 4- and
// 5-letter names ("web2", "flaw"), edits in a short part of a family name
// ("discord-yp"), and a first letter changed. The measured share is 91.1%
// (790 of 867) with the 2026-04 top list and the 2025-06 malicious-packages
// snapshot; the floor leaves room for the lists to change.
const malRecallFloor = 0.88

// malNames reads the names of the PyPI packages of the MAL-* entries of an
// OSV export, normalised, or skips.
func malNames(t *testing.T) []string {
	t.Helper()
	zr, err := zip.OpenReader(sharedOSV)
	if err != nil {
		t.Skipf("shared data not present at %s (the repository's ../shared/data): %v", sharedOSV, err)
	}
	defer zr.Close()
	seen := map[string]bool{}
	var names []string
	for _, f := range zr.File {
		base := f.Name[strings.LastIndexByte(f.Name, '/')+1:]
		if !strings.HasPrefix(base, "MAL-") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var entry struct {
			Affected []struct {
				Package struct{ Ecosystem, Name string }
			}
		}
		if err := json.Unmarshal(data, &entry); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for _, a := range entry.Affected {
			if n := deps.Normalize(a.Package.Name); a.Package.Ecosystem == "PyPI" && !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	return names
}

// withinOne returns, for each name one edit (OSA distance 1) from one of
// targets of four letters or more, the most popular such target.
func withinOne(names, targets []string) map[string]string {
	idx := map[string][]string{}
	for _, t := range targets {
		if len(t) < 4 {
			continue
		}
		idx[t] = append(idx[t], t)
		for i := range len(t) {
			d := t[:i] + t[i+1:]
			idx[d] = append(idx[d], t)
		}
	}
	rank := map[string]int{}
	for i, t := range targets {
		rank[t] = i
	}
	out := map[string]string{}
	for _, n := range names {
		keys := []string{n}
		for i := range len(n) {
			keys = append(keys, n[:i]+n[i+1:])
		}
		for _, k := range keys {
			for _, t := range idx[k] {
				if osa(n, t) != 1 {
					continue
				}
				if cur, ok := out[n]; !ok || rank[t] < rank[cur] {
					out[n] = t
				}
			}
		}
	}
	return out
}

// TestQualityMalicious measures, on the malicious packages of OSV's PyPI
// export that are not popular themselves, how many of those one edit from a
// top-5,000 name are flagged (at least malRecallFloor), and reports how many
// of those two edits from a top-1,000 name are.
func TestQualityMalicious(t *testing.T) {
	top := loadShared(t)
	mal := malNames(t)
	popular := map[string]bool{}
	for _, n := range top {
		popular[deps.Normalize(n)] = true
	}
	var unpopular []string
	for _, n := range mal {
		if !popular[n] {
			unpopular = append(unpopular, n)
		}
	}
	norm := make([]string, 0, len(top))
	for _, n := range top[:5000] {
		norm = append(norm, deps.Normalize(n))
	}
	c := NewChecker(importTop(t, top[:5000]), 5000)
	one := withinOne(unpopular, norm)
	flagged, right := 0, 0
	for n, want := range one {
		if target, _, ok := c.Check(n); ok {
			flagged++
			if target == want {
				right++
			}
		}
	}
	recall := float64(flagged) / float64(len(one))
	t.Logf("one edit from the top 5,000: %d of %d malicious names flagged (%.1f%%), %d with that target",
		flagged, len(one), 100*recall, right)

	// Two edits: the names not within one edit that are two from the top 1,000.
	two, twoFlagged := 0, 0
	near := withinTwo(norm[:1000])
	for _, n := range unpopular {
		if _, ok := one[n]; ok || len(n) < minTwoEditLen || !near(n) {
			continue
		}
		two++
		if _, _, ok := c.Check(n); ok {
			twoFlagged++
		}
	}
	t.Logf("two edits from a long top-1,000 name: %d of %d flagged", twoFlagged, two)
	if recall < malRecallFloor {
		t.Errorf("flagged %.1f%% of malicious names one edit from a popular one, want at least %.0f%%", 100*recall, 100*malRecallFloor)
	}
}

// withinTwo returns a test of whether a name is two edits (OSA distance 2)
// from one of targets of minTwoEditLen letters or more, through the targets'
// deletions of up to two letters.
func withinTwo(targets []string) func(n string) bool {
	dels := func(s string) []string {
		out := []string{s}
		for i := range len(s) {
			d := s[:i] + s[i+1:]
			out = append(out, d)
			for j := i; j < len(d); j++ {
				out = append(out, d[:j]+d[j+1:])
			}
		}
		return out
	}
	idx := map[string][]string{}
	for _, t := range targets {
		if len(t) >= minTwoEditLen {
			for _, d := range dels(t) {
				idx[d] = append(idx[d], t)
			}
		}
	}
	return func(n string) bool {
		for _, d := range dels(n) {
			for _, t := range idx[d] {
				if osa(n, t) == 2 {
					return true
				}
			}
		}
		return false
	}
}

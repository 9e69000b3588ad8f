package vulndb

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps"
)

// maxSummary caps a summary taken from an advisory's details, in bytes.
const maxSummary = 160

// Digest turns one OSV advisory into the advisories it holds for each PyPI
// package, keyed by PEP 503 normalised name. A withdrawn advisory gives none;
// affected entries of other ecosystems are ignored. Several affected entries
// for one package are combined, since any one of them matching is a match.
func Digest(v *OSV) map[string]*Advisory {
	if v.Withdrawn != "" {
		return nil
	}
	out := map[string]*Advisory{}
	for _, aff := range v.Affected {
		if !isPyPI(aff.Package.Ecosystem) || aff.Package.Name == "" {
			continue
		}
		name := deps.Normalize(aff.Package.Name)
		a := out[name]
		if a == nil {
			a = newAdvisory(v)
			out[name] = a
		}
		sev := aff.Severity
		if len(sev) == 0 {
			sev = v.Severity
		}
		for _, s := range sev {
			addVector(a, Vector{Type: s.Type, Value: s.Score})
		}
		for _, r := range aff.Ranges {
			if r.Type != "ECOSYSTEM" && r.Type != "SEMVER" {
				continue
			}
			rg := Range{Type: r.Type}
			for _, e := range r.Events {
				rg.Events = append(rg.Events, eventOf(e))
			}
			a.Ranges = append(a.Ranges, rg)
		}
		a.Versions = append(a.Versions, aff.Versions...)
	}
	for _, a := range out {
		finishScore(a)
		pruneVersions(a)
	}
	return out
}

func newAdvisory(v *OSV) *Advisory {
	a := &Advisory{
		ID:        v.ID,
		Summary:   oneLine(v.Summary),
		Malicious: isMalicious(v.ID),
	}
	if !v.Modified.IsZero() {
		a.Modified = v.Modified.Unix()
	}
	for _, al := range v.Aliases {
		if al != "" && al != v.ID {
			a.Aliases = append(a.Aliases, al)
		}
	}
	a.Aliases = sortedUnique(a.Aliases)
	if a.Summary == "" {
		a.Summary = summaryFromDetails(v.Details)
	}
	return a
}

func eventOf(e OSVEvent) Event {
	switch {
	case e.Introduced != "":
		return Event{Kind: Introduced, Version: e.Introduced}
	case e.Fixed != "":
		return Event{Kind: Fixed, Version: e.Fixed}
	case e.LastAffected != "":
		return Event{Kind: LastAffected, Version: e.LastAffected}
	}
	return Event{Kind: Limit, Version: e.Limit}
}

func addVector(a *Advisory, v Vector) {
	if v.Value == "" || slices.Contains(a.Vectors, v) {
		return
	}
	a.Vectors = append(a.Vectors, v)
}

// finishScore sets Score and Severity from the vectors; malware is critical
// whatever its vectors say.
func finishScore(a *Advisory) {
	if s, ok := Score(a.Vectors); ok {
		a.Score, a.Severity = s, SeverityOf(s)
	} else {
		a.Score, a.Severity = 0, 0
	}
	if a.Malicious {
		a.Severity = analysis.SeverityCritical
	}
}

// summaryFromDetails takes the first sentence of the first prose line of an
// advisory's details, since many PYSEC entries have no summary.
func summaryFromDetails(details string) string {
	for line := range strings.SplitSeq(details, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.Trim(line, "-_=*#") == "" {
			continue
		}
		line = strings.TrimLeft(line, "#* ")
		if i := strings.Index(line, ". "); i > 0 {
			line = line[:i+1]
		}
		return truncate(line, maxSummary)
	}
	return ""
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

func sortedUnique(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	slices.Sort(ss)
	return slices.Compact(ss)
}

// ModifiedTime returns the advisory's Modified as a UTC time (zero when unknown).
func (a *Advisory) ModifiedTime() time.Time {
	if a.Modified == 0 {
		return time.Time{}
	}
	return time.Unix(a.Modified, 0).UTC()
}

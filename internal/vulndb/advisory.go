package vulndb

import (
	"github.com/kraitsec/krait/internal/analysis"
)

// Advisory is one advisory as it applies to one package: what the store keeps
// and Lookup returns. Advisories that alias each other are already merged.
type Advisory struct {
	// ID is the primary OSV id (PYSEC-…, GHSA-…, MAL-…).
	ID string
	// Aliases are the other ids of the same vulnerability (CVE, GHSA, merged
	// advisories), sorted, without ID.
	Aliases []string
	// Summary is one line: the OSV summary, else the start of the details.
	Summary string
	// Modified is the advisory's last modification, as Unix seconds.
	Modified int64
	// Vectors are the CVSS vectors given for the package or the advisory.
	Vectors []Vector
	// Score is the highest CVSS base score among Vectors (0 when none scored),
	// and Severity its krait severity (0 when unknown; critical for malware).
	Score    float64
	Severity analysis.Severity
	// Ranges are the ECOSYSTEM and SEMVER ranges, both ordered by PEP 440 (PyPI
	// has no SEMVER ranges today); GIT ranges are dropped since commits cannot
	// be matched against a version.
	Ranges []Range
	// Versions lists affected versions explicitly: those of the OSV versions
	// list that the ranges do not already cover, in SortVersions order.
	Versions []string
	// Malicious marks a known-malicious package (an OSV MAL-* entry).
	Malicious bool
}

// Vector is one severity score as OSV gives it, such as
// {"CVSS_V3", "CVSS:3.1/AV:N/…"}.
type Vector struct {
	Type  string
	Value string
}

// Range is one range of affected versions as an OSV event timeline.
type Range struct {
	Type   string
	Events []Event
}

// Event is one status change in a Range.
type Event struct {
	Kind    EventKind
	Version string
}

// EventKind is the kind of an OSV range event.
type EventKind uint8

// The OSV range event kinds.
const (
	Introduced EventKind = iota + 1
	Fixed
	LastAffected
	Limit
)

// String returns the OSV field name of the kind.
func (k EventKind) String() string {
	switch k {
	case Introduced:
		return "introduced"
	case Fixed:
		return "fixed"
	case LastAffected:
		return "last_affected"
	case Limit:
		return "limit"
	}
	return "unknown"
}

// URL returns the advisory's page on osv.dev.
func (a *Advisory) URL() string { return "https://osv.dev/vulnerability/" + a.ID }

// Fixed returns the versions that fix the advisory, in the order the ranges
// give them, without duplicates.
func (a *Advisory) Fixed() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range a.Ranges {
		for _, e := range r.Events {
			if e.Kind == Fixed && !seen[e.Version] {
				seen[e.Version] = true
				out = append(out, e.Version)
			}
		}
	}
	return out
}

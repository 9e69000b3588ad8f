// Package vulndb is krait's vulnerability database: the OSV model, a compact
// local store built from OSV's PyPI all.zip, its import and update, and the
// matching of package versions and specifiers against advisories.
package vulndb

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// OSV is one OSV advisory as published, reduced to the fields krait uses.
type OSV struct {
	ID        string        `json:"id"`
	Modified  time.Time     `json:"modified"`
	Withdrawn string        `json:"withdrawn,omitempty"`
	Aliases   []string      `json:"aliases,omitempty"`
	Summary   string        `json:"summary,omitempty"`
	Details   string        `json:"details,omitempty"`
	Severity  []OSVSeverity `json:"severity,omitempty"`
	Affected  []OSVAffected `json:"affected,omitempty"`
}

// OSVSeverity is one scored severity: a type such as CVSS_V3 and its vector.
type OSVSeverity struct {
	Type  string `json:"type"`
	Score string `json:"score"`
}

// OSVAffected is one affected package with its ranges and explicit versions.
type OSVAffected struct {
	Package  OSVPackage    `json:"package"`
	Severity []OSVSeverity `json:"severity,omitempty"`
	Ranges   []OSVRange    `json:"ranges,omitempty"`
	Versions []string      `json:"versions,omitempty"`
}

// OSVPackage names a package within an ecosystem.
type OSVPackage struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	PURL      string `json:"purl,omitempty"`
}

// OSVRange is one range of affected versions, as a timeline of events.
type OSVRange struct {
	Type   string     `json:"type"`
	Events []OSVEvent `json:"events"`
}

// OSVEvent is one change of status; exactly one field is set.
type OSVEvent struct {
	Introduced   string `json:"introduced,omitempty"`
	Fixed        string `json:"fixed,omitempty"`
	LastAffected string `json:"last_affected,omitempty"`
	Limit        string `json:"limit,omitempty"`
}

// EcosystemPyPI is the OSV ecosystem name of the Python Package Index.
const EcosystemPyPI = "PyPI"

// ParseOSV decodes one OSV JSON document and checks the fields matching
// relies on: an id, and exactly one kind per range event.
func ParseOSV(data []byte) (*OSV, error) {
	var v OSV
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, err
	}
	if strings.TrimSpace(v.ID) == "" {
		return nil, fmt.Errorf("advisory has no id")
	}
	for _, a := range v.Affected {
		for _, r := range a.Ranges {
			for _, e := range r.Events {
				if n := e.kinds(); n != 1 {
					return nil, fmt.Errorf("%s: %s range event sets %d kinds, want 1", v.ID, a.Package.Name, n)
				}
			}
		}
	}
	return &v, nil
}

func (e OSVEvent) kinds() int {
	n := 0
	for _, s := range [...]string{e.Introduced, e.Fixed, e.LastAffected, e.Limit} {
		if s != "" {
			n++
		}
	}
	return n
}

// isPyPI reports whether an OSV ecosystem string names PyPI; OSV allows a
// ":suffix" on some ecosystems, so accept one here too.
func isPyPI(ecosystem string) bool {
	return ecosystem == EcosystemPyPI || strings.HasPrefix(ecosystem, EcosystemPyPI+":")
}

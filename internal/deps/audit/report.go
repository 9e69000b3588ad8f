package audit

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/vulndb"
)

// Report is the audited dependency inventory of a project: what `krait deps`
// prints and what the scan's findings are made from.
type Report struct {
	// Packages are every package of every manifest and lock file, in inventory
	// order, each with what the database knows about it.
	Packages []Dependency
	// DB describes the vulnerability database the packages were matched
	// against; DB.Present is false when there was none.
	DB vulndb.DBStatus
	// Checked is true when the packages were matched against a database.
	Checked bool
	// ImportsKnown is true when the scan saw Python imports, so that an empty
	// Dependency.Imported means "not imported" rather than "unknown".
	ImportsKnown bool
	// Notices are one-line messages for the user, such as a missing or stale
	// database.
	Notices []string
	// Problems are manifest or lock files that could not be read in full, and
	// database records that could not be decoded.
	Problems []analysis.FileProblem
}

// Dependency is one package occurrence (one file and line) with its known
// vulnerabilities.
type Dependency struct {
	deps.Package
	// Vulns are the merged advisories that affect the pinned version or that
	// the specifier admits (Vuln.Range), sorted by ID; malicious-package
	// advisories among them have Vuln.Malicious set.
	Vulns []Vuln
	// Malicious lists the ids of the known-malicious-package advisories among
	// Vulns.
	Malicious []string
	// FixedIn is the smallest version that clears every known advisory of the
	// package (above the pinned version when there is one), or "" when none is
	// known.
	FixedIn string
	// Imported lists every import of one of ImportNames by the scanned code,
	// ordered by path and line.
	Imported []analysis.Import
	// ImportNames are the top-level modules the distribution provides, from its
	// installed RECORD/top_level.txt when scanned, else from krait's table of
	// well-known names, else derived from the name.
	ImportNames []string
	// Reachability is "imported", "not-imported", or "" when the scan saw no
	// Python code (Finding.Imported uses the same words).
	Reachability string
}

// Vuln is one merged advisory (its PYSEC, GHSA and CVE ids together) as it
// applies to one Dependency.
type Vuln struct {
	// ID is the advisory's primary OSV id and Aliases its other ids.
	ID      string
	Aliases []string
	Summary string
	// Severity is from the CVSS score when the advisory has one; otherwise
	// medium (critical for a malicious package). Score is the CVSS base score,
	// 0 when unscored, and Vectors the CVSS vectors it came from.
	Severity analysis.Severity
	Score    float64
	Vectors  []vulndb.Vector
	// Fixed lists the versions the advisory names as fixed.
	Fixed []string
	// URL is the advisory's page on osv.dev.
	URL string
	// Range is true when the dependency is not pinned and its specifier admits
	// an affected version; LowerBound is then the smallest fixed version V for
	// which adding ">=V" excludes them all ("" when no fix is known).
	Range      bool
	LowerBound string
	// Upgrade is, for a pinned version, the smallest fixed version above it
	// that the advisory does not affect ("" when none is known).
	Upgrade string
	// Malicious marks a known-malicious-package advisory (MAL-*).
	Malicious bool
}

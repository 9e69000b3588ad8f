package analysis

// Finding is one reported problem at one location. The JSON names are part of krait's
// output contract (DESIGN.md, Formats).
type Finding struct {
	Code       string     `json:"code"`
	Name       string     `json:"name"`
	Message    string     `json:"message"`
	Severity   Severity   `json:"severity"`
	Confidence Confidence `json:"confidence"`
	CWE        []int      `json:"cwe"`
	// Path is the file as the user named it or as found below a named directory.
	Path string `json:"path"`
	// Line and Column are 1-based; Column counts UTF-8 bytes, like CPython's AST.
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Snippet   string `json:"snippet"`
	// Fingerprint identifies the finding across line moves; baselines store it.
	Fingerprint string `json:"fingerprint"`
	// Analyzer names the part of krait that produced the finding, e.g. "rules", "secrets".
	Analyzer string   `json:"analyzer"`
	Aliases  []string `json:"aliases"`

	// The fields below are set by the analyzers they concern and left out of JSON
	// when empty.

	// Package is the PEP 503 normalised distribution name of a dependency or
	// supply-chain finding; Version is its pinned version, or its specifier when it
	// is not pinned.
	Package string `json:"package,omitempty"`
	Version string `json:"version,omitempty"`
	// VulnerabilityID is the OSV id of a known-vulnerability finding, and
	// VulnerabilityAliases its other ids (CVE, GHSA, PYSEC), merged into this finding.
	VulnerabilityID      string   `json:"vulnerability_id,omitempty"`
	VulnerabilityAliases []string `json:"vulnerability_aliases,omitempty"`
	// FixedIn is the smallest version that clears every known advisory of Package.
	FixedIn string `json:"fixed_in,omitempty"`
	// Imported tells whether the scanned code imports a vulnerable package:
	// "imported", "not-imported", or empty when unknown.
	Imported string `json:"imported,omitempty"`
	// Imitates is the popular package a typosquat finding's Package imitates.
	Imitates string `json:"imitates,omitempty"`
	// RiskScore is a supply-chain finding's package risk, 0 to 10.
	RiskScore float64 `json:"risk_score,omitempty"`
	// Provider names the service a secret belongs to, e.g. "AWS" or "GitHub".
	Provider string `json:"provider,omitempty"`
	// Commit, Author and Date locate a secret found in git history; Date is RFC 3339.
	Commit string `json:"commit,omitempty"`
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"`

	// Secret is the credential a secrets finding is about. It is never reported:
	// the scan redacts it from every other finding of the same file (another rule's
	// snippet of the same line) and then clears it.
	Secret string `json:"-"`
}

package analysis

// Rule is the metadata of one check. `krait rules CODE`, SARIF rule help and the
// generated docs all read it, so it is the single place a rule is described.
type Rule struct {
	// Code is the stable identifier, KR followed by three digits; it is never reused.
	Code string
	// Name says what the rule flags, in kebab case, e.g. "unsafe-yaml-load".
	Name string
	// Summary is a lowercase phrase without a final period, at most 60 characters.
	Summary string
	// Severity is the default severity of the rule's findings.
	Severity Severity
	// Confidence is the default confidence of the rule's findings.
	Confidence Confidence
	// CWE lists the CWE ids the rule maps to.
	CWE []int
	// Aliases lists equivalent Bandit and Ruff codes, e.g. "B506", "S506".
	Aliases []string
	// Doc has the sections What it does / Why is this bad? / Example / Use instead /
	// References, in Markdown.
	Doc string
}

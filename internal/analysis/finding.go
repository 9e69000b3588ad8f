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
}

package secrets

import (
	"strconv"

	"github.com/kraitsec/krait/internal/analysis"
)

// ruleSpec is what differs between the rules of two detector families; newRule
// writes the rest, so that every family's doc has the same sections and advice.
type ruleSpec struct {
	code, name, summary string
	severity            analysis.Severity
	confidence          analysis.Confidence
	// what completes "Finds ..." in the doc.
	what string
	// example is a line of configuration or code with the secret cut short.
	example, lang string
	// instead is the example rewritten to read the secret at run time.
	instead string
	// ref is a link to the provider's documentation on the credential.
	refTitle, ref string
	// cwe defaults to 798, hard-coded credentials.
	cwe []int
}

// newRule builds a secrets rule from its spec.
func newRule(s ruleSpec) *analysis.Rule {
	cwe := s.cwe
	if cwe == nil {
		cwe = []int{798}
	}
	lang := s.lang
	if lang == "" {
		lang = "python"
	}
	doc := "## What it does\nFinds " + s.what + " The secret is shown redacted (its first four characters) " +
		"in every report, and the finding's fingerprint hashes a digest of it, never the secret itself.\n\n" +
		"## Why is this bad?\nAnyone who can read the repository, a fork, a clone, a built package or the " +
		"git history can use the credential until it is revoked. Deleting it from the file does not take it " +
		"out of the history: revoke or rotate it first, then remove it.\n\n" +
		"## Example\n```" + lang + "\n" + s.example + "\n```\n\n" +
		"## Use instead\n```" + lang + "\n" + s.instead + "\n```\n\n" +
		"## References\n- [CWE-" + strconv.Itoa(cwe[0]) + "](https://cwe.mitre.org/data/definitions/" + strconv.Itoa(cwe[0]) + ".html)\n" +
		"- [" + s.refTitle + "](" + s.ref + ")\n"
	return &analysis.Rule{
		Code: s.code, Name: s.name, Summary: s.summary,
		Severity: s.severity, Confidence: s.confidence, CWE: cwe,
		Doc: doc, Analyzer: analysis.AnalyzerSecrets,
	}
}

// envExample is the usual "Use instead" of a credential in Python code.
func envExample(name string) string {
	return name + ` = os.environ["` + name + `"]`
}

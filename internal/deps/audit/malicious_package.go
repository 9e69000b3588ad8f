package audit

import "github.com/kraitsec/krait/internal/analysis"

// MaliciousPackage flags a dependency that OSV lists as a known-malicious
// package.
var MaliciousPackage = &analysis.Rule{
	Code:       "KR801",
	Name:       "known-malicious-package",
	Summary:    "dependency is a known-malicious package",
	Severity:   analysis.SeverityCritical,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{506},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Reports a dependency that an OSV malicious-packages entry (an id starting ` + "`MAL-`" + `) covers: the
pinned version when there is one (some entries name only the releases an attacker published),
else any version the specifier admits — a bare name included. Installed distributions
(*.dist-info in a scanned virtual environment) are checked too.

## Why is this bad?
These packages were published to steal credentials, open a reverse shell or mine
cryptocurrency, most often under a name that imitates a popular package. Installing one runs the
attacker's code, usually at install time, so a machine that installed it should be treated as
compromised.

## Example
` + "```text" + `
# requirements.txt
reqeusts==2.28.1
` + "```" + `

## Use instead
` + "```text" + `
requests==2.32.4
` + "```" + `
Remove the package, install the one it imitates, and rotate every secret the machine or CI job
that installed it could read.

## References
- https://github.com/ossf/malicious-packages
- https://osv.dev/list?ecosystem=PyPI&q=MAL-
- https://cwe.mitre.org/data/definitions/506.html`,
}

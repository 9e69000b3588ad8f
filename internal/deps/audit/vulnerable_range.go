package audit

import "github.com/kraitsec/krait/internal/analysis"

// VulnerableRange flags a dependency specifier that admits versions with known
// vulnerabilities.
var VulnerableRange = &analysis.Rule{
	Code:       "KR702",
	Name:       "vulnerable-version-range",
	Summary:    "dependency version range admits vulnerable versions",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{1395},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Checks the version specifier of every dependency that is not pinned (` + "`Django>=2.2`" + `,
` + "`requests~=2.19`" + `) against the local copy of OSV's PyPI advisories and reports a specifier that
admits at least one affected version — one finding per specifier, with the number of
vulnerabilities, the most severe one (its id in ` + "`vulnerability_id`" + `, the finding's severity
being its severity) and the lower bound ` + "`>=V`" + ` that would exclude them all. A specifier is a
range, never read as a pin: ` + "`>=2.2.2`" + ` admits 2.2.2 and everything after it.

When a lock file in the same directory pins the package, the range is not reported: the lock
says what is installed, and its entry is checked by KR701 instead. Nor is the range of a build
requirement (` + "`[build-system] requires`" + `, ` + "`setup_requires`" + `): a build installs the newest version
the range admits into a fresh isolated environment, so its floor is a compatibility bound, not
a version that gets installed. A requirement without any
version constraint is not reported here (the pinning rules cover it), except by KR801 when the
name is a known-malicious package. The confidence is low because the version actually installed
may well be a fixed one.

## Why is this bad?
A range that admits vulnerable versions lets an old environment, a cached wheel or a resolver
backtracking over a conflict install one of them, and nothing in the project records which
version that was.

## Example
` + "```toml" + `
[project]
dependencies = ["django>=2.2"]
` + "```" + `

## Use instead
` + "```toml" + `
[project]
dependencies = ["django>=4.2.20"]
` + "```" + `
Raise the lower bound to the one given in the message, and commit a lock file.

## References
- https://packaging.python.org/en/latest/specifications/version-specifiers/
- https://ossf.github.io/osv-schema/
- https://cwe.mitre.org/data/definitions/1395.html`,
}

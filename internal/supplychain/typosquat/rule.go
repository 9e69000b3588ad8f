package typosquat

import "github.com/kraitsec/krait/internal/analysis"

// TyposquatPackage flags a dependency whose name imitates a popular project's.
var TyposquatPackage = &analysis.Rule{
	Code:       "KR802",
	Name:       "typosquat-package",
	Summary:    "dependency name imitates a popular package (typosquat)",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{1357},
	Analyzer:   analysis.AnalyzerSupplyChain,
	Doc: `## What it does
Flags a dependency, declared in a manifest or lock file or installed in a scanned
environment, whose name imitates one of the 5,000 most downloaded PyPI projects: a
letter dropped, doubled, swapped or changed for a neighbouring key
(` + "`requets`, `reqeusts`, `requestss`" + `), look-alike characters (` + "`jeIlyfish`, `rnatplotlib`" + `),
the separators changed (` + "`pythondateutil`" + `) or a python prefix or suffix added or
changed (` + "`python3-dateutil`" + `). A name that is itself popular is never flagged.

The popular list is the one ` + "`krait db update`" + ` downloads (hugovk's top-15,000 PyPI
projects); without it krait uses its built-in list of well-known projects. Only
packages resolved from an index are checked: a path, editable, URL or VCS dependency
is fetched from where it says, whatever its name.

## Why is this bad?
Attackers publish packages under names one slip away from popular ones and wait for a
mistyped ` + "`pip install`" + ` or requirement line. The package usually works like (or
depends on) the real one and runs its payload at install or import time: stealing
credentials, tokens and browser data, or installing a backdoor (CWE-1357, CWE-506).

## Example
` + "```text" + `
# requirements.txt
reqeusts==2.31.0
python3-dateutil
` + "```" + `

## Use instead
Check the name on pypi.org and depend on the real project:
` + "```text" + `
requests==2.31.0
python-dateutil
` + "```" + `
If the flagged name is really the project you mean, suppress the finding on its line
with ` + "`# krait: ignore[KR802]`" + `.

## References
- [PyPI: typosquatting and malware reports](https://pypi.org/security/)
- [Python Packaging User Guide: name normalization (PEP 503)](https://packaging.python.org/en/latest/specifications/name-normalization/)
- [CWE-1357: Reliance on Insufficiently Trustworthy Component](https://cwe.mitre.org/data/definitions/1357.html)
`,
}

// Rules lists the rules this package reports.
func Rules() []*analysis.Rule { return []*analysis.Rule{TyposquatPackage} }

package audit

import "github.com/kraitsec/krait/internal/analysis"

// VulnerableDependency flags a pinned dependency version that a known
// vulnerability affects.
var VulnerableDependency = &analysis.Rule{
	Code:       "KR701",
	Name:       "vulnerable-dependency",
	Summary:    "pinned dependency version has a known vulnerability",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{1395},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Matches every pinned dependency — a lock file entry (poetry.lock, uv.lock, pdm.lock,
Pipfile.lock, pylock.toml), a ` + "`==`" + ` or ` + "`===`" + ` requirement in a manifest, or an installed
*.dist-info — against the local copy of OSV's PyPI advisories (` + "`krait db update`" + `), and reports
one finding per vulnerability that affects the exact version. Advisories that describe the same
vulnerability (a PYSEC, a GHSA and a CVE id) are merged into one finding: the finding's
` + "`vulnerability_id`" + ` is the OSV id the database treats as primary (PYSEC, else GHSA) and
` + "`vulnerability_aliases`" + ` lists the others. Ranges are evaluated in PEP 440 order, per the OSV
specification; withdrawn advisories are skipped.

The severity comes from the advisory's CVSS v3 or v4 vector: critical at 9.0 and above, high
from 7.0, medium from 4.0, low below. Advisories without a CVSS vector (most PYSEC entries) are
reported as **medium**. ` + "`fixed_in`" + ` is the smallest version that clears every known
advisory of the package, and the message says whether the scanned code imports the package.
The metadata of a package that a Linux distribution installed (` + "`/usr/lib/python3/dist-packages`" + `
on Debian and Ubuntu, ` + "`/usr/lib{,64}/python3.X/site-packages`" + ` on Fedora and RHEL) gives the
upstream version, while the distribution backports security fixes without changing it: such a
finding has medium confidence and says to check the distribution's security tracker.

## Why is this bad?
A dependency with a published vulnerability is the easiest way into an application: the flaw
and often an exploit are public, and scanners look for them. Code that never imports the
package is less exposed, but the package is still installed and may be used by another
dependency or a script.

## Example
` + "```text" + `
# requirements.txt
django==3.2.0
` + "```" + `

## Use instead
` + "```text" + `
django==3.2.25
` + "```" + `
Upgrade to the version in ` + "`fixed_in`" + ` (or the latest release), regenerate the lock file,
and run ` + "`krait db update`" + ` regularly so that new advisories are seen.

## References
- https://osv.dev/list?ecosystem=PyPI
- https://ossf.github.io/osv-schema/
- https://cwe.mitre.org/data/definitions/1395.html`,
}

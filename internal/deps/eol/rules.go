package eol

import "github.com/kraitsec/krait/internal/analysis"

// EOLPython flags an interpreter the project runs on that no longer gets security fixes.
var EOLPython = &analysis.Rule{
	Code:       "KR710",
	Name:       "eol-python",
	Summary:    "project runs on an end-of-life python version",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{1104},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags a Python version the project is pinned to run on when that version has reached its
end of life: a Docker base image (` + "`FROM python:3.8-slim`" + `, with ` + "`ARG`" + ` defaults
substituted), ` + "`.python-version`" + `, Heroku's ` + "`runtime.txt`" + `, ` + "`.tool-versions`" + `, App
Engine's ` + "`runtime: python38`" + `, a Pipfile's ` + "`[requires] python_version`" + `, a conda
environment's ` + "`python=3.8`" + `, Compose services (` + "`image: python:3.8`" + `), and a tox envlist
(` + "`py38`" + `) or CI configuration (GitHub Actions ` + "`python-version`" + `, GitLab/CircleCI/Bitbucket
images, Travis ` + "`python`" + `, Azure ` + "`versionSpec`" + `) that names a single version. A tox envlist or
CI file naming two or more versions (` + "`py{38,39,310}`" + `, a job matrix) is a test matrix: it says
which versions a library supports, not the one an application runs, and its end-of-life
versions are KR711 instead. A version named several times in one file is reported once;
` + "`exclude:`" + ` entries are skipped. The release schedule is built in; the message gives the
end-of-life date and the newest release to move to. Python 2 is reported as critical.

## Why is this bad?
After its end of life a Python version gets no more security releases: vulnerabilities found
in the interpreter or its standard library (ssl, http, xml, tarfile, email parsing...) stay
open for good, and libraries drop support, so security fixes in dependencies stop reaching
the project too.

## Example
` + "```dockerfile" + `
FROM python:3.8-slim
` + "```" + `

## Use instead
` + "```dockerfile" + `
FROM python:3.13-slim
` + "```" + `

## References
- https://devguide.python.org/versions/
- https://peps.python.org/pep-0602/
- https://cwe.mitre.org/data/definitions/1104.html`,
}

// EOLPythonSupported flags a declared range of supported versions whose floor is end-of-life.
var EOLPythonSupported = &analysis.Rule{
	Code:       "KR711",
	Name:       "eol-python-supported",
	Summary:    "supported python range admits an end-of-life version",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{1104},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags a range of supported Python versions whose lowest admitted version has reached its end
of life: ` + "`requires-python`" + ` in pyproject.toml, Poetry's ` + "`python`" + ` dependency,
` + "`python_requires`" + ` in setup.py or setup.cfg, a conda ` + "`python>=3.8`" + `, and trove
classifiers such as ` + "`Programming Language :: Python :: 3.8`" + ` (one finding per file, naming
every end-of-life classifier), and the test matrix of a tox envlist or CI file that names two
or more versions (one finding per file, naming every end-of-life version it tests; a single
version there is KR710). A range only says what the project supports, not what it runs
on, so this is reported at low severity (medium when the floor is Python 2); the message
names the floor and the oldest release still supported.

## Why is this bad?
Declaring support for an end-of-life interpreter keeps users on it: installers happily pick
this project for a Python that gets no security fixes, and the project keeps code paths and
dependency pins (older versions of libraries that dropped that Python) which do not get fixes
either.

## Example
` + "```toml" + `
[project]
requires-python = ">=3.8"
` + "```" + `

## Use instead
` + "```toml" + `
[project]
requires-python = ">=3.11"
` + "```" + `

## References
- https://devguide.python.org/versions/
- https://packaging.python.org/en/latest/specifications/pyproject-toml/#requires-python
- https://cwe.mitre.org/data/definitions/1104.html`,
}

// PythonEOLSoon flags a pinned interpreter that reaches its end of life within a year.
var PythonEOLSoon = &analysis.Rule{
	Code:       "KR712",
	Name:       "python-eol-soon",
	Summary:    "project runs on a python version that ends within a year",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{1104},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags a Python version the project is pinned to run on (the same sources as KR710) that
reaches its end of life within the next twelve months, with the date and the release to move
to. Ranges of supported versions and test matrices (a tox envlist or CI file naming several
versions) are not reported: still supporting a version that has a few months left is fine.

## Why is this bad?
Moving an application to a new interpreter takes planning: dependencies must support it, and
images, CI and deployment change together. Starting when the version is already out of
support leaves the application without security fixes in the meantime.

## Example
` + "```yaml" + `
- uses: actions/setup-python@v5
  with:
    python-version: "3.11"
` + "```" + `

## Use instead
` + "```yaml" + `
- uses: actions/setup-python@v5
  with:
    python-version: "3.13"
` + "```" + `

## References
- https://devguide.python.org/versions/
- https://peps.python.org/pep-0602/
- https://cwe.mitre.org/data/definitions/1104.html`,
}

// Rules returns the rules of the end-of-life analyzer, for the registry.
func Rules() []*analysis.Rule { return []*analysis.Rule{EOLPython, EOLPythonSupported, PythonEOLSoon} }

package hygiene

import "github.com/kraitsec/krait/internal/analysis"

// UnpinnedDependency flags an application requirement that is not pinned to one version.
var UnpinnedDependency = &analysis.Rule{
	Code:       "KR720",
	Name:       "unpinned-dependency",
	Summary:    "application requirement not pinned and no lock file",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{1357, 829},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags each requirement of an application manifest (requirements files, a Pipfile's package
categories, the pip section of a conda environment) that does not pin one version with ` + "`==`" + `
or ` + "`===`" + `, when no lock file (poetry.lock, Pipfile.lock, uv.lock, pdm.lock, pylock.toml)
sits in the manifest's directory or one above it, and the requirements file is not a compiled
one with ` + "`--hash`" + `es.
A pin in a ` + "`-c`" + ` constraints file counts. Library metadata (PEP 621 ` + "`dependencies`" + `,
setup.py ` + "`install_requires`" + `) is never reported: ranges are how a library should state
what it works with. ` + "`.in`" + ` files, the inputs of pip-compile, are not reported either.

## Why is this bad?
An unpinned requirement installs whatever the index holds on the day of the install. A
compromised or broken release of any dependency reaches production with the next build, no
two builds are guaranteed to be the same, and a vulnerability scan of the manifest cannot
say what is actually deployed.

## Example
` + "```text" + `
requests>=2.20
flask
` + "```" + `

## Use instead
` + "```text" + `
# compiled by pip-compile --generate-hashes requirements.in
requests==2.32.3 \
    --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6
` + "```" + `

## References
- https://pip.pypa.io/en/stable/topics/repeatable-installs/
- https://github.com/jazzband/pip-tools
- https://cwe.mitre.org/data/definitions/1357.html`,
}

// MissingLockFile flags an application project that has no lock file at all.
var MissingLockFile = &analysis.Rule{
	Code:       "KR721",
	Name:       "missing-lock-file",
	Summary:    "application project without a lock file",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{1357},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Reports, once per project, an application-style manifest (a requirements file, a Pipfile, a
pyproject.toml configured for Poetry, PDM or uv) when no lock file covers it (none in its
directory or above) and the requirements are not all pinned with ` + "`==`" + `. A fully pinned requirements file, such as
pip-compile output, is a lock file and silences the rule. The finding is placed on the main
manifest and says which tool's lock to commit.

## Why is this bad?
Without a lock file every install resolves the dependency tree afresh, including the
transitive dependencies that no manifest names: builds are not reproducible, and a
malicious or broken release anywhere in the tree is picked up silently.

## Example
` + "```text" + `
Pipfile            # and no Pipfile.lock
` + "```" + `

## Use instead
` + "```text" + `
pipenv lock        # then commit Pipfile.lock; or poetry lock, uv lock, pdm lock,
                   # pip-compile --generate-hashes
` + "```" + `

## References
- https://pipenv.pypa.io/en/latest/pipfile.html
- https://python-poetry.org/docs/basic-usage/#committing-your-poetrylock-file-to-version-control
- https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile`,
}

// UnpinnedVCSDependency flags a VCS dependency that does not name a commit.
var UnpinnedVCSDependency = &analysis.Rule{
	Code:       "KR722",
	Name:       "unpinned-vcs-dependency",
	Summary:    "vcs dependency not pinned to a commit",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{829, 494},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags a dependency installed from version control (` + "`git+https://…`" + `, ` + "`hg+`" + `,
` + "`svn+`" + `, ` + "`bzr+`" + ` in requirements files and PEP 508 strings, Pipfile ` + "`{git = …, ref =\n…}`" + `, Poetry ` + "`{git = …, branch/tag/rev = …}`" + `, uv sources) that does not name a
commit: a full or abbreviated (7+ hex digits) commit id, or an svn revision number. A
reference without any revision installs the default branch and is reported as high
severity; a branch or tag name is medium, since both can be moved to other code. In
pyproject.toml and Pipfile the rule is quiet when a lock file covers the manifest (in its
directory or above), since the lock records the resolved commit.

## Why is this bad?
A branch or tag is a pointer that whoever controls the repository can move: the next
install silently runs different code, possibly malicious if the repository or an account
is compromised. Hashes cannot be checked for VCS requirements, so the commit id is the only
integrity anchor.

## Example
` + "```text" + `
mylib @ git+https://github.com/org/mylib@main
` + "```" + `

## Use instead
` + "```text" + `
mylib @ git+https://github.com/org/mylib@5c7e9ea4c8ec5f5e9f4a8c7f2d81b0a8c7c1e2f3
` + "```" + `

## References
- https://pip.pypa.io/en/stable/topics/vcs-support/
- https://python-poetry.org/docs/dependency-specification/#git-dependencies
- https://cwe.mitre.org/data/definitions/829.html`,
}

// InsecurePackageIndex flags a package index or download URL reached over plain HTTP or without TLS checks.
var InsecurePackageIndex = &analysis.Rule{
	Code:       "KR723",
	Name:       "insecure-package-index",
	Summary:    "package index or download url over plain http",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{319, 494},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags an ` + "`http://`" + ` package index, extra index or find-links location, and a dependency
downloaded from an ` + "`http://`" + ` URL without a hash: in requirements files, pip.conf/pip.ini,
Pipfile ` + "`[[source]]`" + `, Poetry/PDM/uv sources in pyproject.toml, a conda environment's pip
section, ` + "`pip install -i http://…`" + ` and ` + "`PIP_INDEX_URL`" + ` in Dockerfiles, Makefiles, tox.ini and CI
configurations. Sources with TLS verification switched off (` + "`verify_ssl = false`" + ` in a
Pipfile or PDM source) are reported too. Loopback addresses (localhost, 127.0.0.1) are not.

## Why is this bad?
Anyone on the network path (a shared Wi-Fi, a compromised router, a CI provider's network)
can read and replace the packages, and pip then installs and runs the attacker's code.

## Example
` + "```text" + `
--index-url http://pypi.internal.example.com/simple
` + "```" + `

## Use instead
` + "```text" + `
--index-url https://pypi.internal.example.com/simple
` + "```" + `

## References
- https://pip.pypa.io/en/stable/topics/https-certificates/
- https://pipenv.pypa.io/en/latest/indexes.html
- https://cwe.mitre.org/data/definitions/319.html`,
}

// TrustedHost flags pip's --trusted-host, which switches off TLS verification for a host.
var TrustedHost = &analysis.Rule{
	Code:       "KR724",
	Name:       "trusted-host",
	Summary:    "pip trusted-host disables tls verification",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{295},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags pip's trusted-host setting wherever it is given: ` + "`--trusted-host`" + ` in requirements
files and conda environments, ` + "`trusted-host`" + ` in pip.conf/pip.ini, ` + "`pip install\n--trusted-host`" + ` and ` + "`PIP_TRUSTED_HOST`" + ` in Dockerfiles, Makefiles, tox.ini and CI configurations.

## Why is this bad?
A trusted host may be reached over plain HTTP, and over HTTPS its certificate is not
verified. A machine in the middle can then serve any package under any name, and pip
installs it. It is usually added to get past a proxy or self-signed certificate; the fix is
to give pip the right CA bundle instead.

## Example
` + "```text" + `
--trusted-host pypi.internal.example.com
` + "```" + `

## Use instead
` + "```ini" + `
# pip.conf: trust the company CA rather than every certificate
[global]
cert = /etc/ssl/certs/company-ca.pem
` + "```" + `

## References
- https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host
- https://pip.pypa.io/en/stable/topics/https-certificates/
- https://cwe.mitre.org/data/definitions/295.html`,
}

// ExtraIndexURL flags configurations in which a private index is merged with PyPI.
var ExtraIndexURL = &analysis.Rule{
	Code:       "KR725",
	Name:       "extra-index-url",
	Summary:    "extra package index open to dependency confusion",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{427},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags package-index settings under which the installer looks a name up on several indexes
and takes the best version from any of them:
- pip's ` + "`--extra-index-url`" + ` in requirements files and conda environments,
  ` + "`extra-index-url`" + ` in pip.conf/pip.ini, ` + "`PIP_EXTRA_INDEX_URL`" + ` and ` + "`pip install\n  --extra-index-url`" + ` in Dockerfiles, Makefiles, tox.ini and CI configurations;
- a Pipfile with more than one ` + "`[[source]]`" + ` and ` + "`install_search_all_sources = true`" + `
  (since release 2022.3.23 Pipenv takes each package from one index, the default one
  unless the package names another with ` + "`index = \"…\"`" + `, so several sources alone are
  fine);
- a Poetry source with priority ` + "`supplemental`" + ` or the deprecated ` + "`secondary`" + `
  (` + "`explicit`" + ` sources are only used for the packages that name them, and are fine);
- a PDM source other than PyPI without ` + "`respect-source-order = true`" + `;
- uv with ` + "`index-strategy = \"unsafe-best-match\"`" + ` or ` + "`\"unsafe-first-match\"`" + ` (uv's
  default, ` + "`first-index`" + `, stops at the first index that has the name and is not
  reported).

## Why is this bad?
This is dependency confusion: pip treats all indexes as equal and installs the highest
version it finds. An attacker who registers the name of an internal package on PyPI with a
higher version number gets their code installed on developer machines and build servers.
PyTorch's nightly builds, installed with ` + "`--extra-index-url`" + `, were compromised this way in
December 2022 (the torchtriton package).

## Example
` + "```text" + `
--extra-index-url https://pypi.internal.example.com/simple
internal-utils==1.4
` + "```" + `

## Use instead
` + "```text" + `
# one index that proxies PyPI and serves the internal packages (devpi, Artifactory,
# Nexus), or uv/Poetry with the internal index marked explicit for those packages
--index-url https://pypi.internal.example.com/simple
` + "```" + `

## References
- https://medium.com/@alex.birsan/dependency-confusion-4a5d60fec610
- https://pytorch.org/blog/compromised-nightly-dependency/
- https://pipenv.pypa.io/en/latest/indexes.html
- https://docs.astral.sh/uv/concepts/indexes/#searching-across-multiple-indexes
- https://python-poetry.org/docs/repositories/#package-sources
- https://cwe.mitre.org/data/definitions/427.html`,
}

// PartialHashes flags a requirement without a hash in a file whose other requirements have one.
var PartialHashes = &analysis.Rule{
	Code:       "KR726",
	Name:       "partial-hashes",
	Summary:    "requirement without a hash among hashed requirements",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{494},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags each requirement that has no ` + "`--hash`" + ` (and no ` + "`#sha256=`" + ` URL fragment) in a
requirements file, ` + "`-r`" + ` includes followed, in which other requirements do have hashes,
when the file does not say ` + "`--require-hashes`" + `.

## Why is this bad?
A ` + "`--hash`" + ` on any requirement switches pip into hash-checking mode for the whole
install, and pip then refuses every requirement without one; so with pip the file does not
install, and the usual "fix" is to strip the hashes. Other installers check only the hashes
that are there: ` + "`uv pip install`" + ` verifies present hashes and installs the unhashed
requirements unverified unless ` + "`--require-hashes`" + ` is given. Either way the unhashed
requirements are the gap an attacker who controls the index or the network uses.

## Example
` + "```text" + `
requests==2.32.3 --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6
urllib3==2.2.2
` + "```" + `

## Use instead
` + "```text" + `
--require-hashes
requests==2.32.3 --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6
urllib3==2.2.2 --hash=sha256:a448b2f64d686155468037e1ace9f2d2199776e17f0a46610480d311f73e3472
` + "```" + `

## References
- https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode
- https://docs.astral.sh/uv/pip/compile/#hash-checking
- https://cwe.mitre.org/data/definitions/494.html`,
}

// UnverifiedURLDependency flags a dependency downloaded from a URL without a hash to check it against.
var UnverifiedURLDependency = &analysis.Rule{
	Code:       "KR727",
	Name:       "unverified-url-dependency",
	Summary:    "dependency downloaded from a url without a hash",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{494},
	Analyzer:   analysis.AnalyzerDeps,
	Doc: `## What it does
Flags a direct URL dependency (` + "`pkg @ https://host/pkg-1.0-py3-none-any.whl`" + `, a bare
archive URL in a requirements file, a Poetry or Pipfile ` + "`url`" + `/` + "`file`" + ` dependency)
that carries no ` + "`#sha256=`" + ` fragment and no ` + "`--hash`" + `. Plain ` + "`http://`" + ` URLs are
reported as KR723 instead. In pyproject.toml and Pipfile the rule is quiet when a
lock file covers the manifest, since the lock records the archive's hash.

## Why is this bad?
Whatever the URL serves on the day of the install is installed and run: whoever controls
the host, or a compromised CDN or mirror, can replace the archive without anything noticing.

## Example
` + "```text" + `
mylib @ https://files.example.com/mylib-1.0-py3-none-any.whl
` + "```" + `

## Use instead
` + "```text" + `
mylib @ https://files.example.com/mylib-1.0-py3-none-any.whl#sha256=0b1c2d…
` + "```" + `

## References
- https://packaging.python.org/en/latest/specifications/direct-url/
- https://pip.pypa.io/en/stable/topics/secure-installs/
- https://cwe.mitre.org/data/definitions/494.html`,
}

// Rules returns the rules of the hygiene analyzer, for the registry.
func Rules() []*analysis.Rule {
	return []*analysis.Rule{UnpinnedDependency, MissingLockFile, UnpinnedVCSDependency, InsecurePackageIndex,
		TrustedHost, ExtraIndexURL, PartialHashes, UnverifiedURLDependency}
}

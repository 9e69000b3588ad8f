// Package eol reports end-of-life Python: it reads every place a project states its
// interpreter (requires-python, Docker base images, .python-version, runtime.txt,
// tox, CI configurations, classifiers, …) and judges each against CPython's release
// schedule, which is built in.
package eol

import (
	"context"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/inventory"
)

// Options configures the analyzer.
type Options struct {
	// Now says what day it is; nil means time.Now. Tests fix it.
	Now func() time.Time
}

// Analyzer is the end-of-life Python check, a project analyzer.
type Analyzer struct {
	now      func() time.Time
	schedule *Schedule
}

// New returns the analyzer.
func New(opts Options) *Analyzer {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &Analyzer{now: now, schedule: NewSchedule()}
}

// Rules lists the analyzer's rules.
func (a *Analyzer) Rules() []*analysis.Rule { return Rules() }

// Wants accepts the manifests of the inventory and every other file that names an
// interpreter.
func (a *Analyzer) Wants(rel string) bool {
	return inventory.Wants(rel) || rawKind(rel) != ""
}

// Raw file kinds, read from the files' bytes rather than from the inventory.
const (
	rawPythonVersion = "python-version"
	rawRuntimeTxt    = "runtime.txt"
	rawToolVersions  = "tool-versions"
	rawAppYAML       = "app.yaml"
	rawDockerfile    = "dockerfile"
	rawToxINI        = "tox.ini"
	rawToxTOML       = "tox.toml"
	rawSetupCfg      = "setup.cfg"
	rawPyproject     = "pyproject.toml"
	rawGitHub        = "github"
	rawGitLab        = "gitlab"
	rawCircleCI      = "circleci"
	rawTravis        = "travis"
	rawAzure         = "azure"
	rawBitbucket     = "bitbucket"
	rawCompose       = "compose"
)

// rawKind says which raw reader a file needs, from its path.
func rawKind(rel string) string {
	base := path.Base(rel)
	lower := strings.ToLower(base)
	switch {
	case base == ".python-version":
		return rawPythonVersion
	case base == "runtime.txt":
		return rawRuntimeTxt
	case base == ".tool-versions":
		return rawToolVersions
	case base == "app.yaml":
		return rawAppYAML
	case lower == "dockerfile" || lower == "containerfile" || strings.HasPrefix(lower, "dockerfile.") ||
		strings.HasPrefix(lower, "dockerfile-") || strings.HasSuffix(lower, ".dockerfile") || strings.HasPrefix(lower, "containerfile."):
		return rawDockerfile
	case base == "tox.ini":
		return rawToxINI
	case base == "tox.toml":
		return rawToxTOML
	case base == "setup.cfg":
		return rawSetupCfg
	case base == "pyproject.toml":
		return rawPyproject
	case (strings.HasSuffix(lower, ".yml") || strings.HasSuffix(lower, ".yaml")) &&
		(strings.HasPrefix(rel, ".github/workflows/") || strings.Contains(rel, "/.github/workflows/")):
		return rawGitHub
	case lower == ".gitlab-ci.yml" || strings.HasSuffix(lower, ".gitlab-ci.yml"):
		return rawGitLab
	case base == "config.yml" && path.Base(path.Dir(rel)) == ".circleci":
		return rawCircleCI
	case base == ".travis.yml":
		return rawTravis
	case lower == "azure-pipelines.yml" || lower == "azure-pipelines.yaml":
		return rawAzure
	case base == "bitbucket-pipelines.yml":
		return rawBitbucket
	case (strings.HasPrefix(lower, "docker-compose") || strings.HasPrefix(lower, "compose.")) &&
		(strings.HasSuffix(lower, ".yml") || strings.HasSuffix(lower, ".yaml")):
		return rawCompose
	}
	return ""
}

// rawClaims reads the interpreter statements of a file from its bytes.
func rawClaims(kind string, data []byte) []claim {
	switch kind {
	case rawPythonVersion:
		return pythonVersionClaims(data)
	case rawRuntimeTxt:
		return runtimeTxtClaims(data)
	case rawToolVersions:
		return toolVersionsClaims(data)
	case rawAppYAML:
		return appYAMLClaims(data)
	case rawDockerfile:
		return dockerfileClaims(data)
	case rawToxINI:
		return toxINIClaims(lines(data), toxSection{name: "tox"}, "tox envlist")
	case rawSetupCfg:
		return toxINIClaims(lines(data), toxSection{name: "tox:tox"}, "tox envlist")
	case rawToxTOML:
		return toxTOMLClaims(lines(data), "", "tox env_list")
	case rawPyproject:
		return toxTOMLClaims(lines(data), "tool.tox", "tox env_list")
	case rawGitHub:
		return ciClaims(data, ciKind{versionKeys: []string{"python-version"}, source: "GitHub Actions"})
	case rawGitLab:
		return ciClaims(data, ciKind{source: "GitLab CI"})
	case rawCircleCI:
		return ciClaims(data, ciKind{source: "CircleCI"})
	case rawTravis:
		return ciClaims(data, ciKind{versionKeys: []string{"python"}, source: "Travis CI"})
	case rawAzure:
		return ciClaims(data, ciKind{versionKeys: []string{"versionSpec"}, source: "Azure Pipelines"})
	case rawBitbucket:
		return ciClaims(data, ciKind{source: "Bitbucket Pipelines"})
	case rawCompose:
		return ciClaims(data, ciKind{source: "Compose service"})
	}
	return nil
}

// Analyze reports the project's end-of-life interpreters.
func (a *Analyzer) Analyze(ctx context.Context, p *analysis.Project) (*analysis.ProjectResult, error) {
	enabled := func(r *analysis.Rule) bool { return p.Enabled == nil || p.Enabled(r.Code) }
	if !enabled(EOLPython) && !enabled(EOLPythonSupported) && !enabled(PythonEOLSoon) {
		return &analysis.ProjectResult{}, nil
	}
	byPath := map[string]*inventory.File{}
	if hasManifest(p) {
		inv := inventory.Of(p)
		for i := range inv.Files {
			byPath[inv.Files[i].Path] = &inv.Files[i]
		}
	}
	j := judge{schedule: a.schedule, now: a.now().UTC(), enabled: enabled}
	res := &analysis.ProjectResult{}
	for _, src := range p.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		claims := rawClaims(rawKind(src.Rel), src.Data)
		if f := byPath[src.Path]; f != nil {
			claims = append(claims, manifestClaims(f)...)
		}
		if len(claims) == 0 {
			continue
		}
		sort.SliceStable(claims, func(i, k int) bool {
			return claims[i].line < claims[k].line || claims[i].line == claims[k].line && claims[i].col < claims[k].col
		})
		res.Findings = append(res.Findings, j.file(src, claims)...)
	}
	return res, nil
}

// hasManifest reports whether any file is one the inventory reads, so that a scan
// without manifests does not build it.
func hasManifest(p *analysis.Project) bool {
	for _, f := range p.Files {
		if inventory.Wants(f.Rel) {
			return true
		}
	}
	return false
}

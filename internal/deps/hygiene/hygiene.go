// Package hygiene reports how a project gets its dependencies, rather than which ones
// it gets: unpinned requirements and missing lock files, VCS references that are not
// commits, URLs without hashes, plain-HTTP and unverified indexes, --trusted-host,
// index settings open to dependency confusion, and partial hashes. It reads the
// dependency inventory plus pip.conf files, Dockerfiles, Makefiles and CI
// configurations.
package hygiene

import (
	"context"
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/inventory"
)

// Analyzer is the dependency hygiene check, a project analyzer.
type Analyzer struct{}

// New returns the analyzer.
func New() *Analyzer { return &Analyzer{} }

// Rules lists the analyzer's rules.
func (a *Analyzer) Rules() []*analysis.Rule { return Rules() }

// File kinds read from their bytes besides the inventory.
const (
	kindPipConf    = "pip.conf"
	kindDockerfile = "Dockerfile"
	kindMakefile   = "Makefile"
	kindCI         = "CI configuration"
	kindUVToml     = "uv.toml"
	kindTox        = "tox.ini"
)

// Wants accepts the manifests of the inventory, pip.conf/pip.ini, uv.toml,
// Dockerfiles, Makefiles, tox.ini (install_command, setenv) and CI configurations.
func (a *Analyzer) Wants(rel string) bool { return inventory.Wants(rel) || kindOf(rel) != "" }

// kindOf says which raw reader a file needs, from its path.
func kindOf(rel string) string {
	base := path.Base(rel)
	lower := strings.ToLower(base)
	switch {
	case lower == "pip.conf" || lower == "pip.ini":
		return kindPipConf
	case base == "uv.toml":
		return kindUVToml
	case lower == "dockerfile" || lower == "containerfile" || strings.HasPrefix(lower, "dockerfile.") ||
		strings.HasPrefix(lower, "dockerfile-") || strings.HasSuffix(lower, ".dockerfile") || strings.HasPrefix(lower, "containerfile."):
		return kindDockerfile
	case base == "Makefile" || base == "makefile" || base == "GNUmakefile":
		return kindMakefile
	case base == "tox.ini":
		return kindTox
	case (strings.HasSuffix(lower, ".yml") || strings.HasSuffix(lower, ".yaml")) &&
		(strings.HasPrefix(rel, ".github/workflows/") || strings.Contains(rel, "/.github/workflows/")),
		lower == ".gitlab-ci.yml" || strings.HasSuffix(lower, ".gitlab-ci.yml"),
		base == "config.yml" && path.Base(path.Dir(rel)) == ".circleci",
		base == ".travis.yml", lower == "azure-pipelines.yml", lower == "azure-pipelines.yaml",
		base == "bitbucket-pipelines.yml", base == "cloudbuild.yaml", base == "buildspec.yml":
		return kindCI
	}
	return ""
}

// Analyze reports the project's dependency hygiene problems.
func (a *Analyzer) Analyze(ctx context.Context, p *analysis.Project) (*analysis.ProjectResult, error) {
	r := &reporter{enabled: p.Enabled, files: map[string]analysis.Source{}}
	for _, src := range p.Files {
		r.files[src.Path] = src
	}
	if !r.anyEnabled() {
		return &analysis.ProjectResult{}, nil
	}
	for _, src := range p.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		switch kind := kindOf(src.Rel); kind {
		case kindPipConf:
			r.settings(src.Path, pipConfSettings(src.Data), kind)
		case kindUVToml:
			r.uvStrategy(src.Path, src.Data, "")
		case kindDockerfile, kindMakefile, kindCI, kindTox:
			r.settings(src.Path, commandSettings(src.Data, kind == kindCI), kind)
		}
	}
	if hasManifest(p) {
		inv := inventory.Of(p)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.inventory(inv)
	}
	return &analysis.ProjectResult{Findings: r.findings()}, nil
}

// hasManifest reports whether any file is one the inventory reads.
func hasManifest(p *analysis.Project) bool {
	for _, f := range p.Files {
		if inventory.Wants(f.Rel) {
			return true
		}
	}
	return false
}

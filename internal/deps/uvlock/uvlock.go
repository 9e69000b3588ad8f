// Package uvlock reads uv's uv.lock. The projects of the workspace themselves
// (virtual sources, workspace members, the editable root) are not dependencies
// and are left out; what they (or, in a workspace without a project, the
// [manifest] requirements and dependency groups) require directly is marked
// Direct, and each package's Groups are found by following the dependency graph
// from the main, optional and development dependencies.
package uvlock

import (
	"context"
	"net/url"
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/internal/lockfile"
)

// Extractor reads uv.lock files.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "uv.lock" }

// Matches reports whether the file is named uv.lock.
func (Extractor) Matches(p string) bool { return path.Base(p) == "uv.lock" }

type lock struct {
	Manifest struct {
		Members []string `toml:"members"`
		// A workspace without a project of its own (a virtual root, a script)
		// records what it requires here instead of in a project package.
		Requirements     []dep            `toml:"requirements"`
		DependencyGroups map[string][]dep `toml:"dependency-groups"`
	} `toml:"manifest"`
	Package []pkg `toml:"package"`
}

type pkg struct {
	Name                 string           `toml:"name"`
	Version              string           `toml:"version"` // absent for a dynamic version
	Source               source           `toml:"source"`
	Dependencies         []dep            `toml:"dependencies"`
	OptionalDependencies map[string][]dep `toml:"optional-dependencies"`
	DevDependencies      map[string][]dep `toml:"dev-dependencies"`
	Sdist                *artifact        `toml:"sdist"`
	Wheels               []artifact       `toml:"wheels"`
}

// source is an inline table with exactly one of these keys.
type source struct {
	Registry  string `toml:"registry"` // an index URL or a local directory
	Git       string `toml:"git"`      // URL?rev=…&subdirectory=…#commit
	URL       string `toml:"url"`
	Path      string `toml:"path"`
	Directory string `toml:"directory"`
	Editable  string `toml:"editable"`
	Virtual   string `toml:"virtual"`
}

type dep struct {
	Name    string   `toml:"name"`
	Version string   `toml:"version"` // only when the name alone is ambiguous
	Source  *source  `toml:"source"`  // likewise
	Extra   []string `toml:"extra"`
	Extras  []string `toml:"extras"` // the spelling of [manifest] requirements
}

type artifact struct {
	Hash string `toml:"hash"`
}

// Extract returns every locked package but the workspace's own projects, with
// the line of its [[package]] header.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	var l lock
	lines, err := lockfile.DecodeTOML(f.Path, f.Content, "package", &l)
	if err != nil {
		return nil, err
	}
	g := newGraph(l)
	if err := g.walk(ctx); err != nil {
		return nil, err
	}
	var out []deps.Package
	for i, p := range l.Package {
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		name, err := lockfile.Name(f.Path, line, p.Name)
		if err != nil {
			return nil, err
		}
		if g.project[i] {
			continue
		}
		dp := deps.Package{
			Name:    name,
			RawName: p.Name,
			Version: p.Version,
			Groups:  g.groups(i),
			Direct:  g.direct[i],
			File:    f.Path,
			Line:    line,
		}
		dp.Source, dp.URL = where(p.Source)
		var hashes []string
		if p.Sdist != nil {
			hashes = append(hashes, lockfile.Hash("", p.Sdist.Hash))
		}
		for _, w := range p.Wheels {
			hashes = append(hashes, lockfile.Hash("", w.Hash))
		}
		dp.Hashes = lockfile.Dedupe(hashes)
		out = append(out, dp)
	}
	return out, nil
}

// where maps a package source to a Source and URL (see lockfile).
func where(s source) (string, string) {
	switch {
	case s.Git != "":
		return lockfile.SourceVCS, gitURL(s.Git)
	case s.URL != "":
		return lockfile.SourceURL, s.URL
	case s.Editable != "":
		return lockfile.SourceEditable, s.Editable
	case s.Path != "":
		return lockfile.SourcePath, s.Path
	case s.Directory != "":
		return lockfile.SourcePath, s.Directory
	}
	return "", lockfile.IndexURL(s.Registry)
}

// gitURL turns uv's https://host/repo?rev=main&subdirectory=x#<commit> into
// git+https://host/repo@<commit>#subdirectory=x.
func gitURL(s string) string {
	base, commit, _ := strings.Cut(s, "#")
	base, query, _ := strings.Cut(base, "?")
	q, _ := url.ParseQuery(query)
	rev := commit
	for _, k := range []string{"rev", "tag", "branch"} {
		if rev == "" {
			rev = q.Get(k)
		}
	}
	return lockfile.VCSURL("git", base, rev, q.Get("subdirectory"))
}

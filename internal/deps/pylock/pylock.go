// Package pylock reads the standard lock file of PEP 751, pylock.toml and its
// named variants pylock.<name>.toml.
package pylock

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/internal/lockfile"
)

// Extractor reads pylock.toml files.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "pylock.toml" }

// fileName is the PEP's pattern for lock file names.
var fileName = regexp.MustCompile(`^pylock\.([^.]+\.)?toml$`)

// Matches reports whether the file is named pylock.toml or pylock.<name>.toml.
func (Extractor) Matches(p string) bool { return fileName.MatchString(path.Base(p)) }

type lock struct {
	LockVersion   *string  `toml:"lock-version"`
	DefaultGroups []string `toml:"default-groups"`
	Packages      []pkg    `toml:"packages"`
}

type pkg struct {
	Name      string     `toml:"name"`
	Version   string     `toml:"version"`
	Marker    string     `toml:"marker"`
	Index     string     `toml:"index"`
	VCS       *vcs       `toml:"vcs"`
	Directory *directory `toml:"directory"`
	Archive   *artifact  `toml:"archive"`
	Sdist     *artifact  `toml:"sdist"`
	Wheels    []artifact `toml:"wheels"`
}

type vcs struct {
	Type              string `toml:"type"`
	URL               string `toml:"url"`
	Path              string `toml:"path"`
	RequestedRevision string `toml:"requested-revision"`
	CommitID          string `toml:"commit-id"`
	Subdirectory      string `toml:"subdirectory"`
}

type directory struct {
	Path     string `toml:"path"`
	Editable bool   `toml:"editable"`
}

type artifact struct {
	URL    string            `toml:"url"`
	Path   string            `toml:"path"`
	Hashes map[string]string `toml:"hashes"`
}

// Extract returns every package entry with the line of its [[packages]] header.
// A package listed several times, for different environments, is returned once
// per entry.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	var l lock
	lines, err := lockfile.DecodeTOML(f.Path, f.Content, "packages", &l)
	if err != nil {
		return nil, err
	}
	switch {
	case l.LockVersion == nil:
		return nil, fmt.Errorf("%s: not a pylock.toml file: lock-version is missing", f.Path)
	case !strings.HasPrefix(*l.LockVersion, "1.") && *l.LockVersion != "1":
		// The PEP: a tool that does not support a major version must raise an error.
		return nil, fmt.Errorf("%s: lock-version %q is not supported (krait reads 1.x)", f.Path, *l.LockVersion)
	}
	out := make([]deps.Package, 0, len(l.Packages))
	for i, p := range l.Packages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		name, err := lockfile.Name(f.Path, line, p.Name)
		if err != nil {
			return nil, err
		}
		dp := deps.Package{
			Name:    name,
			RawName: p.Name,
			Version: p.Version,
			Marker:  p.Marker,
			Groups:  groups(p.Marker, l.DefaultGroups),
			File:    f.Path,
			Line:    line,
		}
		dp.Source, dp.URL = where(p)
		var hashes []string
		for _, a := range slices.Concat([]artifact{deref(p.Archive), deref(p.Sdist)}, p.Wheels) {
			hashes = append(hashes, hashList(a.Hashes)...)
		}
		dp.Hashes = lockfile.Dedupe(hashes)
		out = append(out, dp)
	}
	return out, nil
}

func deref(a *artifact) artifact {
	if a == nil {
		return artifact{}
	}
	return *a
}

// hashList formats a hashes table, sorted by algorithm.
func hashList(h map[string]string) []string {
	out := make([]string, 0, len(h))
	for alg, v := range h {
		out = append(out, lockfile.Hash(alg, v))
	}
	slices.Sort(out)
	return out
}

// where maps a package's source keys to a Source and URL (see lockfile).
func where(p pkg) (string, string) {
	switch {
	case p.VCS != nil:
		repo := p.VCS.URL
		if repo == "" {
			repo = p.VCS.Path
		}
		rev := p.VCS.CommitID
		if rev == "" {
			rev = p.VCS.RequestedRevision
		}
		return lockfile.SourceVCS, lockfile.VCSURL(p.VCS.Type, repo, rev, p.VCS.Subdirectory)
	case p.Directory != nil && p.Directory.Editable:
		return lockfile.SourceEditable, p.Directory.Path
	case p.Directory != nil:
		return lockfile.SourcePath, p.Directory.Path
	case p.Archive != nil && p.Archive.URL != "":
		return lockfile.SourceURL, p.Archive.URL
	case p.Archive != nil:
		return lockfile.SourcePath, p.Archive.Path
	}
	return "", lockfile.IndexURL(p.Index)
}

// selector finds the clauses of a marker that choose extras or dependency
// groups, such as 'dev' in dependency_groups; the PEP's way of saying which
// groups a package belongs to.
var selector = regexp.MustCompile(`['"]([^'"]+)['"]\s+(not\s+)?in\s+(dependency_groups|extras)\b`)

// groups returns deps.Package.Groups from a package's marker: the groups and
// extras it selects, or nil when it selects none or a default group.
func groups(marker string, defaults []string) []string {
	var names []string
	for _, m := range selector.FindAllStringSubmatch(marker, -1) {
		if m[2] == "" {
			names = append(names, m[1])
		}
	}
	if len(names) == 0 {
		return nil
	}
	return lockfile.Groups(names, defaults...)
}

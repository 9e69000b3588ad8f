// Package pdmlock reads PDM's pdm.lock: the [[package]] entries with their
// groups (sections before PDM 2), markers and files, the [metadata.files] hashes
// of PDM 1, and a pdm.lock written in the PEP 751 format.
package pdmlock

import (
	"context"
	"path"
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/internal/lockfile"
	"github.com/kraitsec/krait/internal/deps/pylock"
)

// Extractor reads pdm.lock files.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "pdm.lock" }

// Matches reports whether the file is named pdm.lock.
func (Extractor) Matches(p string) bool { return path.Base(p) == "pdm.lock" }

type lock struct {
	LockVersion *string `toml:"lock-version"` // only in the PEP 751 format
	Metadata    struct {
		Files map[string][]file `toml:"files"` // PDM 1: "name version" = [...]
	} `toml:"metadata"`
	Package []pkg `toml:"package"`
}

type pkg struct {
	Name         string   `toml:"name"`
	Version      string   `toml:"version"`
	Groups       []string `toml:"groups"`
	Sections     []string `toml:"sections"` // PDM 1's name for groups
	Marker       string   `toml:"marker"`
	Extras       []string `toml:"extras"`
	Editable     bool     `toml:"editable"`
	Path         string   `toml:"path"`
	URL          string   `toml:"url"`
	Git          string   `toml:"git"`
	Hg           string   `toml:"hg"`
	Svn          string   `toml:"svn"`
	Bzr          string   `toml:"bzr"`
	Ref          string   `toml:"ref"`
	Revision     string   `toml:"revision"`
	Subdirectory string   `toml:"subdirectory"`
	Files        []file   `toml:"files"`
}

type file struct {
	Hash string `toml:"hash"`
}

// Extract returns every locked package with the line of its [[package]] header.
// PDM locks a package asked for with extras twice, once as itself and once with
// the extras; the second entry only adds its groups to the first.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	var l lock
	lines, err := lockfile.DecodeTOML(f.Path, f.Content, "package", &l)
	if err != nil {
		return nil, err
	}
	if l.LockVersion != nil {
		return pylock.Extractor{}.Extract(ctx, f)
	}
	old := make(map[string][]string, len(l.Metadata.Files))
	for key, fs := range l.Metadata.Files {
		for _, x := range fs {
			old[fileKey(key)] = append(old[fileKey(key)], lockfile.Hash("", x.Hash))
		}
	}
	type entry struct {
		dp     deps.Package
		groups []string
	}
	var out []entry
	base := make(map[string]int) // name and version → index in out of the entry without extras
	var withExtras []int
	for i, p := range l.Package {
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
			Extras:  p.Extras,
			Marker:  p.Marker,
			File:    f.Path,
			Line:    line,
		}
		dp.Source, dp.URL = where(p)
		hashes := old[name+" "+p.Version]
		for _, x := range p.Files {
			hashes = append(hashes, lockfile.Hash("", x.Hash))
		}
		dp.Hashes = lockfile.Dedupe(hashes)
		k := name + " " + p.Version + " " + dp.URL
		if len(p.Extras) > 0 {
			withExtras = append(withExtras, len(out))
		} else if _, dup := base[k]; !dup {
			base[k] = len(out)
		}
		out = append(out, entry{dp, slices.Concat(p.Groups, p.Sections)})
	}
	drop := make([]bool, len(out))
	for _, i := range withExtras {
		e := out[i]
		if j, ok := base[e.dp.Name+" "+e.dp.Version+" "+e.dp.URL]; ok {
			out[j].groups = append(out[j].groups, e.groups...)
			drop[i] = true
		}
	}
	pkgs := make([]deps.Package, 0, len(out))
	for i, e := range out {
		if !drop[i] {
			e.dp.Groups = lockfile.Groups(e.groups, "default")
			pkgs = append(pkgs, e.dp)
		}
	}
	return pkgs, nil
}

// fileKey normalises PDM 1's "Name[extra] version" key to "name version".
func fileKey(key string) string {
	name, version, _ := strings.Cut(strings.TrimSpace(key), " ")
	name, _, _ = strings.Cut(name, "[")
	return deps.Normalize(name) + " " + strings.TrimSpace(version)
}

// where maps a package's source keys to a Source and URL (see lockfile).
func where(p pkg) (string, string) {
	for _, v := range [...]struct{ vcs, repo string }{{"git", p.Git}, {"hg", p.Hg}, {"svn", p.Svn}, {"bzr", p.Bzr}} {
		if v.repo != "" {
			rev := p.Revision
			if rev == "" {
				rev = p.Ref
			}
			return lockfile.SourceVCS, lockfile.VCSURL(v.vcs, v.repo, rev, p.Subdirectory)
		}
	}
	switch {
	case p.Path != "" && p.Editable:
		return lockfile.SourceEditable, p.Path
	case p.Path != "":
		return lockfile.SourcePath, p.Path
	case p.URL != "" && p.Editable:
		return lockfile.SourceEditable, p.URL
	case p.URL != "":
		return lockfile.SourceURL, p.URL
	}
	return "", ""
}

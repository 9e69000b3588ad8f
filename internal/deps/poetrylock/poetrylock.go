// Package poetrylock reads Poetry's poetry.lock: lock versions 1.x, with the
// artifact hashes under [metadata.files] (or [metadata.hashes] before Poetry
// 1.0) and a category per package, and 2.x, with the files inline and, from
// 2.1, the groups and markers of each package.
package poetrylock

import (
	"context"
	"path"
	"slices"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/internal/lockfile"
)

// Extractor reads poetry.lock files.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "poetry.lock" }

// Matches reports whether the file is named poetry.lock.
func (Extractor) Matches(p string) bool { return path.Base(p) == "poetry.lock" }

type lock struct {
	Package  []pkg `toml:"package"`
	Metadata struct {
		Files  map[string][]file   `toml:"files"`
		Hashes map[string][]string `toml:"hashes"` // bare sha256 hex digests, before Poetry 1.0
	} `toml:"metadata"`
	// Extras maps each extra of the project to the packages it installs.
	Extras map[string][]string `toml:"extras"`
}

type pkg struct {
	Name     string   `toml:"name"`
	Version  string   `toml:"version"`
	Category string   `toml:"category"` // "main" or "dev", lock 1.x
	Optional bool     `toml:"optional"`
	Groups   []string `toml:"groups"`  // lock 2.1
	Markers  any      `toml:"markers"` // lock 2.1: a marker, or a table of one per group
	Develop  bool     `toml:"develop"`
	Files    []file   `toml:"files"` // lock 2.x
	Source   *source  `toml:"source"`
}

type file struct {
	File string `toml:"file"`
	Hash string `toml:"hash"`
}

type source struct {
	Type              string `toml:"type"` // git, url, file, directory, legacy, ...
	URL               string `toml:"url"`
	Reference         string `toml:"reference"`
	ResolvedReference string `toml:"resolved_reference"`
	Subdirectory      string `toml:"subdirectory"`
}

// Extract returns every locked package with the line of its [[package]] header.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	var l lock
	lines, err := lockfile.DecodeTOML(f.Path, f.Content, "package", &l)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]string, len(l.Metadata.Files)+len(l.Metadata.Hashes))
	for name, fs := range l.Metadata.Files {
		for _, x := range fs {
			files[deps.Normalize(name)] = append(files[deps.Normalize(name)], lockfile.Hash("", x.Hash))
		}
	}
	for name, hs := range l.Metadata.Hashes {
		for _, h := range hs {
			files[deps.Normalize(name)] = append(files[deps.Normalize(name)], lockfile.Hash("sha256", h))
		}
	}
	extras := extrasOf(l.Extras)
	out := make([]deps.Package, 0, len(l.Package))
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
			Marker:  marker(p.Markers),
			Groups:  groups(p, extras[name]),
			File:    f.Path,
			Line:    line,
		}
		hashes := files[name]
		for _, x := range p.Files {
			hashes = append(hashes, lockfile.Hash("", x.Hash))
		}
		dp.Hashes = lockfile.Dedupe(hashes)
		if p.Source != nil {
			dp.Source, dp.URL = where(p.Source, p.Develop)
		}
		out = append(out, dp)
	}
	return out, nil
}

// groups says which groups need a package: the 2.1 groups, else the 1.x
// category; an optional package of the main group belongs to the extras that
// name it, or to "optional" when it is only pulled in by another optional one.
func groups(p pkg, extras []string) []string {
	var g []string
	switch {
	case len(p.Groups) > 0:
		g = lockfile.Groups(p.Groups, "main")
	case p.Category != "" && p.Category != "main":
		g = []string{p.Category}
	}
	if g == nil && p.Optional {
		if len(extras) > 0 {
			return extras
		}
		return []string{"optional"}
	}
	return g
}

// extrasOf inverts the [extras] table: normalised package name to the sorted
// extras that install it. Entries may carry extras or a constraint after the
// name ("pyjwt[crypto]", "foo (>=1.0)").
func extrasOf(table map[string][]string) map[string][]string {
	out := make(map[string][]string)
	for extra, reqs := range table {
		for _, r := range reqs {
			n := deps.Normalize(leadingName(r))
			if n != "" && !slices.Contains(out[n], extra) {
				out[n] = append(out[n], extra)
			}
		}
	}
	for _, v := range out {
		slices.Sort(v)
	}
	return out
}

// leadingName returns the project name at the start of a requirement string.
func leadingName(s string) string {
	end := 0
	for end < len(s) {
		c := s[end]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			end++
			continue
		}
		break
	}
	return s[:end]
}

// marker returns the package's marker: the one of the main group when the lock
// keeps one per group, or the only one.
func marker(m any) string {
	switch m := m.(type) {
	case string:
		return m
	case map[string]any:
		if s, ok := m["main"].(string); ok {
			return s
		}
		if len(m) == 1 {
			for _, v := range m {
				s, _ := v.(string)
				return s
			}
		}
	}
	return ""
}

// where maps a [package.source] table to a Source and URL (see lockfile).
func where(s *source, develop bool) (string, string) {
	switch s.Type {
	case "git", "hg":
		rev := s.ResolvedReference
		if rev == "" {
			rev = s.Reference
		}
		return lockfile.SourceVCS, lockfile.VCSURL(s.Type, s.URL, rev, s.Subdirectory)
	case "url":
		return lockfile.SourceURL, s.URL
	case "file":
		return lockfile.SourcePath, s.URL
	case "directory":
		if develop {
			return lockfile.SourceEditable, s.URL
		}
		return lockfile.SourcePath, s.URL
	}
	return "", lockfile.IndexURL(s.URL)
}

package lockfile

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
)

// The lock extractors describe where a package comes from the same way:
//
//   - Source "vcs", URL "<vcs>+<repository>@<revision>", pip's direct-reference
//     form, with the resolved commit when the lock records one;
//   - Source "url", URL the archive's URL;
//   - Source "path" or "editable", URL the path as written in the lock;
//   - Source "" for an index; URL is then the index URL when the lock names an
//     index other than PyPI (a private index matters to dependency confusion
//     and plain-http checks), else "".
const (
	SourceVCS      = "vcs"
	SourceURL      = "url"
	SourcePath     = "path"
	SourceEditable = "editable"
)

// VCSURL joins a repository URL, a revision and a subdirectory in pip's
// direct-reference form, e.g. git+https://github.com/org/repo@0123abc or
// git+https://host/repo@v1#subdirectory=pkg. rev and subdir may be empty.
func VCSURL(vcs, repo, rev, subdir string) string {
	if vcs == "" {
		vcs = "git"
	}
	u := repo
	if !strings.HasPrefix(u, vcs+"+") {
		u = vcs + "+" + u
	}
	if rev != "" {
		u += "@" + rev
	}
	if subdir != "" {
		u += "#subdirectory=" + subdir
	}
	return u
}

// IndexURL returns an index URL worth recording: "" for PyPI itself, which is
// what a package without an index URL means.
func IndexURL(index string) string {
	if index == "" {
		return ""
	}
	u, err := url.Parse(index)
	if err != nil {
		return index
	}
	switch strings.ToLower(u.Hostname()) {
	case "pypi.org", "pypi.python.org", "files.pythonhosted.org":
		if u.Scheme == "https" {
			return ""
		}
	}
	return index
}

// Hash formats an artifact hash as "algorithm:value", the form pip uses, from
// either that form already or the "algorithm=value" of wheel RECORD files.
func Hash(algorithm, value string) string {
	if algorithm == "" {
		if i := strings.IndexAny(value, ":="); i > 0 {
			algorithm, value = value[:i], value[i+1:]
		}
	}
	if algorithm == "" || value == "" {
		return ""
	}
	return strings.ToLower(algorithm) + ":" + value
}

// Dedupe drops empty and repeated strings, keeping the first of each, and
// returns nil for none.
func Dedupe(list []string) []string {
	seen := make(map[string]bool, len(list))
	var out []string
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Groups turns the groups a lock lists for a package into deps.Package.Groups:
// nil when one of them is a main group (the package is installed by default
// whatever else needs it), else the groups sorted without repeats.
func Groups(groups []string, main ...string) []string {
	for _, g := range groups {
		if slices.Contains(main, g) {
			return nil
		}
	}
	out := Dedupe(groups)
	slices.Sort(out)
	return out
}

// Name normalises the name of the package declared at path:line, which must
// have at least one letter or digit.
func Name(path string, line int, raw string) (string, error) {
	if raw == "" {
		return "", fmt.Errorf("%s:%d: package without a name", path, line)
	}
	n := deps.Normalize(raw)
	if n == "" {
		return "", fmt.Errorf("%s:%d: invalid package name %q", path, line, raw)
	}
	return n, nil
}

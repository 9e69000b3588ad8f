package risk

import (
	"path"
	"strings"
)

// archiveSuffixes name package archives; a path that runs through one
// belongs to that archive's package.
var archiveSuffixes = []string{".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".zip", ".egg"}

// Roots returns the function that gives a file its package root, learnt from
// the paths of a scan (slash- or backslash-separated, relative or not):
//
//  1. A path that runs through an archive (a component named *.whl,
//     *.tar.gz, *.zip, ...) belongs to the archive: one archive is one
//     distribution, whatever its members' top-level directories.
//  2. Otherwise the nearest directory above the file that holds setup.py,
//     setup.cfg or pyproject.toml among the paths is the root (a project, an
//     unpacked sdist).
//  3. A directory that holds *.dist-info or *.egg-info entries, or is named
//     site-packages or dist-packages, is an installation: each of its
//     entries (a top-level package, module or .pth file) is a root.
//  4. Otherwise the file's first path component is the root ("." for a file
//     at the top): a scan of a directory of packages. Absolute paths count
//     their components from the deepest directory common to all the
//     absolute paths given, the scan root.
func Roots(paths []string) func(string) string {
	projects := map[string]bool{}
	sites := map[string]bool{}
	common := ""
	first := true
	for _, p := range paths {
		p = clean(p)
		if strings.HasPrefix(p, "/") {
			dir := path.Dir(p)
			if first {
				common, first = dir, false
			} else {
				common = commonDir(common, dir)
			}
		}
		dir, base := path.Split(p)
		dir = strings.TrimSuffix(dir, "/")
		if dir == "" {
			dir = "."
		}
		switch base {
		case "setup.py", "setup.cfg", "pyproject.toml":
			projects[dir] = true
		}
		// Every ancestor that holds a *.dist-info entry is a site directory.
		parts := strings.Split(p, "/")
		for i, c := range parts {
			if strings.HasSuffix(c, ".dist-info") || strings.HasSuffix(c, ".egg-info") {
				sites[joinOrDot(parts[:i])] = true
			}
			if c == "site-packages" || c == "dist-packages" {
				sites[joinOrDot(parts[:i+1])] = true
			}
		}
	}
	return func(p string) string {
		p = clean(p)
		parts := strings.Split(p, "/")
		for i, c := range parts[:len(parts)-1] {
			for _, s := range archiveSuffixes {
				if strings.HasSuffix(strings.ToLower(c), s) {
					return strings.Join(parts[:i+1], "/")
				}
			}
		}
		for i := len(parts) - 1; i >= 0; i-- {
			dir := joinOrDot(parts[:i])
			if projects[dir] {
				return dir
			}
			if sites[dir] && i < len(parts) {
				return strings.Join(parts[:i+1], "/")
			}
		}
		if strings.HasPrefix(p, "/") && common != "" {
			rest := strings.TrimPrefix(strings.TrimPrefix(p, common), "/")
			if i := strings.IndexByte(rest, '/'); i >= 0 {
				return path.Join(common, rest[:i])
			}
			return common
		}
		if len(parts) == 1 {
			return "."
		}
		return parts[0]
	}
}

// commonDir returns the deepest directory that holds both a and b.
func commonDir(a, b string) string {
	for a != b {
		if len(a) > len(b) {
			a = path.Dir(a)
		} else {
			b = path.Dir(b)
		}
	}
	return a
}

func clean(p string) string {
	p = path.Clean(strings.ReplaceAll(p, `\`, "/"))
	return strings.TrimPrefix(p, "./")
}

func joinOrDot(parts []string) string {
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts, "/")
}

package audit

import (
	"cmp"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/distinfo"
)

// ImportNames returns the top-level modules a distribution is assumed to
// provide when it is not installed in the scanned tree: the well-known names
// of knownImports, else its PEP 503 name with "-" read as "_" and, for a
// namespace distribution such as google-cloud-storage or zope.interface, as
// ".".
func ImportNames(dist string) []string {
	name := deps.Normalize(dist)
	if names, ok := knownImports[name]; ok {
		return names
	}
	under := strings.ReplaceAll(name, "-", "_")
	if !strings.Contains(name, "-") {
		return []string{under}
	}
	return []string{under, strings.ReplaceAll(name, "-", ".")}
}

// importIndex finds the imports of a module, by the module's first component
// lowercased: `import PIL` and `import pil` name the same distribution as far
// as reachability goes.
type importIndex map[string][]analysis.Import

func newImportIndex(imports []analysis.Import) importIndex {
	idx := importIndex{}
	for _, im := range imports {
		if im.Module == "" {
			continue
		}
		top, _, _ := strings.Cut(im.Module, ".")
		top = strings.ToLower(top)
		idx[top] = append(idx[top], im)
	}
	return idx
}

// find returns the imports of any of names, ordered by path and line. An
// import names a module when it is the module, a submodule of it, or a
// namespace package above it (`from google.cloud import storage` records
// google.cloud, which may well be google.cloud.storage): claiming a package
// imported when it might not be is the safer mistake.
func (idx importIndex) find(names []string) []analysis.Import {
	var out []analysis.Import
	for _, im := range idx.candidates(names) {
		mod := strings.ToLower(im.Module)
		for _, n := range names {
			n = strings.ToLower(n)
			if mod == n || strings.HasPrefix(mod, n+".") || strings.HasPrefix(n, mod+".") {
				out = append(out, im)
				break
			}
		}
	}
	slices.SortFunc(out, func(a, b analysis.Import) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Module, b.Module))
	})
	return slices.Compact(out)
}

// candidates returns the imports whose first component is that of one of
// names, each once.
func (idx importIndex) candidates(names []string) []analysis.Import {
	var tops []string
	for _, n := range names {
		top, _, _ := strings.Cut(n, ".")
		tops = append(tops, strings.ToLower(top))
	}
	slices.Sort(tops)
	var out []analysis.Import
	for _, t := range slices.Compact(tops) {
		out = append(out, idx[t]...)
	}
	return out
}

// sidecarDir returns the metadata directory of an installed distribution's
// top_level.txt or RECORD, or "" when rel is neither.
func sidecarDir(rel string) string {
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	if base != "top_level.txt" && base != "RECORD" {
		return ""
	}
	if strings.HasSuffix(dir, ".dist-info") || strings.HasSuffix(dir, ".egg-info") || path.Base(dir) == "EGG-INFO" {
		return dir
	}
	return ""
}

// installedImportNames reads the import names of the installed distributions
// among files, by metadata directory (as reported, slash-separated).
func installedImportNames(files []analysis.Source) map[string][]string {
	type sidecars struct{ top, record []byte }
	byDir := map[string]*sidecars{}
	for _, f := range files {
		if sidecarDir(f.Rel) == "" {
			continue
		}
		dir, base := path.Split(filepath.ToSlash(f.Path))
		dir = strings.TrimSuffix(dir, "/")
		s := byDir[dir]
		if s == nil {
			s = &sidecars{}
			byDir[dir] = s
		}
		if base == "RECORD" {
			s.record = f.Data
		} else {
			s.top = f.Data
		}
	}
	out := make(map[string][]string, len(byDir))
	for dir, s := range byDir {
		if names := distinfo.ImportNames(s.top, s.record); len(names) > 0 {
			out[dir] = names
		}
	}
	return out
}

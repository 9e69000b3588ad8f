package hygiene

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/inventory"
	"github.com/kraitsec/krait/internal/deps/requirements"
)

// commitRe is a revision that names one commit: a full or abbreviated git or
// Mercurial id, or an svn revision number.
var commitRe = regexp.MustCompile(`^(?:[0-9a-fA-F]{7,64}|r?[0-9]+)$`)

// urlHashRe is a hash fragment of a direct URL, which pip checks.
var urlHashRe = regexp.MustCompile(`[#&](?:sha256|sha384|sha512|sha224|sha1|md5)=[0-9a-fA-F]+`)

// inventory reports the problems of the inventory's manifests.
func (r *reporter) inventory(inv *inventory.Inventory) {
	locks := lockDirs(inv)
	for i := range inv.Files {
		f := &inv.Files[i]
		switch {
		case f.Requirements != nil:
			for _, o := range f.Requirements.Options {
				r.settings(o.File, []setting{{name: strings.TrimPrefix(o.Name, "--"), value: o.Value, line: o.Line, via: o.Name}}, "requirements file")
			}
			for _, p := range append(append([]deps.Package(nil), f.Requirements.Packages...), f.Requirements.Constraints...) {
				r.source(p, false)
			}
		case f.Conda != nil:
			for _, o := range f.Conda.PipOptions {
				r.settings(o.File, []setting{{name: strings.TrimPrefix(o.Name, "--"), value: o.Value, line: o.Line, via: o.Name}}, "conda environment")
			}
			for _, p := range f.Conda.Packages {
				if p.Source != "conda" {
					r.source(p, false)
				}
			}
		case f.Pipfile != nil:
			r.pipfileSources(f)
			for _, p := range f.Pipfile.Packages {
				r.source(p, locks.cover(f))
			}
		case f.Pyproject != nil:
			r.pyprojectSources(f)
			for _, p := range f.Pyproject.Packages {
				r.source(p, locks.cover(f))
			}
		case f.SetupPy != nil || f.SetupCfg != nil:
			for _, p := range f.Packages {
				r.source(p, false)
			}
		}
	}
	r.pins(inv, locks)
}

// locks are the directories (slash-separated, relative to the project root) that
// hold a lock file. A lock covers the manifests of its directory and the directories
// below it (a workspace's subprojects), not those of a sibling project in the same
// repository.
type locks []string

// lockDirs returns the directories of the inventory's lock files.
func lockDirs(inv *inventory.Inventory) locks {
	var out locks
	for _, f := range inv.Files {
		if f.Lock {
			out = append(out, path.Dir(f.Rel))
		}
	}
	return out
}

// cover reports whether a lock file covers the manifest f.
func (l locks) cover(f *inventory.File) bool {
	dir := path.Dir(f.Rel)
	for _, d := range l {
		if d == "." || dir == d || strings.HasPrefix(dir, d+"/") {
			return true
		}
	}
	return false
}

// source checks where one package comes from: a VCS reference that is not a commit,
// a URL over plain HTTP, or one without a hash. locked says that a lock file records
// what the manifest's reference resolved to.
func (r *reporter) source(p deps.Package, locked bool) {
	if p.URL == "" || locked {
		return
	}
	name := p.RawName
	if name == "" {
		name = p.URL
	}
	h := hit{path: p.File, line: p.Line, pkg: p.Name, version: p.Version, text: name + " " + p.URL}
	source := p.Source
	if source == "editable" {
		// -e git+https://…: an editable checkout of a VCS reference.
		source = requirements.SourceOf(p.URL)
	}
	switch source {
	case "vcs":
		if plainHTTP(vcsBase(p.URL)) {
			h.rule, h.msg = InsecurePackageIndex, fmt.Sprintf("%s is fetched from %s over plain HTTP: anyone on the network path can replace the code", name, redactURL(p.URL))
			r.add(h)
		}
		ref := vcsRef(p.URL)
		switch {
		case ref == "":
			h.rule, h.severity = UnpinnedVCSDependency, UnpinnedVCSDependency.Severity+1
			h.msg = fmt.Sprintf("%s is installed from %s without a revision: every install takes whatever the default branch holds; pin a commit id", name, redactURL(p.URL))
			r.add(h)
		case !commitRe.MatchString(ref):
			h.rule, h.severity = UnpinnedVCSDependency, 0
			h.msg = fmt.Sprintf("%s is installed from %s at %q, a branch or tag that can be moved to other code; pin a commit id", name, redactURL(p.URL), ref)
			r.add(h)
		}
	case "url":
		if len(p.Hashes) > 0 || urlHashRe.MatchString(p.URL) {
			return
		}
		if plainHTTP(p.URL) {
			h.rule, h.msg = InsecurePackageIndex, fmt.Sprintf("%s is downloaded from %s over plain HTTP without a hash: anyone on the network path can replace it", name, redactURL(p.URL))
		} else {
			h.rule, h.msg = UnverifiedURLDependency, fmt.Sprintf("%s is downloaded from %s without a hash: whatever the URL serves is installed; add #sha256=… or --hash", name, redactURL(p.URL))
		}
		r.add(h)
	}
}

// vcsBase returns a VCS URL without its "git+" prefix.
func vcsBase(u string) string {
	if i := strings.IndexByte(u, '+'); i >= 0 && i < strings.Index(u+"://", "://") {
		return u[i+1:]
	}
	return u
}

// vcsRef returns the revision of a VCS URL, "git+https://host/repo@ref#egg=x": the
// text after the last @ of the path, the user part of the host (git@) aside.
func vcsRef(u string) string {
	u = vcsBase(u)
	if i := strings.IndexAny(u, "#?"); i >= 0 {
		u = u[:i]
	}
	rest := u
	if i := strings.Index(u, "://"); i >= 0 {
		rest = u[i+3:]
	}
	slash := strings.IndexByte(rest, '/')
	if slash < 0 {
		return ""
	}
	p := rest[slash:]
	at := strings.LastIndexByte(p, '@')
	if at < 0 {
		return ""
	}
	return p[at+1:]
}

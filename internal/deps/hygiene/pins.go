package hygiene

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/inventory"
)

// toolTableRe finds the table of a tool that manages an application's environment
// in pyproject.toml.
var toolTableRe = regexp.MustCompile(`(?m)^\s*\[\s*tool\.(poetry|pdm|uv)\s*[\].]`)

// hashed reports whether pip can check a requirement's archive against a hash.
func hashed(p deps.Package) bool { return len(p.Hashes) > 0 || urlHashRe.MatchString(p.URL) }

// isInput reports whether a requirements file is a pip-compile input (.in), whose
// ranges are meant to be compiled into a pinned file.
func isInput(f *inventory.File) bool { return strings.EqualFold(path.Ext(f.Path), ".in") }

// isConstraints reports whether a requirements file is a pip constraints file
// (constraints.txt, constraints-3.10.txt): it only narrows the versions pip may
// pick for packages something else requires, so its ranges install nothing.
func isConstraints(f *inventory.File) bool {
	return strings.HasPrefix(strings.ToLower(path.Base(f.Path)), "constraints")
}

// pins reports unpinned application requirements, partial hashes and a missing lock
// file.
func (r *reporter) pins(inv *inventory.Inventory, locks locks) {
	for i := range inv.Files {
		f := &inv.Files[i]
		locked := locks.cover(f)
		switch {
		case f.Requirements != nil:
			r.requirementPins(f, locked)
		case f.Pipfile != nil && !locked:
			r.unpinned(f.Pipfile.Packages, nil, "Pipfile")
		case f.Conda != nil && !locked:
			var pip []deps.Package
			for _, p := range f.Conda.Packages {
				if p.Source != "conda" {
					pip = append(pip, p)
				}
			}
			r.unpinned(pip, nil, "conda environment")
		}
	}
	r.missingLock(inv, locks)
}

// requirementPins checks one requirements file with its includes.
func (r *reporter) requirementPins(f *inventory.File, locked bool) {
	req := f.Requirements
	var with, without []deps.Package
	for _, p := range req.Packages {
		if hashed(p) {
			with = append(with, p)
		} else {
			without = append(without, p)
		}
	}
	requireHashes := false
	for _, o := range req.Options {
		requireHashes = requireHashes || o.Name == "--require-hashes"
	}
	if len(with) > 0 && !requireHashes {
		for _, p := range without {
			r.add(hit{rule: PartialHashes, path: p.File, line: p.Line, pkg: p.Name, version: p.Version, text: p.RawName + p.Specifier,
				msg: fmt.Sprintf("%s has no --hash while %d other requirements of %s have one: pip refuses the whole install in hash-checking mode, and uv installs it unverified; hash it or add --require-hashes", display(p), len(with), f.Rel)})
		}
	}
	if locked || isInput(f) || isConstraints(f) || len(with) > 0 {
		return
	}
	r.unpinned(req.Packages, constraintPins(f), "requirements file")
}

// constraintPins returns the names that a requirements file's -c constraints pin.
func constraintPins(f *inventory.File) map[string]bool {
	pinned := map[string]bool{}
	for _, c := range f.Requirements.Constraints {
		if c.Version != "" {
			pinned[c.Name] = true
		}
	}
	return pinned
}

// unpinned reports the index packages of an application manifest that are not
// pinned to one version (pinned lists names a constraints file pins).
func (r *reporter) unpinned(pkgs []deps.Package, pinned map[string]bool, what string) {
	for _, p := range pkgs {
		if p.Source != "" || p.Version != "" || pinned[p.Name] {
			continue
		}
		r.add(hit{rule: UnpinnedDependency, path: p.File, line: p.Line, pkg: p.Name, version: p.Specifier, text: p.RawName + p.Specifier,
			msg: fmt.Sprintf("%s in a %s is not pinned to one version and no lock file pins it: every install may pull a different, possibly compromised, release; pin it with == (pip-compile, uv pip compile) or commit a lock file", display(p), what)})
	}
}

// display names a requirement with its specifier.
func display(p deps.Package) string {
	name := p.RawName
	if name == "" {
		name = p.Name
	}
	if p.Specifier == "" || p.Specifier == "*" {
		return name + " (any version)"
	}
	return name + p.Specifier
}

// manifest is an application manifest that a missing lock file concerns.
type manifest struct {
	f    *inventory.File
	rank int
	// advice says which lock to create.
	advice string
}

// missingLock reports, once, an application project without a lock file whose
// requirements are not all pinned; manifests that a lock file covers do not count.
func (r *reporter) missingLock(inv *inventory.Inventory, locks locks) {
	var ms []manifest
	total, loose := 0, 0
	type at struct {
		file, name string
		line       int
	}
	seen := map[at]bool{}
	count := func(pkgs []deps.Package, pinned map[string]bool) {
		for _, p := range pkgs {
			k := at{p.File, p.Name, p.Line}
			if seen[k] || p.Source != "" || len(p.Groups) == 1 && p.Groups[0] == "build-system" {
				continue
			}
			seen[k] = true
			total++
			if p.Version == "" && !pinned[p.Name] {
				loose++
			}
		}
	}
	for i := range inv.Files {
		f := &inv.Files[i]
		if locks.cover(f) {
			continue
		}
		switch {
		case f.Pipfile != nil:
			ms = append(ms, manifest{f, 0, "run pipenv lock and commit Pipfile.lock"})
			count(f.Pipfile.Packages, nil)
		case f.Pyproject != nil:
			m := toolTableRe.FindSubmatch(f.Data)
			if m == nil {
				continue
			}
			tool := string(m[1])
			ms = append(ms, manifest{f, 1, fmt.Sprintf("run %s lock and commit %s.lock", tool, tool)})
			count(f.Pyproject.Packages, nil)
		case f.Requirements != nil && !isInput(f) && !isConstraints(f):
			if hasHashes(f) {
				continue
			}
			ms = append(ms, manifest{f, 2, "compile it to pinned, hashed requirements (pip-compile --generate-hashes, uv pip compile --generate-hashes) or adopt a lock-file tool"})
			count(f.Requirements.Packages, constraintPins(f))
		}
	}
	if len(ms) == 0 || loose == 0 {
		return
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		da, db := strings.Count(a.f.Rel, "/"), strings.Count(b.f.Rel, "/")
		if da != db {
			return da < db
		}
		return path.Base(a.f.Rel) == "requirements.txt" && path.Base(b.f.Rel) != "requirements.txt"
	})
	main := ms[0]
	r.add(hit{rule: MissingLockFile, path: main.f.Path, line: 1, text: "missing lock " + main.f.Rel,
		msg: fmt.Sprintf("no lock file: %d of the %d dependencies declared in %s are not pinned, so every install resolves the dependency tree (transitive dependencies included) afresh; %s", loose, total, describe(ms), main.advice)})
}

// hasHashes reports whether a requirements file is compiled with hashes.
func hasHashes(f *inventory.File) bool {
	for _, p := range f.Requirements.Packages {
		if hashed(p) {
			return true
		}
	}
	return false
}

// describe names the manifests, the main one first.
func describe(ms []manifest) string {
	if len(ms) == 1 {
		return ms[0].f.Rel
	}
	return fmt.Sprintf("%s and %d other manifests", ms[0].f.Rel, len(ms)-1)
}

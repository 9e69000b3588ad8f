package audit

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/inventory"
)

// maxListed caps the ids a message lists.
const maxListed = 3

// findings turns the report into findings: KR701 per pinned occurrence and
// vulnerability, KR702 per range occurrence, KR801 per occurrence and
// malicious-package advisory. A location (file and line) reports a package
// and vulnerability once however many include chains reach it. Findings are
// sorted by position, fingerprinted, and dropped when the line's comment
// suppresses them or the rule is switched off.
func findings(rep *Report, p *analysis.Project) []analysis.Finding {
	enabled := p.Enabled
	if enabled == nil {
		enabled = func(string) bool { return true }
	}
	// text is what the fingerprint hashes beside the code and the file: the
	// package, its version or specifier and the vulnerability, never the line.
	type pending struct {
		f    analysis.Finding
		text string
	}
	var out []pending
	seen := map[string]bool{}
	add := func(d *Dependency, f analysis.Finding, what string) {
		text := d.Name + what + " " + vulnKey(f)
		k := f.Code + "\x00" + f.Path + "\x00" + strconv.Itoa(f.Line) + "\x00" + text
		if !seen[k] && enabled(f.Code) {
			seen[k] = true
			out = append(out, pending{f, text})
		}
	}
	for i := range rep.Packages {
		d := &rep.Packages[i]
		what := "==" + d.Version
		if d.Version == "" {
			what = d.Specifier
		}
		var ranged []Vuln
		for _, v := range d.Vulns {
			switch {
			case v.Malicious:
				add(d, maliciousFinding(d, v), what)
			case v.Range:
				ranged = append(ranged, v)
			case distroPackage(p.Root, d.File):
				add(d, distroCaveat(vulnFinding(d, v)), what)
			default:
				add(d, vulnFinding(d, v), what)
			}
		}
		if len(ranged) > 0 {
			add(d, rangeFinding(d, ranged), what)
		}
	}
	slices.SortStableFunc(out, func(a, b pending) int {
		return cmp.Or(cmp.Compare(a.f.Path, b.f.Path), cmp.Compare(a.f.Line, b.f.Line),
			cmp.Compare(a.f.Code, b.f.Code), cmp.Compare(a.text, b.text))
	})
	files := newFileIndex(p)
	var kept []analysis.Finding
	for _, pf := range out {
		f := pf.f
		fi := files.get(f.Path)
		line := fi.line(f.Line)
		if analysis.LineSuppresses(line, ruleOf(f.Code)) {
			continue
		}
		f.Snippet = strings.TrimSpace(line)
		f.Fingerprint = fi.fp.Next(f.Code, fi.rel, "", pf.text)
		kept = append(kept, f)
	}
	return kept
}

// vulnKey is the vulnerability part of a fingerprint: its id, or for a range
// finding the lower bound, so that a new advisory that raises the bound
// shows past a baseline.
func vulnKey(f analysis.Finding) string {
	if f.Code == VulnerableRange.Code {
		return ">=" + f.FixedIn
	}
	return f.VulnerabilityID
}

func ruleOf(code string) *analysis.Rule {
	switch code {
	case VulnerableRange.Code:
		return VulnerableRange
	case MaliciousPackage.Code:
		return MaliciousPackage
	}
	return VulnerableDependency
}

// newFinding fills what every audit finding carries.
func newFinding(r *analysis.Rule, d *Dependency, msg string) analysis.Finding {
	f := analysis.NewFinding(r, d.File, d.Line, 0, msg)
	f.Package = d.Name
	f.Version = d.Version
	if f.Version == "" {
		f.Version = d.Specifier
	}
	f.Imported = d.Reachability
	return f
}

// vulnFinding is KR701 for one vulnerability of a pinned version.
func vulnFinding(d *Dependency, v Vuln) analysis.Finding {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s has a known vulnerability %s%s: %s; ", d.Name, d.Version, v.ID, listIDs(v.Aliases), summaryOf(v))
	fix := v.Upgrade
	switch {
	case fix != "" && d.FixedIn != "" && d.FixedIn != fix && len(d.Vulns) > 1:
		fmt.Fprintf(&b, "fixed in %s (%s fixes all %d known)", fix, d.FixedIn, len(d.Vulns))
	case fix != "":
		fmt.Fprintf(&b, "fixed in %s", fix)
	default:
		b.WriteString("no fixed version known")
	}
	b.WriteString(reachText(d))
	f := newFinding(VulnerableDependency, d, b.String())
	f.Severity = v.Severity
	f.VulnerabilityID, f.VulnerabilityAliases = v.ID, v.Aliases
	f.FixedIn = d.FixedIn
	return f
}

// rangeFinding is KR702 for the vulnerabilities a specifier admits; it names
// the most severe (by severity, then CVSS score, then id).
func rangeFinding(d *Dependency, vs []Vuln) analysis.Finding {
	worst := vs[0]
	for _, v := range vs[1:] {
		if v.Severity > worst.Severity || v.Severity == worst.Severity && v.Score > worst.Score {
			worst = v
		}
	}
	var b strings.Builder
	n := "a known vulnerability"
	if len(vs) > 1 {
		n = fmt.Sprintf("%d known vulnerabilities, the most severe", len(vs))
	}
	fmt.Fprintf(&b, "%s%s admits versions with %s %s%s (%s): %s; ", d.Name, specText(d.Specifier), n,
		worst.ID, listIDs(worst.Aliases), worst.Severity, summaryOf(worst))
	switch {
	case d.FixedIn != "":
		fmt.Fprintf(&b, "require >=%s to exclude them", d.FixedIn)
	default:
		b.WriteString("no fixed version excludes them all")
	}
	b.WriteString(reachText(d))
	f := newFinding(VulnerableRange, d, b.String())
	f.Severity = worst.Severity
	f.VulnerabilityID, f.VulnerabilityAliases = worst.ID, worst.Aliases
	f.FixedIn = d.FixedIn
	return f
}

// maliciousFinding is KR801 for one malicious-package advisory.
func maliciousFinding(d *Dependency, v Vuln) analysis.Finding {
	what := d.Name
	switch {
	case d.Version != "":
		what += " " + d.Version
	default:
		what += specText(d.Specifier)
	}
	msg := fmt.Sprintf("%s is a known-malicious package %s%s: %s; remove it and rotate the credentials of every machine that installed it%s",
		what, v.ID, listIDs(v.Aliases), summaryOf(v), reachText(d))
	f := newFinding(MaliciousPackage, d, msg)
	f.VulnerabilityID, f.VulnerabilityAliases = v.ID, v.Aliases
	return f
}

// specText renders a specifier after a name: "django>=2.2", "x (any version)".
func specText(spec string) string {
	if spec == "" {
		return " (any version)"
	}
	return spec
}

// summaryOf is the advisory's summary as a clause of the message: without
// its final period, since a semicolon follows.
func summaryOf(v Vuln) string {
	s := strings.TrimRight(v.Summary, ". ")
	if s == "" {
		return "no summary given"
	}
	return s
}

// listIDs renders aliases as " (CVE-…, GHSA-…)", CVE ids first, at most
// maxListed of them.
func listIDs(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	sorted := slices.Clone(ids)
	slices.SortStableFunc(sorted, func(a, b string) int {
		return cmp.Compare(idOrder(a), idOrder(b))
	})
	more := ""
	if len(sorted) > maxListed {
		more = fmt.Sprintf(", +%d", len(sorted)-maxListed)
		sorted = sorted[:maxListed]
	}
	return " (" + strings.Join(sorted, ", ") + more + ")"
}

func idOrder(id string) int {
	switch {
	case strings.HasPrefix(id, "CVE-"):
		return 0
	case strings.HasPrefix(id, "GHSA-"):
		return 1
	}
	return 2
}

// reachText says whether the scanned code imports the package.
func reachText(d *Dependency) string {
	switch d.Reachability {
	case ReachImported:
		files := map[string]bool{}
		for _, im := range d.Imported {
			files[im.Path] = true
		}
		first := d.Imported[0]
		if len(files) == 1 {
			return fmt.Sprintf("; imported in 1 file, %s:%d", first.Path, first.Line)
		}
		return fmt.Sprintf("; imported in %d files, first %s:%d", len(files), first.Path, first.Line)
	case ReachNotImported:
		return "; not imported by the scanned code"
	}
	return ""
}

// fileInfo is what findings need of one reported file: its lines for
// suppressions and snippets, its project-relative path and its fingerprinter.
type fileInfo struct {
	rel   string
	data  []byte
	lines []string
	fp    analysis.Fingerprinter
}

func (fi *fileInfo) line(n int) string {
	if fi.lines == nil && fi.data != nil {
		fi.lines = strings.Split(string(fi.data), "\n")
	}
	if n < 1 || n > len(fi.lines) {
		return ""
	}
	return strings.TrimRight(fi.lines[n-1], "\r")
}

// fileIndex finds the data and relative path of a file by its reported path.
type fileIndex struct {
	root  string
	known map[string]*fileInfo
}

func newFileIndex(p *analysis.Project) *fileIndex {
	idx := &fileIndex{root: p.Root, known: map[string]*fileInfo{}}
	for _, f := range p.Files {
		idx.known[f.Path] = &fileInfo{rel: f.Rel, data: f.Data}
	}
	for _, f := range inventory.Of(p).Files {
		if idx.known[f.Path] == nil {
			idx.known[f.Path] = &fileInfo{rel: f.Rel, data: f.Data}
		}
	}
	return idx
}

// get returns the file's info; a file the scan did not read (a -r include
// from elsewhere in the project) is named relative to the root and has no
// lines.
func (idx *fileIndex) get(path string) *fileInfo {
	if fi := idx.known[path]; fi != nil {
		return fi
	}
	rel := filepath.ToSlash(path)
	if idx.root != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if r, err := filepath.Rel(idx.root, abs); err == nil && filepath.IsLocal(r) {
				rel = filepath.ToSlash(r)
			}
		}
	}
	fi := &fileInfo{rel: rel}
	idx.known[path] = fi
	return fi
}

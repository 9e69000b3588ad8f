package cli

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/deps/audit"
	"github.com/kraitsec/krait/internal/pep440"
	"github.com/kraitsec/krait/internal/report"
	"github.com/kraitsec/krait/internal/sbom"
	"github.com/kraitsec/krait/internal/supplychain/risk"
	"github.com/kraitsec/krait/internal/vulndb"
)

// depsJSON is the output of `krait deps -f json`; README documents it.
type depsJSON struct {
	Version string `json:"version"`
	// Packages has one entry per declaration: a package in three files is there
	// three times.
	Packages []depJSON `json:"packages"`
	// Checked is false when no vulnerability database could be used, so that
	// empty vulnerability lists mean "unknown", not "none".
	Checked  bool               `json:"checked"`
	Database osvStatusJSON      `json:"database"`
	Errors   []report.FileError `json:"errors"`
}

type depJSON struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	Specifier string `json:"specifier"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Direct    bool   `json:"direct"`
	// Groups are the optional or development groups; empty for runtime
	// dependencies.
	Groups []string `json:"groups"`
	// Source is "" for the package index, else vcs, url, path or editable, with
	// URL the reference.
	Source          string     `json:"source"`
	URL             string     `json:"url,omitempty"`
	PURL            string     `json:"purl"`
	Vulnerabilities []vulnJSON `json:"vulnerabilities"`
	// Malicious lists the ids of known-malicious-package advisories.
	Malicious []string `json:"malicious"`
	FixedIn   string   `json:"fixed_in"`
	// Imported is "imported", "not-imported", or "" when no Python code was
	// scanned; ImportedIn lists the imports as "path:line".
	Imported   string   `json:"imported"`
	ImportedIn []string `json:"imported_in"`
	// Risk is the supply-chain risk of an installed distribution's code; absent
	// for declarations, whose code krait does not see.
	Risk *riskJSON `json:"risk,omitempty"`
}

// riskJSON is a distribution's 0–10 risk score and the findings behind it.
type riskJSON struct {
	Score        float64         `json:"score"`
	Evidence     []risk.Evidence `json:"evidence"`
	Combinations []string        `json:"combinations,omitempty"`
}

type vulnJSON struct {
	ID       string   `json:"id"`
	Aliases  []string `json:"aliases"`
	Summary  string   `json:"summary"`
	Severity string   `json:"severity"`
	Score    float64  `json:"score"`
	Fixed    []string `json:"fixed"`
	URL      string   `json:"url"`
	// Range is true when an unpinned specifier admits affected versions;
	// LowerBound is then the lowest version that excludes them.
	Range      bool   `json:"range"`
	LowerBound string `json:"lower_bound,omitempty"`
}

func writeDepsJSON(w io.Writer, res *depsResult, status vulndb.DBStatus) error {
	out := depsJSON{
		Version:  version(),
		Packages: make([]depJSON, 0, len(res.report.Packages)),
		Checked:  res.report.Checked,
		Database: osvStatusOf(status),
		Errors:   res.errors,
	}
	if out.Errors == nil {
		out.Errors = []report.FileError{}
	}
	for _, d := range res.report.Packages {
		j := depJSON{
			Name: d.Name, Version: d.Version, Specifier: d.Specifier, File: d.File, Line: d.Line,
			Direct: d.Direct, Groups: nonNil(d.Groups), Source: d.Source, URL: d.URL,
			Vulnerabilities: make([]vulnJSON, 0, len(d.Vulns)), Malicious: nonNil(d.Malicious),
			FixedIn: d.FixedIn, Imported: d.Reachability, ImportedIn: make([]string, 0, len(d.Imported)),
		}
		if d.Name != "" {
			j.PURL = sbom.PURL(d.Name, d.Version)
		}
		for _, v := range d.Vulns {
			j.Vulnerabilities = append(j.Vulnerabilities, vulnJSON{
				ID: v.ID, Aliases: nonNil(v.Aliases), Summary: v.Summary, Severity: severityName(v.Severity),
				Score: v.Score, Fixed: nonNil(v.Fixed), URL: v.URL, Range: v.Range, LowerBound: v.LowerBound,
			})
		}
		for _, im := range d.Imported {
			j.ImportedIn = append(j.ImportedIn, fmt.Sprintf("%s:%d", im.Path, im.Line))
		}
		if r := res.risk[d.File]; r != nil {
			j.Risk = &riskJSON{Score: r.Score, Evidence: r.Evidence, Combinations: r.Combinations}
			if j.Risk.Evidence == nil {
				j.Risk.Evidence = []risk.Evidence{}
			}
		}
		out.Packages = append(out.Packages, j)
	}
	return writeJSON(w, out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func severityName(s analysis.Severity) string {
	if s < analysis.SeverityLow || s > analysis.SeverityCritical {
		return ""
	}
	return s.String()
}

// depsRow is one line of the table: a package at one version (or specifier),
// however many files declare it.
type depsRow struct {
	name, version string
	first         *audit.Dependency
	files         []string
}

// tableRows groups the declarations of the same package, version or specifier,
// and findings into one row, in name order.
func tableRows(pkgs []audit.Dependency) []*depsRow {
	byKey := map[string]*depsRow{}
	var rows []*depsRow
	for i := range pkgs {
		d := &pkgs[i]
		ids := make([]string, len(d.Vulns))
		for j, v := range d.Vulns {
			ids[j] = v.ID
		}
		key := strings.Join([]string{d.Name, versionText(d), d.Source, strings.Join(ids, ",")}, "\x00")
		loc := fmt.Sprintf("%s:%d", d.File, d.Line)
		if r, ok := byKey[key]; ok {
			if !slices.Contains(r.files, loc) {
				r.files = append(r.files, loc)
			}
			continue
		}
		r := &depsRow{name: d.Name, version: versionText(d), first: d, files: []string{loc}}
		if r.name == "" {
			r.name = d.RawName
		}
		byKey[key] = r
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, b *depsRow) int {
		return cmp.Or(strings.Compare(a.name, b.name), compareVersions(a.first.Version, b.first.Version), strings.Compare(a.version, b.version))
	})
	return rows
}

// versionText is what the VERSION column shows: the pinned version, else the
// specifier, else where the package comes from.
func versionText(d *audit.Dependency) string {
	switch {
	case d.Version != "":
		return d.Version
	case d.Specifier != "":
		return d.Specifier
	case d.Source != "":
		return "(" + d.Source + ")"
	}
	return "(any)"
}

func writeDepsTable(w io.Writer, res *depsResult, status vulndb.DBStatus) error {
	rep := res.report
	rows := tableRows(rep.Packages)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	// The RISK column appears when installed code was scored.
	showRisk := len(res.risk) > 0
	if len(rows) > 0 {
		fmt.Fprint(tw, "NAME\tVERSION\tSOURCE\tVULNS\tFIX\tIMPORTED")
		if showRisk {
			fmt.Fprint(tw, "\tRISK")
		}
		fmt.Fprintln(tw)
	}
	for _, r := range rows {
		src := r.files[0]
		if len(r.files) > 1 {
			src += fmt.Sprintf(" (+%d)", len(r.files)-1)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s", r.name, r.version, src, vulnsText(r.first, rep.Checked), fixText(r.first), importedText(r.first))
		if showRisk {
			fmt.Fprintf(tw, "\t%s", riskText(res.risk[r.first.File]))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, depsSummary(res, rows, status))
	return err
}

// riskText is a distribution's risk score with its strongest evidence.
func riskText(r *risk.Package) string {
	switch {
	case r == nil:
		return "-"
	case len(r.Evidence) == 0:
		return fmt.Sprintf("%.1f", r.Score)
	}
	return fmt.Sprintf("%.1f %s", r.Score, r.Evidence[0].Code)
}

// vulnsText lists a package's advisory ids, the first three of them.
func vulnsText(d *audit.Dependency, checked bool) string {
	if len(d.Vulns) == 0 {
		if !checked {
			return "?"
		}
		return "-"
	}
	var ids []string
	for _, v := range d.Vulns {
		id := v.ID
		if v.Malicious {
			id += " (malicious)"
		}
		ids = append(ids, id)
	}
	text := strings.Join(ids[:min(3, len(ids))], ", ")
	if len(ids) > 3 {
		text += fmt.Sprintf(" +%d", len(ids)-3)
	}
	if d.Vulns[0].Range {
		text = "admits " + text
	}
	return text
}

// fixText is the upgrade that clears every advisory: a version for a pin, a
// lower bound for a range.
func fixText(d *audit.Dependency) string {
	if len(d.Malicious) > 0 {
		return "remove"
	}
	if d.FixedIn != "" {
		if d.Version == "" {
			return ">=" + d.FixedIn
		}
		return d.FixedIn
	}
	var bound string
	for _, v := range d.Vulns {
		if v.Range && v.LowerBound != "" && (bound == "" || compareVersions(v.LowerBound, bound) > 0) {
			bound = v.LowerBound
		}
	}
	if bound != "" {
		return ">=" + bound
	}
	return "-"
}

// importedText names the first import of the package and counts the files with
// others.
func importedText(d *audit.Dependency) string {
	switch d.Reachability {
	case audit.ReachNotImported:
		return "no"
	case audit.ReachImported:
		im := d.Imported[0]
		text := fmt.Sprintf("%s:%d", im.Path, im.Line)
		files := map[string]bool{}
		for _, im := range d.Imported {
			files[im.Path] = true
		}
		if len(files) > 1 {
			text += fmt.Sprintf(" (+%s)", plural(len(files)-1, "file"))
		}
		return text
	}
	return "-"
}

// depsSummary is the table's last line: what was read, what is vulnerable, and
// what the database was.
func depsSummary(res *depsResult, rows []*depsRow, status vulndb.DBStatus) string {
	rep := res.report
	files := map[string]bool{}
	vulnerable, malicious, ranges := 0, 0, 0
	advisories := map[string]bool{}
	for _, r := range rows {
		for _, f := range r.files {
			files[f[:strings.LastIndexByte(f, ':')]] = true
		}
		d := r.first
		switch {
		case len(d.Malicious) > 0:
			malicious++
		case len(d.Vulns) > 0 && d.Vulns[0].Range:
			ranges++
		case len(d.Vulns) > 0:
			vulnerable++
		}
		for _, v := range d.Vulns {
			if !v.Range && !v.Malicious {
				advisories[v.ID] = true
			}
		}
	}
	s := fmt.Sprintf("%s (%d declarations) in %s", plural(len(rows), "package"), len(rep.Packages), plural(len(files), "file"))
	if len(rows) == len(rep.Packages) {
		s = fmt.Sprintf("%s in %s", plural(len(rows), "package"), plural(len(files), "file"))
	}
	switch {
	case len(rows) == 0:
		return "no dependencies found"
	case !rep.Checked:
		return s + "; vulnerabilities not checked (no usable vulnerability database)"
	}
	s += fmt.Sprintf(": %d vulnerable (%d %s), %d malicious, %s admitting vulnerable versions",
		vulnerable, len(advisories), noun(len(advisories), "advisory", "advisories"), malicious, plural(ranges, "range"))
	n := status.Meta.Entries - status.Meta.Withdrawn
	return s + fmt.Sprintf("; checked against %s OSV %s updated %s", thousands(n), noun(n, "advisory", "advisories"), humanAge(status.Age))
}

// writeDepsSBOM writes the CycloneDX document: one component per package and
// version, every file that declares it listed.
func writeDepsSBOM(w io.Writer, res *depsResult, now time.Time, root string) error {
	byRef := map[string]*sbom.Component{}
	var refs []string
	for _, d := range res.report.Packages {
		if d.Name == "" {
			continue
		}
		ref := sbom.PURL(d.Name, d.Version)
		c, ok := byRef[ref]
		if !ok {
			c = &sbom.Component{Name: d.Name, Version: d.Version, Optional: true}
			byRef[ref] = c
			refs = append(refs, ref)
		}
		if d.Specifier != "" && d.Version == "" && !slices.Contains(c.Specifiers, d.Specifier) {
			c.Specifiers = append(c.Specifiers, d.Specifier)
		}
		c.Optional = c.Optional && len(d.Groups) > 0
		c.Direct = c.Direct || d.Direct
		c.Locations = append(c.Locations, fmt.Sprintf("%s:%d", d.File, d.Line))
		if r := res.risk[d.File]; r != nil && (c.RiskScore == nil || r.Score > *c.RiskScore) {
			score := r.Score
			c.RiskScore = &score
		}
		if c.FixedIn == "" {
			c.FixedIn = d.FixedIn
		}
		for _, v := range d.Vulns {
			if slices.ContainsFunc(c.Vulns, func(x sbom.Vuln) bool { return x.ID == v.ID }) {
				continue
			}
			c.Vulns = append(c.Vulns, sbom.Vuln{
				ID: v.ID, Aliases: v.Aliases, Summary: v.Summary, Severity: severityName(v.Severity), Score: v.Score,
				Vectors: v.Vectors, Fixed: v.Fixed, Upgrade: v.Upgrade, URL: v.URL, Range: v.Range, LowerBound: v.LowerBound,
				Malicious: v.Malicious,
			})
		}
	}
	slices.Sort(refs)
	comps := make([]sbom.Component, len(refs))
	for i, ref := range refs {
		comps[i] = *byRef[ref]
	}
	project := ""
	if abs, err := filepath.Abs(root); err == nil {
		project = filepath.Base(abs)
	}
	return sbom.Write(w, comps, sbom.Options{ToolVersion: version(), Time: now, Project: project})
}

// compareVersions orders PEP 440 versions, with the ones that do not parse (and
// "") after them in string order.
func compareVersions(a, b string) int {
	va, errA := pep440.Parse(a)
	vb, errB := pep440.Parse(b)
	switch {
	case errA == nil && errB == nil:
		return pep440.Compare(va, vb)
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

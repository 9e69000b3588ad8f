package eol

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/pep440"
)

// maxPatch bounds the patch releases tried when looking for a range's floor; CPython
// lines stop well before it.
const maxPatch = 30

// judge turns claims into findings as of one day.
type judge struct {
	schedule *Schedule
	now      time.Time
	enabled  func(*analysis.Rule) bool
}

// file returns the findings of one file's claims, which come in position order.
func (j *judge) file(src analysis.Source, claims []claim) []analysis.Finding {
	ls := lines(src.Data)
	var fp analysis.Fingerprinter
	var out []analysis.Finding
	var eolClassifiers, eolTested []claim
	matrix := isMatrix(claims)
	tested, classified := map[[2]int]bool{}, map[[2]int]bool{}
	// A version named again in the same kind of place (a CI matrix and its include:
	// entries, two Docker stages) is reported once, at its first mention.
	type mention struct {
		source       string
		major, minor int
	}
	seen := map[mention]bool{}
	for _, c := range claims {
		if c.kind == pinned {
			m := mention{strings.Fields(c.source + " x")[0], c.major, c.minor}
			if seen[m] {
				continue
			}
			seen[m] = true
		}
		if matrix && c.kind == pinned && isTestSource(c.source) {
			r, ok := j.schedule.Lookup(c.major, c.minor)
			if ok && j.ended(r) && !tested[[2]int{c.major, c.minor}] {
				tested[[2]int{c.major, c.minor}] = true
				eolTested = append(eolTested, c)
			}
			continue
		}
		if c.kind == classifier {
			// A setup.py that calls setup() twice (a retry without its C
			// extension) lists its classifiers twice; each line is named once.
			if r, ok := j.schedule.Lookup(c.major, c.minor); ok && j.ended(r) && !classified[[2]int{c.major, c.minor}] {
				classified[[2]int{c.major, c.minor}] = true
				eolClassifiers = append(eolClassifiers, c)
			}
			continue
		}
		if f, ok := j.finding(src, ls, &fp, c); ok {
			out = append(out, f)
		}
	}
	if len(eolClassifiers) > 0 {
		if f, ok := j.classifiers(src, ls, &fp, eolClassifiers); ok {
			out = append(out, f)
		}
	}
	if len(eolTested) > 0 {
		if f, ok := j.matrix(src, ls, &fp, eolTested); ok {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, k int) bool { return out[i].Line < out[k].Line })
	return out
}

// ended reports whether a released line is past its end of life.
func (j *judge) ended(r Release) bool { return !r.Released.After(j.now) && !j.now.Before(r.EOL) }

// finding judges one pinned or floor claim.
func (j *judge) finding(src analysis.Source, ls []string, fp *analysis.Fingerprinter, c claim) (analysis.Finding, bool) {
	switch c.kind {
	case pinned:
		r, ok := j.schedule.Lookup(c.major, c.minor)
		if !ok || r.Released.After(j.now) {
			return analysis.Finding{}, false
		}
		where := c.source
		if c.text != r.Version {
			where += " " + c.text
		}
		if j.ended(r) {
			msg := fmt.Sprintf("Python %s (%s) reached end of life on %s; %s", r.Version, where, r.EOL.Format(time.DateOnly), j.moveTo())
			f, ok := j.emit(src, ls, fp, EOLPython, c, r, msg)
			if r.Major < 3 {
				f.Severity = analysis.SeverityCritical
			}
			return f, ok
		}
		if !r.EOL.After(j.now.AddDate(1, 0, 0)) {
			msg := fmt.Sprintf("Python %s (%s) reaches end of life on %s; plan the %s", r.Version, where, r.EOL.Format(time.DateOnly), j.moveTo())
			return j.emit(src, ls, fp, PythonEOLSoon, c, r, msg)
		}
	case floor:
		r, ok := j.lowestAdmitted(c.text)
		if !ok || !j.ended(r) {
			return analysis.Finding{}, false
		}
		msg := fmt.Sprintf("%s %q admits Python %s, which reached end of life on %s (this is only the lowest version the project supports)%s",
			c.source, c.text, r.Version, r.EOL.Format(time.DateOnly), j.raiseTo())
		f, ok := j.emit(src, ls, fp, EOLPythonSupported, c, r, msg)
		if r.Major < 3 {
			f.Severity = analysis.SeverityMedium
		}
		return f, ok
	}
	return analysis.Finding{}, false
}

// classifiers reports a file's classifiers of end-of-life lines as one finding, at
// the first of them.
func (j *judge) classifiers(src analysis.Source, ls []string, fp *analysis.Fingerprinter, cs []claim) (analysis.Finding, bool) {
	names := make([]string, len(cs))
	last := Release{}
	for i, c := range cs {
		r, _ := j.schedule.Lookup(c.major, c.minor)
		names[i] = r.Version
		if r.EOL.After(last.EOL) {
			last = r
		}
	}
	verb := "which reached"
	if len(cs) > 1 {
		verb = "which all reached"
	}
	msg := fmt.Sprintf("classifiers declare support for Python %s, %s end of life (%s on %s)%s",
		strings.Join(names, ", "), verb, last.Version, last.EOL.Format(time.DateOnly), j.raiseTo())
	first := cs[0]
	first.source, first.text = "classifiers", strings.Join(names, ",")
	r, _ := j.schedule.Lookup(first.major, first.minor)
	f, ok := j.emit(src, ls, fp, EOLPythonSupported, first, r, msg)
	if ok && r.Major < 3 {
		f.Severity = analysis.SeverityMedium
	}
	return f, ok
}

// moveTo names the newest release and how long it is supported.
func (j *judge) moveTo() string {
	n, ok := j.schedule.Newest(j.now)
	if !ok {
		return "move to a supported release"
	}
	return fmt.Sprintf("move to %s (supported until %s)", n.Version, n.EOL.Format("2006-01"))
}

// raiseTo suggests the oldest supported release as the new floor.
func (j *judge) raiseTo() string {
	o, ok := j.schedule.OldestSupported(j.now)
	if !ok {
		return ""
	}
	return fmt.Sprintf("; raise the floor to >=%s, the oldest release still supported", o.Version)
}

// lowestAdmitted returns the oldest line in the schedule that a PEP 440 specifier
// admits a final release of.
func (j *judge) lowestAdmitted(spec string) (Release, bool) {
	ss, err := pep440.ParseSpecifier(spec)
	if err != nil || len(ss) == 0 {
		return Release{}, false
	}
	for _, r := range j.schedule.releases {
		for patch := 0; patch <= maxPatch; patch++ {
			v, err := pep440.Parse(r.Version + "." + strconv.Itoa(patch))
			if err == nil && ss.Contains(v) {
				return r, true
			}
		}
	}
	return Release{}, false
}

// emit builds the finding unless its rule is off or its line suppresses it.
func (j *judge) emit(src analysis.Source, ls []string, fp *analysis.Fingerprinter, rule *analysis.Rule, c claim, r Release, msg string) (analysis.Finding, bool) {
	if !j.enabled(rule) {
		return analysis.Finding{}, false
	}
	text := ""
	if c.line >= 1 && c.line <= len(ls) {
		text = ls[c.line-1]
	}
	if analysis.LineSuppresses(text, rule) {
		return analysis.Finding{}, false
	}
	f := analysis.NewFinding(rule, src.Path, c.line, c.col, msg)
	if c.col > 0 {
		f.EndColumn = tokenEnd(text, c.col-1) + 1
	}
	f.Snippet = strings.TrimRight(text, " \t")
	if len(f.Snippet) > 400 {
		f.Snippet = strings.ToValidUTF8(f.Snippet[:400], "")
	}
	f.Fingerprint = fp.Next(rule.Code, src.Rel, "", "python "+r.Version+" "+c.source)
	f.Package, f.Version = "python", r.Version
	return f, true
}

// tokenEnd returns the byte offset just past the token that starts at line[start]: a
// quoted string, or text up to a blank, a comma or a closing bracket outside braces
// (tox's py{38,39} is one token).
func tokenEnd(line string, start int) int {
	if start < 0 || start >= len(line) {
		return len(line)
	}
	if q := line[start]; q == '"' || q == '\'' {
		if end := strings.IndexByte(line[start+1:], q); end >= 0 {
			return start + end + 2
		}
		return len(line)
	}
	depth := 0
	for i := start; i < len(line); i++ {
		switch c := line[i]; {
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		case depth == 0 && (c == ' ' || c == '\t' || c == ',' || c == ']' || c == '#'):
			return i
		}
	}
	return len(line)
}

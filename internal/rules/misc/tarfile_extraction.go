package misc

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TarfileExtraction flags tar archive extraction without an extraction filter.
var TarfileExtraction = &analysis.Rule{
	Code:       "KR905",
	Name:       "tarfile-unsafe-extraction",
	Summary:    "tar archive extracted without a safe extraction filter",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{22},
	Aliases:    []string{"B202", "S202"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runTarfileExtraction,
	Doc: `## What it does
Flags ` + "`TarFile.extractall()`" + ` and ` + "`TarFile.extract()`" + ` on an archive opened with ` + "`tarfile.open`" + `
or ` + "`tarfile.TarFile`" + ` (directly, through a variable, a ` + "`with`" + ` block or a ` + "`tarfile.TarFile`" + `
annotation), and ` + "`shutil.unpack_archive()`" + `, when no safe extraction filter is given:

- ` + "`filter=\"fully_trusted\"`" + ` (or ` + "`tarfile.fully_trusted_filter`" + `): high severity, the
  protection is turned off on every Python version;
- no filter: medium severity. Python 3.14 extracts with ` + "`filter=\"data\"`" + ` by default, so only
  that default protects the call; Python 3.12 and 3.13 warn and extract everything,
  and older versions have no filter at all.

` + "`filter=\"data\"`, `filter=\"tar\"`" + `, the ` + "`tarfile.data_filter`/`tar_filter`" + ` functions, a
custom filter function, an ` + "`extraction_filter`" + ` set on the class or the archive, a
` + "`members=`" + ` list that is filtered (a comprehension with a condition, a helper
function), and a loop over ` + "`getmembers()`" + ` that checks members before extraction in the
same function are taken as handled; so is a ` + "`members`" + ` parameter passed through, which
leaves the check to the caller. An unfiltered extraction in a function that tests
` + "`hasattr(tarfile, \"data_filter\")`" + ` is the fallback for old Pythons and has low
severity. A ` + "`tar.extractall()`" + ` whose receiver cannot be resolved is reported with
medium confidence when the file imports tarfile and no other archive module.
` + "`shutil.unpack_archive`" + ` of a ` + "`.zip`" + ` file or with ` + "`format=\"zip\"`" + ` is not reported.
Findings in test code have low confidence.

` + "`zipfile.ZipFile.extract`/`extractall`" + ` are not reported: zipfile removes drive letters,
leading slashes and ` + "`..`" + ` components from member names and creates no links, so members
cannot leave the destination (the zip bomb risk of large archives remains).

## Why is this bad?
A tar member's name can be absolute (` + "`/etc/cron.d/job`" + `) or climb out of the destination
(` + "`../../app/settings.py`" + `), and a member can be a symlink or hard link to any path
that a later member writes through. Without a filter, extracting an uploaded or
downloaded archive lets its author overwrite any file the process can write, which
often leads to code execution (CVE-2007-4559, CWE-22). Members can also carry
setuid bits and device files.

## Example
` + "```python" + `
import tarfile

def install_theme(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        tar.extractall(dest)
` + "```" + `

## Use instead
` + "```python" + `
def install_theme(upload, dest):
    with tarfile.open(fileobj=upload) as tar:
        tar.extractall(dest, filter="data")  # Python 3.12+, 3.8.17+, 3.9.17+, 3.10.12+, 3.11.4+
` + "```" + `

## References
- [Python docs: tarfile extraction filters](https://docs.python.org/3/library/tarfile.html#tarfile-extraction-filter)
- [PEP 706: Filter for tarfile.extractall](https://peps.python.org/pep-0706/)
- [Python docs: zipfile.ZipFile.extract](https://docs.python.org/3/library/zipfile.html#zipfile.ZipFile.extract)
- [CWE-22: Path Traversal](https://cwe.mitre.org/data/definitions/22.html)
`,
}

const tarDefaultNote = "before Python 3.14, which defaults to filter=\"data\", members with absolute paths, \"..\" or links can write outside the destination; pass filter=\"data\""

func runTarfileExtraction(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	switch tail := ruleutil.ResolvedTail(p.Model, c); tail {
	case "extractall", "extract":
		tarExtract(p, c, tail)
	case "unpack_archive":
		unpackArchive(p, c)
	}
}

// tarKind says what is known of an object's type.
type tarKind uint8

const (
	notTar tarKind = iota
	maybeTar
	isTar
)

func tarExtract(p *analysis.Pass, c *ast.Call, method string) {
	attr, ok := c.Func.(*ast.Attribute)
	if !ok {
		return
	}
	kind := tarReceiver(p, attr.Value)
	if kind == notTar || (kind == maybeTar && method != "extractall") {
		return
	}
	label := "TarFile." + method
	conf := analysis.ConfidenceHigh
	if kind == maybeTar {
		label, conf = ruleutil.DottedText(attr)+"()", analysis.ConfidenceMedium
		if label == "()" {
			label = method
		}
	}
	conf = inTestCode(p, conf)
	switch filterSafety(p, c) {
	case filterSafe:
		return
	case filterOff:
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: conf,
			Message: label + " with the fully_trusted filter: members with absolute paths, \"..\" or links can write outside the destination; use filter=\"data\""})
		return
	}
	if method == "extractall" {
		if members := ruleutil.Arg(c, 1, "members"); members != nil && membersFiltered(p, members) {
			return
		}
	}
	if checkedInLoop(p, attr.Value) || setsExtractionFilter(p) {
		return
	}
	if hasFilterFallback(p, attr.Value) {
		// `if hasattr(tarfile, "data_filter"): ... else: tar.extractall(d)`:
		// only Pythons without filters take this branch.
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityLow, Confidence: analysis.ConfidenceLow,
			Message: label + " without filter= as the fallback for Pythons that lack extraction filters: members can write outside the destination there; require Python 3.12 or a patched 3.8-3.11"})
		return
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: conf,
		Message: label + " without filter=: " + tarDefaultNote})
}

func unpackArchive(p *analysis.Pass, c *ast.Call) {
	if !p.Model.QualifiedNameIs(c.Func, "shutil.unpack_archive") {
		return
	}
	if f := ruleutil.Arg(c, 2, "format"); f != nil {
		if s, ok := p.Model.ConstString(f); ok && s == "zip" {
			return
		}
	}
	if name, ok := p.Model.ConstString(ruleutil.Arg(c, 0, "filename")); ok && strings.HasSuffix(strings.ToLower(name), ".zip") {
		return
	}
	switch filterSafety(p, c) {
	case filterSafe:
		return
	case filterOff:
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: inTestCode(p, analysis.ConfidenceHigh), Message: "shutil.unpack_archive with the fully_trusted filter: tar members with absolute paths, \"..\" or links can write outside the destination; use filter=\"data\""})
		return
	}
	if setsExtractionFilter(p) {
		return
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: inTestCode(p, analysis.ConfidenceMedium),
		Message: "shutil.unpack_archive without filter= unpacks tar archives unfiltered: " + tarDefaultNote})
}

// tarReceiver says whether the object a method is called on is a TarFile.
func tarReceiver(p *analysis.Pass, recv ast.Expr) tarKind {
	m := p.Model
	ctor := ruleutil.ConstructedBy(m, recv)
	if ctor == "contextlib.closing" {
		// with closing(tarfile.open(path)) as tar: the archive is closing's argument.
		if c, ok := ruleutil.ValueOf(m, recv).(*ast.Call); ok && len(c.Args) == 1 {
			ctor = ruleutil.ConstructedBy(m, c.Args[0])
		}
	}
	switch ctor {
	case "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "tarfile.TarFile.taropen",
		"tarfile.TarFile.gzopen", "tarfile.TarFile.bz2open", "tarfile.TarFile.xzopen", "tarfile.TarFile.zstopen":
		return isTar
	case "":
	default:
		return notTar
	}
	if n, ok := recv.(*ast.Name); ok {
		if u := m.Use(n); u != nil && u.Binding != nil && u.Binding.Kind == semantic.BindParam {
			if a, ok := u.Binding.Node.(*ast.Arg); ok && a.Annotation != nil {
				if m.QualifiedNameIs(a.Annotation, "tarfile.TarFile") {
					return isTar
				}
				return notTar
			}
		}
	}
	if !ruleutil.ImportsModule(m, "tarfile") {
		return notTar
	}
	for _, other := range [...]string{"zipfile", "py7zr", "rarfile", "libarchive", "patoolib", "bs4"} {
		if ruleutil.ImportsModule(m, other) {
			return notTar
		}
	}
	return maybeTar
}

// filterLevel is what an extraction's filter argument does.
type filterLevel uint8

const (
	filterDefault filterLevel = iota // none given: the Python version decides
	filterSafe                       // "data", "tar", or a function of the caller's
	filterOff                        // "fully_trusted"
)

func filterSafety(p *analysis.Pass, c *ast.Call) filterLevel {
	k := ruleutil.Keyword(c, "filter")
	if k == nil {
		if ruleutil.HasDoubleStar(c) {
			return filterSafe // **kwargs may carry one
		}
		return filterDefault
	}
	v := ruleutil.ValueOf(p.Model, k.Value)
	if ruleutil.IsNone(v) {
		return filterDefault
	}
	if s, ok := p.Model.ConstString(v); ok {
		if s == "fully_trusted" {
			return filterOff
		}
		return filterSafe
	}
	if p.Model.QualifiedNameIs(v, "tarfile.fully_trusted_filter") {
		return filterOff
	}
	return filterSafe
}

// membersFiltered reports whether a members= argument looks checked: a
// comprehension with a condition, or a helper other than getmembers(), or a
// parameter, which leaves the check to the caller.
func membersFiltered(p *analysis.Pass, e ast.Expr) bool {
	if n, ok := e.(*ast.Name); ok {
		if u := p.Model.Use(n); u != nil && u.Binding != nil && u.Binding.Kind == semantic.BindParam {
			return true
		}
	}
	switch x := ruleutil.ValueOf(p.Model, e).(type) {
	case *ast.Call:
		return ruleutil.CalleeTail(x) != "getmembers"
	case *ast.ListComp:
		return hasCondition(x.Generators)
	case *ast.GeneratorExp:
		return hasCondition(x.Generators)
	}
	return false
}

func hasCondition(gens []*ast.Comprehension) bool {
	for _, g := range gens {
		if len(g.Ifs) > 0 {
			return true
		}
	}
	return false
}

// checkedInLoop reports whether the function that binds the archive's name
// loops over its members with a condition before extracting, as the common
// "safe_extract" helpers do.
func checkedInLoop(p *analysis.Pass, recv ast.Expr) bool {
	n, ok := recv.(*ast.Name)
	if !ok {
		return false
	}
	u := p.Model.Use(n)
	if u == nil || u.Symbol == nil || u.Symbol.Scope == nil || u.Symbol.Scope.Node == nil {
		return false
	}
	found := false
	ast.Inspect(u.Symbol.Scope.Node, func(x ast.Node) bool {
		if found {
			return false
		}
		var iter ast.Expr
		var body []ast.Stmt
		switch f := x.(type) {
		case *ast.For:
			iter, body = f.Iter, f.Body
		case *ast.AsyncFor:
			iter, body = f.Iter, f.Body
		default:
			_, isExpr := x.(ast.Expr)
			return !isExpr
		}
		if !iteratesMembers(iter, n.ID) {
			return true
		}
		for _, s := range body {
			if _, ok := s.(*ast.If); ok {
				found = true
			}
		}
		return true
	})
	return found
}

// iteratesMembers reports whether a loop's iterable is the archive called
// name, or its getmembers() or getnames().
func iteratesMembers(iter ast.Expr, name string) bool {
	switch x := iter.(type) {
	case *ast.Name:
		return x.ID == name
	case *ast.Call:
		t := ruleutil.CalleeTail(x)
		return t == "getmembers" || t == "getnames"
	}
	return false
}

// setsExtractionFilter reports whether the module sets an extraction_filter
// attribute (on TarFile or on an archive), which applies to every extraction.
func setsExtractionFilter(p *analysis.Pass) bool {
	found := false
	ast.Inspect(p.File.Module, func(x ast.Node) bool {
		if found {
			return false
		}
		switch s := x.(type) {
		case *ast.Assign:
			for _, t := range s.Targets {
				if a, ok := t.(*ast.Attribute); ok && a.Attr == "extraction_filter" {
					found = true
				}
			}
			return false
		case ast.Expr:
			return false
		}
		return true
	})
	return found
}

// hasFilterFallback reports whether the function that binds the archive's
// name tests hasattr(tarfile, "data_filter") or similar: code that filters
// where Python can, and falls back to a plain extraction elsewhere.
func hasFilterFallback(p *analysis.Pass, recv ast.Expr) bool {
	n, ok := recv.(*ast.Name)
	if !ok {
		return false
	}
	u := p.Model.Use(n)
	if u == nil || u.Symbol == nil || u.Symbol.Scope == nil || u.Symbol.Scope.Node == nil {
		return false
	}
	found := false
	ast.Inspect(u.Symbol.Scope.Node, func(x ast.Node) bool {
		if found {
			return false
		}
		c, ok := x.(*ast.Call)
		if !ok || len(c.Args) != 2 || !p.Model.QualifiedNameIs(c.Func, "builtins.hasattr") {
			return true
		}
		if s, ok := p.Model.ConstString(c.Args[1]); ok && strings.HasSuffix(s, "_filter") && p.Model.QualifiedNameIs(c.Args[0], "tarfile") {
			found = true
		}
		return true
	})
	return found
}

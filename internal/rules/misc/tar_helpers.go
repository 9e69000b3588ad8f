package misc

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

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

package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// UnsafeYAMLLoad flags YAML loading that can construct arbitrary Python objects.
var UnsafeYAMLLoad = &analysis.Rule{
	Code:       "KR132",
	Name:       "unsafe-yaml-load",
	Summary:    "YAML loaded with a loader that builds arbitrary objects",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{502, 20},
	Aliases:    []string{"B506", "S506"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load", "full_load_all", "YAML",
	},
	Run: runUnsafeYAMLLoad,
	Doc: `## What it does
Flags PyYAML's ` + "`yaml.load`" + ` and ` + "`yaml.load_all`" + ` without a safe ` + "`Loader`" + `, with
` + "`Loader=yaml.Loader`" + `, ` + "`UnsafeLoader`" + ` or their C variants, and ` + "`yaml.unsafe_load`" + `;
ruamel.yaml's ` + "`YAML(typ=\"unsafe\")`" + ` and its legacy ` + "`ruamel.yaml.load`" + `. ` + "`SafeLoader`" + `,
` + "`CSafeLoader`" + `, ` + "`BaseLoader`" + `, ` + "`CBaseLoader`" + ` (and classes derived from them in the same
file), ` + "`yaml.safe_load`" + ` and ruamel's default ` + "`YAML()`" + ` are safe.

` + "`FullLoader`" + ` (` + "`yaml.full_load`" + `) is reported with medium severity and low confidence: it
was the default of ` + "`yaml.load`" + ` in PyYAML 5.1–5.3, where it could still run code
(CVE-2020-1747, CVE-2020-14343); since 5.4 it refuses ` + "`python/object/apply`" + ` but still
builds Python types, and PyYAML recommends ` + "`safe_load`" + ` for untrusted input.

## Why is this bad?
The unsafe loaders honour tags such as ` + "`!!python/object/apply:os.system`" + `, so a
YAML document can call any function while it is being parsed. Before PyYAML 5.1 a
bare ` + "`yaml.load(data)`" + ` did exactly that; PyYAML 6 refuses a call without a Loader,
so code that still omits it runs on an old, unsafe version.

## Example
` + "```python" + `
import yaml

config = yaml.load(request.data, Loader=yaml.Loader)
settings = yaml.load(open("settings.yml"))
` + "```" + `

## Use instead
` + "```python" + `
config = yaml.safe_load(request.data)
settings = yaml.load(open("settings.yml"), Loader=yaml.CSafeLoader)
` + "```" + `

## References
- [PyYAML: yaml.load(input) deprecation](https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
- [PyYAML documentation: loading YAML](https://pyyaml.org/wiki/PyYAMLDocumentation)
- [ruamel.yaml: basic usage (typ)](https://yaml.readthedocs.io/en/latest/basicuse/)
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
`,
}

// loaderSafety is what a YAML Loader class can construct.
type loaderSafety uint8

const (
	loaderUnknown loaderSafety = iota
	loaderSafe                 // plain data only
	loaderFull                 // FullLoader: Python types, no calls since 5.4
	loaderUnsafe               // any Python object, calls included
)

func runUnsafeYAMLLoad(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	var qn string
	switch calleeTail(m, c) {
	case "load", "load_all":
		qn = matchCallee(m, c, "yaml.load", "yaml.load_all", "ruamel.yaml.load", "ruamel.yaml.load_all", "ruamel.yaml.main.load")
		if qn == "" {
			return
		}
		loader := ruleutil.Arg(c, 1, "Loader")
		if loader == nil {
			if ruleutil.HasDoubleStar(c) {
				return
			}
			p.Report(c, qn+" called without a Loader: PyYAML before 5.1 constructs arbitrary Python objects (calls included); use yaml.safe_load")
			return
		}
		switch yamlLoaderSafety(m, loader, 0) {
		case loaderUnsafe:
			p.Report(c, qn+" called with the unsafe Loader "+exprName(m, loader)+", which constructs arbitrary Python objects; use SafeLoader")
		case loaderFull:
			p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceLow,
				Message: qn + " called with FullLoader, which builds Python objects and ran code before PyYAML 5.4; use SafeLoader"})
		}
	case "unsafe_load", "unsafe_load_all":
		if qn = matchCallee(m, c, "yaml.unsafe_load", "yaml.unsafe_load_all"); qn != "" {
			p.Report(c, qn+" constructs arbitrary Python objects, calls included; use yaml.safe_load")
		}
	case "full_load", "full_load_all":
		if qn = matchCallee(m, c, "yaml.full_load", "yaml.full_load_all"); qn != "" {
			p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceLow,
				Message: qn + " uses FullLoader, which builds Python objects and ran code before PyYAML 5.4; use yaml.safe_load"})
		}
	case "YAML":
		if matchCallee(m, c, "ruamel.yaml.YAML", "ruamel.yaml.main.YAML") == "" {
			return
		}
		if typ := ruleutil.Arg(c, -1, "typ"); typ != nil && yamlTypUnsafe(m, typ) {
			p.Report(c, `ruamel.yaml.YAML(typ="unsafe") constructs arbitrary Python objects when it loads; use the default typ ("rt") or "safe"`)
		}
	}
}

// yamlLoaderSafety classifies a Loader argument, looking through classes
// defined in the file to the loader they derive from.
func yamlLoaderSafety(m *semantic.Model, e ast.Expr, depth int) loaderSafety {
	if depth > maxHops {
		return loaderUnknown
	}
	switch m.QualifiedName(e) {
	case "yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader",
		"yaml.loader.SafeLoader", "yaml.loader.BaseLoader", "yaml.cyaml.CSafeLoader", "yaml.cyaml.CBaseLoader",
		"ruamel.yaml.SafeLoader", "ruamel.yaml.CSafeLoader", "ruamel.yaml.BaseLoader", "ruamel.yaml.CBaseLoader",
		"ruamel.yaml.loader.SafeLoader", "ruamel.yaml.loader.BaseLoader":
		return loaderSafe
	case "yaml.FullLoader", "yaml.CFullLoader", "yaml.loader.FullLoader", "yaml.cyaml.CFullLoader":
		return loaderFull
	case "yaml.Loader", "yaml.UnsafeLoader", "yaml.CLoader", "yaml.CUnsafeLoader",
		"yaml.loader.Loader", "yaml.loader.UnsafeLoader", "yaml.cyaml.CLoader", "yaml.cyaml.CUnsafeLoader",
		"ruamel.yaml.Loader", "ruamel.yaml.UnsafeLoader", "ruamel.yaml.CLoader",
		"ruamel.yaml.loader.Loader", "ruamel.yaml.loader.UnsafeLoader":
		return loaderUnsafe
	}
	// A loader class defined here is as safe as the least safe base it has.
	n, ok := e.(*ast.Name)
	if !ok {
		return loaderUnknown
	}
	u := m.Use(n)
	if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil || u.Binding.Kind != semantic.BindClass {
		return loaderUnknown
	}
	cls, ok := u.Binding.Node.(*ast.ClassDef)
	if !ok {
		return loaderUnknown
	}
	result := loaderUnknown
	for _, b := range cls.Bases {
		if s := yamlLoaderSafety(m, b, depth+1); s > result {
			result = s
		}
	}
	return result
}

// yamlTypUnsafe reports whether ruamel's typ argument asks for the unsafe
// loader, as a string or inside a list of strings.
func yamlTypUnsafe(m *semantic.Model, e ast.Expr) bool {
	if s, ok := m.ConstString(e); ok {
		return s == "unsafe"
	}
	if l, ok := e.(*ast.List); ok {
		for _, x := range l.Elts {
			if s, ok := m.ConstString(x); ok && s == "unsafe" {
				return true
			}
		}
	}
	return false
}

// exprName returns the qualified name of e, or its source-level tail when it
// has none, for messages.
func exprName(m *semantic.Model, e ast.Expr) string {
	if qn := m.QualifiedName(e); qn != "" {
		return qn
	}
	return ruleutil.ExprTail(e)
}

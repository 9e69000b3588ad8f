package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// NumpyAllowPickle flags numpy loads that allow pickled object arrays.
var NumpyAllowPickle = &analysis.Rule{
	Code:       "KR156",
	Name:       "numpy-load-allow-pickle",
	Summary:    "numpy.load with allow_pickle=True",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{502},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"load", "read_array"},
	Run:        runNumpyAllowPickle,
	Doc: `## What it does
Flags ` + "`numpy.load(..., allow_pickle=True)`" + ` and ` + "`numpy.lib.format.read_array(..., allow_pickle=True)`" + `. A file at a constant path is reported with low confidence, data from
the request with high confidence.

## Why is this bad?
Object arrays in ` + "`.npy`" + `/` + "`.npz`" + ` files are stored as pickles. NumPy refuses to load
them by default since 1.16.3 (CVE-2019-6446); ` + "`allow_pickle=True`" + ` turns the full
unpickler back on, so a crafted file runs arbitrary code when loaded.

## Example
` + "```python" + `
import numpy as np

features = np.load(uploaded_file, allow_pickle=True)
` + "```" + `

## Use instead
` + "```python" + `
features = np.load(uploaded_file)  # allow_pickle=False: numeric arrays only
` + "```" + `

## References
- [numpy.load](https://numpy.org/doc/stable/reference/generated/numpy.load.html)
- [CVE-2019-6446](https://nvd.nist.gov/vuln/detail/CVE-2019-6446)
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
`,
}

func runNumpyAllowPickle(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	var qn string
	switch calleeTail(p.Model, c) {
	case "load":
		qn = matchCallee(p.Model, c, "numpy.load")
	case "read_array":
		qn = matchCallee(p.Model, c, "numpy.lib.format.read_array")
	}
	if qn == "" || !ruleutil.KeywordIsTrue(p.Model, c, "allow_pickle") {
		return
	}
	arg := ruleutil.Arg(c, 0, "file")
	if arg == nil {
		arg = ruleutil.Arg(c, -1, "fp")
	}
	o := originOf(p.Model, arg)
	d := analysis.Diagnostic{Node: c, Message: qn + " called with allow_pickle=True: object arrays are unpickled and a crafted file can run arbitrary code"}
	switch {
	case o == fromRequest:
		d.Confidence = analysis.ConfidenceHigh
	case arg != nil && (o == fixed || isOpenOfConstant(p.Model, arg)):
		d.Severity, d.Confidence = analysis.SeverityMedium, analysis.ConfidenceLow
	}
	p.ReportDiagnostic(d)
}

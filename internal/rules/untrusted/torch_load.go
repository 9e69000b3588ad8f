package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TorchLoad flags torch.load calls that may unpickle arbitrary objects.
var TorchLoad = &analysis.Rule{
	Code:       "KR155",
	Name:       "torch-load-unsafe",
	Summary:    "torch.load that can unpickle arbitrary objects",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{502},
	Aliases:    []string{"B614"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"load"},
	Run:        runTorchLoad,
	Doc: `## What it does
Flags ` + "`torch.load(..., weights_only=False)`" + ` with high confidence, and ` + "`torch.load`" + `
without ` + "`weights_only`" + ` with medium severity and low confidence: PyTorch 2.6 changed the
default to ` + "`weights_only=True`" + `, so the call is only unsafe on older versions (or when
the ` + "`TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD`" + ` environment variable is set).
` + "`weights_only=True`" + ` is fine. ` + "`torch.jit.load`" + ` (TorchScript) is not flagged.

## Why is this bad?
A PyTorch checkpoint is a zip of pickles. With ` + "`weights_only=False`" + ` the full unpickler
runs, and a checkpoint downloaded from a model hub, uploaded by a user or swapped on a
shared disk can execute any code when loaded.

## Example
` + "```python" + `
import torch

state = torch.load(path, map_location="cpu", weights_only=False)
` + "```" + `

## Use instead
` + "```python" + `
state = torch.load(path, map_location="cpu", weights_only=True)
` + "```" + `
or store weights as safetensors and load them with ` + "`safetensors.torch.load_file`" + `.

## References
- [torch.load](https://pytorch.org/docs/stable/generated/torch.load.html)
- [PyTorch serialization semantics: weights_only](https://pytorch.org/docs/stable/notes/serialization.html#weights-only)
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
`,
}

func runTorchLoad(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if calleeTail(p.Model, c) != "load" {
		return
	}
	qn := matchCallee(p.Model, c, "torch.load", "torch.serialization.load")
	if qn == "" {
		return
	}
	k := ruleutil.Keyword(c, "weights_only")
	switch {
	case k != nil && ruleutil.IsFalse(p.Model, k.Value):
		p.Report(c, qn+" called with weights_only=False: the checkpoint is unpickled and can run arbitrary code")
	case k == nil && !ruleutil.HasDoubleStar(c):
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceLow,
			Message: qn + " called without weights_only=True: before PyTorch 2.6 the checkpoint is unpickled and can run arbitrary code"})
	}
}

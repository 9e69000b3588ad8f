package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TrustRemoteCode flags trust_remote_code=True, which runs Python code
// shipped with a model or dataset.
var TrustRemoteCode = &analysis.Rule{
	Code:       "KR159",
	Name:       "trust-remote-code",
	Summary:    "trust_remote_code=True runs code from a model repository",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{94, 829},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runTrustRemoteCode,
	Doc: `## What it does
Flags any call passing ` + "`trust_remote_code=True`" + ` (transformers ` + "`from_pretrained`" + ` and
` + "`pipeline`" + `, ` + "`datasets.load_dataset`" + `, sentence-transformers, vLLM, ...). When the call also
pins ` + "`revision`" + ` to a commit hash the code cannot change behind your back, and the
finding has medium severity; a local path is not flagged.

## Why is this bad?
With ` + "`trust_remote_code=True`" + ` the library downloads Python files from the model or
dataset repository and imports them: whoever can push to that repository runs code in
your process. Hugging Face asks users to read that code and pin a revision.

## Example
` + "```python" + `
model = AutoModelForCausalLM.from_pretrained("acme/chat-7b", trust_remote_code=True)
` + "```" + `

## Use instead
Prefer architectures built into the library. If remote code is needed, review it and
pin the reviewed commit:

` + "```python" + `
model = AutoModelForCausalLM.from_pretrained(
    "acme/chat-7b", trust_remote_code=True, revision="4f6c2b1e0d9a8c7b6a5f4e3d2c1b0a9f8e7d6c5b"
)
` + "```" + `

## References
- [transformers: custom models and trust_remote_code](https://huggingface.co/docs/transformers/custom_models#using-a-model-with-custom-code)
- [transformers security policy](https://github.com/huggingface/transformers/security/policy)
- [CWE-94: Improper Control of Generation of Code](https://cwe.mitre.org/data/definitions/94.html)
- [CWE-829: Inclusion of Functionality from Untrusted Control Sphere](https://cwe.mitre.org/data/definitions/829.html)
`,
}

func runTrustRemoteCode(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	var k *ast.Keyword
	for _, kw := range c.Keywords {
		if kw.Arg == "trust_remote_code" {
			k = kw
			break
		}
	}
	if k == nil || !ruleutil.IsTrue(p.Model, k.Value) {
		return
	}
	if repo := ruleutil.Arg(c, 0, ""); repo != nil && hubRepoIsLocal(p.Model, repo, false) {
		return
	}
	name := ruleutil.ExprTail(c.Func)
	if qn := p.Model.CalleeName(c); qn != "" {
		name = qn
	}
	if rev := ruleutil.Arg(c, -1, "revision"); rev != nil {
		if s, ok := p.Model.ConstString(rev); ok && isCommitHash(s) {
			p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium,
				Message: name + " called with trust_remote_code=True: it runs the repository's Python code (pinned to commit " + s + "; review that code)"})
			return
		}
	}
	p.Report(c, name+" called with trust_remote_code=True: it downloads and runs Python code from the repository, which can change")
}

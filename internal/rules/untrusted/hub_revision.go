package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// HubUnpinnedRevision flags Hugging Face Hub downloads not pinned to a commit.
var HubUnpinnedRevision = &analysis.Rule{
	Code:       "KR158",
	Name:       "huggingface-unpinned-revision",
	Summary:    "model or dataset download not pinned to a commit",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{494},
	Aliases:    []string{"B615"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"from_pretrained", "hf_hub_download", "snapshot_download", "load_dataset",
		"load_dataset_builder", "SentenceTransformer", "CrossEncoder", "pipeline",
	},
	Run: runHubUnpinnedRevision,
	Doc: `## What it does
Flags downloads from the Hugging Face Hub (` + "`from_pretrained`" + ` of transformers, diffusers,
peft, optimum, timm and sentence-transformers classes, ` + "`transformers.pipeline(model=...)`" + `,
` + "`huggingface_hub.hf_hub_download`" + `/` + "`snapshot_download`" + `, ` + "`datasets.load_dataset`" + `,
` + "`SentenceTransformer(...)`" + `) without ` + "`revision`" + `, or with a constant ` + "`revision`" + `
that is a branch or tag name rather than a commit hash. Local paths, packaged dataset
builders (` + "`\"csv\"`" + `, ` + "`\"json\"`" + `, ...) and ` + "`local_files_only=True`" + ` are not flagged; a
repository given as a variable is reported with low confidence, since it is often a
local directory.

## Why is this bad?
Without a pinned commit the call fetches whatever the repository's ` + "`main`" + ` branch holds
at that moment. If the repository is compromised or changes owner, the next run loads
different weights, tokenizer files or (with ` + "`trust_remote_code`" + `) different code, and
pickle-based weight files run code when loaded.

## Example
` + "```python" + `
from transformers import AutoModel

model = AutoModel.from_pretrained("acme/sentiment")
` + "```" + `

## Use instead
` + "```python" + `
model = AutoModel.from_pretrained("acme/sentiment", revision="4f6c2b1e0d9a8c7b6a5f4e3d2c1b0a9f8e7d6c5b")
` + "```" + `

## References
- [transformers: from_pretrained (revision)](https://huggingface.co/docs/transformers/main_classes/model#transformers.PreTrainedModel.from_pretrained)
- [huggingface_hub: download files (revision)](https://huggingface.co/docs/huggingface_hub/guides/download)
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
`,
}

func runHubUnpinnedRevision(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	h, ok := hubDownload(m, c)
	if !ok || h.repo == nil || ruleutil.HasDoubleStar(c) || ruleutil.KeywordIsTrue(m, c, "local_files_only") {
		return
	}
	if hubRepoIsLocal(m, h.repo, strings.HasPrefix(h.name, "datasets.")) {
		return
	}
	d := analysis.Diagnostic{Node: c}
	if _, ok := m.ConstString(valueOf(m, h.repo)); !ok {
		d.Confidence = analysis.ConfidenceLow
	}
	rev := ruleutil.Arg(c, -1, "revision")
	if rev == nil {
		d.Message = h.name + " downloads from the Hugging Face Hub without a pinned revision: pass revision=<commit hash>"
		p.ReportDiagnostic(d)
		return
	}
	if s, ok := m.ConstString(rev); ok && !isCommitHash(s) {
		d.Message = h.name + " pins revision=\"" + s + "\", a branch or tag that can move: pass a commit hash"
		p.ReportDiagnostic(d)
	}
}

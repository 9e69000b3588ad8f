package untrusted

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// KerasUnsafeLoad flags Keras model loading with safe mode turned off.
var KerasUnsafeLoad = &analysis.Rule{
	Code:       "KR157",
	Name:       "keras-unsafe-deserialization",
	Summary:    "keras model loaded with safe_mode=False",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{502, 94},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"load_model", "enable_unsafe_deserialization"},
	Run:        runKerasUnsafeLoad,
	Doc: `## What it does
Flags ` + "`keras.models.load_model`" + `, ` + "`keras.saving.load_model`" + ` and their
` + "`tensorflow.keras`" + ` spellings called with ` + "`safe_mode=False`" + `, and
` + "`keras.config.enable_unsafe_deserialization()`" + `, which turns safe mode off globally.

## Why is this bad?
A ` + "`.keras`" + ` model can contain ` + "`Lambda`" + ` layers, whose Python bytecode is
deserialized and run. Safe mode (the default since Keras 2.13) refuses them; turning it
off lets a model file from a hub, an upload or a shared bucket run arbitrary code.

## Example
` + "```python" + `
import keras

model = keras.models.load_model(path, safe_mode=False)
` + "```" + `

## Use instead
` + "```python" + `
model = keras.models.load_model(path)  # safe_mode=True
` + "```" + `

## References
- [Keras: load_model (safe_mode)](https://keras.io/api/models/model_saving_apis/model_saving_and_loading/#loadmodel-function)
- [CVE-2024-3660 (Keras Lambda layer code injection)](https://nvd.nist.gov/vuln/detail/CVE-2024-3660)
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
`,
}

func runKerasUnsafeLoad(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	switch calleeTail(m, c) {
	case "load_model":
		qn := matchCallee(m, c, "keras.models.load_model", "keras.saving.load_model", "keras.src.saving.load_model",
			"tensorflow.keras.models.load_model", "tensorflow.keras.saving.load_model", "tf_keras.models.load_model")
		if qn != "" && ruleutil.KeywordIsFalse(m, c, "safe_mode") {
			p.Report(c, qn+" called with safe_mode=False: Lambda layers in the model file run arbitrary code")
		}
	case "enable_unsafe_deserialization":
		if qn := matchCallee(m, c, "keras.config.enable_unsafe_deserialization",
			"tensorflow.keras.config.enable_unsafe_deserialization"); qn != "" {
			p.Report(c, qn+" turns off safe mode for every model load: Lambda layers in model files run arbitrary code")
		}
	}
}

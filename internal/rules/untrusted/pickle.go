package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// PickleLoad flags pickle-based deserialization (pickle, dill, shelve,
// jsonpickle, pandas and joblib loaders) of data that may be untrusted.
var PickleLoad = &analysis.Rule{
	Code:       "KR130",
	Name:       "pickle-deserialization",
	Summary:    "pickle-based deserialization of possibly untrusted data",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{502},
	Aliases:    []string{"B301", "S301"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign},
	Callees: []string{
		"loads", "load", "Unpickler", "decode", "open", "Shelf", "BsdDbShelf", "DbfilenameShelf",
		"read_pickle", "load_session", "load_module",
	},
	Run: runPickleLoad,
	Doc: `## What it does
Flags calls that unpickle data: ` + "`pickle.load`/`loads`/`Unpickler`" + ` (and ` + "`_pickle`" + `, Python 2's
` + "`cPickle`" + `), ` + "`dill`" + `, ` + "`cloudpickle`" + `, ` + "`shelve.open`" + `, ` + "`jsonpickle.decode`" + `,
` + "`pandas.read_pickle`" + ` and ` + "`joblib.load`" + `. Unpickling a constant is not flagged; a file
opened from a constant path is reported with low confidence, data read from the
request with high confidence. It also flags Django's
` + "`SESSION_SERIALIZER = \"django.contrib.sessions.serializers.PickleSerializer\"`" + `, which
unpickles every session cookie (anyone who learns the ` + "`SECRET_KEY`" + ` can run code).

## Why is this bad?
A pickle is a program for a small stack machine that can import any callable and call
it. Whoever controls the bytes controls the process: ` + "`pickle.loads`" + ` of a cookie, an
upload or a cache entry an attacker can write is remote code execution. The
` + "`pickle`" + ` documentation warns that it is not secure against malicious data, and
jsonpickle, shelve, pandas and joblib inherit that property.

## Example
` + "```python" + `
import base64, pickle
from flask import request

@app.route("/restore")
def restore():
    state = pickle.loads(base64.b64decode(request.cookies["state"]))
` + "```" + `

## Use instead
Use a data-only format such as JSON, and validate what you read. If you must exchange
Python objects, sign them (` + "`hmac`" + `, ` + "`itsdangerous`" + `) and verify the signature before
unpickling, or use ` + "`skops`" + `/safetensors for models.

` + "```python" + `
state = json.loads(request.cookies["state"])
` + "```" + `

## References
- [pickle — Python object serialization](https://docs.python.org/3/library/pickle.html)
- [joblib persistence: security](https://joblib.readthedocs.io/en/stable/persistence.html)
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
`,
}

// pickleInput says what the first argument of an unpickling call is.
type pickleInput uint8

const (
	pickleBytes pickleInput = iota // the pickle itself, e.g. pickle.loads(data)
	pickleFile                     // a file object, e.g. pickle.load(f)
	picklePath                     // a path, e.g. joblib.load("model.pkl")
)

// pickleSink returns the resolved name of an unpickling call and what its
// first argument is, or "" when the call is not one.
func pickleSink(p *analysis.Pass, c *ast.Call) (string, pickleInput) {
	m := p.Model
	switch calleeTail(m, c) {
	case "loads":
		return matchCallee(m, c, "pickle.loads", "_pickle.loads", "cPickle.loads", "six.moves.cPickle.loads", "dill.loads",
			"cloudpickle.loads", "jsonpickle.loads"), pickleBytes
	case "load":
		if qn := matchCallee(m, c, "pickle.load", "_pickle.load", "cPickle.load", "six.moves.cPickle.load", "dill.load",
			"cloudpickle.load"); qn != "" {
			return qn, pickleFile
		}
		return matchCallee(m, c, "joblib.load", "sklearn.externals.joblib.load"), picklePath
	case "Unpickler":
		return matchCallee(m, c, "pickle.Unpickler", "_pickle.Unpickler", "cPickle.Unpickler", "dill.Unpickler"), pickleFile
	case "decode":
		return matchCallee(m, c, "jsonpickle.decode", "jsonpickle.unpickler.decode"), pickleBytes
	case "open":
		return matchCallee(m, c, "shelve.open"), picklePath
	case "Shelf", "BsdDbShelf":
		return matchCallee(m, c, "shelve.Shelf", "shelve.BsdDbShelf"), pickleFile
	case "DbfilenameShelf":
		return matchCallee(m, c, "shelve.DbfilenameShelf"), picklePath
	case "read_pickle":
		return matchCallee(m, c, "pandas.read_pickle", "pandas.io.pickle.read_pickle"), picklePath
	case "load_session", "load_module":
		return matchCallee(m, c, "dill.load_session", "dill.load_module"), picklePath
	}
	return "", 0
}

func runPickleLoad(p *analysis.Pass, n ast.Node) {
	if a, ok := n.(*ast.Assign); ok {
		pickleSessionSetting(p, a)
		return
	}
	c := n.(*ast.Call)
	qn, kind := pickleSink(p, c)
	if qn == "" {
		return
	}
	arg := ruleutil.Arg(c, 0, "")
	if arg == nil {
		for _, name := range [...]string{"file", "data", "string", "filename", "filepath_or_buffer"} {
			if arg = ruleutil.Arg(c, -1, name); arg != nil {
				break
			}
		}
	}
	reportDeserialization(p, c, qn, kind, arg, "unpickling", "can run arbitrary code")
}

// reportDeserialization reports a call that deserializes arg, with a
// confidence that follows where arg comes from. verb names the operation
// ("unpickling") and harm what it can do ("can run arbitrary code").
func reportDeserialization(p *analysis.Pass, c *ast.Call, qn string, kind pickleInput, arg ast.Expr, verb, harm string) {
	o := originOf(p.Model, arg)
	switch {
	case o == fromRequest:
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: analysis.ConfidenceHigh,
			Message: qn + " deserializes request data: " + verb + " attacker-controlled bytes " + harm})
	case arg != nil && o == fixed && kind == pickleBytes:
		// A constant payload is part of the program.
	case arg != nil && (o == fixed || (kind == pickleFile && isOpenOfConstant(p.Model, arg))):
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceLow,
			Message: qn + " deserializes a file at a fixed path: " + verb + " it " + harm + " if anyone else can write that file"})
	default:
		p.Report(c, qn+" deserializes data that may be untrusted: "+verb+" it "+harm)
	}
}

// pickleSessionSetting flags Django's pickle session serializer (removed in
// Django 5.0, still found in older settings modules).
func pickleSessionSetting(p *analysis.Pass, a *ast.Assign) {
	if len(a.Targets) != 1 {
		return
	}
	if t, ok := a.Targets[0].(*ast.Name); !ok || t.ID != "SESSION_SERIALIZER" {
		return
	}
	if s, ok := p.Model.ConstString(a.Value); ok && strings.HasSuffix(s, ".PickleSerializer") {
		p.Report(a, "SESSION_SERIALIZER is PickleSerializer: every session cookie is unpickled, so a leaked SECRET_KEY means remote code execution")
	}
}

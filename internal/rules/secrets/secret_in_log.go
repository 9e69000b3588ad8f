package secrets

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// SecretInLog flags logging and print calls that write the value of a
// variable, attribute or key named like a secret.
var SecretInLog = &analysis.Rule{
	Code:       "KR304",
	Name:       "secret-in-log",
	Summary:    "password, token or key written to a log",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{532},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "msg",
		"success", "trace", "print",
	},
	Run: runSecretInLog,
	Doc: `## What it does
Flags calls of the logging module, of logger objects (` + "`logger.info`, `app.logger.debug`, `log.warning`" + `,
loguru's and structlog's loggers) and of ` + "`print`" + ` whose arguments include the value of a
variable, attribute, subscript or ` + "`.get()`" + ` key whose name means a secret (password, token,
api_key, secret, SECRET_KEY, Authorization, ...): directly, as a %-style or ` + "`str.format`" + `
argument, inside an f-string, concatenated, or in the ` + "`extra`" + ` mapping. Derived values
such as ` + "`len(token)`" + `, slices and masked values are not reported; print gets low confidence,
since command-line tools print tokens they have just created on purpose.

## Why is this bad?
Logs are kept for a long time, shipped to other systems and read by many more people than
the credential's owner. A password or token in a log is a leaked credential.

## Example
` + "```python" + `
logger.info("login attempt user=%s password=%s", username, password)
print(f"using token {api_token}")
` + "```" + `

## Use instead
` + "```python" + `
logger.info("login attempt user=%s", username)
print(f"using token {api_token[:4]}…")
` + "```" + `

## References
- [CWE-532: Insertion of Sensitive Information into Log File](https://cwe.mitre.org/data/definitions/532.html)
- [OWASP Logging Cheat Sheet: data to exclude](https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude)
`,
}

// maxLogDepth bounds how deep runSecretInLog looks into an argument.
const maxLogDepth = 8

func runSecretInLog(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	conf := analysis.ConfidenceMedium
	switch ruleutil.CalleeTail(c) {
	case "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "msg", "success", "trace":
		if !isLogger(p, c) {
			return
		}
	case "print":
		if !p.Model.QualifiedNameIs(c.Func, "builtins.print") {
			return
		}
		conf = analysis.ConfidenceLow
	default:
		return
	}
	name := ""
	for _, a := range c.Args {
		if name = secretIn(p, a, 0); name != "" {
			break
		}
	}
	for _, k := range c.Keywords {
		if name != "" {
			break
		}
		switch k.Arg {
		case "exc_info", "stack_info", "stacklevel", "file", "sep", "end", "flush":
			continue
		}
		name = secretIn(p, k.Value, 0)
	}
	if name == "" {
		return
	}
	what := ruleutil.CallLabel(p.Model, c)
	dest := "the log"
	if conf == analysis.ConfidenceLow {
		dest = "standard output"
		if ruleutil.AmbiguousSecretName(name) {
			return // print(token) is a lexer's debugging more often than a leak
		}
	}
	if ruleutil.AmbiguousSecretName(name) {
		conf = analysis.ConfidenceLow
	}
	p.ReportDiagnostic(analysis.Diagnostic{
		Node:       c,
		Message:    what + " writes the secret " + quoteName(name) + " to " + dest,
		Confidence: min(conf, testConfidence(p, conf)),
	})
}

// isLogger reports whether the receiver of a logging-method call is the
// logging module or a logger: a name like log/logger/LOGGER, an attribute
// such as app.logger, or a value built by logging.getLogger/structlog.
func isLogger(p *analysis.Pass, c *ast.Call) bool {
	a, ok := c.Func.(*ast.Attribute)
	if !ok {
		return false
	}
	recv := a.Value
	if tail := ruleutil.ExprTail(recv); tail != "" {
		t := strings.ToLower(strings.Trim(tail, "_"))
		if t == "log" || t == "logger" || t == "logging" || strings.HasSuffix(t, "_logger") ||
			strings.HasSuffix(t, "_log") || strings.HasPrefix(t, "logger_") || strings.HasPrefix(t, "log_") {
			return true
		}
	}
	if p.Model.QualifiedNameIs(recv, "logging") || p.Model.QualifiedNameIs(recv, "loguru.logger") {
		return true
	}
	switch ruleutil.ConstructedBy(p.Model, recv) {
	case "logging.getLogger", "structlog.get_logger", "structlog.getLogger", "logging.LoggerAdapter":
		return true
	}
	return false
}

// secretIn returns the secret name whose value e writes, or "": a name,
// attribute, constant subscript or .get() key named like a secret, looked
// for through f-strings, %, +, str.format, str()/repr(), tuples, lists and
// dict values. Other calls (len, hash, mask) and slices derive something
// else from the secret.
func secretIn(p *analysis.Pass, e ast.Expr, depth int) string {
	if e == nil || depth > maxLogDepth {
		return ""
	}
	switch x := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return secretNamed(p, x)
	case *ast.JoinedStr:
		for _, v := range x.Values {
			if fv, ok := v.(*ast.FormattedValue); ok {
				if s := secretIn(p, fv.Value, depth+1); s != "" {
					return s
				}
			}
		}
	case *ast.BinOp:
		if x.Op == ast.Add || x.Op == ast.Mod {
			if s := secretIn(p, x.Left, depth+1); s != "" {
				return s
			}
			return secretIn(p, x.Right, depth+1)
		}
	case *ast.Tuple:
		return secretInList(p, x.Elts, depth)
	case *ast.List:
		return secretInList(p, x.Elts, depth)
	case *ast.Dict:
		for i, v := range x.Values {
			if k := x.Keys[i]; k != nil {
				if ks, ok := p.Model.ConstString(k); ok && isSecretName(ks) && !isConst(p, v) {
					return ks
				}
			}
			if s := secretIn(p, v, depth+1); s != "" {
				return s
			}
		}
	case *ast.Call:
		return secretInCall(p, x, depth)
	}
	return ""
}

func secretInList(p *analysis.Pass, elts []ast.Expr, depth int) string {
	for _, el := range elts {
		if s := secretIn(p, el, depth+1); s != "" {
			return s
		}
	}
	return ""
}

// secretInCall looks into the calls that pass a value through unchanged:
// str(), repr(), format(), "...".format(...), and a .get("password") read.
func secretInCall(p *analysis.Pass, c *ast.Call, depth int) string {
	switch ruleutil.CalleeTail(c) {
	case "get":
		return secretNamed(p, c)
	case "format":
		if _, ok := c.Func.(*ast.Attribute); ok {
			for _, k := range c.Keywords {
				if k.Arg != "" && isSecretName(k.Arg) && !isConst(p, k.Value) {
					return k.Arg
				}
			}
			if s := secretInList(p, c.Args, depth); s != "" {
				return s
			}
			for _, k := range c.Keywords {
				if s := secretIn(p, k.Value, depth+1); s != "" {
					return s
				}
			}
			return ""
		}
	}
	if len(c.Args) == 1 && (p.Model.QualifiedNameIs(c.Func, "builtins.str") ||
		p.Model.QualifiedNameIs(c.Func, "builtins.repr") || p.Model.QualifiedNameIs(c.Func, "builtins.format")) {
		return secretIn(p, c.Args[0], depth+1)
	}
	return ""
}

// secretNamed returns the name e reads when it names a secret whose value
// the source does not fix (logging a constant leaks nothing new).
func secretNamed(p *analysis.Pass, e ast.Expr) string {
	name := ruleutil.SecretKeyName(p.Model, e)
	if name == "" || !isSecretName(name) || isConst(p, e) {
		return ""
	}
	return name
}

func isSecretName(name string) bool {
	return ruleutil.SecretName(name) != ruleutil.NotSecretName
}

func isConst(p *analysis.Pass, e ast.Expr) bool {
	_, ok := p.Model.ConstValue(e)
	return ok
}

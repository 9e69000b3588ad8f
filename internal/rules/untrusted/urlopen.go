package untrusted

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// URLOpen flags urllib calls that open a URL whose scheme or host is not fixed.
var URLOpen = &analysis.Rule{
	Code:       "KR145",
	Name:       "urllib-open-dynamic-url",
	Summary:    "urllib opens a URL whose scheme or host is not fixed",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{22, 918},
	Aliases:    []string{"B310", "S310"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runURLOpen,
	Doc: `## What it does
Flags ` + "`urllib.request.urlopen`" + `, ` + "`urlretrieve`" + ` and ` + "`Request`" + ` (and the
` + "`URLopener().open`" + `/` + "`retrieve`" + ` and ` + "`build_opener().open`" + ` methods, Python 2's
` + "`urllib`" + `/` + "`urllib2`" + `, ` + "`six.moves`" + `) when the URL is not a constant. A URL built from a
constant ` + "`http://`" + ` or ` + "`https://`" + ` prefix that already names the host
(` + "`f\"https://api.example.com/users/{uid}\"`" + `) is fine; when only the host is missing the
finding is about server-side request forgery; otherwise about the scheme.

## Why is this bad?
urllib does not only speak HTTP: ` + "`file:///etc/passwd`" + ` reads local files, ` + "`ftp://`" + ` and
custom handlers reach other services. A URL taken from a user, a database or a
configuration file lets whoever controls it read files from the server or make it
send requests to internal hosts (cloud metadata, admin interfaces).

## Example
` + "```python" + `
from urllib.request import urlopen

def fetch_avatar(url):
    return urlopen(url).read()
` + "```" + `

## Use instead
Check the scheme (and, against SSRF, the host) before opening, or use an HTTP-only
client such as ` + "`requests`" + `/` + "`httpx`" + `.

` + "```python" + `
from urllib.parse import urlsplit

def fetch_avatar(url):
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS:
        raise ValueError("unsupported avatar URL")
    return urlopen(url).read()
` + "```" + `

## References
- [urllib.request.urlopen](https://docs.python.org/3/library/urllib.request.html#urllib.request.urlopen)
- [OWASP SSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
- [CWE-918: Server-Side Request Forgery](https://cwe.mitre.org/data/definitions/918.html)
- [CWE-22: Path Traversal](https://cwe.mitre.org/data/definitions/22.html)
`,
}

// urlSink returns the resolved name of a urllib call that opens its first
// argument, or "".
func urlSink(m *semantic.Model, c *ast.Call) string {
	switch calleeTail(m, c) {
	case "urlopen":
		return matchCallee(m, c, "urllib.request.urlopen", "urllib2.urlopen", "urllib.urlopen", "six.moves.urllib.request.urlopen")
	case "urlretrieve":
		return matchCallee(m, c, "urllib.request.urlretrieve", "urllib.urlretrieve", "six.moves.urllib.request.urlretrieve")
	case "Request":
		return matchCallee(m, c, "urllib.request.Request", "urllib2.Request", "six.moves.urllib.request.Request")
	case "open", "retrieve":
		a, ok := c.Func.(*ast.Attribute)
		if !ok {
			return ""
		}
		recv, ok := valueOf(m, a.Value).(*ast.Call)
		if !ok {
			return ""
		}
		if qn := matchCallee(m, recv, "urllib.request.URLopener", "urllib.request.FancyURLopener", "urllib.URLopener",
			"urllib.FancyURLopener", "urllib.request.build_opener", "urllib2.build_opener"); qn != "" {
			return qn + "()." + a.Attr
		}
	}
	return ""
}

func runURLOpen(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	qn := urlSink(m, c)
	if qn == "" {
		return
	}
	arg := ruleutil.Arg(c, 0, "url")
	if arg == nil {
		arg = ruleutil.Arg(c, -1, "fullurl")
	}
	if arg == nil {
		return
	}
	v := valueOf(m, arg)
	if _, ok := m.ConstValue(v); ok {
		return
	}
	if r, ok := v.(*ast.Call); ok && urlSink(m, r) != "" {
		return // urlopen(Request(url)): the Request is checked itself
	}
	o := originOf(m, arg)
	conf := analysis.ConfidenceMedium
	if o == fromRequest {
		conf = analysis.ConfidenceHigh
	}
	prefix, _ := constPrefix(m, v, 0)
	lower := strings.ToLower(prefix)
	var msg string
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		host := prefix[strings.Index(prefix, "://")+3:]
		if strings.ContainsAny(host, "/?#") {
			return // scheme and host are fixed; only the path varies
		}
		msg = qn + " fetches a URL whose host comes from " + o.describe() + ": the server can be made to request internal addresses (SSRF)"
	case strings.Contains(prefix, "://") || strings.HasPrefix(lower, "file:"):
		msg = qn + " opens a " + prefix[:strings.Index(prefix, ":")] + ": URL built from " + o.describe() + "; check what it can reach"
	default:
		msg = qn + " opens a URL from " + o.describe() + " without a fixed scheme: file:// and other schemes read local files or reach other services"
	}
	p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: conf, Message: msg})
}

// constPrefix returns the constant text a string built at run time starts
// with (the leading literals of an f-string, of `+` or `%` formatting, or of
// a `.format` template), and whether that text is the whole string.
func constPrefix(m *semantic.Model, e ast.Expr, depth int) (string, bool) {
	if depth > maxHops {
		return "", false
	}
	if s, ok := m.ConstString(e); ok {
		return s, true
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		var sb strings.Builder
		for _, v := range x.Values {
			k, ok := v.(*ast.Constant)
			if !ok || k.Value.Kind != ast.ConstStr {
				return sb.String(), false
			}
			sb.WriteString(k.Value.S)
		}
		return sb.String(), true
	case *ast.BinOp:
		switch x.Op {
		case ast.Add:
			l, whole := constPrefix(m, x.Left, depth+1)
			if !whole {
				return l, false
			}
			r, whole := constPrefix(m, x.Right, depth+1)
			return l + r, whole
		case ast.Mod:
			if s, ok := m.ConstString(x.Left); ok {
				return percentPrefix(m, s, formatOperands(x.Right)), false
			}
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "format" {
			if s, ok := m.ConstString(a.Value); ok {
				return bracePrefix(m, s, x), false
			}
		}
	case *ast.Name:
		if v := valueOf(m, x); v != ast.Expr(x) {
			return constPrefix(m, v, depth+1)
		}
	}
	return "", false
}

// percentPrefix returns the text `tmpl % args` starts with, substituting
// leading %s fields whose arguments are constant strings.
func percentPrefix(m *semantic.Model, tmpl string, args []ast.Expr) string {
	var sb strings.Builder
	for i := 0; ; i++ {
		before, after, found := strings.Cut(tmpl, "%")
		sb.WriteString(before)
		if !found || !strings.HasPrefix(after, "s") || i >= len(args) {
			return sb.String()
		}
		v, ok := m.ConstString(args[i])
		if !ok {
			return sb.String()
		}
		sb.WriteString(v)
		tmpl = after[1:]
	}
}

// bracePrefix returns the text `tmpl.format(...)` starts with, substituting
// leading {} and {name} fields whose arguments are constant strings.
func bracePrefix(m *semantic.Model, tmpl string, c *ast.Call) string {
	var sb strings.Builder
	for auto := 0; ; auto++ {
		before, after, found := strings.Cut(tmpl, "{")
		sb.WriteString(before)
		field, rest, closed := strings.Cut(after, "}")
		if !found || !closed || strings.HasPrefix(after, "{") {
			return sb.String()
		}
		var arg ast.Expr
		switch {
		case field == "":
			arg = ruleutil.Arg(c, auto, "")
		case field[0] >= '0' && field[0] <= '9':
			arg = ruleutil.Arg(c, int(field[0]-'0'), "")
			if len(field) > 1 {
				arg = nil
			}
		default:
			arg = ruleutil.Arg(c, -1, field)
		}
		v, ok := m.ConstString(arg)
		if arg == nil || !ok {
			return sb.String()
		}
		sb.WriteString(v)
		tmpl = rest
	}
}

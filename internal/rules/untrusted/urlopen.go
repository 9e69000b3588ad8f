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
	Callees:    []string{"urlopen", "urlretrieve", "Request", "open", "retrieve"},
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

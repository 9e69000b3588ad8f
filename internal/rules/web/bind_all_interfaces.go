package web

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// BindAllInterfaces flags servers and sockets bound to every network
// interface.
var BindAllInterfaces = &analysis.Rule{
	Code:       "KR601",
	Name:       "bind-all-interfaces",
	Summary:    "server or socket bound to all network interfaces",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{605, 200},
	Aliases:    []string{"B104", "S104"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign, ast.KindAnnAssign},
	Run:        runBindAllInterfaces,
	Doc: `## What it does
Flags "0.0.0.0" and "::" used as the address a server listens on: the host of
` + "`app.run`, `uvicorn.run`, `web.run_app`, `waitress.serve`, `run_simple`" + `, the address of
` + "`socket.bind`, `HTTPServer`, `TCPServer`, `make_server`" + ` and ` + "`asyncio.start_server`" + ` (also
as the first element of an (address, port) tuple, where "" means every interface too), a
` + "`host=`/`bind=`/`listen=`" + ` keyword, the default of a ` + "`--host`" + ` option or a HOST environment
lookup, and assignments to settings named like HOST, BIND, LISTEN_ADDRESS or gunicorn's
` + "`bind = \"0.0.0.0:8000\"`" + `. Other uses of the string (comparisons, ip_address("0.0.0.0"))
are not reported.

## Why is this bad?
A service bound to every interface is reachable from every network the machine is on, not
only from the reverse proxy or the local host it was meant for. Development servers,
debug consoles and admin endpoints end up on the internet this way.

## Example
` + "```python" + `
if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
` + "```" + `

## Use instead
` + "```python" + `
if __name__ == "__main__":
    app.run(host=os.environ.get("BIND_HOST", "127.0.0.1"), port=8000)
` + "```" + `
In a container, bind to all interfaces only where the container's network is the
boundary, and say so with a suppression comment.

## References
- [CWE-605: Multiple Binds to the Same Port](https://cwe.mitre.org/data/definitions/605.html)
- [CWE-200: Exposure of Sensitive Information to an Unauthorized Actor](https://cwe.mitre.org/data/definitions/200.html)
- [Bandit B104: hardcoded_bind_all_interfaces](https://bandit.readthedocs.io/en/latest/plugins/b104_hardcoded_bind_all_interfaces.html)
`,
}

func runBindAllInterfaces(p *analysis.Pass, n ast.Node) {
	switch x := n.(type) {
	case *ast.Call:
		bindCall(p, x)
	case *ast.Assign:
		for _, t := range x.Targets {
			bindTarget(p, t, x.Value)
		}
	case *ast.AnnAssign:
		if x.Value != nil {
			bindTarget(p, x.Target, x.Value)
		}
	}
}

// allInterfaces reports a literal that listens everywhere: "0.0.0.0" and
// "::", also with a port ("0.0.0.0:8000", "[::]:8000"), or "" when empty
// counts (the address of a socket tuple).
func allInterfaces(e ast.Expr, emptyCounts bool) (string, bool) {
	c, ok := e.(*ast.Constant)
	if !ok || c.Value.Kind != ast.ConstStr {
		return "", false
	}
	s := c.Value.S
	switch {
	case s == "0.0.0.0", s == "::", s == "[::]", strings.HasPrefix(s, "0.0.0.0:"), strings.HasPrefix(s, "[::]:"):
		return s, true
	case s == "" && emptyCounts:
		return `""`, true
	}
	return "", false
}

// hostKeyword reports keyword names that take the address to listen on.
func hostKeyword(name string) bool {
	switch name {
	case "host", "bind", "hostname", "address", "addr", "listen", "interface", "ip", "bind_address",
		"listen_address", "server_host", "bind_host", "host_address":
		return true
	}
	return false
}

// serverCall reports callees whose first or second argument is the address
// to listen on.
func serverCall(tail string) bool {
	switch tail {
	case "run", "bind", "serve", "run_simple", "make_server", "create_server", "start_server",
		"listen", "run_app", "HTTPServer", "ThreadingHTTPServer", "TCPServer", "ThreadingTCPServer",
		"UDPServer", "ThreadingUDPServer", "WSGIServer", "SimpleXMLRPCServer", "ForkingTCPServer",
		"start_unix_server", "serve_forever", "TCPSite", "SocketServer":
		return true
	}
	return false
}

func bindCall(p *analysis.Pass, c *ast.Call) {
	for _, k := range c.Keywords {
		if s, ok := allInterfaces(k.Value, false); ok && hostKeyword(k.Arg) {
			reportBind(p, k, ruleutil.CallLabel(p.Model, c)+" listens on all network interfaces ("+k.Arg+"="+quote(s)+")")
			return
		}
	}
	tail := ruleutil.CalleeTail(c)
	if serverCall(tail) {
		for i, a := range c.Args {
			if i > 1 {
				break
			}
			if s, ok := allInterfaces(a, false); ok {
				reportBind(p, a, ruleutil.CallLabel(p.Model, c)+" listens on all network interfaces ("+quote(s)+")")
				return
			}
			if t, ok := a.(*ast.Tuple); ok && len(t.Elts) >= 2 {
				if s, ok := allInterfaces(t.Elts[0], true); ok {
					reportBind(p, a, ruleutil.CallLabel(p.Model, c)+" listens on all network interfaces (address "+quote(s)+")")
					return
				}
			}
		}
		return
	}
	// Defaults: parser.add_argument("--host", default="0.0.0.0"),
	// click.option("--host", default=...), os.environ.get("HOST", "0.0.0.0").
	switch tail {
	case "add_argument", "option", "get", "getenv", "setdefault", "Option":
	default:
		return
	}
	if len(c.Args) == 0 || !namesHost(p, c.Args[0]) {
		return
	}
	d := ruleutil.Arg(c, -1, "default")
	if tail == "get" || tail == "getenv" || tail == "setdefault" {
		d = ruleutil.Arg(c, 1, "default")
	}
	if s, ok := allInterfaces(d, false); ok {
		reportBind(p, d, "the default listening address is all network interfaces ("+quote(s)+")")
	}
}

// namesHost reports an option or variable name about the listening
// address: "--host", "HOST", "BIND_ADDRESS", "listen".
func namesHost(p *analysis.Pass, e ast.Expr) bool {
	s, ok := p.Model.ConstString(e)
	return ok && isHostName(s)
}

func isHostName(s string) bool {
	if !mayNameHost(s) {
		return false
	}
	var buf [12]string
	words := ruleutil.SplitName(s, buf[:0])
	for i, w := range words {
		switch w {
		case "host", "hostname", "bind", "listen", "interface", "iface":
			return true
		case "address", "addr", "ip":
			// "address" alone is too vague (EMAIL_ADDRESS); with a server word it is not.
			for _, o := range words[:i] {
				switch o {
				case "server", "bind", "listen", "listening", "host", "http", "web", "api", "app":
					return true
				}
			}
		}
	}
	return false
}

// mayNameHost is isHostName's cheap first test, which most assignment
// targets fail: the name holds one of the host words in any case.
func mayNameHost(s string) bool {
	for i := 0; i < len(s); i++ {
		var found bool
		switch s[i] | 0x20 {
		case 'h':
			found = ruleutil.HasFoldAt(s, i, "host")
		case 'b':
			found = ruleutil.HasFoldAt(s, i, "bind")
		case 'l':
			found = ruleutil.HasFoldAt(s, i, "listen")
		case 'i':
			found = ruleutil.HasFoldAt(s, i, "interface") || ruleutil.HasFoldAt(s, i, "iface") || ruleutil.HasFoldAt(s, i, "ip")
		case 'a':
			found = ruleutil.HasFoldAt(s, i, "addr")
		}
		if found {
			return true
		}
	}
	return false
}

func bindTarget(p *analysis.Pass, t, value ast.Expr) {
	name := ruleutil.SecretKeyName(p.Model, t)
	if name == "" || !isHostName(name) {
		return
	}
	if l, ok := value.(*ast.List); ok && len(l.Elts) > 0 {
		value = l.Elts[0]
	}
	if s, ok := allInterfaces(value, false); ok {
		reportBind(p, value, quote(name)+" is set to listen on all network interfaces ("+quote(s)+")")
	}
}

func reportBind(p *analysis.Pass, n ast.Node, msg string) {
	d := analysis.Diagnostic{Node: n, Message: msg}
	if ruleutil.InTestFile(p) {
		d.Confidence = analysis.ConfidenceLow
	}
	p.ReportDiagnostic(d)
}

func quote(s string) string {
	if strings.HasPrefix(s, `"`) {
		return s
	}
	return `"` + s + `"`
}

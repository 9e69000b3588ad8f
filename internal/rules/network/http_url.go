package network

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// CleartextHTTPURL flags requests sent to plain http:// URLs on public hosts.
var CleartextHTTPURL = &analysis.Rule{
	Code:       "KR411",
	Name:       "cleartext-http-request",
	Summary:    "http request to a plain http:// url on a public host",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{319},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: []string{
		"get", "post", "put", "patch", "delete", "head", "options", "request", "stream", "urlopen",
		"Request", "Client", "AsyncClient", "ClientSession",
	},
	Run: runCleartextHTTPURL,
	Doc: `## What it does
Flags requests, httpx, aiohttp and urllib requests (module functions, ` + "`urlopen`, `Request`" + `, and
methods of sessions and clients whose type is known, including ` + "`base_url`" + `) whose URL is
written in the source and starts with ` + "`http://`" + `. Hosts that are local or not public are
skipped: localhost, loopback and private addresses, single-label names such as docker service
names, ` + "`.local`, `.internal`, `.localhost`, `.test`, `.example`, `.invalid`" + `, and the
documentation domains example.com, example.net and example.org. A URL whose host is computed at
run time is not reported.

## Why is this bad?
Plain HTTP can be read and changed by anyone on the network path: credentials, session tokens
and personal data leak, and responses (software, configuration, scripts) can be replaced.

## Example
` + "```python" + `
import requests

r = requests.post("http://api.payments-partner.com/v1/charge", json=charge, timeout=10)
` + "```" + `

## Use instead
` + "```python" + `
r = requests.post("https://api.payments-partner.com/v1/charge", json=charge, timeout=10)
` + "```" + `

## References
- https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html
- https://www.rfc-editor.org/rfc/rfc2606
- https://cwe.mitre.org/data/definitions/319.html`,
}

func runCleartextHTTPURL(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	tail := ruleutil.ResolvedTail(p.Model, c)
	var url ast.Expr
	switch {
	case isHTTPVerb(tail), tail == "stream", tail == "urlopen", tail == "Request":
		cl, method, _ := requestCall(p.Model, c, tail)
		if cl == clientNone {
			return
		}
		pos := 0
		if tail == "request" || tail == "stream" {
			pos = 1 // request(method, url)
		}
		if tail == "Request" || tail == "urlopen" {
			url = ruleutil.Arg(c, 0, "url")
		} else {
			url = ruleutil.Arg(c, pos, "url")
			if url == nil && !method {
				url = ruleutil.Arg(c, pos, "str_or_url")
			}
		}
	case tail == "Client" || tail == "AsyncClient" || tail == "ClientSession":
		if sessionClient(p.Model.CalleeName(c)) == clientNone {
			return
		}
		url = ruleutil.Arg(c, -1, "base_url")
		if url == nil && tail == "ClientSession" {
			url = ruleutil.Arg(c, 0, "base_url")
		}
	default:
		return
	}
	if url == nil {
		return
	}
	prefix, whole := leadingText(p.Model, url, 0)
	host, ok := httpHost(prefix, whole)
	if !ok || !publicHost(host) {
		return
	}
	p.Report(url, "request to the plain http:// URL of "+host+": the traffic can be read and changed on the way; use https://")
}

// leadingText returns the constant text an expression starts with, and
// whether that is the whole value: all of a constant, the first part of an
// f-string, the left operand of + or %, the template of "...".format(...).
func leadingText(m *semantic.Model, e ast.Expr, depth int) (string, bool) {
	if depth > 8 {
		return "", false
	}
	if s, ok := m.ConstString(e); ok {
		return s, true
	}
	switch x := e.(type) {
	case *ast.JoinedStr:
		var sb strings.Builder
	parts:
		for _, v := range x.Values {
			switch part := v.(type) {
			case *ast.Constant:
				sb.WriteString(part.Value.S)
			case *ast.FormattedValue:
				// f"{BASE}/path" with BASE a constant.
				s, ok := m.ConstString(part.Value)
				if !ok || part.FormatSpec != nil || part.Conversion != -1 {
					break parts
				}
				sb.WriteString(s)
			default:
				break parts
			}
		}
		return sb.String(), false
	case *ast.BinOp:
		if x.Op == ast.Add || x.Op == ast.Mod {
			s, _ := leadingText(m, x.Left, depth+1)
			return s, false
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "format" {
			s, _ := leadingText(m, a.Value, depth+1)
			return s, false
		}
	case *ast.Name:
		if v := ruleutil.ValueOf(m, x); v != ast.Expr(x) {
			return leadingText(m, v, depth+1)
		}
	}
	return "", false
}

// httpHost returns the host of a text that starts with http:// and spells
// its host out completely (whole says s is the entire URL), lowercased and
// without port or user info.
func httpHost(s string, whole bool) (string, bool) {
	if len(s) < len("http://") || !strings.EqualFold(s[:len("http://")], "http://") {
		return "", false
	}
	rest := s[len("http://"):]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		if !whole {
			// The host may go on in a part computed at run time.
			return "", false
		}
		end = len(rest)
	}
	auth := rest[:end]
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		auth = auth[i+1:]
	}
	host := auth
	if strings.HasPrefix(host, "[") {
		if i := strings.IndexByte(host, ']'); i > 0 {
			host = host[1:i]
		}
	} else if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	return host, host != ""
}

// publicHost reports whether a host looks like a public internet name or
// address, as opposed to a local, private, single-label or reserved one.
func publicHost(h string) bool {
	if !strings.Contains(h, ".") || strings.Contains(h, ":") {
		// Single-label names (docker services, intranet hosts) and IPv6
		// literals, of which only ::1 and private ranges appear in practice.
		return false
	}
	for _, suffix := range []string{".local", ".localhost", ".internal", ".test", ".example", ".invalid", ".lan", ".home.arpa", ".corp", ".intranet"} {
		if strings.HasSuffix(h, suffix) {
			return false
		}
	}
	for _, doc := range []string{"example.com", "example.net", "example.org"} {
		if h == doc || strings.HasSuffix(h, "."+doc) {
			return false
		}
	}
	if isIPv4(h) {
		return !privateIPv4(h)
	}
	return true
}

// isIPv4 reports whether h is a dotted-quad address.
func isIPv4(h string) bool {
	parts := strings.Split(h, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// privateIPv4 reports loopback, private, link-local, CGNAT and unspecified addresses.
func privateIPv4(h string) bool {
	switch {
	case strings.HasPrefix(h, "127."), strings.HasPrefix(h, "10."), strings.HasPrefix(h, "192.168."),
		strings.HasPrefix(h, "169.254."), strings.HasPrefix(h, "0."):
		return true
	case strings.HasPrefix(h, "172."):
		second := strings.Split(h, ".")[1]
		return len(second) == 2 && second >= "16" && second <= "31"
	case strings.HasPrefix(h, "100."):
		second := strings.Split(h, ".")[1]
		return len(second) >= 2 && (len(second) == 2 && second >= "64" || len(second) == 3 && second <= "127")
	}
	return false
}

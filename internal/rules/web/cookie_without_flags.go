package web

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// CookieWithoutFlags flags cookies set without the Secure or HttpOnly flag.
var CookieWithoutFlags = &analysis.Rule{
	Code:       "KR609",
	Name:       "cookie-without-secure-flags",
	Summary:    "cookie set without secure or httponly",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{614, 1004},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"set_cookie", "set_signed_cookie"},
	Run:        runCookieWithoutFlags,
	Doc: `## What it does
Flags ` + "`response.set_cookie(...)`" + ` and ` + "`set_signed_cookie(...)`" + ` calls (Flask, Werkzeug,
Django, Starlette and FastAPI all spell it so) that do not pass ` + "`secure=True`" + ` or
` + "`httponly=True`" + `, and says which of the two is missing or set to False. Calls that pass
` + "`**options`" + `, test code and test clients are not reported. Cookies whose name says they
hold a session or a token get high confidence.

## Why is this bad?
Without Secure the browser also sends the cookie over plain HTTP, where it can be read on
the network. Without HttpOnly any script on the page, including one injected through XSS,
can read it. Both matter for every cookie that identifies or authorises the user.

## Example
` + "```python" + `
resp.set_cookie("session_id", sid)
` + "```" + `

## Use instead
` + "```python" + `
resp.set_cookie("session_id", sid, secure=True, httponly=True, samesite="Lax")
` + "```" + `

## References
- [CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute](https://cwe.mitre.org/data/definitions/614.html)
- [CWE-1004: Sensitive Cookie Without 'HttpOnly' Flag](https://cwe.mitre.org/data/definitions/1004.html)
- [MDN: Set-Cookie](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie)
- [Django: HttpResponse.set_cookie](https://docs.djangoproject.com/en/stable/ref/request-response/#django.http.HttpResponse.set_cookie)
- [Werkzeug: Response.set_cookie](https://werkzeug.palletsprojects.com/en/stable/wrappers/#werkzeug.wrappers.Response.set_cookie)
`,
}

// Positions of secure and httponly in set_cookie(key, value, max_age,
// expires, path, domain, secure, httponly, samesite), the same in Django,
// Werkzeug and Starlette.
const (
	posSecure   = 6
	posHTTPOnly = 7
)

func runCookieWithoutFlags(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	tail := ruleutil.CalleeTail(c)
	if tail != "set_cookie" && tail != "set_signed_cookie" {
		return
	}
	a, ok := c.Func.(*ast.Attribute)
	// CookieJar.set_cookie(cookie) takes a Cookie object, not a name and value.
	if !ok || ruleutil.Arg(c, 1, "value") == nil || ruleutil.HasDoubleStar(c) || ruleutil.InTestFile(p) ||
		strings.Contains(strings.ToLower(ruleutil.ExprTail(a.Value)), "client") {
		return
	}
	sPos, hPos := posSecure, posHTTPOnly
	if tail == "set_signed_cookie" {
		sPos, hPos = -1, -1 // (key, value, salt, **kwargs)
	}
	var missing []string
	for _, f := range [...]struct {
		name string
		pos  int
	}{{"secure", sPos}, {"httponly", hPos}} {
		v := ruleutil.Arg(c, f.pos, f.name)
		switch {
		case v == nil:
			missing = append(missing, "without "+f.name+"=True")
		case isFalseLiteral(p, v) || ruleutil.IsNone(v):
			missing = append(missing, "with "+f.name+"=False")
		}
	}
	if len(missing) == 0 {
		return
	}
	name := "a cookie"
	conf := analysis.ConfidenceMedium
	if k := ruleutil.Arg(c, 0, "key"); k != nil {
		if s, ok := p.Model.ConstString(k); ok {
			name = "cookie " + quote(s)
			if sensitiveCookie(s) {
				conf = analysis.ConfidenceHigh
			}
		}
	}
	p.ReportDiagnostic(analysis.Diagnostic{
		Node:       c,
		Message:    ruleutil.DottedText(c.Func) + " sets " + name + " " + strings.Join(missing, " and "),
		Confidence: conf,
	})
}

// sensitiveCookie reports cookie names that identify or authorise a user.
func sensitiveCookie(name string) bool {
	if ruleutil.SecretName(name) != ruleutil.NotSecretName {
		return true
	}
	var buf [12]string
	for _, w := range ruleutil.SplitName(name, buf[:0]) {
		switch w {
		case "session", "sess", "sessionid", "sid", "auth", "jwt", "remember", "login", "user", "userid", "uid":
			return true
		}
	}
	return false
}

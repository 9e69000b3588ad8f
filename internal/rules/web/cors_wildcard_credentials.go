package web

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// CORSWildcardCredentials flags CORS policies that let any origin make
// credentialed requests.
var CORSWildcardCredentials = &analysis.Rule{
	Code:       "KR606",
	Name:       "cors-wildcard-credentials",
	Summary:    "cors allows any origin together with credentials",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{942, 346},
	Kinds:      []ast.Kind{ast.KindAssign, ast.KindAnnAssign, ast.KindCall},
	Callees:    []string{"CORS", "cross_origin", "add_middleware", "Middleware", "CORSMiddleware"},
	Run:        runCORSWildcardCredentials,
	Doc: `## What it does
Flags CORS configurations that accept every origin and allow credentials at the same time:
django-cors-headers' ` + "`CORS_ALLOW_ALL_ORIGINS = True`" + ` (or the older
` + "`CORS_ORIGIN_ALLOW_ALL`" + `, or an allowed-origin regex such as ".*") in a settings module
that also sets ` + "`CORS_ALLOW_CREDENTIALS = True`" + `; Flask-CORS's ` + "`CORS(app, ...)`" + ` and
` + "`@cross_origin(...)`" + ` with ` + "`supports_credentials=True`" + ` and origins left at their default
"*" or set to "*"; and Starlette's or FastAPI's ` + "`CORSMiddleware`" + ` with
` + "`allow_credentials=True`" + ` and ` + "`allow_origins=[\"*\"]`" + ` or a match-all
` + "`allow_origin_regex`" + `.

## Why is this bad?
Browsers refuse a literal "*" with credentials, so these libraries answer with the
requesting origin instead. Any web site the victim visits can then send requests with the
victim's cookies and read the responses: account data, CSRF tokens, API keys.

## Example
` + "```python" + `
app.add_middleware(
    CORSMiddleware, allow_origins=["*"], allow_credentials=True,
)
` + "```" + `

## Use instead
` + "```python" + `
app.add_middleware(
    CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True,
)
` + "```" + `

## References
- [CWE-942: Permissive Cross-domain Policy with Untrusted Domains](https://cwe.mitre.org/data/definitions/942.html)
- [CWE-346: Origin Validation Error](https://cwe.mitre.org/data/definitions/346.html)
- [MDN: CORS requests with credentials](https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS#requests_with_credentials)
- [django-cors-headers settings](https://github.com/adamchainz/django-cors-headers#configuration)
- [Flask-CORS API](https://flask-cors.readthedocs.io/en/latest/api.html)
- [Starlette CORSMiddleware](https://www.starlette.io/middleware/#corsmiddleware)
`,
}

func runCORSWildcardCredentials(p *analysis.Pass, n ast.Node) {
	if c, ok := n.(*ast.Call); ok {
		corsCall(p, c)
		return
	}
	forEachSetting(p, n, isCORSSetting, func(s setting) {
		if s.form != formModule {
			return
		}
		switch s.name {
		case "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL":
			if !ruleutil.IsTrue(p.Model, s.value) {
				return
			}
		case "CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST":
			if !isWildcardOrigin(p, s.value) {
				return
			}
		default:
			return
		}
		if moduleSetsTrue(p, "CORS_ALLOW_CREDENTIALS") {
			p.Report(s.at, s.name+" with CORS_ALLOW_CREDENTIALS = True lets any site make credentialed requests")
		}
	})
}

func isCORSSetting(name string) bool {
	switch name {
	case "CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL", "CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST":
		return true
	}
	return false
}

// moduleSetsTrue reports whether the module binds name to a true value.
func moduleSetsTrue(p *analysis.Pass, name string) bool {
	sym := p.Model.ModuleScope().Lookup(name)
	if sym == nil {
		return false
	}
	for _, b := range sym.Bindings {
		if (b.Kind == semantic.BindAssign || b.Kind == semantic.BindAnnAssign) && b.Value != nil && ruleutil.IsTrue(p.Model, b.Value) {
			return true
		}
	}
	return false
}

func corsCall(p *analysis.Pass, c *ast.Call) {
	m := p.Model
	switch ruleutil.ResolvedTail(m, c) {
	case "CORS", "cross_origin":
		qn := m.CalleeName(c)
		switch qn {
		case "flask_cors.CORS", "flask_cors.cross_origin", "flask_cors.extension.CORS", "flask_cors.decorator.cross_origin":
		default:
			return
		}
		if !ruleutil.HasDoubleStar(c) && flaskCORSCredentials(p, c) && flaskCORSWildcard(p, c) {
			p.Report(c, qn+" with supports_credentials=True allows every origin: any site can make credentialed requests")
		}
	case "add_middleware", "Middleware":
		if len(c.Args) > 0 && isCORSMiddleware(p, c.Args[0]) {
			starletteCORS(p, c)
		}
	case "CORSMiddleware":
		if isCORSMiddleware(p, c.Func) {
			starletteCORS(p, c)
		}
	}
}

func isCORSMiddleware(p *analysis.Pass, e ast.Expr) bool {
	return p.Model.QualifiedNameIs(e, "starlette.middleware.cors.CORSMiddleware") ||
		p.Model.QualifiedNameIs(e, "fastapi.middleware.cors.CORSMiddleware")
}

func starletteCORS(p *analysis.Pass, c *ast.Call) {
	if !ruleutil.KeywordIsTrue(p.Model, c, "allow_credentials") {
		return
	}
	if o := ruleutil.Keyword(c, "allow_origins"); o != nil && isWildcardOrigin(p, ruleutil.ValueOf(p.Model, o.Value)) {
		p.Report(c, `CORSMiddleware with allow_origins=["*"] and allow_credentials=True lets any site make credentialed requests`)
		return
	}
	if o := ruleutil.Keyword(c, "allow_origin_regex"); o != nil && isWildcardOrigin(p, o.Value) {
		p.Report(c, "CORSMiddleware with a match-all allow_origin_regex and allow_credentials=True lets any site make credentialed requests")
	}
}

// flaskCORSCredentials reports supports_credentials=True, as a keyword or
// in a resource's options.
func flaskCORSCredentials(p *analysis.Pass, c *ast.Call) bool {
	if ruleutil.KeywordIsTrue(p.Model, c, "supports_credentials") {
		return true
	}
	for _, opts := range resourceOptions(p, c) {
		if v := dictValue(p, opts, "supports_credentials"); v != nil && ruleutil.IsTrue(p.Model, v) {
			return true
		}
	}
	return false
}

// flaskCORSWildcard reports origins that allow everything: "*" or a
// match-all regex given as origins= or in a resource's options, or no
// origins at all, whose default is "*".
func flaskCORSWildcard(p *analysis.Pass, c *ast.Call) bool {
	found := false
	if o := ruleutil.Keyword(c, "origins"); o != nil {
		found = true
		if isWildcardOrigin(p, ruleutil.ValueOf(p.Model, o.Value)) {
			return true
		}
	}
	for _, opts := range resourceOptions(p, c) {
		if v := dictValue(p, opts, "origins"); v != nil {
			found = true
			if isWildcardOrigin(p, ruleutil.ValueOf(p.Model, v)) {
				return true
			}
		}
	}
	return !found
}

// resourceOptions returns the option dicts of Flask-CORS's resources=
// mapping ({r"/api/*": {"origins": ...}}).
func resourceOptions(p *analysis.Pass, c *ast.Call) []*ast.Dict {
	k := ruleutil.Keyword(c, "resources")
	if k == nil {
		return nil
	}
	d, ok := ruleutil.ValueOf(p.Model, k.Value).(*ast.Dict)
	if !ok {
		return nil
	}
	var out []*ast.Dict
	for _, v := range d.Values {
		if opts, ok := ruleutil.ValueOf(p.Model, v).(*ast.Dict); ok {
			out = append(out, opts)
		}
	}
	return out
}

// dictValue returns the value of a constant string key in a dict literal.
func dictValue(p *analysis.Pass, d *ast.Dict, key string) ast.Expr {
	for i, k := range d.Keys {
		if s, ok := p.Model.ConstString(k); ok && s == key {
			return d.Values[i]
		}
	}
	return nil
}

package secrets

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// HardcodedPasswordArgument flags string literals passed as a credential
// argument: connect(password="..."), HTTPBasicAuth("user", "...").
var HardcodedPasswordArgument = &analysis.Rule{
	Code:       "KR302",
	Name:       "hardcoded-password-argument",
	Summary:    "hard-coded password, token or key passed as an argument",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{798, 259},
	Aliases:    []string{"B106", "S106"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runHardcodedPasswordArgument,
	Doc: `## What it does
Flags string literals passed to a call as a keyword argument whose name means a credential
(` + "`password=`, `passwd=`, `token=`, `api_key=`, `client_secret=`, `private_key=`" + `...), as
the password of an ` + "`auth=(user, password)`" + ` pair, as the password of a literal connection
string (` + "`pyodbc.connect(\"...;UID=sa;PWD=...\")`" + `, ` + "`psycopg2.connect(\"host=db password=...\")`" + `), or as the password parameter of
well-known APIs: requests' and httpx's HTTPBasicAuth/HTTPDigestAuth, aiohttp.BasicAuth,
PyMySQL and MySQLdb connect, and ` + "`login(user, password)`" + ` methods (smtplib, ftplib,
imaplib, poplib), keyring.set_password, LDAP binds, and the value of a credential-named
environment variable set with ` + "`os.environ.setdefault`" + ` or ` + "`os.putenv`" + ` or of an
attribute set with ` + "`setattr`" + `. Values that are not secrets
(placeholders, templates, environment references, repeated or sequential characters,
UUIDs, hashes, paths, URLs) are not reported, nor is a credential-named constant passed
on (` + "`password=DB_PASSWORD`" + `), which KR301 reports where it is assigned. Confidence follows
the value, as for KR301.

## Why is this bad?
The credential is readable by anyone with the source, its history or its packages, and it
cannot be rotated without a release.

## Example
` + "```python" + `
conn = psycopg2.connect(host="db", user="app", password="s3cr3t-Passw0rd")
requests.get(url, auth=("admin", "hunter2hunter2"))
` + "```" + `

## Use instead
` + "```python" + `
conn = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])
requests.get(url, auth=("admin", os.environ["ADMIN_PASSWORD"]))
` + "```" + `

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
- [Bandit B106: hardcoded_password_funcarg](https://bandit.readthedocs.io/en/latest/plugins/b106_hardcoded_password_funcarg.html)
`,
}

// passwordPosition returns the 0-based position of the password parameter
// of APIs that take it positionally, or -1.
func passwordPosition(qualified string) int {
	switch qualified {
	case "requests.auth.HTTPBasicAuth", "requests.auth.HTTPDigestAuth", "requests.auth.HTTPProxyAuth",
		"requests.HTTPBasicAuth", "httpx.BasicAuth", "httpx.DigestAuth", "aiohttp.BasicAuth",
		"aiohttp.helpers.BasicAuth", "smtplib.SMTP.login", "ftplib.FTP.login", "imaplib.IMAP4.login",
		"poplib.POP3.pass_":
		return 1
	case "keyring.set_password":
		return 2
	case "pymysql.connect", "pymysql.Connect", "pymysql.connections.Connection", "MySQLdb.connect", "MySQLdb.Connect":
		return 2
	}
	return -1
}

func runHardcodedPasswordArgument(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	for _, k := range c.Keywords {
		switch {
		case k.Arg == "":
		case k.Arg == "auth":
			if t, ok := k.Value.(*ast.Tuple); ok && len(t.Elts) == 2 {
				reportArgSecret(p, c, "password", t.Elts[1], "as the password of auth=(user, password)")
			}
		default:
			if filter.Name(k.Arg) == filter.Credential {
				reportArgSecret(p, c, k.Arg, k.Value, "as "+k.Arg+"=")
			}
		}
	}
	if len(c.Args) == 3 && ruleutil.CalleeTail(c) == "setattr" && p.Model.QualifiedNameIs(c.Func, "builtins.setattr") {
		if name, ok := p.Model.ConstString(c.Args[1]); ok && filter.Name(name) == filter.Credential {
			reportArgSecret(p, c, name, c.Args[2], "as the value of "+quoteName(name))
		}
		return
	}
	if len(c.Args) == 2 && (ruleutil.CalleeTail(c) == "setdefault" || ruleutil.CalleeTail(c) == "putenv") &&
		(p.Model.QualifiedNameIs(c.Func, "os.environ.setdefault") || p.Model.QualifiedNameIs(c.Func, "os.putenv")) {
		if name, ok := p.Model.ConstString(c.Args[0]); ok && filter.Name(name) == filter.Credential {
			reportArgSecret(p, c, name, c.Args[1], "as the value of "+quoteName(name))
		}
		return
	}
	for _, a := range c.Args {
		reportConnectionString(p, a, func() string { return "in a connection string passed to " + ruleutil.CallLabel(p.Model, c) })
	}
	for _, k := range c.Keywords {
		if k.Arg != "" && filter.Name(k.Arg) != filter.Credential {
			reportConnectionString(p, k.Value, func() string {
				return "in a connection string passed as " + k.Arg + "= to " + ruleutil.CallLabel(p.Model, c)
			})
		}
	}
	if len(c.Args) < 2 {
		return
	}
	// An imported name may be an alias (HTTPBasicAuth as Basic).
	tail := ruleutil.ResolvedTail(p.Model, c)
	switch tail {
	case "HTTPBasicAuth", "HTTPDigestAuth", "HTTPProxyAuth", "BasicAuth", "DigestAuth",
		"connect", "Connect", "Connection", "login", "simple_bind_s", "simple_bind", "bind_s",
		"set_password", "pass_":
	default:
		return // the cheap test: no API below has another name
	}
	if pos := passwordPosition(p.Model.CalleeName(c)); pos >= 0 {
		if a := ruleutil.Arg(c, pos, ""); a != nil {
			reportArgSecret(p, c, "password", a, "as the password argument")
		}
		return
	}
	// login(user, password) on objects whose type is rarely known:
	// smtplib.SMTP, ftplib.FTP, imaplib.IMAP4, LDAP connections.
	switch tail {
	case "login", "simple_bind_s", "simple_bind", "bind_s":
		if _, isMethod := c.Func.(*ast.Attribute); isMethod && len(c.Args) == 2 && len(c.Keywords) == 0 {
			reportArgSecret(p, c, "password", c.Args[1], "as the password argument")
		}
	}
}

func reportArgSecret(p *analysis.Pass, c *ast.Call, name string, value ast.Expr, how string) {
	lit := unwrapSecret(p, value)
	if namedSecret(p, lit) {
		return
	}
	s, ok := ruleutil.SecretLiteral(p.Model, lit)
	if !ok {
		return
	}
	conf, ok := judgeSecret(p, name, s)
	if !ok {
		return
	}
	msg := "hard-coded secret passed " + how + " to " + ruleutil.CallLabel(p.Model, c) + ": " + shown(s)
	p.ReportDiagnostic(analysis.Diagnostic{Node: value, Message: msg, Confidence: conf, Secret: secretText(p, lit, s, msg)})
}

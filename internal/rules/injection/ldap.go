package injection

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// LDAPInjection flags LDAP searches whose filter is built from data.
var LDAPInjection = &analysis.Rule{
	Code:       "KR118",
	Name:       "ldap-injection",
	Summary:    "LDAP search filter built from data",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{90},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"search_s", "search_st", "search_ext", "search_ext_s", "search", "paged_search"},
	Run:        runLDAPInjection,
	Doc: `## What it does
Flags LDAP searches whose filter is built at run time with an f-string,
% formatting, str.format or concatenation: python-ldap's search, search_s,
search_st, search_ext and search_ext_s, and ldap3's Connection.search and
extend.standard.paged_search. The text must read as a filter (it opens with
a parenthesis and has an attribute comparison). Values escaped with
escape_filter_chars (python-ldap's ldap.filter or ldap3.utils.conv), or
filters made by ldap.filter.filter_format, are accepted. Bandit and Ruff
have no equivalent.

## Why is this bad?
Filter syntax is interpreted from the whole string. A value such as
"*)(uid=*))(|(uid=*" widens the search, bypasses a login that checks
"(&(uid={user})(userPassword={password}))", or leaks attributes
(CWE-90).

## Example
~~~python
def find(conn, username):
    return conn.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, f"(uid={username})")
~~~

## Use instead
Escape every value that goes into a filter:
~~~python
from ldap.filter import filter_format

conn.search_s(base, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))
~~~

## References
- [python-ldap: ldap.filter](https://www.python-ldap.org/en/latest/reference/ldap-filter.html)
- [ldap3: escape_filter_chars](https://ldap3.readthedocs.io/en/latest/searches.html)
- [CWE-90: LDAP Injection](https://cwe.mitre.org/data/definitions/90.html)
- [OWASP: LDAP Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html)
`,
}

func runLDAPInjection(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	f, ok := c.Func.(*ast.Attribute)
	if !ok || len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	var filter ast.Expr
	switch f.Attr {
	case "search_s", "search_st", "search_ext", "search_ext_s":
		filter = ruleutil.Arg(c, 2, "filterstr")
	case "search", "paged_search":
		// python-ldap's search(base, scope, filterstr) or ldap3's
		// search(search_base, search_filter): take whichever reads as a filter.
		if k := ruleutil.Keyword(c, "filterstr"); k != nil {
			filter = k.Value
			break
		}
		filter = ruleutil.Arg(c, 1, "search_filter")
		if !ldapFilterText(skeletonOrEmpty(p.Model, filter)) {
			filter = ruleutil.Arg(c, 2, "")
		}
	default:
		return
	}
	if filter == nil {
		return
	}
	src := classify(p.Model, filter, modeLDAP)
	if src.origin < originBuilt || !ldapFilterText(skeleton(p.Model, filter)) {
		return
	}
	p.Report(c, callLabel(p.Model, c)+" searches with an LDAP filter "+src.how+"; escape values with escape_filter_chars")
}

// skeletonOrEmpty is skeleton for a possibly missing expression.
func skeletonOrEmpty(m *semantic.Model, e ast.Expr) string {
	if e == nil {
		return ""
	}
	return skeleton(m, e)
}

// ldapFilterText reports whether text reads as an LDAP search filter:
// "(uid=...)", "(&(objectClass=person)(cn=...))".
func ldapFilterText(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "(") && strings.IndexByte(t, '=') > 0
}

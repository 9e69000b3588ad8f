package injection

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// XPathInjection flags XPath expressions built from data.
var XPathInjection = &analysis.Rule{
	Code:       "KR120",
	Name:       "xpath-injection",
	Summary:    "xpath() or find() expression built from data",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{643},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"xpath", "XPath", "ETXPath", "find", "findall", "findtext", "iterfind"},
	Run:        runXPathInjection,
	Doc: `## What it does
Flags XPath expressions built at run time with an f-string, % formatting,
str.format or concatenation: lxml's xpath() method and etree.XPath /
ETXPath (high severity), and ElementTree's find, findall, findtext and
iterfind when the text reads as a path with a predicate
(".//user[@name='...']"; medium severity, since ElementTree's XPath subset
can only select other nodes). Bandit and Ruff have no equivalent.

## Why is this bad?
A value spliced into an XPath expression can close the string literal and
add its own conditions: "' or '1'='1" turns a credential check against an
XML user store into "any user", and other predicates read nodes the query
was not meant to return (CWE-643).

## Example
~~~python
def check(tree, user, password):
    return tree.xpath(f"//user[name='{user}' and password='{password}']")
~~~

## Use instead
Pass values as XPath variables, which lxml binds as data:
~~~python
def check(tree, user, password):
    return tree.xpath("//user[name=$u and password=$p]", u=user, p=password)
~~~

## References
- [lxml: XPath variables](https://lxml.de/xpathxslt.html#the-xpath-method)
- [CWE-643: XPath Injection](https://cwe.mitre.org/data/definitions/643.html)
- [OWASP: XPath Injection](https://owasp.org/www-community/attacks/XPATH_Injection)
`,
}

func runXPathInjection(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	var expr ast.Expr
	lxml := true
	switch tail := ruleutil.CalleeTail(c); tail {
	case "xpath":
		if _, ok := c.Func.(*ast.Attribute); !ok {
			return
		}
		expr = ruleutil.Arg(c, 0, "_path")
	case "XPath", "ETXPath":
		if qn := p.Model.CalleeName(c); qn != "lxml.etree."+tail {
			return
		}
		expr = ruleutil.Arg(c, 0, "path")
	case "find", "findall", "findtext", "iterfind":
		if _, ok := c.Func.(*ast.Attribute); !ok {
			return
		}
		expr, lxml = ruleutil.Arg(c, 0, "path"), false
	default:
		return
	}
	if expr == nil {
		return
	}
	src := classify(p.Model, expr, modeCode)
	if src.origin < originBuilt {
		return
	}
	if !lxml {
		t := strings.TrimSpace(skeleton(p.Model, expr))
		if !(strings.HasPrefix(t, ".") || strings.HasPrefix(t, "/")) || strings.IndexByte(t, '[') < 0 {
			return
		}
		report(p, c, analysis.SeverityMedium, analysis.ConfidenceMedium,
			callLabel(p.Model, c)+" evaluates an XPath expression "+src.how+"; check the values or filter in Python")
		return
	}
	p.Report(c, callLabel(p.Model, c)+" evaluates an XPath expression "+src.how+"; pass values as XPath variables")
}

package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// DjangoExtra flags Django QuerySet.extra calls with SQL built from data.
var DjangoExtra = &analysis.Rule{
	Code:       "KR113",
	Name:       "django-extra-sql-injection",
	Summary:    "extra() on a Django QuerySet with SQL built from data",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{89},
	Aliases:    []string{"B610", "S610"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"extra"},
	Run:        runDjangoExtra,
	Doc: `## What it does
Flags Django QuerySet.extra calls whose SQL fragments (the select dict, the
where, tables and order_by lists) are built at run time, or are not spelled
out in the call at all. A call on a Model.objects chain counts; any other
.extra(...) counts in files that import Django. Constant fragments with
values passed through params or select_params are fine and not reported.

## Why is this bad?
extra() pastes its fragments into the query as raw SQL. A value formatted
into a where clause or an order_by item is SQL injection (CWE-89). Django
plans to deprecate extra(); its documentation asks to avoid it.

## Example
~~~python
def by_domain(domain):
    return User.objects.extra(where=[f"email LIKE '%%@{domain}'"])
~~~

## Use instead
Use the ORM (filter, annotate with expressions), or pass values as params:
~~~python
User.objects.filter(email__endswith="@" + domain)
User.objects.extra(where=["email LIKE %s"], params=["%@" + domain])
~~~

## References
- [Django: QuerySet.extra](https://docs.djangoproject.com/en/stable/ref/models/querysets/#extra)
- [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
`,
}

func runDjangoExtra(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	args, ok := extraArgs(p.Model, c)
	if !ok {
		return
	}
	worst, where := srcConst(), ""
	for i, a := range args {
		if a == nil {
			continue
		}
		fragments(p.Model, a, func(e ast.Expr) {
			if s := classify(p.Model, e, modeSQL); s.origin > worst.origin {
				worst, where = s, extraName(i)
			}
		})
	}
	switch worst.origin {
	case originBuilt, originRequest:
		report(p, c, analysis.SeverityHigh, analysis.ConfidenceHigh, "QuerySet.extra gets SQL "+worst.how+" in "+where+"; pass values through params")
	case originOpaque:
		report(p, c, analysis.SeverityMedium, analysis.ConfidenceLow, "QuerySet.extra gets SQL "+worst.how+" in "+where+"; check that it is fixed text")
	}
}

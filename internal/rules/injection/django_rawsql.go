package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// DjangoRawSQL flags Django RawSQL expressions whose SQL is built from data.
var DjangoRawSQL = &analysis.Rule{
	Code:       "KR114",
	Name:       "django-rawsql-injection",
	Summary:    "raw SQL expression (Django RawSQL) built from data",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{89},
	Aliases:    []string{"B611", "S611"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    []string{"RawSQL"},
	Run:        runDjangoRawSQL,
	Doc: `## What it does
Flags django.db.models.expressions.RawSQL (also imported from
django.db.models) whose SQL text is built at run time, high severity, or
is not a constant, medium severity and low confidence. A constant SQL text
with its values in params is the intended use and is not reported.

## Why is this bad?
RawSQL inserts its text into the generated query as is. Values formatted
into it are SQL injection (CWE-89); Django escapes only what is passed in
params.

## Example
~~~python
from django.db.models.expressions import RawSQL

def ranked(request):
    field = request.GET["field"]
    return Item.objects.annotate(rank=RawSQL(f"SELECT {field} FROM stats", []))
~~~

## Use instead
Keep the SQL constant, pass values in params, and take identifiers from an
allow list:
~~~python
RawSQL("SELECT score FROM stats WHERE item_id = %s", (item_id,))
~~~

## References
- [Django: RawSQL expressions](https://docs.djangoproject.com/en/stable/ref/models/expressions/#raw-sql-expressions)
- [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
`,
}

func runDjangoRawSQL(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	q, ok := rawSQLQuery(p.Model, c)
	if !ok {
		return
	}
	s := classify(p.Model, q, modeSQL)
	switch s.origin {
	case originBuilt, originRequest:
		report(p, c, analysis.SeverityHigh, analysis.ConfidenceHigh, "RawSQL gets SQL "+s.how+"; pass values through params")
	case originOpaque:
		report(p, c, analysis.SeverityMedium, analysis.ConfidenceLow, "RawSQL gets SQL "+s.how+"; check that it is fixed text")
	}
}

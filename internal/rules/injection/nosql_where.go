package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// NoSQLWhere flags MongoDB $where clauses whose JavaScript is built from data.
var NoSQLWhere = &analysis.Rule{
	Code:       "KR119",
	Name:       "mongodb-where-injection",
	Summary:    "$where clause of a MongoDB query built from data",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{943, 94},
	Kinds:      []ast.Kind{ast.KindDict},
	Run:        runNoSQLWhere,
	Doc: `## What it does
Flags dict literals with a "$where" key, as passed to pymongo, Motor or
MongoEngine queries, whose JavaScript is built at run time (high
confidence) or comes from a variable or request data (medium confidence).
Constant JavaScript is not reported. Bandit and Ruff have no equivalent.

## Why is this bad?
The server evaluates $where as JavaScript for every document. A value
spliced into it ("' || '1'=='1", "'; while(true){} '") changes the query's
logic, returns every document or ties up the server (CWE-943).

## Example
~~~python
def find_user(db, name):
    return db.users.find_one({"$where": f"this.name == '{name}'"})
~~~

## Use instead
Use query operators, which take values as data:
~~~python
def find_user(db, name):
    return db.users.find_one({"name": name})
~~~

## References
- [MongoDB: $where](https://www.mongodb.com/docs/manual/reference/operator/query/where/)
- [CWE-943: Improper Neutralization of Special Elements in Data Query Logic](https://cwe.mitre.org/data/definitions/943.html)
- [OWASP: Testing for NoSQL Injection](https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/05.6-Testing_for_NoSQL_Injection)
`,
}

func runNoSQLWhere(p *analysis.Pass, n ast.Node) {
	d := n.(*ast.Dict)
	for i, k := range d.Keys {
		key, ok := k.(*ast.Constant)
		if !ok || key.Value.Kind != ast.ConstStr || key.Value.S != "$where" {
			continue
		}
		src := classify(p.Model, d.Values[i], modeCode)
		if !src.dynamic() {
			continue
		}
		sev, conf := commandLevel(src)
		report(p, d.Values[i], sev, conf, "MongoDB $where runs JavaScript "+src.how+"; use query operators instead")
	}
}

package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// SQLString flags SQL statements built from data that reach no database call
// the file shows.
var SQLString = &analysis.Rule{
	Code:       "KR112",
	Name:       "sql-string-built-from-data",
	Summary:    "SQL statement text built from data with string formatting",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{89},
	Aliases:    []string{"B608", "S608"},
	File:       runSQLString,
	Doc: `## What it does
Flags strings that read as a SQL data statement (SELECT ... FROM,
INSERT INTO, UPDATE ... SET, DELETE FROM) and are built at run time from
non-constant parts with an f-string, % formatting, str.format or
concatenation. This is Bandit's B608 heuristic, made stricter: the
statement must start the string, numeric and placeholder parts are
accepted, and lower-case text must have a clause that prose lacks (WHERE,
=, *, VALUES, ...). Strings that KR111 already reports at a database call
(directly or through a variable) are left to it, so each flaw is reported
once. The confidence is medium when a run-time part sits inside quotes
('{name}'), which is how values get inlined as literals, and low otherwise.

## Why is this bad?
The string is about to become SQL somewhere krait cannot see (a helper, a
repository method, another module). If any part comes from a user, a quote
in it ends the literal and the rest runs as SQL (CWE-89).

## Example
~~~python
def user_query(name):
    return "SELECT * FROM users WHERE name = '%s'" % name
~~~

## Use instead
Return the statement with placeholders and its parameters separately, or
use a query builder:
~~~python
def user_query(name):
    return "SELECT * FROM users WHERE name = %s", (name,)
~~~

## References
- [Bandit B608: hardcoded_sql_expressions](https://bandit.readthedocs.io/en/latest/plugins/b608_hardcoded_sql_expressions.html)
- [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
- [OWASP: SQL Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html)
`,
}

// runSQLString walks the file itself: it must know which strings reach a
// database call (reported by KR111 or KR113/KR114) before it reports the
// others, and those calls may come after the strings they use.
func runSQLString(p *analysis.Pass) {
	m := p.Model
	var cands []ast.Expr
	var covered map[ast.Expr]bool
	cover := func(e ast.Expr) {
		if covered == nil {
			covered = make(map[ast.Expr]bool)
		}
		for range maxDepth {
			covered[e] = true
			n, ok := e.(*ast.Name)
			if !ok {
				return
			}
			if e = boundValue(m, n); e == nil {
				return
			}
		}
	}
	ast.Inspect(p.File.Module, func(n ast.Node) bool {
		var e ast.Expr
		switch x := n.(type) {
		case *ast.Call:
			sqlQueries(m, x, cover)
			if a, ok := x.Func.(*ast.Attribute); !ok || a.Attr != "format" {
				return true
			}
			e = x
		case *ast.JoinedStr:
			e = x
		case *ast.BinOp:
			if x.Op != ast.Add && x.Op != ast.Mod {
				return true
			}
			e = x
		default:
			return true
		}
		if !sqlStart(leadingText(m, e)) {
			return true
		}
		cands = append(cands, e)
		return false
	})
	for _, e := range cands {
		if covered[e] {
			continue
		}
		src := classify(m, e, modeSQL)
		if src.origin != originBuilt {
			continue
		}
		skel := skeleton(m, e)
		if !looksLikeSQL(skel) {
			continue
		}
		conf := analysis.ConfidenceLow
		if quotedHole(skel) {
			conf = analysis.ConfidenceMedium
		}
		report(p, e, analysis.SeverityMedium, conf, "SQL statement "+src.how+"; if it reaches a database, pass values as bound parameters")
	}
}

// sqlQueries passes to cover the SQL text arguments of a call that the
// package's sink rules judge.
func sqlQueries(m *semantic.Model, c *ast.Call, cover func(ast.Expr)) {
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	if sink, ok := sqlSink(m, c); ok && sink.query != nil {
		cover(sink.query)
		return
	}
	if q, ok := rawSQLQuery(m, c); ok {
		cover(q)
		return
	}
	if args, ok := extraArgs(m, c); ok {
		for _, a := range args {
			if a != nil {
				fragments(m, a, cover)
			}
		}
	}
}

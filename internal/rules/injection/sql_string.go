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
	Kinds:      []ast.Kind{ast.KindJoinedStr, ast.KindBinOp, ast.KindCall},
	Callees:    []string{"format"},
	Run:        runSQLString,
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

func runSQLString(p *analysis.Pass, n ast.Node) {
	m := p.Model
	var e ast.Expr
	switch x := n.(type) {
	case *ast.JoinedStr:
		if len(x.Values) < 2 {
			return // a lone field or a constant: nothing to read before the data
		}
		e = x
	case *ast.BinOp:
		if x.Op != ast.Add && x.Op != ast.Mod {
			return
		}
		e = x
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); !ok || a.Attr != "format" {
			return
		}
		e = x
	default:
		return
	}
	if !sqlStart(leadingText(m, e)) {
		return
	}
	src := classify(m, e, modeSQL)
	if src.origin < originBuilt {
		return
	}
	skel := skeleton(m, e)
	if !looksLikeSQL(skel) {
		return
	}
	parent, covered := sqlContext(p.File.Module, m, e)
	if covered || continues(parent, e) {
		return
	}
	conf := analysis.ConfidenceLow
	if quotedHole(skel) {
		conf = analysis.ConfidenceMedium
	}
	report(p, e, analysis.SeverityMedium, conf, "SQL statement "+src.how+"; if it reaches a database, pass values as bound parameters")
}

// sqlContext walks the module for what a candidate string needs and a node
// cannot tell: its parent, and whether a database call that the sink rules
// judge takes it, directly or through variables. Only strings that already
// read as SQL built from data pay for the walk.
func sqlContext(mod *ast.Module, m *semantic.Model, target ast.Expr) (parent ast.Node, covered bool) {
	type item struct{ n, parent ast.Node }
	stack := make([]item, 1, 64)
	stack[0] = item{n: mod}
	var cur ast.Node
	push := func(c ast.Node) bool {
		stack = append(stack, item{c, cur})
		return true
	}
	reaches := func(q ast.Expr) {
		for range maxDepth {
			if q == target {
				covered = true
				return
			}
			n, ok := q.(*ast.Name)
			if !ok {
				return
			}
			if q = boundValue(m, n); q == nil {
				return
			}
		}
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n == ast.Node(target) {
			parent = it.parent
		}
		if c, ok := it.n.(*ast.Call); ok && !covered {
			sqlQueries(m, c, reaches)
		}
		cur = it.n
		ast.Children(it.n, push)
	}
	return parent, covered
}

// continues reports whether e is the leading part of a larger string
// expression, which is then the one to report.
func continues(parent ast.Node, e ast.Expr) bool {
	switch x := parent.(type) {
	case *ast.BinOp:
		return (x.Op == ast.Add || x.Op == ast.Mod) && x.Left == e
	case *ast.Attribute:
		return x.Attr == "format" && x.Value == e
	}
	return false
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
	if q, _, ok := wrapperQuery(m, c); ok {
		cover(q)
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

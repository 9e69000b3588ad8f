package injection

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// SQLInjection flags database calls whose SQL text is built from data.
var SQLInjection = &analysis.Rule{
	Code:       "KR111",
	Name:       "sql-injection",
	Summary:    "SQL query built from data passed to a database call",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{89},
	Aliases:    []string{"B608", "S608"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runSQLInjection,
	Doc: `## What it does
Flags calls that run or make SQL from a string built at run time with an
f-string, % formatting, str.format, concatenation or str.join, directly or
through a variable, or taken straight from a web request (request.args,
request.GET, ...): DB-API execute, executemany and executescript (sqlite3,
psycopg, PyMySQL, mysql-connector, Django's connection.cursor()),
SQLAlchemy's text() and exec_driver_sql, Django's Manager.raw, peewee's
execute_sql, asyncpg's fetch/fetchrow/fetchval, databases' fetch_all and
fetch_one, pandas.read_sql and psycopg's sql.SQL; and text conditions
given to SQLAlchemy's filter, where and having (accepted as raw SQL before
SQLAlchemy 1.4, and still common in old code). Method names that are
common outside databases (fetch, query, raw) count only when the text reads
as SQL. A helper defined in the same file that passes one of its
parameters unchanged to such a call (Flask's query_db(query, args)) counts
as a database call too. Parts that cannot change the statement are accepted: numbers
(int(x), %d, {n:d}), lists of placeholders (", ".join("?" * len(ids))) and
the drivers' quoting functions. A query that also passes bound parameters is
reported with lower severity and confidence, since the interpolated part is
often an identifier. KR112 reports SQL-like strings built from data that
reach no call krait knows.

## Why is this bad?
A value spliced into SQL text is parsed as SQL: a quote in it ends the
literal, and the rest runs as part of the statement (CWE-89). Attackers read
or change any table the connection can reach, bypass logins, and on some
databases run commands.

## Example
~~~python
def find_user(cursor, name):
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return cursor.fetchone()
~~~

## Use instead
Pass values as parameters and let the driver quote them; choose identifiers
from an allow list:
~~~python
def find_user(cursor, name):
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    return cursor.fetchone()
~~~

## References
- [PEP 249: Python Database API, execute](https://peps.python.org/pep-0249/#id15)
- [Python docs: sqlite3, placeholders](https://docs.python.org/3/library/sqlite3.html#sqlite3-placeholders)
- [SQLAlchemy: text()](https://docs.sqlalchemy.org/en/20/core/sqlelement.html#sqlalchemy.sql.expression.text)
- [Django: Performing raw SQL queries](https://docs.djangoproject.com/en/stable/topics/db/sql/)
- [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
- [OWASP: SQL Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html)
`,
}

func runSQLInjection(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	sink, ok := sqlSink(p.Model, c)
	if !ok {
		if q, inner, isWrapper := wrapperQuery(p.Model, c); isWrapper {
			sink, ok = sqlCall{query: q, verb: "runs", via: inner}, true
		}
	}
	if !ok || sink.query == nil {
		return
	}
	src := classify(p.Model, sink.query, modeSQL)
	if src.origin < originBuilt {
		return
	}
	skel := skeleton(p.Model, sink.query)
	if sink.fragment {
		if !looksLikeCondition(skel) {
			return
		}
		report(p, c, analysis.SeverityHigh, analysis.ConfidenceMedium,
			callLabel(p.Model, c)+" adds a raw SQL condition "+src.how+"; use column expressions or bound parameters")
		return
	}
	shaped := looksLikeSQL(skel)
	if sink.generic && !shaped {
		return
	}
	sev, conf := analysis.SeverityHigh, analysis.ConfidenceHigh
	if !shaped && !sqlStart(skel) {
		conf = analysis.ConfidenceMedium
	}
	msg := callLabel(p.Model, c) + " " + sink.verb + " a SQL statement " + src.how
	if sink.via != "" {
		msg += " (through " + sink.via + ")"
	}
	if sink.params {
		sev, conf = analysis.SeverityMedium, analysis.ConfidenceLow
		msg += " alongside bound parameters; bind the values too and take identifiers from an allow list"
	} else {
		msg += "; pass values as bound parameters"
	}
	report(p, c, sev, conf, msg)
}

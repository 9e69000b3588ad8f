package injection

import (
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// sqlCall is a call that runs or makes a SQL statement from a string.
type sqlCall struct {
	// query is the SQL text argument.
	query ast.Expr
	// params reports that the call also passes bound parameters.
	params bool
	// generic says the method name is common outside databases (fetch,
	// query, raw): only text that reads as SQL makes it a sink.
	generic bool
	// fragment says the text is a condition, not a statement: SQLAlchemy's
	// filter, where and having took raw SQL strings before 1.4.
	fragment bool
	// verb completes "<label> <verb> a SQL statement": "runs", "makes".
	verb string
	// via names the database call inside a helper that runs the text.
	via string
}

// sqlSink recognises the database APIs that take SQL text: DB-API cursors
// and connections (sqlite3, psycopg, PyMySQL, mysql-connector, ...),
// SQLAlchemy, Django, peewee, asyncpg, databases and pandas.
func sqlSink(m *semantic.Model, c *ast.Call) (sqlCall, bool) {
	_, method := c.Func.(*ast.Attribute)
	switch tailName(m, c) {
	case "execute", "executemany":
		return sqlCall{
			query:   ruleutil.Arg(c, 0, firstKeyword(c, "sql", "query", "operation", "statement")),
			params:  ruleutil.Arg(c, 1, firstKeyword(c, "params", "parameters", "args", "vars", "seq_of_parameters")) != nil,
			generic: !method,
			verb:    "runs",
		}, true
	case "executescript":
		return sqlCall{query: ruleutil.Arg(c, 0, "sql_script"), generic: !method, verb: "runs"}, method
	case "exec_driver_sql":
		return sqlCall{query: ruleutil.Arg(c, 0, "statement"), params: ruleutil.Arg(c, 1, "parameters") != nil, verb: "runs"}, method
	case "execute_sql":
		return sqlCall{query: ruleutil.Arg(c, 0, "sql"), params: ruleutil.Arg(c, 1, "params") != nil, verb: "runs"}, method
	case "raw":
		// Django's Manager.raw; Model.objects.raw(...) is certain, any other .raw needs SQL text.
		a, ok := c.Func.(*ast.Attribute)
		if !ok {
			return sqlCall{}, false
		}
		return sqlCall{
			query:   ruleutil.Arg(c, 0, "raw_query"),
			params:  ruleutil.Arg(c, 1, "params") != nil,
			generic: ruleutil.ExprTail(a.Value) != "objects",
			verb:    "runs",
		}, true
	case "fetch", "fetchrow", "fetchval", "fetch_all", "fetch_one", "fetch_val", "iterate", "query", "copy_expert":
		if !method {
			return sqlCall{}, false
		}
		return sqlCall{
			query:   ruleutil.Arg(c, 0, firstKeyword(c, "query", "sql")),
			params:  len(c.Args) > 1 || ruleutil.Keyword(c, "values") != nil || ruleutil.Keyword(c, "params") != nil,
			generic: true,
			verb:    "runs",
		}, true
	case "filter", "where", "having":
		// Django's filter takes keywords and Q objects, never text; a text
		// condition is SQLAlchemy's (Query.filter, Select.where).
		if !method || len(c.Args) != 1 || len(c.Keywords) != 0 {
			return sqlCall{}, false
		}
		return sqlCall{query: c.Args[0], fragment: true, verb: "adds"}, true
	case "read_sql", "read_sql_query":
		qn := m.CalleeName(c)
		if qn != "pandas.read_sql" && qn != "pandas.read_sql_query" && qn != "pandas.io.sql.read_sql" && qn != "pandas.io.sql.read_sql_query" {
			return sqlCall{}, false
		}
		return sqlCall{query: ruleutil.Arg(c, 0, "sql"), params: ruleutil.Keyword(c, "params") != nil, verb: "runs"}, true
	case "text":
		switch m.CalleeName(c) {
		case "sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text":
			return sqlCall{query: ruleutil.Arg(c, 0, "text"), verb: "makes"}, true
		}
	case "SQL":
		switch m.CalleeName(c) {
		case "psycopg2.sql.SQL", "psycopg.sql.SQL":
			return sqlCall{query: ruleutil.Arg(c, 0, firstKeyword(c, "string", "obj")), verb: "makes"}, true
		}
	}
	return sqlCall{}, false
}

// firstKeyword returns the first of names that the call passes as a
// keyword, or the first name when it passes none, for ruleutil.Arg.
func firstKeyword(c *ast.Call, names ...string) string {
	for _, n := range names {
		if ruleutil.Keyword(c, n) != nil {
			return n
		}
	}
	return names[0]
}

// sqlShapeRe is the shape of a data statement: SELECT ... FROM, INSERT INTO,
// UPDATE ... SET, DELETE FROM, in the order they take.
var sqlShapeRe = regexp.MustCompile(`(?is)^[\s(]*(?:with\s.+\bselect\s.+\sfrom\s|select\s.+\sfrom[\s\x00]|insert\s+(?:or\s+\w+\s+|ignore\s+)?into[\s\x00]|replace\s+into[\s\x00]|update[\s\x00].*\sset[\s\x00]|delete\s+from[\s\x00])`)

// sqlMarkerRe rules out prose that happens to start like a statement:
// "Select a file from the list". Real statements have clauses or symbols.
var sqlMarkerRe = regexp.MustCompile(`(?i)\bwhere\b|\bjoin\b|\border\s+by\b|\bgroup\s+by\b|\blimit\b|\bvalues\b|\bset\b|[=*,]|\binto\b|\bfrom\s+[\w."\x60\[]+\s*$`)

// sqlStart reports whether text opens with a SQL keyword. It runs on many
// strings, so it reads one word without a regexp and without allocating.
func sqlStart(text string) bool {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r' || text[i] == '(') {
		i++
	}
	var buf [8]byte
	n := 0
	for ; i < len(text); i++ {
		c := text[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		if n == len(buf) {
			return false
		}
		buf[n] = c
		n++
	}
	if i < len(text) {
		switch text[i] {
		case ' ', '\t', '\n', '\r', '*', '(', hole[0]:
		default:
			return false
		}
	}
	switch string(buf[:n]) {
	case "select", "insert", "update", "delete", "with", "replace", "merge", "upsert", "create", "drop",
		"alter", "truncate", "grant", "revoke", "pragma", "exec", "execute", "call", "show", "describe",
		"desc", "explain", "copy", "vacuum", "attach", "set", "lock", "analyze":
		return true
	}
	return false
}

// looksLikeCondition reports whether text reads as a SQL condition: a
// comparison, LIKE, IN, IS, BETWEEN.
func looksLikeCondition(text string) bool {
	return sqlConditionRe.MatchString(text)
}

// sqlConditionRe matches the operators of a SQL condition.
var sqlConditionRe = regexp.MustCompile(`(?i)[=<>]|\s(?:like|ilike|in|is|between)\s`)

// looksLikeSQL reports whether text reads as a SQL data statement: it has
// the shape, and either upper-case keywords or a clause that prose lacks.
func looksLikeSQL(text string) bool {
	if !sqlShapeRe.MatchString(text) {
		return false
	}
	t := strings.TrimLeft(text, " \t\r\n(")
	if len(t) >= 6 && strings.ToUpper(t[:6]) == t[:6] {
		return true
	}
	return sqlMarkerRe.MatchString(text)
}

// quotedHole reports whether a skeleton opens a quote right before a
// run-time part ('{name}', '%s', '%{term}%'): the mark of a value inlined
// as a SQL literal instead of bound as a parameter.
func quotedHole(skel string) bool {
	for i := 0; i+1 < len(skel); i++ {
		if skel[i] != '\'' && skel[i] != '"' {
			continue
		}
		r := skel[i+1:]
		switch {
		case r[0] == hole[0], r[0] == '{':
			return true
		case strings.HasPrefix(r, "%s"), strings.HasPrefix(r, "%("), strings.HasPrefix(r, "%"+hole):
			return true
		}
	}
	return false
}

// leadingText returns the fixed text a string expression starts with, as
// far as it is cheap to find, for the sqlStart pre-test.
func leadingText(m *semantic.Model, e ast.Expr) string {
	for range maxDepth {
		switch x := e.(type) {
		case *ast.Constant:
			return x.Value.S
		case *ast.JoinedStr:
			if len(x.Values) == 0 {
				return ""
			}
			if k, ok := x.Values[0].(*ast.Constant); ok {
				return k.Value.S
			}
			return ""
		case *ast.BinOp:
			e = x.Left
		case *ast.Call:
			a, ok := x.Func.(*ast.Attribute)
			if !ok || a.Attr != "format" {
				return ""
			}
			e = a.Value
		case *ast.Name:
			s, _ := m.ConstString(x)
			return s
		default:
			return ""
		}
	}
	return ""
}

package supplychain

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// What credential-harvest-and-send knows about sending: copies of the
// environment, and what the file's network calls send.

func isEnviron(m *semantic.Model, e ast.Expr) bool {
	return m.QualifiedNameIs(e, "os.environ")
}

// environCopy says how a call copies the whole environment, or "".
func environCopy(m *semantic.Model, c *ast.Call) string {
	if a, ok := c.Func.(*ast.Attribute); ok && isEnviron(m, a.Value) {
		switch a.Attr {
		case "copy":
			return "os.environ.copy()"
		case "items":
			return "" // reported where the items are collected
		}
		return ""
	}
	switch m.CalleeName(c) {
	case "builtins.dict":
		if len(c.Args) == 1 && len(c.Keywords) == 0 && (isEnviron(m, c.Args[0]) || isEnvItems(m, c.Args[0])) {
			return "dict(os.environ)"
		}
	case "builtins.str", "builtins.repr", "json.dumps", "builtins.list":
		if len(c.Args) >= 1 && (isEnviron(m, c.Args[0]) || isEnvItems(m, c.Args[0])) {
			return m.CalleeName(c)[strings.IndexByte(m.CalleeName(c), '.')+1:] + "(os.environ)"
		}
	}
	return ""
}

// isEnvItems reports whether e is os.environ.items().
func isEnvItems(m *semantic.Model, e ast.Expr) bool {
	c, ok := e.(*ast.Call)
	if !ok {
		return false
	}
	a, ok := c.Func.(*ast.Attribute)
	return ok && a.Attr == "items" && isEnviron(m, a.Value)
}

// isSent reports whether an expression is part of what a network call
// sends: in its arguments, directly or through variables.
func isSent(p *analysis.Pass, e ast.Expr) bool {
	return analysis.FileFact(p, sentFact)[e]
}

// sendMethodNames are the methods of sockets, sessions and clients that send.
var sendMethodNames = map[string]bool{
	"post": true, "put": true, "patch": true, "send": true, "sendall": true, "sendto": true,
	"request": true, "urlopen": true, "sendmail": true, "send_message": true, "storbinary": true,
}

// sentFact holds the expressions that network calls of the file send.
var sentFact = &analysis.FileKey[map[ast.Expr]bool]{Compute: func(p *analysis.Pass) map[ast.Expr]bool {
	sent := map[ast.Expr]bool{}
	if p.File == nil || p.File.Module == nil || p.Model == nil {
		return sent
	}
	m := p.Model
	if !importsNetwork(p) {
		return sent
	}
	var add func(e ast.Expr, depth int)
	add = func(e ast.Expr, depth int) {
		ast.Inspect(e, func(n ast.Node) bool {
			x, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			if sent[x] {
				return false
			}
			sent[x] = true
			if v := bound(m, x); v != nil && depth < maxHops {
				add(v, depth+1)
			}
			return true
		})
	}
	ast.Inspect(p.File.Module, func(n ast.Node) bool {
		c, ok := n.(*ast.Call)
		if !ok {
			return true
		}
		if a, ok := c.Func.(*ast.Attribute); !ok || !sendMethodNames[a.Attr] {
			if !networkTails[ruleutil.ResolvedTail(m, c)] || !networkCalls[m.CalleeName(c)] {
				return true
			}
		}
		for _, a := range c.Args {
			add(a, 0)
		}
		for _, k := range c.Keywords {
			add(k.Value, 0)
		}
		return true
	})
	return sent
}}

// sendFact is the line of the first network call of the file, 0 if none.
var sendFact = &analysis.FileKey[int]{Compute: func(p *analysis.Pass) int {
	line := 0
	if p.File == nil || p.File.Module == nil || p.Model == nil || !importsNetwork(p) {
		return 0
	}
	ast.Inspect(p.File.Module, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok {
			// A bare socket is how SSH and database clients talk; stealers send
			// over HTTP, mail or webhooks.
			if !networkTails[ruleutil.ResolvedTail(p.Model, c)] {
				return true
			}
			switch qn := p.Model.CalleeName(c); qn {
			case "socket.socket", "socket.create_connection":
			default:
				if networkCalls[qn] {
					line = c.Lineno
				}
			}
		}
		return line == 0
	})
	return line
}}

package network

import (
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// isHTTPVerb reports whether a function or method name sends an HTTP
// request in requests, httpx and aiohttp.
func isHTTPVerb(name string) bool {
	switch name {
	case "get", "post", "put", "patch", "delete", "head", "options", "request":
		return true
	}
	return false
}

// client says which HTTP library a call belongs to.
type client uint8

const (
	clientNone client = iota
	clientRequests
	clientHTTPX
	clientAiohttp
	clientUrllib
)

// moduleFunc classifies a module-level request function, e.g.
// requests.get, requests.api.post, httpx.request, aiohttp.request.
func moduleFunc(qn string) client {
	mod, fn, ok := cutLast(qn)
	if !ok {
		return clientNone
	}
	switch mod {
	case "requests", "requests.api":
		if isHTTPVerb(fn) {
			return clientRequests
		}
	case "httpx":
		if isHTTPVerb(fn) || fn == "stream" {
			return clientHTTPX
		}
	case "aiohttp":
		if fn == "request" {
			return clientAiohttp
		}
	case "urllib.request":
		if fn == "urlopen" || fn == "Request" {
			return clientUrllib
		}
	}
	return clientNone
}

// sessionClient classifies a session or client class by the qualified name
// of its constructor.
func sessionClient(made string) client {
	switch made {
	case "requests.Session", "requests.session", "requests.sessions.Session", "requests.sessions.session":
		return clientRequests
	case "httpx.Client", "httpx.AsyncClient":
		return clientHTTPX
	case "aiohttp.ClientSession", "aiohttp.client.ClientSession":
		return clientAiohttp
	}
	return clientNone
}

// requestCall classifies a call that sends an HTTP request: a module
// function, or a verb method on a session whose constructor is known. For
// a verb method on a receiver of unknown type it returns clientNone and
// unknown=true, so that a rule can still judge distinctive arguments.
func requestCall(m *semantic.Model, c *ast.Call, tail string) (cl client, method bool, unknown bool) {
	if cl := moduleFunc(m.CalleeName(c)); cl != clientNone {
		return cl, false, false
	}
	a, ok := c.Func.(*ast.Attribute)
	if !ok || (!isHTTPVerb(tail) && tail != "stream") {
		return clientNone, false, false
	}
	made := ruleutil.ConstructedBy(m, a.Value)
	if made == "" {
		if m.QualifiedName(a.Value) != "" {
			// A module or class attribute, e.g. os.environ.get: not a session.
			return clientNone, false, false
		}
		return clientNone, true, true
	}
	return sessionClient(made), true, false
}

// cutLast splits "a.b.c" into "a.b" and "c".
func cutLast(qn string) (string, string, bool) {
	i := strings.LastIndexByte(qn, '.')
	if i < 0 {
		return "", "", false
	}
	return qn[:i], qn[i+1:], true
}

// isConstFalse reports whether e is known to be False (not None, which
// several clients read as "use the default").
func isConstFalse(m *semantic.Model, e ast.Expr) bool {
	v, ok := m.ConstValue(e)
	return ok && v.Kind == ast.ConstFalse
}

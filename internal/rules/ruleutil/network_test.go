package ruleutil

import (
	"testing"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// finalCall parses src and returns its model and the last call in source
// order whose callee is an attribute or a name, outermost first.
func finalCall(t *testing.T, src string) (*semantic.Model, *ast.Call) {
	t.Helper()
	f, err := parser.Parse("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := semantic.Build(f.Module, semantic.Options{Module: "t"})
	var call *ast.Call
	ast.Inspect(f.Module.Body[len(f.Module.Body)-1], func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && call == nil {
			call = c
		}
		return call == nil
	})
	if call == nil {
		t.Fatalf("no call in %q", src)
	}
	return m, call
}

func TestConstructedBy(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"direct", "import requests\nrequests.Session().get(u)", "requests.Session"},
		{"variable", "import requests\ns = requests.Session()\ns.get(u)", "requests.Session"},
		{"alias_chain", "from httpx import Client\nc = Client()\nd = c\nd.get(u)", "httpx.Client"},
		{"reassigned", "import requests\ns = requests.Session()\ns = other()\ns.get(u)", ""},
		{"parameter", "def f(s):\n    s.get(u)", ""},
		{"attribute", "self.session.get(u)", ""},
		{"not_a_call", "d = {}\nd.get(u)", ""},
		{"with", "import requests\ndef f():\n    if x:\n        with requests.Session() as s:\n            s.get(u)", "requests.Session"},
		{"async_with", "import aiohttp\nasync def f():\n    async with aiohttp.ClientSession() as s, other() as t:\n        await s.get(u)", "aiohttp.ClientSession"},
		{"with_tuple", "with f() as (a, s):\n    s.get(u)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := finalCall(t, tt.src)
			var recv ast.Expr
			ast.Inspect(m.ModuleScope().Node, func(n ast.Node) bool {
				if x, ok := n.(*ast.Call); ok && MethodName(x) == "get" {
					recv = x.Func.(*ast.Attribute).Value
				}
				return true
			})
			if recv == nil {
				t.Fatalf("no .get call in %q", tt.src)
			}
			if got := ConstructedBy(m, recv); got != tt.want {
				t.Errorf("ConstructedBy = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValueOf(t *testing.T) {
	m, c := finalCall(t, "OPTS = {'a': 1}\nf(OPTS)")
	if _, ok := ValueOf(m, c.Args[0]).(*ast.Dict); !ok {
		t.Errorf("ValueOf(OPTS) = %T, want *ast.Dict", ValueOf(m, c.Args[0]))
	}
	m, c = finalCall(t, "def g(x):\n    f(x)")
	if got := ValueOf(m, c.Args[0]); got != c.Args[0] {
		t.Errorf("ValueOf(param) = %T, want the name itself", got)
	}
}

func TestResolvedTail(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"renamed_import", "from random import randint as rint\nrint(1, 2)", "randint"},
		{"plain_import", "from random import choice\nchoice(x)", "choice"},
		{"attribute", "import random as r\nr.choice(x)", "choice"},
		{"local", "def rint(): pass\nrint()", "rint"},
		{"subscript", "fs[0]()", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, c := finalCall(t, tt.src)
			if got := ResolvedTail(m, c); got != tt.want {
				t.Errorf("ResolvedTail = %q, want %q", got, tt.want)
			}
			if tt.name == "attribute" && CalleeTail(c) != "choice" {
				t.Errorf("CalleeTail = %q", CalleeTail(c))
			}
		})
	}
}

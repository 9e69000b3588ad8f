package injection

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// PartialPath flags processes started by a bare program name that PATH resolves.
var PartialPath = &analysis.Rule{
	Code:       "KR106",
	Name:       "start-process-with-partial-path",
	Summary:    "process started with a partial executable path",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{426, 78},
	Aliases:    []string{"B607", "S607"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails(subprocessTails, shellTails, execTails),
	Run:        runPartialPath,
	Doc: `## What it does
Flags calls that start a program by a bare or relative name ("git", not
"/usr/bin/git"): the subprocess functions, os.system, os.popen and the other
shell runners, os.exec*, os.spawn*, os.posix_spawn*, pty.spawn, pexpect and
asyncio's subprocess functions. It looks at the first item of a constant
argument list or the first word of a constant command string; for a shell
command it ignores shell builtins such as cd and export, and words that
the shell expands ($HOME/bin/tool, ~/bin/tool).

## Why is this bad?
The program that runs is whichever file of that name comes first in the
PATH of the process at run time. Whoever controls PATH, the working
directory (on Windows) or a writable directory early in PATH can substitute
their own program (CWE-426). The risk is real for privileged services and
scripts run by other users, and small elsewhere: hence the low severity.

## Example
~~~python
import subprocess

subprocess.run(["git", "pull", "--ff-only"], check=True)
~~~

## Use instead
Use the absolute path, or resolve it once with shutil.which under a
controlled PATH:
~~~python
import shutil

GIT = shutil.which("git", path="/usr/bin:/bin")
subprocess.run([GIT, "pull", "--ff-only"], check=True)
~~~

## References
- [Python docs: subprocess.Popen (program lookup)](https://docs.python.org/3/library/subprocess.html#subprocess.Popen)
- [CWE-426: Untrusted Search Path](https://cwe.mitre.org/data/definitions/426.html)
`,
}

func runPartialPath(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	tail := tailName(p.Model, c)
	var label, prog string
	var ok, viaShell bool
	switch {
	case subprocessTail(tail):
		if label = p.Model.CalleeName(c); subprocessFunc(label) {
			prog, viaShell, ok = subprocessProgram(p.Model, c)
			break
		}
		fallthrough
	case shellTail(tail) || execTail(tail):
		if label == "" {
			label = p.Model.CalleeName(c)
		}
		if pos, kw, isShell := shellFunc(label); isShell {
			if cmd := shellCommandArg(p.Model, c, pos, kw); cmd != nil {
				prog, ok = shellProgram(p.Model, cmd)
				viaShell = true
			} else {
				prog, ok = constArgvHead(p.Model, ruleutil.Arg(c, pos, kw))
			}
		} else if spec, isExec := execFunc(label); isExec && spec.shape != shapeFile {
			prog, ok = execProgram(p.Model, c, spec)
		}
	default:
		return
	}
	if !ok || fullPath(prog) || (viaShell && shellBuiltin(prog)) {
		return
	}
	p.Report(c, label+" starts "+strconv.Quote(prog)+" by a partial path; the PATH at run time decides which program runs")
}

// subprocessProgram returns the program a subprocess call starts, when the
// source fixes it, and whether a shell starts it.
func subprocessProgram(m *semantic.Model, c *ast.Call) (prog string, viaShell, ok bool) {
	shell, unknown := shellKeyword(m, c)
	if unknown {
		return "", false, false
	}
	if exe := ruleutil.Keyword(c, "executable"); exe != nil && !ruleutil.IsNone(exe.Value) {
		s, ok := m.ConstString(exe.Value)
		return s, false, ok
	}
	arg := ruleutil.Arg(c, 0, "args")
	if shell {
		if elts, ok := sequence(m, arg); ok && len(elts) > 0 {
			arg = elts[0]
		}
		s, ok := shellProgram(m, arg)
		return s, true, ok
	}
	s, ok := constArgvHead(m, arg)
	return s, false, ok
}

// shellProgram returns the first program of a constant shell command,
// after any leading VAR=value assignments.
func shellProgram(m *semantic.Model, e ast.Expr) (string, bool) {
	s, ok := m.ConstString(e)
	if !ok {
		return "", false
	}
	for _, w := range strings.Fields(s) {
		if strings.IndexByte(w, '=') > 0 && !strings.ContainsAny(w[:strings.IndexByte(w, '=')], "/\\") {
			continue // FOO=bar program ...
		}
		return w, true
	}
	return "", false
}

// execProgram returns the constant program of an exec-style call.
func execProgram(m *semantic.Model, c *ast.Call, spec execSpec) (string, bool) {
	a := execArgv(m, c, spec)
	if a.program != nil {
		return m.ConstString(a.program)
	}
	if a.opaque != nil {
		return constArgvHead(m, a.opaque)
	}
	return "", false
}

// fullPath reports whether a program name is an absolute or explicitly
// relative path, or one the shell expands, rather than a name PATH resolves.
func fullPath(prog string) bool {
	if prog == "" {
		return true
	}
	switch prog[0] {
	case '/', '\\', '.', '~', '$', '"', '\'', '%':
		return true
	}
	return len(prog) >= 2 && prog[1] == ':' && (prog[0]|0x20 >= 'a' && prog[0]|0x20 <= 'z')
}

// shellBuiltin reports the POSIX shell builtins and keywords that do not
// start a program.
func shellBuiltin(w string) bool {
	switch strings.TrimRight(w, ";") {
	case "cd", "echo", "export", "set", "unset", "exit", "source", "test", "[", "[[", "true", "false", "type",
		"command", "exec", "eval", "read", "printf", "pwd", "umask", "ulimit", "trap", "wait", "if", "for",
		"while", "case", "alias", "(", "{", "!", "builtin", ":", "shift", "return", "break", "continue", "local":
		return true
	}
	return false
}

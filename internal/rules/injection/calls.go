package injection

import (
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// tailName returns the last component of the name a call's callee would
// resolve to, without allocating: `m` for `x.y.m(...)`, `f` for `f(...)`,
// and for a bare name imported under another name (`from os import system
// as run_it`) the imported name. Rules switch on it before they pay for
// the qualified name.
func tailName(m *semantic.Model, c *ast.Call) string {
	switch f := c.Func.(type) {
	case *ast.Attribute:
		return f.Attr
	case *ast.Name:
		if commonBuiltin(f.ID) {
			return f.ID // nobody imports a command runner under these names
		}
		u := m.Use(f)
		if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil {
			return f.ID
		}
		switch u.Binding.Kind {
		case semantic.BindImportFrom, semantic.BindImport:
			q := u.Binding.Qualified
			return q[strings.LastIndexByte(q, '.')+1:]
		case semantic.BindAssign:
			// `run = subprocess.run` and similar aliases.
			if a, ok := u.Binding.Value.(*ast.Attribute); ok {
				return a.Attr
			}
		}
		return f.ID
	}
	return ""
}

// commonBuiltin reports the builtins called most often, which tailName
// returns without looking the name up: a third of all calls, saved a map
// lookup in every rule that asks.
func commonBuiltin(id string) bool {
	switch id {
	case "print", "len", "isinstance", "str", "int", "range", "list", "dict", "set", "tuple", "getattr",
		"setattr", "hasattr", "super", "type", "sorted", "enumerate", "zip", "min", "max", "repr", "iter",
		"next", "any", "all", "sum", "abs", "bool", "float", "id", "callable", "bytes", "object",
		"issubclass", "ValueError", "TypeError", "KeyError", "RuntimeError", "AttributeError":
		return true
	}
	return false
}

// callLabel names a call in a message: its qualified name when it resolves
// ("subprocess.run"), else the receiver and method as written
// ("cursor.execute"), else the method name.
func callLabel(m *semantic.Model, c *ast.Call) string {
	if qn := m.CalleeName(c); qn != "" {
		return qn
	}
	switch f := c.Func.(type) {
	case *ast.Attribute:
		switch v := f.Value.(type) {
		case *ast.Name:
			return v.ID + "." + f.Attr
		case *ast.Attribute:
			return v.Attr + "." + f.Attr
		}
		return f.Attr
	case *ast.Name:
		return f.ID
	}
	return "call"
}

// shellKeyword reports whether a call passes shell=<value> and whether that
// value is known: shell=True gives (true, true), shell=flag (false, true)
// for a flag the file does not fix, and no keyword or shell=False gives
// (false, false).
func shellKeyword(m *semantic.Model, c *ast.Call) (shell, unknown bool) {
	k := ruleutil.Keyword(c, "shell")
	if k == nil || ruleutil.IsFalse(m, k.Value) {
		return false, false
	}
	if ruleutil.IsTrue(m, k.Value) {
		return true, false
	}
	if _, ok := m.ConstValue(k.Value); ok {
		// A non-empty string or a non-zero number is truthy.
		return true, false
	}
	return false, true
}

// subprocessTails lists the last components of subprocessFunc's names.
var subprocessTails = []string{"Popen", "run", "call", "check_call", "check_output"}

func subprocessTail(tail string) bool { return slices.Contains(subprocessTails, tail) }

// subprocessFunc reports the subprocess functions that take an argv list or,
// with shell=True, a shell command.
func subprocessFunc(qn string) bool {
	switch qn {
	case "subprocess.Popen", "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output":
		return true
	}
	return false
}

// shellFunc returns, for a function that always runs its command through a
// shell, the position and keyword of that command.
func shellFunc(qn string) (pos int, kw string, ok bool) {
	switch qn {
	case "os.system":
		return 0, "command", true
	case "os.popen", "os.popen2", "os.popen3", "os.popen4",
		"popen2.popen2", "popen2.popen3", "popen2.popen4", "popen2.Popen3", "popen2.Popen4",
		"commands.getoutput", "commands.getstatusoutput",
		"subprocess.getoutput", "subprocess.getstatusoutput",
		"asyncio.create_subprocess_shell", "platform.popen":
		return 0, "cmd", true
	case "anyio.run_process", "anyio.open_process":
		// A string command goes to the shell; a sequence does not (see shellCommandArg).
		return 0, "command", true
	case "invoke.run", "invoke.sudo",
		"fabric.api.local", "fabric.api.run", "fabric.api.sudo",
		"fabric.operations.local", "fabric.operations.run", "fabric.operations.sudo":
		return 0, "command", true
	}
	return 0, "", false
}

// shellCommandArg returns the command a shell runner runs, or nil when the
// call passes none or passes an argument list that skips the shell
// (anyio.run_process with a sequence).
func shellCommandArg(m *semantic.Model, c *ast.Call, pos int, kw string) ast.Expr {
	cmd := ruleutil.Arg(c, pos, kw)
	if cmd == nil {
		return nil
	}
	if _, ok := sequence(m, cmd); ok {
		return nil
	}
	return cmd
}

// shellTails lists the last components of shellFunc's names: the cheap first
// test, and the Callees of the rules that look for shell runners.
var shellTails = []string{"system", "popen", "popen2", "popen3", "popen4", "Popen3", "Popen4", "getoutput",
	"getstatusoutput", "create_subprocess_shell", "run", "sudo", "local", "run_process", "open_process"}

func shellTail(tail string) bool { return slices.Contains(shellTails, tail) }

// execShape says how a function that starts a program without a shell takes
// the program and its arguments.
type execShape uint8

const (
	// shapeListArgs: program, then each argument separately (os.execl).
	shapeListArgs execShape = iota
	// shapeVector: program, then an argv sequence (os.execv, posix_spawn).
	shapeVector
	// shapeArgv: one argv sequence or string whose first item is the program (pty.spawn).
	shapeArgv
	// shapeFile: a file opened with its associated program (os.startfile).
	shapeFile
)

// execSpec locates the program of an exec-style call.
type execSpec struct {
	shape execShape
	pos   int    // position of the program (or argv for shapeArgv)
	kw    string // its keyword name, "" when positional-only
}

// execFunc describes the functions that start a program without a shell.
func execFunc(qn string) (execSpec, bool) {
	switch qn {
	case "os.execl", "os.execle", "os.execlp", "os.execlpe":
		return execSpec{shapeListArgs, 0, ""}, true
	case "os.execv", "os.execve":
		return execSpec{shapeVector, 0, "path"}, true
	case "os.execvp", "os.execvpe":
		return execSpec{shapeVector, 0, "file"}, true
	case "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe":
		return execSpec{shapeListArgs, 1, ""}, true
	case "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe":
		return execSpec{shapeVector, 1, ""}, true
	case "os.posix_spawn":
		return execSpec{shapeVector, 0, "path"}, true
	case "os.posix_spawnp":
		return execSpec{shapeVector, 0, "file"}, true
	case "asyncio.create_subprocess_exec":
		return execSpec{shapeListArgs, 0, "program"}, true
	case "pty.spawn":
		return execSpec{shapeArgv, 0, "argv"}, true
	case "pexpect.spawn", "pexpect.run", "pexpect.popen_spawn.PopenSpawn":
		return execSpec{shapeArgv, 0, "command"}, true
	case "os.startfile":
		return execSpec{shapeFile, 0, "filepath"}, true
	}
	return execSpec{}, false
}

// execTails lists the last components of execFunc's names, as shellTails does
// for shellFunc.
var execTails = []string{"execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe",
	"spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe",
	"posix_spawn", "posix_spawnp", "create_subprocess_exec", "spawn", "run", "PopenSpawn", "startfile"}

func execTail(tail string) bool { return slices.Contains(execTails, tail) }

// tails joins lists of callee names into one Callees list.
func tails(lists ...[]string) []string { return slices.Concat(lists...) }

// sequence returns the elements of a list or tuple literal, through
// variables assigned one and through + of such literals.
func sequence(m *semantic.Model, e ast.Expr) ([]ast.Expr, bool) {
	return sequenceDepth(m, e, 0)
}

func sequenceDepth(m *semantic.Model, e ast.Expr, depth int) ([]ast.Expr, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch x := valueOf(m, e).(type) {
	case *ast.List:
		return x.Elts, true
	case *ast.Tuple:
		return x.Elts, true
	case *ast.BinOp:
		if x.Op != ast.Add {
			return nil, false
		}
		l, ok := sequenceDepth(m, x.Left, depth+1)
		if !ok {
			return nil, false
		}
		r, ok := sequenceDepth(m, x.Right, depth+1)
		if !ok {
			return nil, false
		}
		return append(l[:len(l):len(l)], r...), true
	}
	return nil, false
}

// constArgvHead returns the first word of a command: the first element of
// a list or tuple, or the first whitespace-separated word of a string,
// when the source fixes it.
func constArgvHead(m *semantic.Model, e ast.Expr) (string, bool) {
	if elts, ok := sequence(m, e); ok {
		if len(elts) == 0 {
			return "", false
		}
		s, ok := m.ConstString(elts[0])
		return s, ok
	}
	s, ok := m.ConstString(e)
	if !ok {
		return "", false
	}
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		s = s[:i]
	}
	return s, true
}

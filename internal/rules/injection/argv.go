package injection

import (
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// argv is what a call that starts a program without a shell runs, as far
// as the source spells it out.
type argv struct {
	// program is the executable (or argv[0]); nil when unknown.
	program ast.Expr
	// args are the arguments after the program, when spelled out.
	args []ast.Expr
	// opaque is the whole argument vector when it is not spelled out:
	// a variable, `shlex.split(cmd)`, `cmd.split()`.
	opaque ast.Expr
}

// subprocessArgv reads the argv of a subprocess.Popen-family call run
// without a shell. A string is the program itself, as on POSIX.
func subprocessArgv(m *semantic.Model, c *ast.Call) argv {
	var a argv
	e := ruleutil.Arg(c, 0, "args")
	if elts, ok := sequence(m, e); ok {
		if len(elts) > 0 {
			if _, star := elts[0].(*ast.Starred); !star {
				a.program, a.args = elts[0], elts[1:]
			} else {
				a.opaque = e
			}
		}
	} else if isStringValue(m, e) {
		a.program = e
	} else {
		a.opaque = e
	}
	if exe := ruleutil.Keyword(c, "executable"); exe != nil && !ruleutil.IsNone(exe.Value) {
		a.program = exe.Value
	}
	return a
}

// isStringValue reports whether e is known to be a str: a constant or an
// expression that builds one.
func isStringValue(m *semantic.Model, e ast.Expr) bool {
	if e == nil {
		return false
	}
	c := classifier{m: m}
	return c.stringish(e, 0)
}

// execArgv reads the argv of an exec-style call described by spec.
func execArgv(m *semantic.Model, c *ast.Call, spec execSpec) argv {
	var a argv
	switch spec.shape {
	case shapeListArgs:
		a.program = ruleutil.Arg(c, spec.pos, spec.kw)
		if len(c.Args) > spec.pos+1 {
			a.args = c.Args[spec.pos+1:]
			if spec.kw != "program" {
				// os.execl(path, arg0, ...): arg0 only names the program to itself.
				a.args = a.args[1:]
			}
		}
	case shapeVector:
		a.program = ruleutil.Arg(c, spec.pos, spec.kw)
		vec := ruleutil.Arg(c, spec.pos+1, "argv")
		if vec == nil {
			vec = ruleutil.Arg(c, spec.pos+1, "args")
		}
		if elts, ok := sequence(m, vec); ok {
			if len(elts) > 0 {
				a.args = elts[1:]
			}
		} else if vec != nil {
			a.opaque = vec
		}
	case shapeFile:
		a.program = ruleutil.Arg(c, spec.pos, spec.kw)
	case shapeArgv:
		vec := ruleutil.Arg(c, spec.pos, spec.kw)
		if elts, ok := sequence(m, vec); ok && len(elts) > 0 {
			a.program, a.args = elts[0], elts[1:]
		} else {
			// A string is a command line the function splits itself.
			a.opaque = vec
		}
	}
	return a
}

// hasStarred reports whether a list passes *args, which hides its items.
func hasStarred(list []ast.Expr) bool {
	for _, e := range list {
		if _, ok := e.(*ast.Starred); ok {
			return true
		}
	}
	return false
}

// programSource judges the program of an argv: besides constants, the
// running interpreter (sys.executable) and shutil.which("name") are fixed
// by the program, not by its input.
func programSource(m *semantic.Model, e ast.Expr) source {
	if e == nil {
		return srcConst()
	}
	v := valueOf(m, e)
	if m.QualifiedNameIs(v, "sys.executable") {
		return srcConst()
	}
	if c, ok := v.(*ast.Call); ok && len(c.Args) > 0 && m.QualifiedNameIs(c.Func, "shutil.which") {
		if _, ok := m.ConstString(c.Args[0]); ok {
			return srcConst()
		}
	}
	return classify(m, e, modeShell)
}

// argsSource judges the arguments of an argv, worst first.
func argsSource(m *semantic.Model, args []ast.Expr) source {
	s := srcConst()
	for _, e := range args {
		if st, ok := e.(*ast.Starred); ok {
			e = st.Value
		}
		s = worse(s, classify(m, e, modeShell))
	}
	return s
}

// shellCommand returns the command string of an argv that runs a shell
// interpreter with a command (`["sh", "-c", cmd]`, `["cmd", "/c", cmd]`,
// `["powershell", "-Command", cmd]`), and the interpreter's name.
func shellCommand(m *semantic.Model, a argv) (cmd ast.Expr, shell string) {
	if a.program == nil || len(a.args) == 0 {
		return nil, ""
	}
	prog, ok := m.ConstString(a.program)
	if !ok {
		return nil, ""
	}
	args := a.args
	base := programBase(prog)
	for (base == "env" || base == "sudo" || base == "doas") && len(args) > 0 {
		// env [-i] [VAR=value ...] program ...: the program comes later.
		next, ok := m.ConstString(args[0])
		if !ok {
			return nil, ""
		}
		args = args[1:]
		if !strings.HasPrefix(next, "-") && strings.IndexByte(next, '=') < 0 {
			base = programBase(next)
		}
	}
	for i, arg := range args {
		flag, ok := m.ConstString(arg)
		if !ok {
			return nil, ""
		}
		if commandFlag(base, flag) {
			if i+1 < len(args) {
				return args[i+1], base
			}
			return nil, ""
		}
		if !strings.HasPrefix(flag, "-") && !strings.HasPrefix(flag, "/") {
			return nil, "" // a script file: not a command string
		}
	}
	return nil, ""
}

// programBase returns the lower-case file name of a program path without
// a Windows .exe suffix.
func programBase(prog string) string {
	base := strings.ToLower(path.Base(strings.ReplaceAll(prog, `\`, "/")))
	return strings.TrimSuffix(base, ".exe")
}

// commandFlag reports whether flag makes the shell named base run its next
// argument as a command.
func commandFlag(base, flag string) bool {
	switch base {
	case "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "csh", "tcsh", "fish", "busybox":
		// -c, or grouped short options that include c: -lc, -ec, -xec.
		if len(flag) < 2 || flag[0] != '-' || flag[1] == '-' {
			return false
		}
		return strings.IndexByte(flag[1:], 'c') >= 0 && strings.Trim(flag[1:], "abcefhiklmnprstuvxBCEHT") == ""
	case "cmd":
		f := strings.ToLower(flag)
		return f == "/c" || f == "/k" || f == "/r"
	case "powershell", "pwsh":
		f := strings.ToLower(flag)
		return len(f) >= 2 && strings.HasPrefix("-command", f) || f == "-encodedcommand" || f == "-ec"
	}
	return false
}

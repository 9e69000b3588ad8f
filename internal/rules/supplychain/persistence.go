package supplychain

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// PersistenceWrite flags writes to the files and keys that make code run at
// login, at boot, on a schedule or at every Python start.
var PersistenceWrite = &analysis.Rule{
	Code:       "KR817",
	Name:       "persistence-path-write",
	Summary:    "write to a startup, scheduler or autorun location",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506, 912},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees: tails([]string{"open", "copy", "copy2", "copyfile", "move", "rename", "replace", "symlink", "link",
		"SetValueEx", "SetValue", "write_text", "write_bytes", "symlink_to", "hardlink_to"}, processCalls),
	Run: runPersistence,
	Doc: `## What it does
Flags writes (open in a write or append mode, Path.write_text/write_bytes,
shutil.copy/move, os.rename/replace/symlink) to shell start-up files
(.bashrc, .profile, .zshrc, ...), cron tables, XDG autostart entries, macOS
LaunchAgents and LaunchDaemons, systemd units, rc.local, the Windows Startup
folder, PowerShell profiles, ~/.ssh/authorized_keys, and sitecustomize.py,
usercustomize.py and .pth files in site-packages or under the interpreter's
prefix (not in a temporary build environment, as pip writes);
winreg.SetValue/SetValueEx on a ...\CurrentVersion\Run key; and commands
that install a cron job, a scheduled task or a launch agent. A write whose
file name is a parameter of the enclosing function (a helper such as
add_cron(name, command), which writes the entry its caller names) is
medium. It applies to every file but tests (conftest.py is checked: pytest
runs it). Reading these files is not reported.

## Why is this bad?
A package that writes there makes its code survive the uninstall and run
again at the next login, boot or Python start: the persistence step of
malware (MITRE ATT&CK T1546, T1547, T1053).

## Example
~~~python
import os
with open(os.path.expanduser("~/.bashrc"), "a") as f:
    f.write("\npython3 -c 'import mypkg._agent' &\n")
~~~

## Use instead
Document the line the user may add, or provide an entry point the user
chooses to run:
~~~python
[project.scripts]
mytool = "mypkg.cli:main"
~~~

## References
- [MITRE ATT&CK T1546.004: Unix Shell Configuration Modification](https://attack.mitre.org/techniques/T1546/004/)
- [MITRE ATT&CK T1547.001: Registry Run Keys / Startup Folder](https://attack.mitre.org/techniques/T1547/001/)
- [Python docs: site, .pth files](https://docs.python.org/3/library/site.html)
- [CWE-912: Hidden Functionality](https://cwe.mitre.org/data/definitions/912.html)
`,
}

// startupPaths are path fragments (lowercase, slash-separated, after a
// leading "/") of places whose contents run automatically.
var startupPaths = []string{
	"/.bashrc", "/.bash_profile", "/.bash_login", "/.profile", "/.zshrc", "/.zprofile", "/.zshenv",
	"/.zlogin", "/config.fish", "/etc/profile", "/etc/bash.bashrc", "/etc/crontab", "/etc/cron.",
	"/var/spool/cron", "/.config/autostart", "/launchagents/", "/launchdaemons/", "/.config/systemd/",
	"/etc/systemd/system", "/etc/rc.local", "/etc/init.d/", "/start menu/programs/startup",
	"/microsoft/windows/start menu/programs/startup", "/.ssh/authorized_keys", "powershell_profile.ps1",
}

// siteFiles are the files (as startupPaths) that Python runs at start-up
// only from a directory on its start-up path, such as site-packages: pip
// writes a sitecustomize.py into each temporary build environment.
var siteFiles = []string{"/sitecustomize.py", "/usercustomize.py"}

// persistenceCommands are command fragments that install a job or an autorun.
var persistenceCommands = []string{
	"crontab -", "| crontab", "|crontab", "schtasks /create", "schtasks.exe /create", "currentversion/run",
	"launchctl load", "launchctl bootstrap", "systemctl --user enable", "systemctl enable",
	">> ~/.bashrc", ">>~/.bashrc", ">> ~/.profile", ">> ~/.zshrc",
}

func runPersistence(p *analysis.Pass, n ast.Node) {
	if ruleutil.InTestFile(p) && !strings.HasSuffix(p.Path, "conftest.py") {
		return // tests build throwaway environments; conftest.py runs under pytest
	}
	c := n.(*ast.Call)
	m := p.Model
	qn := m.CalleeName(c)
	var target ast.Expr
	switch qn {
	case "builtins.open", "io.open", "codecs.open", "os.open":
		if !writeMode(m, c, qn) {
			return
		}
		target = argOr(c, 0)
	case "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.move", "os.rename", "os.replace",
		"os.symlink", "os.link":
		target = argOr(c, 1)
		if target == nil {
			if k := keyword(c, "dst"); k != nil {
				target = k
			}
		}
	case "winreg.SetValueEx", "winreg.SetValue", "_winreg.SetValueEx", "_winreg.SetValue":
		if key := runKey(m, argOr(c, 0)); key != "" {
			p.Report(c, qn+" writes to the autorun registry key "+key)
		}
		return
	default:
		if processCalls[qn] {
			if s, ok := hasAny(textOf(m, argOr(c, 0)), persistenceCommands); ok {
				p.Report(c, qn+" runs a command that installs an autorun ("+strings.TrimSpace(s)+")")
			}
			return
		}
		a, ok := c.Func.(*ast.Attribute)
		if !ok {
			return
		}
		switch a.Attr {
		case "write_text", "write_bytes", "symlink_to", "hardlink_to":
			target = a.Value
		case "open":
			if !writeMode(m, c, "") {
				return
			}
			target = a.Value
		default:
			return
		}
	}
	if target == nil {
		return
	}
	text := "/" + textOf(m, target)
	if s, ok := hasAny(text, startupPaths); ok {
		msg := "writes to " + strings.TrimPrefix(s, "/") + ", which runs automatically"
		if namedByCaller(m, target, 0) {
			// A helper that writes the entry its caller names, such as
			// boto's add_cron(name, command): a tool's feature more often
			// than a payload, which names its own file.
			report(p, c, analysis.SeverityMedium, 0, msg+" (the caller names the file)")
			return
		}
		p.Report(c, msg)
		return
	}
	inSite := strings.Contains(text, "-packages") || mentionsSitePackages(m, target, 0)
	if s, ok := hasAny(text, siteFiles); ok && inSite {
		p.Report(c, "writes to "+strings.TrimPrefix(s, "/")+", which runs automatically")
		return
	}
	if strings.HasSuffix(text, ".pth") && inSite {
		p.Report(c, "writes a .pth file into site-packages, which runs at every Python start")
	}
}

// keyword returns the value of the keyword argument name, or nil.
func keyword(c *ast.Call, name string) ast.Expr {
	for _, k := range c.Keywords {
		if k.Arg == name {
			return k.Value
		}
	}
	return nil
}

// writeMode reports whether an open() call opens for writing or appending.
// qn is "" for a Path.open method, whose mode is the first argument.
func writeMode(m *semantic.Model, c *ast.Call, qn string) bool {
	pos := 1
	if qn == "" {
		pos = 0
	}
	if qn == "os.open" {
		write := false
		ast.Inspect(argOr(c, 1), func(n ast.Node) bool {
			if a, ok := n.(*ast.Attribute); ok {
				switch a.Attr {
				case "O_WRONLY", "O_RDWR", "O_APPEND", "O_CREAT", "O_TRUNC":
					write = true
				}
			}
			return !write
		})
		return write
	}
	mode := keyword(c, "mode")
	if mode == nil {
		mode = argOr(c, pos)
	}
	if mode == nil {
		return false
	}
	s, ok := m.ConstString(mode)
	return ok && strings.ContainsAny(s, "wax+")
}

// runKey returns the registry path of a key opened by winreg.OpenKey or
// CreateKey under ...\CurrentVersion\Run, or "".
func runKey(m *semantic.Model, e ast.Expr) string {
	if v := bound(m, e); v != nil {
		e = v
	} else if e != nil {
		e = ruleutil.ValueOf(m, e) // `with OpenKey(...) as key`
	}
	c, ok := e.(*ast.Call)
	if !ok {
		return ""
	}
	switch strings.TrimPrefix(m.CalleeName(c), "_") {
	case "winreg.OpenKey", "winreg.OpenKeyEx", "winreg.CreateKey", "winreg.CreateKeyEx":
	default:
		return ""
	}
	text := textOf(m, argOr(c, 1))
	if strings.Contains(text, "currentversion/run") {
		return `...\CurrentVersion\Run`
	}
	return ""
}

// mentionsSitePackages reports whether a path is built from site's or
// sysconfig's answer to "where is site-packages", or from the interpreter's
// own prefix, under which site-packages and the standard library live.
func mentionsSitePackages(m *semantic.Model, e ast.Expr, depth int) bool {
	if depth > maxHops || e == nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Call:
			switch m.CalleeName(x) {
			case "site.getsitepackages", "site.getusersitepackages", "sysconfig.get_path", "sysconfig.get_paths",
				"distutils.sysconfig.get_python_lib":
				found = true
			}
		case *ast.Attribute:
			for _, qn := range [...]string{"site.USER_SITE", "site.USER_BASE", "sys.prefix", "sys.exec_prefix",
				"sys.base_prefix", "sys.base_exec_prefix", "sys.path"} {
				if m.QualifiedNameIs(x, qn) {
					found = true
				}
			}
		case *ast.Name:
			if v := bound(m, x); v != nil && mentionsSitePackages(m, v, depth+1) {
				found = true
			}
		}
		return !found
	})
	return found
}

// namedByCaller reports whether the last part of a path, its file name, is
// a parameter of the enclosing function: '/etc/cron.d/%s' % name,
// os.path.join(d, name), f"{d}/{name}", or a variable holding one of them.
func namedByCaller(m *semantic.Model, e ast.Expr, depth int) bool {
	if depth > maxHops || e == nil {
		return false
	}
	switch x := e.(type) {
	case *ast.Name:
		if v := bound(m, x); v != nil {
			return namedByCaller(m, v, depth+1)
		}
		u := m.Use(x)
		return u != nil && u.Binding != nil && u.Binding.Kind == semantic.BindParam
	case *ast.BinOp:
		if t, ok := x.Right.(*ast.Tuple); ok && len(t.Elts) > 0 {
			return namedByCaller(m, t.Elts[len(t.Elts)-1], depth+1)
		}
		return namedByCaller(m, x.Right, depth+1)
	case *ast.JoinedStr:
		if len(x.Values) > 0 {
			if fv, ok := x.Values[len(x.Values)-1].(*ast.FormattedValue); ok {
				return namedByCaller(m, fv.Value, depth+1)
			}
		}
	case *ast.Call:
		if a, ok := x.Func.(*ast.Attribute); ok && a.Attr == "join" && len(x.Args) > 1 {
			return namedByCaller(m, x.Args[len(x.Args)-1], depth+1)
		}
	}
	return false
}

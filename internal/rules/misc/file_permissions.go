package misc

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// BadFilePermissions flags chmod calls whose mode lets other users write the file.
var BadFilePermissions = &analysis.Rule{
	Code:       "KR902",
	Name:       "bad-file-permissions",
	Summary:    "chmod grants write access to group or other users",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{732},
	Aliases:    []string{"B103", "S103"},
	Kinds:      []ast.Kind{ast.KindCall},
	Run:        runBadFilePermissions,
	Doc: `## What it does
Flags ` + "`os.chmod`, `os.lchmod`, `os.fchmod`, `pathlib.Path.chmod`" + ` and other ` + "`chmod`" + ` methods
(such as paramiko's ` + "`SFTPClient.chmod`" + `) whose mode is fixed by the source and grants
write access beyond the owner. The mode may be an integer literal, ` + "`stat.S_*`" + ` constants
combined with ` + "`|`, `&`, `~`" + `, or a name bound to one of those; ` + "`st.st_mode | stat.S_IWOTH`" + `
counts too, since the others-write bit is set whatever ` + "`st_mode`" + ` was.

The chmod program run through ` + "`os.system`, `os.popen`" + ` or ` + "`subprocess`" + ` with a constant
mode (` + "`os.system(\"chmod -R 777 \" + path)`, `subprocess.run([\"chmod\", \"o+w\", path])`" + `) is
reported the same way.

- world-writable (the 0o002 bit): high severity;
- group-writable (0o020) or setuid/setgid (0o4000, 0o2000): medium severity.

Modes such as 0o755 or 0o644 (readable or executable by others) are not reported:
that is the normal mode of programs and public files. Unlike the mode given to
` + "`open`, `os.makedirs`" + ` or ` + "`os.open`" + `, a chmod mode is not reduced by the umask. A
` + "`chmod`" + ` method whose receiver is not known to be a path reports with medium
confidence, and findings in test code with low confidence.

## Why is this bad?
A file that any local user can write can be replaced or altered by any of them:
a world-writable script, configuration or upload directory lets another account
(or a compromised service running as one) inject code or data that the
application later trusts. Setuid and setgid bits make a program run with its
owner's or group's rights (CWE-732).

## Example
` + "```python" + `
import os, stat

os.chmod("/srv/app/config.yaml", 0o777)
os.chmod(script, os.stat(script).st_mode | stat.S_IWOTH)
` + "```" + `

## Use instead
Grant the least access that works, and write access to the owner only:
` + "```python" + `
os.chmod("/srv/app/config.yaml", 0o600)
os.chmod(script, 0o755)
` + "```" + `

## References
- [Python docs: os.chmod](https://docs.python.org/3/library/os.html#os.chmod)
- [Python docs: stat](https://docs.python.org/3/library/stat.html)
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
`,
}

func runBadFilePermissions(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	tail := ruleutil.ResolvedTail(p.Model, c)
	if tail != "chmod" && tail != "lchmod" && tail != "fchmod" {
		if isCommandRunner(tail) {
			chmodCommand(p, c)
		}
		return
	}
	m := p.Model
	qn := m.CalleeName(c)
	var mode ast.Expr
	conf := analysis.ConfidenceHigh
	switch qn {
	case "os.chmod", "os.lchmod", "os.fchmod", "posix.chmod", "posix.lchmod", "posix.fchmod":
		mode = ruleutil.Arg(c, 1, "mode")
	default:
		if _, ok := c.Func.(*ast.Attribute); !ok {
			return // a local function called chmod
		}
		// Path.chmod(mode) takes the mode first; SFTPClient.chmod(path, mode)
		// and the os-like helpers of other libraries take it second.
		switch {
		case ruleutil.Keyword(c, "mode") != nil:
			mode = ruleutil.Keyword(c, "mode").Value
		case len(c.Args) == 1:
			mode = c.Args[0]
		case len(c.Args) == 2:
			mode = c.Args[1]
		}
		if ctor := ruleutil.ConstructedBy(m, c.Func.(*ast.Attribute).Value); ctor == "pathlib.Path" || ctor == "pathlib.PosixPath" {
			qn = ctor + "." + tail
		} else {
			qn = ruleutil.CallLabel(m, c)
			conf = analysis.ConfidenceMedium
		}
	}
	if mode == nil {
		return
	}
	bits := evalMode(m, mode, 0)
	if bits.set == 0 || bits.set < 0 || bits.set > 0o7777 {
		return
	}
	conf = inTestCode(p, conf)
	what := "mode " + octal(bits.set)
	if !bits.exact {
		what = "a mode with the bits " + octal(bits.set)
	}
	switch {
	case bits.set&modeOthersWrite != 0:
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Confidence: conf,
			Message: qn + " sets " + what + ": the file is world-writable, so any local user can change it"})
	case bits.set&modeGroupWrite != 0:
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: min(conf, analysis.ConfidenceMedium),
			Message: qn + " sets " + what + ": the file is group-writable, so every member of its group can change it"})
	case bits.set&(modeSetUID|modeSetGID) != 0:
		p.ReportDiagnostic(analysis.Diagnostic{Node: c, Severity: analysis.SeverityMedium, Confidence: min(conf, analysis.ConfidenceMedium),
			Message: qn + " sets " + what + ": the setuid/setgid bit makes the program run with its owner's or group's rights"})
	}
}

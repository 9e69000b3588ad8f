package injection

import (
	"path"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// WildcardInjection flags shell commands that pass a * wildcard to tar, chown,
// chmod, chgrp or rsync.
var WildcardInjection = &analysis.Rule{
	Code:       "KR108",
	Name:       "shell-wildcard-injection",
	Summary:    "shell command passes a * wildcard to tar/chown/chmod/rsync",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{155, 78},
	Aliases:    []string{"B609", "S609"},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails(subprocessTails, shellTails, execTails),
	Run:        runWildcardInjection,
	Doc: `## What it does
Flags commands run through a shell (subprocess with shell=True, os.system,
os.popen, subprocess.getoutput and the other shell runners, and explicit
"sh -c") in which tar, chown, chmod, chgrp or rsync receives an unquoted
argument containing a * wildcard. It reads the fixed text of the command,
so f-strings and concatenations are checked too.

## Why is this bad?
The shell expands * into the names of the files in the directory, and the
program cannot tell a file name from an option. Whoever can create a file
named "--checkpoint-action=exec=sh x.sh" (tar), "--reference=owned" (chown,
chmod) or "-e sh x.sh" (rsync) in that directory runs commands or changes
ownership with the rights of the caller (CWE-155, CWE-78).

## Example
~~~python
import os

os.system("cd /srv/uploads && tar czf /backups/uploads.tgz *")
~~~

## Use instead
End the options with "--" or prefix the glob with "./" so that expanded
names cannot start with "-", or list the files in Python and pass them
without a shell:
~~~python
os.system("cd /srv/uploads && tar czf /backups/uploads.tgz -- *")
~~~

## References
- [Exploiting wildcards on Linux (Leon Juranic, DefenseCode)](https://www.exploit-db.com/papers/33930)
- [CWE-155: Improper Neutralization of Wildcards or Matching Symbols](https://cwe.mitre.org/data/definitions/155.html)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
`,
}

func runWildcardInjection(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	if len(c.Args) == 0 && len(c.Keywords) == 0 {
		return
	}
	tail := tailName(p.Model, c)
	if !shellTail(tail) && !execTail(tail) && !subprocessTail(tail) {
		return
	}
	label := p.Model.CalleeName(c)
	var cmd ast.Expr
	if subprocessFunc(label) {
		if shell, _ := shellKeyword(p.Model, c); !shell {
			return
		}
		cmd = ruleutil.Arg(c, 0, "args")
		if elts, ok := sequence(p.Model, cmd); ok && len(elts) > 0 {
			cmd = elts[0]
		}
	} else if pos, kw, ok := shellFunc(label); ok {
		cmd = shellCommandArg(p.Model, c, pos, kw)
	} else if spec, ok := execFunc(label); ok {
		cmd, _ = shellCommand(p.Model, execArgv(p.Model, c, spec))
	}
	if cmd == nil {
		return
	}
	if prog := wildcardProgram(skeleton(p.Model, cmd)); prog != "" {
		p.Report(c, label+" runs "+strconv.Quote(prog)+" on a * wildcard through a shell; file names that look like options become arguments")
	}
}

// wildcardProgram returns the first program among tar, chown, chmod, chgrp
// and rsync that gets an unquoted argument with a * in the shell command
// text s, or "".
func wildcardProgram(s string) string {
	if strings.IndexByte(s, '*') < 0 {
		return ""
	}
	for _, simple := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == '&' || r == '|' || r == '\n' || r == '(' || r == ')' || r == '`'
	}) {
		words := strings.Fields(simple)
		i := 0
		for i < len(words) && (strings.IndexByte(words[i], '=') > 0 || prefixCommand(words[i])) {
			i++
		}
		if i == len(words) {
			continue
		}
		prog := path.Base(words[i])
		switch prog {
		case "tar", "chown", "chmod", "chgrp", "rsync":
		default:
			continue
		}
		for _, w := range words[i+1:] {
			if w == "--" {
				break // options end here: expanded names stay names
			}
			if strings.IndexByte(w, '*') >= 0 && w[0] != '-' && w[0] != '\'' && w[0] != '"' && !strings.HasPrefix(w, "./") && !strings.HasPrefix(w, "/") {
				return prog
			}
		}
	}
	return ""
}

// prefixCommand reports the commands that run the rest of the line as
// another command.
func prefixCommand(w string) bool {
	switch w {
	case "sudo", "nice", "nohup", "env", "exec", "time", "ionice", "doas", "command":
		return true
	}
	return false
}

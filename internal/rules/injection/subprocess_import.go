package injection

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// SubprocessImport flags imports of subprocess as an audit hint.
var SubprocessImport = &analysis.Rule{
	Code:       "KR116",
	Name:       "subprocess-import",
	Summary:    "import of the subprocess module (audit hint)",
	Severity:   analysis.SeverityLow,
	Confidence: analysis.ConfidenceLow,
	CWE:        []int{78},
	Aliases:    []string{"B404", "S404"},
	Kinds:      []ast.Kind{ast.KindImport, ast.KindImportFrom},
	Run:        runSubprocessImport,
	Doc: `## What it does
Flags import subprocess and from subprocess import .... It is an audit
hint, not a vulnerability: it marks the files where commands are run so
that a reviewer looks at them. The rules that judge the calls themselves
are KR101 to KR106 and KR117. It exists because Bandit reports it (B404);
most projects will want to --ignore it.

## Why is this bad?
Nothing is wrong with the import. Modules that start processes are where
command injection (CWE-78) happens, so they deserve a closer look.

## Example
~~~python
import subprocess
~~~

## Use instead
Keep the import, and make sure every call passes an argument list without a
shell, with validated arguments. Silence the hint per line with
"# krait: ignore[KR116]" or for the project with --ignore KR116.

## References
- [Python docs: subprocess, Security Considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
`,
}

func runSubprocessImport(p *analysis.Pass, n ast.Node) {
	switch s := n.(type) {
	case *ast.Import:
		for _, a := range s.Names {
			if a.Name == "subprocess" || strings.HasPrefix(a.Name, "subprocess.") {
				p.Report(a, "import of subprocess; review how the commands it runs are built")
			}
		}
	case *ast.ImportFrom:
		if s.Level == 0 && s.Module == "subprocess" {
			p.Report(s, "import from subprocess; review how the commands it runs are built")
		}
	}
}

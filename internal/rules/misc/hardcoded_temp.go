package misc

import (
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// HardcodedTempPath flags fixed file paths in shared temporary directories.
var HardcodedTempPath = &analysis.Rule{
	Code:       "KR903",
	Name:       "hardcoded-temp-path",
	Summary:    "hard-coded path in a shared temporary directory",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{377},
	Aliases:    []string{"B108", "S108"},
	Kinds:      []ast.Kind{ast.KindCall, ast.KindAssign, ast.KindAnnAssign, ast.KindArguments, ast.KindDict, ast.KindReturn},
	Run:        runHardcodedTempPath,
	Doc: `## What it does
Flags fixed paths in the world-writable temporary directories ` + "`/tmp`, `/var/tmp`,\n`/dev/shm`" + ` and ` + "`/usr/tmp`" + ` where they are used as paths: passed to a call (` + "`open`,\n`os.path.join`, `pathlib.Path`, `shutil`" + `, a subprocess argument list, ` + "`df.to_csv`" + `, ...),
assigned to a name, returned, given as a parameter default or as a value in a
dict literal.
Literals, f-strings, ` + "`%`" + `, ` + "`+`" + ` and ` + "`.format`" + ` strings that start with such a path count.

It stays quiet in test code (see ` + "`assert-used`" + ` for what counts as test code) and
where the text is not used as a path: ` + "`str`" + ` methods such as
` + "`startswith`" + `, comparisons, log and print messages, URL routes, and the ` + "`dir=`" + ` of
the ` + "`tempfile`" + ` functions (which create unpredictable names safely). A path that is
only the fallback of an environment variable (` + "`os.getenv(\"TMPDIR\", \"/tmp\")`" + `) is
reported with low confidence; a path given to a call that creates or writes
files with high confidence.

## Why is this bad?
Every local user can create files in these directories. A program that uses a
fixed name there can find the name already taken by another user's file, or by
a symlink that redirects its writes to a file the program's account owns; it
can read data planted by someone else, and what it writes may be readable by
others (CWE-377). Names that a program builds from a fixed prefix and a
predictable suffix (a PID, a user name) have the same problem.

## Example
` + "```python" + `
LOG = "/tmp/app.log"

def export(rows):
    with open(f"/tmp/export-{os.getpid()}.csv", "w") as f:
        csv.writer(f).writerows(rows)
` + "```" + `

## Use instead
Let the tempfile module create a file or directory with an unpredictable name
and private permissions, or use a directory that belongs to the application:
` + "```python" + `
import tempfile

with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    csv.writer(f).writerows(rows)

with tempfile.TemporaryDirectory() as work:
    ...
` + "```" + `

## References
- [Python docs: tempfile](https://docs.python.org/3/library/tempfile.html)
- [CWE-377: Insecure Temporary File](https://cwe.mitre.org/data/definitions/377.html)
- [OWASP: Insecure Temporary File](https://owasp.org/www-community/vulnerabilities/Insecure_Temporary_File)
`,
}

// tempRisk ends the rule's messages.
const tempRisk = ": other local users can predict it and create or link it first; use the tempfile module"

func runHardcodedTempPath(p *analysis.Pass, n ast.Node) {
	switch x := n.(type) {
	case *ast.Call:
		tempPathInCall(p, x)
	case *ast.Assign:
		if path, ok := tempPath(x.Value); ok && len(x.Targets) > 0 {
			reportTemp(p, analysis.Diagnostic{Node: x.Value, Message: "hard-coded temporary path " + pathText(p, x.Value, path) + " assigned to " + targetText(p, x.Targets[0]) + tempRisk})
		}
	case *ast.AnnAssign:
		if path, ok := tempPath(x.Value); ok {
			reportTemp(p, analysis.Diagnostic{Node: x.Value, Message: "hard-coded temporary path " + pathText(p, x.Value, path) + " assigned to " + targetText(p, x.Target) + tempRisk})
		}
	case *ast.Return:
		if path, ok := tempPath(x.Value); ok {
			reportTemp(p, analysis.Diagnostic{Node: x.Value, Message: "hard-coded temporary path " + pathText(p, x.Value, path) + " returned: other local users can predict it and create or link it first; use the tempfile module"})
		}
	case *ast.Arguments:
		for _, d := range x.Defaults {
			reportTempDefault(p, d)
		}
		for _, d := range x.KwDefaults {
			reportTempDefault(p, d)
		}
	case *ast.Dict:
		for i, v := range x.Values {
			path, ok := tempPath(v)
			if !ok {
				continue
			}
			key := "a dict value"
			if i < len(x.Keys) && x.Keys[i] != nil {
				if k, ok := p.Model.ConstString(x.Keys[i]); ok {
					key = "the dict key " + strconv.Quote(k)
				}
			}
			reportTemp(p, analysis.Diagnostic{Node: v, Message: "hard-coded temporary path " + pathText(p, v, path) + " as " + key + tempRisk})
		}
	}
}

// reportTemp reports a temporary path unless the file is test code, where
// fixed scratch paths describe the test machine, not the application.
func reportTemp(p *analysis.Pass, d analysis.Diagnostic) {
	if !ruleutil.IsTestPath(p.Path) {
		p.ReportDiagnostic(d)
	}
}

func reportTempDefault(p *analysis.Pass, d ast.Expr) {
	if path, ok := tempPath(d); ok {
		reportTemp(p, analysis.Diagnostic{Node: d, Message: "hard-coded temporary path " + pathText(p, d, path) + " as a parameter default" + tempRisk})
	}
}

// tempPathInCall reports the temporary paths among a call's arguments.
func tempPathInCall(p *analysis.Pass, c *ast.Call) {
	tail := ruleutil.CalleeTail(c)
	if notPathUse(tail) {
		return
	}
	// Web frameworks' route decorators and HTTP clients take a URL path first.
	skipFirst := isHTTPVerb(tail)
	var qn string
	resolved := false
	check := func(e ast.Expr) {
		path, ok := tempPath(e)
		if !ok {
			return
		}
		if !resolved {
			qn, resolved = p.Model.CalleeName(c), true
		}
		reportTempArg(p, c, qn, tail, e, path)
	}
	for i, a := range c.Args {
		if i == 0 && skipFirst {
			continue
		}
		check(a)
		switch l := a.(type) {
		case *ast.List:
			for _, e := range l.Elts {
				check(e)
			}
		case *ast.Tuple:
			for _, e := range l.Elts {
				check(e)
			}
		}
	}
	for _, k := range c.Keywords {
		check(k.Value)
	}
}

func reportTempArg(p *analysis.Pass, c *ast.Call, qn, tail string, arg ast.Expr, path string) {
	if strings.HasPrefix(qn, "tempfile.") {
		return // dir="/tmp": tempfile picks an unpredictable name and creates it safely
	}
	label := qn
	if label == "" {
		label = ruleutil.CallLabel(p.Model, c)
	}
	d := analysis.Diagnostic{Node: arg}
	switch {
	case qn == "os.getenv" || qn == "os.environ.get" || qn == "os.environ.setdefault":
		d.Confidence = analysis.ConfidenceLow
		d.Message = "hard-coded temporary path " + pathText(p, arg, path) + " as the fallback of " + label + ": when the variable is unset, other local users can predict the path; use the tempfile module"
		reportTemp(p, d)
		return
	case writesFiles(qn, tail):
		d.Confidence = analysis.ConfidenceHigh
	}
	d.Message = "hard-coded temporary path " + pathText(p, arg, path) + " passed to " + label + tempRisk
	reportTemp(p, d)
}

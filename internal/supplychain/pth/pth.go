// Package pth checks .pth files, the path configuration files that Python's
// site module reads at every interpreter start from site-packages: a line
// that starts with "import" is executed there, so a .pth file is a way to run
// code whenever Python starts, without the user importing anything.
package pth

import (
	"bytes"
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/python/semantic"
)

// ExecutableLine flags the lines of a .pth file that Python executes.
var ExecutableLine = &analysis.Rule{
	Code:       "KR822",
	Name:       "pth-executable-line",
	Summary:    "executable line in a .pth file runs at every Python start",
	Severity:   analysis.SeverityMedium,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{506, 912},
	Analyzer:   analysis.AnalyzerSupplyChain,
	Doc: `## What it does
Flags the lines of a .pth file that start with "import" (followed by a space
or a tab): the site module executes them at every start of the interpreter,
while plain lines only add a directory to sys.path and are not reported. A
line that executes data, decodes, reaches the network or starts a process is
high; the executable lines that packaging tools write themselves
(setuptools' distutils-precedence.pth, editable-install finders, namespace
package *-nspkg.pth, virtualenv's _virtualenv.pth) are low; any other import
line is medium.

## Why is this bad?
A .pth file in site-packages runs its code in every Python process of that
environment, including pip and the user's tools, and stays after the package
that dropped it is uninstalled. Malware uses it for persistence and to
hook every program.

## Example
~~~text
# evil.pth
import os, base64; exec(base64.b64decode("aW1wb3J0IHNvY2tldA=="))
~~~

## Use instead
Ship plain path lines only, or an entry point or a sitecustomize the user
installs knowingly:
~~~text
# mypkg.pth
/opt/mypkg/lib
~~~

## References
- [Python docs: site, .pth files](https://docs.python.org/3/library/site.html)
- [MITRE ATT&CK T1546.018: Python Startup Hooks](https://attack.mitre.org/techniques/T1546/018/)
- [CWE-912: Hidden Functionality](https://cwe.mitre.org/data/definitions/912.html)
`,
}

// Analyzer is the .pth FileAnalyzer. The zero value is ready to use and safe
// for concurrent use.
type Analyzer struct{}

// New returns the .pth analyzer.
func New() *Analyzer { return &Analyzer{} }

// Rules lists KR822.
func (*Analyzer) Rules() []*analysis.Rule { return []*analysis.Rule{ExecutableLine} }

// Wants accepts files whose name ends in .pth, in any case.
func (*Analyzer) Wants(rel string, python bool) bool {
	return !python && strings.HasSuffix(strings.ToLower(rel), ".pth")
}

// Check reports the executable lines of one .pth file.
func (*Analyzer) Check(src *analysis.Source, enabled func(code string) bool) []analysis.Finding {
	if enabled != nil && !enabled(ExecutableLine.Code) {
		return nil
	}
	var out []analysis.Finding
	var fp analysis.Fingerprinter
	for i, raw := range bytes.Split(src.Data, []byte("\n")) {
		line := strings.TrimRight(string(raw), "\r")
		// site.addpackage: exactly these prefixes, no leading blanks.
		if !strings.HasPrefix(line, "import ") && !strings.HasPrefix(line, "import\t") {
			continue
		}
		if analysis.LineSuppresses(line, ExecutableLine) {
			continue
		}
		sev, conf, msg := judge(src.Rel, line)
		f := analysis.NewFinding(ExecutableLine, src.Path, i+1, 1, msg)
		f.Severity, f.Confidence = sev, conf
		f.EndColumn = len(line) + 1
		f.Snippet = line
		f.Fingerprint = fp.Next(f.Code, src.Rel, "", line)
		out = append(out, f)
	}
	return out
}

// judge ranks one executable line by what it does.
func judge(rel, line string) (analysis.Severity, analysis.Confidence, string) {
	if does := actions(line); len(does) > 0 {
		return analysis.SeverityHigh, analysis.ConfidenceHigh,
			"line runs at every Python start and " + strings.Join(does, ", ")
	}
	if knownTool(rel, line) {
		return analysis.SeverityLow, analysis.ConfidenceMedium,
			"line runs at every Python start (written by a packaging tool)"
	}
	return analysis.SeverityMedium, analysis.ConfidenceHigh, "line runs at every Python start"
}

// knownTool reports the executable lines that packaging tools write.
func knownTool(rel, line string) bool {
	base := rel[strings.LastIndexAny(rel, `/\`)+1:]
	switch {
	case base == "distutils-precedence.pth" && strings.Contains(line, "_distutils_hack"),
		strings.HasSuffix(base, "-nspkg.pth"),
		strings.HasPrefix(base, "__editable__") && strings.Contains(line, "__editable__"),
		base == "_virtualenv.pth" && strings.TrimSpace(line) == "import _virtualenv":
		return true
	}
	return false
}

// dangerous maps the calls that make a start-up line high to what they do.
var dangerous = map[string]string{
	"builtins.exec": "executes code", "builtins.eval": "executes code", "builtins.compile": "compiles code",
	"base64.b64decode": "decodes data", "base64.b85decode": "decodes data", "base64.b32decode": "decodes data",
	"zlib.decompress": "decompresses data", "marshal.loads": "loads marshalled code", "codecs.decode": "decodes data",
	"bytes.fromhex": "decodes data", "builtins.bytes.fromhex": "decodes data",
	"urllib.request.urlopen": "reaches the network", "urllib.request.urlretrieve": "reaches the network",
	"socket.socket": "opens a socket", "socket.create_connection": "opens a socket",
	"requests.get": "reaches the network", "requests.post": "reaches the network",
	"os.system": "starts a process", "os.popen": "starts a process", "subprocess.Popen": "starts a process",
	"subprocess.run": "starts a process", "subprocess.call": "starts a process",
	"subprocess.check_output": "starts a process", "subprocess.check_call": "starts a process",
	"pty.spawn": "starts a process", "os.fork": "forks",
}

// actions parses the line as Python and lists what its calls do. A line that
// does not parse gives nothing: site would fail on it too.
func actions(line string) []string {
	f, err := parser.Parse("line.py", []byte(line+"\n"))
	if err != nil || f == nil || f.Module == nil {
		return nil
	}
	m := semantic.Build(f.Module, semantic.Options{Module: "__pth__"})
	set := map[string]bool{}
	ast.Inspect(f.Module, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok {
			if what := dangerous[m.CalleeName(c)]; what != "" {
				set[what] = true
			}
		}
		return true
	})
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

package eol

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/deps/inventory"
)

// classifierRe is a trove classifier naming a language line.
var classifierRe = regexp.MustCompile(`^Programming Language :: Python :: ([23])\.([0-9]{1,2})\s*$`)

// condaPinRe is a conda python spec that names one line: "3.8", "3.8.*", "=3.8",
// "==3.8.10", optionally with a build string.
var condaPinRe = regexp.MustCompile(`^={0,2}\s*([0-9]+\.[0-9]+)(?:\.[0-9*]+)*(?:\s+\S+)?$`)

// manifestClaims reads what a manifest of the inventory says of the interpreter.
func manifestClaims(f *inventory.File) []claim {
	var out []claim
	switch {
	case f.Pyproject != nil:
		for _, v := range f.Pyproject.Python {
			source := v.Key
			if source == "project.requires-python" {
				source = "requires-python"
			}
			out = append(out, claim{line: v.Line, kind: floor, source: source, text: v.Value})
		}
		for _, v := range f.Pyproject.Classifiers {
			out = appendClassifier(out, v.Value, v.Line)
		}
	case f.SetupPy != nil:
		if f.SetupPy.PythonRequires != "" {
			out = append(out, claim{line: f.SetupPy.PythonRequiresLine, kind: floor, source: "python_requires", text: f.SetupPy.PythonRequires})
		}
		for _, v := range f.SetupPy.Classifiers {
			out = appendClassifier(out, v.Value, v.Line)
		}
	case f.SetupCfg != nil:
		if f.SetupCfg.PythonRequires != "" {
			out = append(out, claim{line: f.SetupCfg.PythonRequiresLine, kind: floor, source: "python_requires", text: f.SetupCfg.PythonRequires})
		}
		for _, v := range f.SetupCfg.Classifiers {
			out = appendClassifier(out, v.Value, v.Line)
		}
	case f.Pipfile != nil:
		if v := f.Pipfile.PythonVersion; v != "" {
			if c, ok := pinnedClaim(f.Pipfile.PythonVersionLine, 0, "Pipfile [requires]", v, parseMinor); ok {
				out = append(out, c)
			}
		}
	case f.Conda != nil:
		v := strings.TrimSpace(f.Conda.Python)
		if v == "" {
			break
		}
		if m := condaPinRe.FindStringSubmatch(v); m != nil {
			if c, ok := pinnedClaim(f.Conda.PythonLine, 0, "conda environment", v, func(string) (int, int, bool) { return parseMinor(m[1]) }); ok {
				out = append(out, c)
			}
			break
		}
		out = append(out, claim{line: f.Conda.PythonLine, kind: floor, source: "conda environment", text: v})
	}
	return out
}

// appendClassifier adds a classifier claim when the classifier names a line.
func appendClassifier(out []claim, value string, line int) []claim {
	m := classifierRe.FindStringSubmatch(value)
	if m == nil {
		return out
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	return append(out, claim{line: line, kind: classifier, source: "classifier", text: strings.TrimSpace(value), major: major, minor: minor})
}

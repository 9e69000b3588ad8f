package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
	"github.com/kraitsec/krait/internal/python/ast"
)

var (
	codeRe  = regexp.MustCompile(`^KR[0-9]{3}$`)
	nameRe  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	aliasRe = regexp.MustCompile(`^[A-Z]+[0-9]+$`)
)

// docHeadings are the sections every rule's Doc has, in this order (STYLE.md, lesson 2).
var docHeadings = []string{"## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"}

// rulesPkg is the import path prefix of the rule packages.
const rulesPkg = "github.com/kraitsec/krait/internal/rules/"

func TestCategories(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Categories() {
		if seen[c.Name] {
			t.Errorf("category %s listed twice", c.Name)
		}
		seen[c.Name] = true
		engine := false
		for _, r := range c.Rules {
			engine = engine || r.Analyzer == ""
		}
		if fi, err := os.Stat(c.Name); engine && (err != nil || !fi.IsDir()) {
			t.Errorf("category %s: no package directory internal/rules/%s", c.Name, c.Name)
		}
		for i := 1; i < len(c.Rules); i++ {
			if c.Rules[i-1].Code >= c.Rules[i].Code {
				t.Errorf("%s/list.go: %s listed before %s; keep the list ordered by code", c.Name, c.Rules[i-1].Code, c.Rules[i].Code)
			}
		}
	}
}

func TestRuleMetadata(t *testing.T) {
	codes := map[string]string{}
	names := map[string]string{}
	for _, c := range Categories() {
		for _, r := range c.Rules {
			if r == nil {
				t.Errorf("%s/list.go lists a nil rule", c.Name)
				continue
			}
			if prev, ok := codes[r.Code]; ok {
				t.Errorf("code %s used by %s and %s", r.Code, prev, r.Name)
			}
			codes[r.Code] = r.Name
			if prev, ok := names[r.Name]; ok {
				t.Errorf("name %s used by %s and %s", r.Name, prev, r.Code)
			}
			names[r.Name] = r.Code
			id := strings.Map(func(r rune) rune {
				if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
					return r
				}
				return '_'
			}, r.Code)
			t.Run(id, func(t *testing.T) { checkRule(t, c.Name, r) })
		}
	}
}

func checkRule(t *testing.T, category string, r *analysis.Rule) {
	if !codeRe.MatchString(r.Code) {
		t.Errorf("code %q: want KR and three digits", r.Code)
	}
	if !nameRe.MatchString(r.Name) {
		t.Errorf("name %q: want kebab case", r.Name)
	}
	checkSummary(t, r.Summary)
	if r.Severity < analysis.SeverityLow || r.Severity > analysis.SeverityCritical {
		t.Errorf("severity not set")
	}
	if r.Confidence < analysis.ConfidenceLow || r.Confidence > analysis.ConfidenceHigh {
		t.Errorf("confidence not set")
	}
	if len(r.CWE) == 0 {
		t.Errorf("no CWE")
	}
	for _, c := range r.CWE {
		if c <= 0 {
			t.Errorf("CWE %d is not an id", c)
		}
	}
	for _, a := range r.Aliases {
		if !aliasRe.MatchString(a) {
			t.Errorf("alias %q: want a Bandit or Ruff code such as B602 or S602", a)
		}
	}
	checkDoc(t, r.Doc)
	if r.Analyzer != "" {
		// The analyzer reports these findings itself and tests them with its own
		// positive and negative samples; the rule is only its metadata.
		if r.Run != nil || r.File != nil || len(r.Kinds) > 0 || len(r.Callees) > 0 {
			t.Errorf("rule of analyzer %q has engine hooks", r.Analyzer)
		}
		return
	}
	checkHooks(t, r)
	if pkg := rulePackage(r); pkg != "" && pkg != category {
		t.Errorf("rule code lives in package %s but is listed in %s/list.go", pkg, category)
	}
	checkFixture(t, filepath.Join(category, "testdata", r.Code+".py"))
}

func checkSummary(t *testing.T, s string) {
	t.Helper()
	if s == "" {
		t.Error("no summary")
		return
	}
	// Acronyms keep their case (SQL, XML); a capitalised word (Subprocess) does not.
	word, _, _ := strings.Cut(s, " ")
	if first, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(first) && strings.ToUpper(word) != word {
		t.Errorf("summary %q: start in lower case", s)
	}
	if strings.HasSuffix(s, ".") {
		t.Errorf("summary %q: no final period", s)
	}
	if n := utf8.RuneCountInString(s); n > 60 {
		t.Errorf("summary %q: %d characters; at most 60", s, n)
	}
}

func checkDoc(t *testing.T, doc string) {
	t.Helper()
	at := 0
	for _, h := range docHeadings {
		i := strings.Index(doc[at:], h+"\n")
		if i < 0 || (at+i > 0 && doc[at+i-1] != '\n') {
			t.Errorf("doc: no line %q after the previous section (sections: %s)", h, strings.Join(docHeadings, ", "))
			return
		}
		at += i + len(h)
	}
	if !strings.Contains(doc[at:], "https://") {
		t.Error("doc: References has no link")
	}
}

func checkHooks(t *testing.T, r *analysis.Rule) {
	t.Helper()
	if len(r.Kinds) == 0 && r.File == nil {
		t.Error("neither Kinds nor File set: the rule would never run")
	}
	if len(r.Kinds) > 0 && r.Run == nil {
		t.Error("Kinds set without Run")
	}
	if r.Run != nil && len(r.Kinds) == 0 {
		t.Error("Run set without Kinds: it would never be called")
	}
	for _, k := range r.Kinds {
		if k <= ast.KindInvalid || k >= ast.NumKinds {
			t.Errorf("invalid node kind %d", k)
		}
	}
}

// rulePackage returns the rule package (directory below internal/rules) that defines
// the rule's hooks, or "" when it cannot tell.
func rulePackage(r *analysis.Rule) string {
	var fn any = r.Run
	if r.Run == nil {
		fn = r.File
	}
	v := reflect.ValueOf(fn)
	if !v.IsValid() || v.IsNil() {
		return ""
	}
	f := runtime.FuncForPC(v.Pointer())
	if f == nil {
		return ""
	}
	name, ok := strings.CutPrefix(f.Name(), rulesPkg)
	if !ok {
		return ""
	}
	pkg, _, _ := strings.Cut(name, ".")
	return pkg
}

// checkFixture wants a fixture that parses, expects at least one finding and has at
// least one line of code that must stay clean.
func checkFixture(t *testing.T, path string) {
	t.Helper()
	f, err := analysistest.ParseFixture(path)
	if err != nil {
		t.Errorf("fixture: %v", err)
		return
	}
	wants, err := analysistest.Wants(path, f)
	if err != nil {
		t.Errorf("fixture: %v", err)
		return
	}
	if len(wants) == 0 {
		t.Errorf("%s: no # want line: a fixture shows at least one finding", path)
	}
	wanted := map[int]bool{}
	for _, w := range wants {
		wanted[w.Line] = true
	}
	clean := 0
	ast.Inspect(f.Module, func(n ast.Node) bool {
		if _, ok := n.(ast.Stmt); ok {
			switch n.(type) {
			case *ast.Import, *ast.ImportFrom, *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.ClassDef, *ast.Pass:
			default:
				if !wanted[n.Span().Lineno] {
					clean++
				}
			}
		}
		return true
	})
	if clean == 0 {
		t.Errorf("%s: every statement expects a finding; a fixture also shows code that must stay clean", path)
	}
}

func TestAllAndByCode(t *testing.T) {
	all := All()
	for i := 1; i < len(all); i++ {
		if all[i-1].Code > all[i].Code {
			t.Errorf("All not ordered by code: %s before %s", all[i-1].Code, all[i].Code)
		}
	}
	for _, r := range all {
		if ByCode(r.Code) != r {
			t.Errorf("ByCode(%s) does not return the rule", r.Code)
		}
	}
	if ByCode("KR000") != nil {
		t.Error("ByCode(KR000) found a rule")
	}
}

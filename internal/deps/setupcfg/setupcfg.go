// Package setupcfg reads the dependencies setuptools takes from setup.cfg:
// [options] install_requires, setup_requires, tests_require and
// python_requires, [options.extras_require], and the classifiers that the
// end-of-life check reads.
package setupcfg

import (
	"context"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/requirements"
	"github.com/kraitsec/krait/internal/pep440"
)

// maxFileSize bounds a setup.cfg.
const maxFileSize = 4 << 20

// inlineCommentRe is a comment after a requirement, which setuptools'
// requirement parser drops.
var inlineCommentRe = regexp.MustCompile(`\s+#.*$`)

// Config is what one setup.cfg declares.
type Config struct {
	// Packages are the requirements; Groups names the extra, or "setup" and
	// "tests" for setup_requires and tests_require.
	Packages []deps.Package
	// PythonRequires is [options] python_requires, with its line; "" when absent.
	PythonRequires     string
	PythonRequiresLine int
	// Classifiers are [metadata] classifiers, each with its line.
	Classifiers []Classifier
}

// Classifier is one trove classifier and its line.
type Classifier struct {
	// Value is the classifier text.
	Value string
	// Line is where it is written.
	Line int
}

// Extractor reads setup.cfg.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "setup.cfg" }

// Matches accepts files named setup.cfg.
func (Extractor) Matches(p string) bool { return path.Base(p) == "setup.cfg" }

// Extract returns the declared packages; see Parse.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	c, err := Parse(ctx, f)
	if c == nil {
		return nil, err
	}
	return c.Packages, err
}

// Parse reads a setup.cfg. Lines that cannot be read are skipped and named in
// the error, which comes with the rest of the result.
func Parse(ctx context.Context, f deps.File) (*Config, error) {
	if len(f.Content) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", f.Path, maxFileSize)
	}
	ini, errs := parseINI(f.Path, string(f.Content))
	c := &Config{}
	add := func(key string, o *iniOption, groups []string) {
		for _, l := range listSemi(o) {
			req, err := pep440.ParseRequirement(l.text)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %s: %w", f.Path, l.line, key, err))
				continue
			}
			p := requirements.FromRequirement(req, f.Path, l.line)
			p.Groups = groups
			c.Packages = append(c.Packages, p)
		}
	}
	for _, opt := range []struct {
		key   string
		group string
	}{{"install_requires", ""}, {"setup_requires", "setup"}, {"tests_require", "tests"}} {
		if o, ok := ini.get("options", opt.key); ok {
			var groups []string
			if opt.group != "" {
				groups = []string{opt.group}
			}
			add(opt.key, o, groups)
		}
	}
	for _, extra := range sortedKeys(ini.sections["options.extras_require"]) {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		add("extras_require "+extra, ini.sections["options.extras_require"][extra], []string{extra})
	}
	if o, ok := ini.get("options", "python_requires"); ok {
		c.PythonRequires, c.PythonRequiresLine = o.value(), o.lines[0].line
	}
	if o, ok := ini.get("metadata", "classifiers"); ok && !strings.HasPrefix(o.value(), "file:") {
		for _, l := range dangling(o) {
			c.Classifiers = append(c.Classifiers, Classifier{Value: l.text, Line: l.line})
		}
	}
	return c, errors.Join(errs...)
}

// listSemi reads setuptools' "list-semi" value: one item per line when the
// value spans lines, else items separated by semicolons. Comments go.
func listSemi(o *iniOption) []iniLine {
	if len(dangling(o)) > 1 || len(o.lines) > 1 && o.lines[0].text == "" {
		return dangling(o)
	}
	var out []iniLine
	for _, item := range strings.Split(o.value(), ";") {
		if item = strings.TrimSpace(inlineCommentRe.ReplaceAllString(item, "")); item != "" && !strings.HasPrefix(item, "#") {
			out = append(out, iniLine{text: item, line: o.lines[0].line})
		}
	}
	return out
}

// dangling returns the non-empty, non-comment lines of a multi-line value.
func dangling(o *iniOption) []iniLine {
	var out []iniLine
	for _, l := range o.lines {
		text := strings.TrimSpace(inlineCommentRe.ReplaceAllString(l.text, ""))
		if text != "" && !strings.HasPrefix(text, "#") {
			out = append(out, iniLine{text: text, line: l.line})
		}
	}
	return out
}

func sortedKeys(m map[string]*iniOption) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

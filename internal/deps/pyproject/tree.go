package pyproject

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/pyproject/tomlpos"
	"github.com/kraitsec/krait/internal/deps/requirements"
	"github.com/kraitsec/krait/internal/pep440"
)

// reader walks one decoded document.
type reader struct {
	ctx  context.Context
	file string
	idx  *tomlpos.Index
	doc  map[string]any
	res  *Project
	errs []error
}

// table returns the table at a key path, or nil; a value of another type is
// reported once.
func (r *reader) table(path ...string) map[string]any {
	v, ok := r.lookup(path)
	if !ok {
		return nil
	}
	t, ok := v.(map[string]any)
	if !ok {
		r.errorf(path, "is not a table")
	}
	return t
}

// array returns the array at a key path, or nil.
func (r *reader) array(path ...string) []any {
	v, ok := r.lookup(path)
	if !ok {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		r.errorf(path, "is not an array")
	}
	return a
}

// str returns the string at a key path.
func (r *reader) str(path ...string) (string, bool) {
	v, ok := r.lookup(path)
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		r.errorf(path, "is not a string")
	}
	return s, ok
}

func (r *reader) lookup(path []string) (any, bool) {
	var cur any = r.doc
	for _, k := range path {
		t, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = t[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

func (r *reader) line(path ...string) int { return r.idx.Line(path...) }

func (r *reader) errorf(path []string, format string, args ...any) {
	r.errs = append(r.errs, fmt.Errorf("%s:%d: %s %s", r.file, r.line(path...), dotted(path), fmt.Sprintf(format, args...)))
}

// dotted joins a key path for messages, array elements as [i].
func dotted(path []string) string {
	var b strings.Builder
	for i, p := range path {
		if i > 0 && !strings.HasPrefix(p, "[") {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// requirementList reads an array of PEP 508 strings at path, the packages
// belonging to groups.
func (r *reader) requirementList(groups []string, path ...string) {
	for i, v := range r.array(path...) {
		elem := append(append([]string(nil), path...), tomlpos.Elem(i))
		s, ok := v.(string)
		if !ok {
			r.errorf(elem, "is not a requirement string")
			continue
		}
		r.requirement(s, groups, elem)
	}
}

// requirement reads one PEP 508 string.
func (r *reader) requirement(s string, groups []string, path []string) {
	req, err := pep440.ParseRequirement(s)
	if err != nil {
		r.errorf(path, "%v", err)
		return
	}
	r.add(requirements.FromRequirement(req, r.file, r.line(path...)), groups)
}

// add keeps a package unless it is the project itself.
func (r *reader) add(p deps.Package, groups []string) {
	if r.res.Name != "" && p.Name == r.res.Name {
		return
	}
	if len(groups) > 0 {
		p.Groups = append([]string(nil), groups...)
	}
	r.res.Packages = append(r.res.Packages, p)
}

// sortedKeys returns a table's keys in order, so that output is stable.
func sortedKeys(t map[string]any) []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

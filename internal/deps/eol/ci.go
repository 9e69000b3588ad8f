package eol

import (
	"regexp"
	"strings"
)

// yamlKeyRe is a YAML mapping line, "key: value", possibly a list item "- key: value".
// The value is read as raw text so that a bare 3.10, which a YAML parser turns into
// the float 3.1, stays 3.10 (what the author meant; setup-python would be asked for
// 3.1 and fail).
var yamlKeyRe = regexp.MustCompile(`^(\s*)(?:-\s+)?["']?([A-Za-z_][A-Za-z0-9_.\-]*)["']?\s*:(?:\s+(.*))?$`)

// matrixRefRe finds the matrix variable of "${{ matrix.python }}" or
// "${{ matrix['python-version'] }}".
var matrixRefRe = regexp.MustCompile(`matrix(?:\.([A-Za-z0-9_\-]+)|\[\s*'([^']+)'\s*\])`)

// ciVarRe is a variable definition that an image tag may use, as in GitLab's
// "variables: PYTHON_VERSION: '3.8'".
var ciVarRe = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*["']?([A-Za-z0-9_.\-]+)["']?\s*(?:#.*)?$`)

// yamlScalar is one scalar value of a key, where it is written.
type yamlScalar struct {
	text      string
	line, col int
}

// yamlValues returns the scalars that keys hold in a YAML document, read from its
// lines: "key: 3.8", "key: [3.8, '3.9']" and a block list below the key. It is no
// YAML parser, but it keeps every value's raw text and position, which is what the
// version check needs; anchors, multi-line scalars and the like are not followed.
func yamlValues(ls []string, keys map[string]bool) []yamlScalar {
	var out []yamlScalar
	for i := 0; i < len(ls); i++ {
		if !mentionsKey(ls[i], keys) {
			continue
		}
		m := yamlKeyRe.FindStringSubmatchIndex(ls[i])
		if m == nil || !keys[ls[i][m[4]:m[5]]] {
			continue
		}
		if m[6] >= 0 {
			value := stripComment(ls[i][m[6]:m[7]])
			if value != "" {
				out = append(out, flowValues(value, i+1, m[6]+1)...)
				continue
			}
		}
		// A block list: the following "- item" lines indented at least as far.
		indent := m[3] - m[2]
		for j := i + 1; j < len(ls); j++ {
			t := strings.TrimLeft(ls[j], " \t")
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			item, ok := strings.CutPrefix(t, "- ")
			if !ok || len(ls[j])-len(t) < indent || strings.Contains(stripComment(item), ": ") {
				break
			}
			col := len(ls[j]) - len(item) + 1
			out = append(out, yamlScalar{text: unquote(stripComment(strings.TrimSpace(item))), line: j + 1, col: col})
			i = j
		}
	}
	return out
}

// mentionsKey is a cheap test that a line may hold one of keys, before the regexp.
func mentionsKey(l string, keys map[string]bool) bool {
	for k := range keys {
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// flowValues splits a scalar or a flow list "[3.8, '3.9']" into its items.
func flowValues(value string, line, col int) []yamlScalar {
	if !strings.HasPrefix(value, "[") {
		return []yamlScalar{{text: unquote(value), line: line, col: col}}
	}
	var out []yamlScalar
	inner := strings.TrimSuffix(value[1:], "]")
	at := 1
	for _, item := range strings.Split(inner, ",") {
		t := strings.TrimSpace(item)
		if t != "" {
			out = append(out, yamlScalar{text: unquote(t), line: line, col: col + at + strings.Index(item, t)})
		}
		at += len(item) + 1
	}
	return out
}

// ciKind is what one CI system's configuration says the interpreter is.
type ciKind struct {
	// versionKeys hold interpreter versions ("python-version" for setup-python,
	// "python" for Travis, "versionSpec" for Azure's UsePythonVersion).
	versionKeys []string
	// source names the system in messages.
	source string
}

// ciClaims reads the interpreter versions and python images of a CI configuration.
func ciClaims(data []byte, k ciKind) []claim {
	ls := lines(data)
	keys := map[string]bool{}
	for _, key := range k.versionKeys {
		keys[key] = true
	}
	// "python-version: ${{ matrix.py }}" takes its versions from the matrix key.
	matrix := map[string]bool{}
	for _, v := range yamlValues(ls, keys) {
		for _, m := range matrixRefRe.FindAllStringSubmatch(v.text, -1) {
			matrix[m[1]+m[2]] = true
		}
	}
	for name := range matrix {
		keys[name] = true
	}
	excluded := excludedLines(ls)
	var out []claim
	for _, v := range yamlValues(ls, keys) {
		if excluded[v.line] {
			continue
		}
		if c, ok := pinnedClaim(v.line, v.col, k.source, v.text, parseInterpreter); ok {
			out = append(out, c)
		}
	}
	var vars map[string]string
	// Container images: GitHub Actions (container, services), GitLab (image,
	// image: name:), CircleCI (docker: - image:) and Bitbucket (image).
	imageKeys := map[string]bool{"image": true, "container": true, "name": true}
	for _, v := range yamlValues(ls, imageKeys) {
		if excluded[v.line] {
			continue
		}
		if vars == nil && strings.Contains(v.text, "$") {
			vars = ciVars(ls)
		}
		ref, ok := expandVars(v.text, vars)
		if !ok || strings.ContainsAny(ref, " \t") {
			continue
		}
		if c, ok := imageClaim(v.line, v.col, k.source+" image", ref); ok {
			c.text = v.text
			out = append(out, c)
		}
	}
	return out
}

// excludeRe is a matrix "exclude:" key, whose entries name jobs that do not run.
var excludeRe = regexp.MustCompile(`^(\s*)exclude\s*:\s*(?:#.*)?$`)

// excludedLines returns the lines (1-based) inside a matrix's exclude: block.
func excludedLines(ls []string) map[int]bool {
	out := map[int]bool{}
	for i := 0; i < len(ls); i++ {
		m := excludeRe.FindStringSubmatch(ls[i])
		if m == nil {
			continue
		}
		indent := len(m[1])
		for j := i + 1; j < len(ls); j++ {
			t := strings.TrimLeft(ls[j], " \t")
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			if in := len(ls[j]) - len(t); in < indent || in == indent && !strings.HasPrefix(t, "- ") {
				break
			}
			out[j+1] = true
			i = j
		}
	}
	return out
}

// ciVars collects the simple "NAME: value" definitions an image tag may refer to.
func ciVars(ls []string) map[string]string {
	vars := map[string]string{}
	for _, l := range ls {
		if m := ciVarRe.FindStringSubmatch(l); m != nil {
			vars[m[1]] = m[2]
		}
	}
	return vars
}

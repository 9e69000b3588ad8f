package pep440

import (
	"strings"
)

// maxMarkerDepth bounds parenthesis nesting in a marker.
const maxMarkerDepth = 32

// markerVars maps every variable name PEP 508 and packaging accept to its
// canonical spelling; the dotted forms are the legacy PEP 345 names.
var markerVars = map[string]string{
	"python_version":                 "python_version",
	"python_full_version":            "python_full_version",
	"os_name":                        "os_name",
	"os.name":                        "os_name",
	"sys_platform":                   "sys_platform",
	"sys.platform":                   "sys_platform",
	"platform_release":               "platform_release",
	"platform_system":                "platform_system",
	"platform_version":               "platform_version",
	"platform.version":               "platform_version",
	"platform_machine":               "platform_machine",
	"platform.machine":               "platform_machine",
	"platform_python_implementation": "platform_python_implementation",
	"platform.python_implementation": "platform_python_implementation",
	"python_implementation":          "platform_python_implementation",
	"implementation_name":            "implementation_name",
	"implementation_version":         "implementation_version",
	"extra":                          "extra",
	"extras":                         "extras",
	"dependency_groups":              "dependency_groups",
}

// Marker is a parsed PEP 508 environment marker such as
// `python_version < "3.8" and extra == "test"`. The zero Marker is empty and
// holds in every environment.
type Marker struct {
	root *markerNode
}

// markerNode is an "and"/"or" of two nodes, or a comparison leaf.
type markerNode struct {
	bool        string // "and", "or", or "" for a leaf
	left, right *markerNode
	lhs, rhs    markerValue
	op          string // comparison operator, "in" or "not in"
}

// markerValue is a variable (canonical name) or a string literal.
type markerValue struct {
	variable bool
	s        string
}

// ParseMarker parses an environment marker.
func ParseMarker(s string) (Marker, error) {
	p := markerParser{src: s}
	root, err := p.or(0)
	if err == nil {
		p.space()
		if p.pos < len(p.src) {
			err = p.errorf("unexpected %q", p.src[p.pos:])
		}
	}
	if err != nil {
		return Marker{}, err
	}
	return Marker{root: root}, nil
}

// IsZero reports whether the marker is empty.
func (m Marker) IsZero() bool { return m.root == nil }

// String returns the marker in normal form: canonical variable names, double
// quotes where the value allows, single spaces, and parentheses only where
// "or" sits inside "and".
func (m Marker) String() string {
	if m.root == nil {
		return ""
	}
	var b strings.Builder
	m.root.write(&b)
	return b.String()
}

func (n *markerNode) write(b *strings.Builder) {
	if n.bool == "" {
		n.lhs.write(b)
		b.WriteString(" " + n.op + " ")
		n.rhs.write(b)
		return
	}
	for i, c := range [2]*markerNode{n.left, n.right} {
		if i == 1 {
			b.WriteString(" " + n.bool + " ")
		}
		paren := n.bool == "and" && c.bool == "or"
		if paren {
			b.WriteByte('(')
		}
		c.write(b)
		if paren {
			b.WriteByte(')')
		}
	}
}

func (v markerValue) write(b *strings.Builder) {
	switch {
	case v.variable:
		b.WriteString(v.s)
	case strings.Contains(v.s, `"`):
		b.WriteString("'" + v.s + "'")
	default:
		b.WriteString(`"` + v.s + `"`)
	}
}

// Evaluate reports whether the marker holds in env, which maps canonical
// variable names to values; a missing variable reads as "". Version
// comparisons apply where both sides are PEP 440 versions (pre-releases
// included), string comparisons otherwise, as packaging does.
func (m Marker) Evaluate(env map[string]string) bool {
	if m.root == nil {
		return true
	}
	return m.root.eval(env)
}

func (n *markerNode) eval(env map[string]string) bool {
	switch n.bool {
	case "and":
		return n.left.eval(env) && n.right.eval(env)
	case "or":
		return n.left.eval(env) || n.right.eval(env)
	}
	lhs, rhs := n.lhs.value(env), n.rhs.value(env)
	if (n.lhs.variable && n.lhs.s == "extra") || (n.rhs.variable && n.rhs.s == "extra") {
		lhs, rhs = normalizeName(lhs), normalizeName(rhs)
	}
	if n.op != "in" && n.op != "not in" {
		if sp, err := parseOne(n.op + rhs); err == nil {
			if v, err := Parse(lhs); err == nil {
				return sp.matches(v)
			}
		}
	}
	switch n.op {
	case "in":
		return strings.Contains(rhs, lhs)
	case "not in":
		return !strings.Contains(rhs, lhs)
	case "==", "===":
		return lhs == rhs
	case "!=":
		return lhs != rhs
	case "<":
		return lhs < rhs
	case "<=":
		return lhs <= rhs
	case ">":
		return lhs > rhs
	case ">=":
		return lhs >= rhs
	}
	return false // ~= between non-versions is undefined; treat as false
}

func (v markerValue) value(env map[string]string) string {
	if v.variable {
		return env[v.s]
	}
	return v.s
}

// normalizeName is PEP 503 normalisation, which extras compare under.
func normalizeName(s string) string {
	var b strings.Builder
	sep := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == '_' || c == '.':
			sep = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteByte(c)
	}
	return b.String()
}

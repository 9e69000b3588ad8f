package pep440

import (
	"fmt"
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

type markerParser struct {
	src string
	pos int
}

func (p *markerParser) errorf(format string, args ...any) error {
	return fmt.Errorf("invalid marker %q at offset %d: %s", p.src, p.pos, fmt.Sprintf(format, args...))
}

func (p *markerParser) space() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

// keyword consumes word if it comes next as a whole word.
func (p *markerParser) keyword(word string) bool {
	p.space()
	rest := p.src[p.pos:]
	if !strings.HasPrefix(rest, word) || (len(rest) > len(word) && isWordByte(rest[len(word)])) {
		return false
	}
	p.pos += len(word)
	return true
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *markerParser) or(depth int) (*markerNode, error) {
	left, err := p.and(depth)
	for err == nil && p.keyword("or") {
		var right *markerNode
		if right, err = p.and(depth); err == nil {
			left = &markerNode{bool: "or", left: left, right: right}
		}
	}
	return left, err
}

func (p *markerParser) and(depth int) (*markerNode, error) {
	left, err := p.atom(depth)
	for err == nil && p.keyword("and") {
		var right *markerNode
		if right, err = p.atom(depth); err == nil {
			left = &markerNode{bool: "and", left: left, right: right}
		}
	}
	return left, err
}

func (p *markerParser) atom(depth int) (*markerNode, error) {
	p.space()
	if p.pos < len(p.src) && p.src[p.pos] == '(' {
		if depth >= maxMarkerDepth {
			return nil, p.errorf("nested deeper than %d", maxMarkerDepth)
		}
		p.pos++
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		p.space()
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			return nil, p.errorf("expected )")
		}
		p.pos++
		return n, nil
	}
	lhs, err := p.value()
	if err != nil {
		return nil, err
	}
	op, err := p.op()
	if err != nil {
		return nil, err
	}
	rhs, err := p.value()
	if err != nil {
		return nil, err
	}
	return &markerNode{lhs: lhs, op: op, rhs: rhs}, nil
}

func (p *markerParser) value() (markerValue, error) {
	p.space()
	if p.pos >= len(p.src) {
		return markerValue{}, p.errorf("expected a variable or a quoted string")
	}
	if q := p.src[p.pos]; q == '"' || q == '\'' {
		end := strings.IndexByte(p.src[p.pos+1:], q)
		if end < 0 {
			return markerValue{}, p.errorf("unterminated string")
		}
		s := p.src[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
		return markerValue{s: s}, nil
	}
	start := p.pos
	for p.pos < len(p.src) && isWordByte(p.src[p.pos]) {
		p.pos++
	}
	name, ok := markerVars[p.src[start:p.pos]]
	if !ok {
		p.pos = start
		return markerValue{}, p.errorf("expected a variable or a quoted string")
	}
	return markerValue{variable: true, s: name}, nil
}

func (p *markerParser) op() (string, error) {
	p.space()
	for _, op := range operators {
		if strings.HasPrefix(p.src[p.pos:], op) {
			p.pos += len(op)
			return op, nil
		}
	}
	if p.keyword("in") {
		return "in", nil
	}
	if p.keyword("not") {
		if p.keyword("in") {
			return "not in", nil
		}
		return "", p.errorf("expected in after not")
	}
	return "", p.errorf("expected a marker operator")
}

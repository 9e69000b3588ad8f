package pep440

import (
	"fmt"
	"strings"
)

// markerParser is a recursive-descent parser for PEP 508 markers, in which
// "and" binds tighter than "or".
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

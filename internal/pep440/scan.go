package pep440

import "strings"

// scanner walks a version string; letters compare case-insensitively.
type scanner struct {
	s   string
	pos int
}

func (c *scanner) peek() byte {
	if c.pos < len(c.s) {
		return c.s[c.pos]
	}
	return 0
}

// sep consumes one optional separator: -, _ or .
func (c *scanner) sep() {
	if b := c.peek(); b == '-' || b == '_' || b == '.' {
		c.pos++
	}
}

// digits consumes a run of ASCII digits and returns it ("" when none).
func (c *scanner) digits() string {
	start := c.pos
	for c.pos < len(c.s) && c.s[c.pos] >= '0' && c.s[c.pos] <= '9' {
		c.pos++
	}
	return c.s[start:c.pos]
}

// word consumes the first of words that comes next, ignoring case.
func (c *scanner) word(words ...string) string {
	if c.pos >= len(c.s) {
		return ""
	}
	first := c.s[c.pos] | 0x20
	for _, w := range words {
		if first == w[0] && len(c.s)-c.pos >= len(w) && strings.EqualFold(c.s[c.pos:c.pos+len(w)], w) {
			c.pos += len(w)
			return w
		}
	}
	return ""
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// parseVersion follows packaging's VERSION_PATTERN:
//
//	v? (N!)? N(.N)* ([-_.]? (alpha|a|beta|b|preview|pre|c|rc) [-_.]? N?)?
//	(-N | [-_.]? (post|rev|r) [-_.]? N?)? ([-_.]? dev [-_.]? N?)?
//	(+ [a-z0-9]+ ([-_.][a-z0-9]+)*)?
//
// with surrounding white space. Each optional part either matches from where
// it starts or leaves the position alone, which is what the expression's
// backtracking amounts to for this grammar.
func parseVersion(s string) (Version, bool) {
	start, end := 0, len(s)
	for start < end && isSpace(s[start]) {
		start++
	}
	for end > start && isSpace(s[end-1]) {
		end--
	}
	c := scanner{s: s[start:end]}
	v := Version{raw: c.s, epoch: "0"}
	if b := c.peek(); b == 'v' || b == 'V' {
		c.pos++
	}
	n := c.digits()
	if n == "" {
		return Version{}, false
	}
	if c.peek() == '!' {
		c.pos++
		v.epoch = number(n)
		if n = c.digits(); n == "" {
			return Version{}, false
		}
	}
	v.release = append(v.release, number(n))
	for c.peek() == '.' {
		save := c.pos
		c.pos++
		d := c.digits()
		if d == "" {
			c.pos = save
			break
		}
		v.release = append(v.release, number(d))
	}
	// Pre-release.
	save := c.pos
	c.sep()
	switch c.word("alpha", "a", "beta", "b", "preview", "pre", "c", "rc") {
	case "":
		c.pos = save
	case "alpha", "a":
		v.preKind = preAlpha
	case "beta", "b":
		v.preKind = preBeta
	default:
		v.preKind = preRC
	}
	if v.preKind != preNone {
		v.preNum = optionalNumber(&c)
	}
	// Post-release: -N, or a spelled-out post.
	save = c.pos
	if c.peek() == '-' {
		c.pos++
		if d := c.digits(); d != "" {
			v.hasPost, v.postNum = true, number(d)
		} else {
			c.pos = save
		}
	}
	if !v.hasPost {
		c.sep()
		if c.word("post", "rev", "r") != "" {
			v.hasPost, v.postNum = true, optionalNumber(&c)
		} else {
			c.pos = save
		}
	}
	// Dev release.
	save = c.pos
	c.sep()
	if c.word("dev") != "" {
		v.hasDev, v.devNum = true, optionalNumber(&c)
	} else {
		c.pos = save
	}
	// Local label.
	if c.peek() == '+' {
		c.pos++
		label := c.s[c.pos:]
		if !validLocal(label) {
			return Version{}, false
		}
		v.local = strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return r == '-' || r == '_' || r == '.' })
		for i, p := range v.local {
			if isDigits(p) {
				v.local[i] = number(p)
			}
		}
		c.pos = len(c.s)
	}
	if c.pos != len(c.s) {
		return Version{}, false
	}
	return v, true
}

// optionalNumber reads "[-_.]? N?" after a pre, post or dev word: a
// separator followed by no number is still consumed, as the pattern allows.
func optionalNumber(c *scanner) string {
	c.sep()
	return number(c.digits())
}

// validLocal checks [a-z0-9]+([-_.][a-z0-9]+)*, ignoring case.
func validLocal(s string) bool {
	if s == "" {
		return false
	}
	prevSep := true
	for i := 0; i < len(s); i++ {
		b := s[i] | 0x20 // ASCII lower case; digits and separators are unaffected or rejected below
		switch {
		case s[i] >= '0' && s[i] <= '9', b >= 'a' && b <= 'z':
			prevSep = false
		case s[i] == '-' || s[i] == '_' || s[i] == '.':
			if prevSep {
				return false
			}
			prevSep = true
		default:
			return false
		}
	}
	return !prevSep
}

package secrets

import (
	"bytes"
	"strings"

	"github.com/kraitsec/krait/internal/secrets/filter"
)

// hit is one keyword occurrence the prefilter found.
type hit struct {
	kw, at int32
}

// maxHits bounds the keyword occurrences kept for one file; a file with more is
// machine-made (a dump, a word list), and its first ones are enough.
const maxHits = 1 << 16

// providers runs the format detectors on the lines where their keywords occur.
func (s *scan) providers() {
	a := s.a
	var hits []hit
	present := make([]bool, len(a.pre.keywords))
	a.pre.scan(s.data, func(kw, at int) {
		present[kw] = true
		if len(hits) < maxHits && len(a.byKeyword[kw]) > 0 {
			hits = append(hits, hit{int32(kw), int32(at)})
		}
	})
	if len(hits) == 0 {
		return
	}
	// covered[d] is the end of the text detector d last ran on: a later keyword
	// inside it needs no second run.
	covered := make([]int, len(a.detectors))
	// The line of the current hit, found incrementally: hits come in order, so
	// each byte is searched once however long the line.
	lineStart, lineEnd := 0, -1
	for _, h := range hits {
		at := int(h.at)
		if at > lineEnd {
			lineStart = lineEnd + 1 + bytes.LastIndexByte(s.data[lineEnd+1:at], '\n') + 1
			if e := bytes.IndexByte(s.data[at:], '\n'); e >= 0 {
				lineEnd = at + e
			} else {
				lineEnd = len(s.data)
			}
		}
		for _, d := range a.byKeyword[h.kw] {
			det := a.detectors[d]
			if at < covered[d] || !s.generic && !s.enabled(det.rule.Code) || !contextPresent(a.contextOf[d], present) {
				continue
			}
			from, to := lineStart, lineEnd
			switch {
			case det.wholeFile:
				from, to = 0, len(s.data)
			case det.multiline:
				to = min(len(s.data), at+maxMultiline)
			default:
				// A secret and its name lie near their keyword: a long line
				// (minified code, one-line JSON) is searched around it only.
				from, to = max(from, at-windowBefore), min(to, at+windowAfter)
			}
			covered[d] = to
			s.match(det, int(d), from, to)
		}
	}
}

// contextPresent reports whether one of a detector's context keywords occurs in
// the file, or the detector needs none.
func contextPresent(ids []int32, present []bool) bool {
	if len(ids) == 0 {
		return true
	}
	for _, k := range ids {
		if present[k] {
			return true
		}
	}
	return false
}

// match runs one detector's expression on data[from:to] and records what passes
// its checks.
func (s *scan) match(det *detector, rank, from, to int) {
	window := s.data[from:to]
	for _, m := range det.re.FindAllSubmatchIndex(window, -1) {
		start, end := m[0], m[1]
		g := 1
		if det.secretGroup > 0 {
			g = det.secretGroup
		}
		if len(m) >= 2*g+2 && m[2*g] >= 0 {
			start, end = m[2*g], m[2*g+1]
		}
		secret := string(window[start:end])
		if det.multiline {
			// A key block is reported from its BEGIN line; its identity is the
			// body, the same whether the file writes newlines or \n escapes.
			secret = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(secret, `\r`, ""), `\n`, "\n"))
			start, end = m[0], m[1]
		}
		if fakeValue(secret) {
			continue
		}
		conf := det.confidence
		provider := det.provider
		if det.judge != nil {
			groups := make([]string, len(m)/2-1)
			for i := range groups {
				if m[2*i+2] >= 0 {
					groups[i] = string(window[m[2*i+2]:m[2*i+3]])
				}
			}
			c, ok := det.judge(groups)
			if !ok {
				continue
			}
			if det.provide != nil {
				provider = det.provide(groups)
			}
			if c != 0 {
				conf = c
			}
		} else if det.validate != nil {
			c, ok := det.validate(secret, string(window))
			if !ok {
				continue
			}
			if c != 0 {
				conf = c
			}
		}
		s.add(candidate{
			det: det, rule: det.rule, provider: provider, what: det.what, secret: secret,
			start: from + start, end: from + end, confidence: conf, severity: det.severity, rank: rank,
			silent: det.testMode && !s.a.opts.TestKeys,
		})
	}
}

// fakeValue reports a format match that is a stand-in rather than a key: a
// documentation example, a placeholder, a mask or a template.
func fakeValue(secret string) bool {
	switch filter.Classify("", secret) {
	case filter.Example, filter.Placeholder, filter.Repeated, filter.Template:
		return true
	}
	return false
}

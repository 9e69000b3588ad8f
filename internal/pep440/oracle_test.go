package pep440

import (
	"regexp"
	"testing"
)

// versionRe is packaging's VERSION_PATTERN, anchored with the white space
// packaging allows: the reference that the hand-written parser must agree
// with, on the tables here and under fuzzing.
var versionRe = regexp.MustCompile(`(?i)^[ \t\n\r\f]*v?` +
	`(?:([0-9]+)!)?` + // epoch
	`([0-9]+(?:\.[0-9]+)*)` + // release
	`(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?` + // pre-release
	`(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?` + // post-release
	`(?:[-_.]?(dev)[-_.]?([0-9]+)?)?` + // dev release
	`(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?` + // local version
	`[ \t\n\r\f]*$`)

// referenceString renders what the reference expression captures in the
// normal form, or "" when it does not match.
func referenceString(s string) string {
	m := versionRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	out := ""
	if e := number(m[1]); e != "0" {
		out = e + "!"
	}
	for i, p := range splitDots(m[2]) {
		if i > 0 {
			out += "."
		}
		out += number(p)
	}
	switch l := lower(m[3]); l {
	case "":
	case "a", "alpha":
		out += "a" + number(m[4])
	case "b", "beta":
		out += "b" + number(m[4])
	default:
		out += "rc" + number(m[4])
	}
	switch {
	case m[5] != "":
		out += ".post" + number(m[5])
	case m[6] != "":
		out += ".post" + number(m[7])
	}
	if m[8] != "" {
		out += ".dev" + number(m[9])
	}
	if m[10] != "" {
		out += "+"
		for i, p := range splitSeps(lower(m[10])) {
			if i > 0 {
				out += "."
			}
			if isDigits(p) {
				p = number(p)
			}
			out += p
		}
	}
	return out
}

func splitDots(s string) []string { return regexp.MustCompile(`\.`).Split(s, -1) }
func splitSeps(s string) []string { return regexp.MustCompile(`[-_.]`).Split(s, -1) }

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func TestParseMatchesReference(t *testing.T) {
	for _, s := range []string{
		"1.0", "v1.0", "V1.0", " 1.0\n", "1.0.0-alpha.1", "1.0a", "1.0a.", "1.0a-", "1.0a.dev1",
		"1.0-1", "1.0-", "1.0--1", "1.0.post", "1.0-post-1", "1.0post-1", "1.0.r", "1.0rev", "1.0re",
		"1.0.dev", "1.0dev.", "1.0-dev-", "1.0rc1-1", "1.0c", "1.0pre", "1.0preview2", "1.0prev",
		"1!", "1!2", "!1", "1.", ".1", "1..0", "1.0+", "1.0+a", "1.0+a.", "1.0+.a", "1.0+a..b", "1.0+A-B_c",
		"1.0+ä", "1.0 2", "1.0\v", "1.0a1b1", "1.0.post1.post2", "1.0.dev1.dev2", "1.0_post_4",
		"2.0.0-final", "v_05", "1.0-rc1", "1.0.rc.1", "1.0RC1.POST2.DEV3+X", "0001.0002",
	} {
		got := ""
		if v, err := Parse(s); err == nil {
			got = v.String()
		}
		if want := referenceString(s); got != want {
			t.Errorf("Parse(%q) = %q, reference %q", s, got, want)
		}
	}
}

func FuzzParseMatchesReference(f *testing.F) {
	for _, s := range []string{"1.0a.dev1", "1.0-1", "1!2.0rc1.post2.dev3+x.y", "v1.0.r", "1.0+a-b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxVersionLen {
			return
		}
		got := ""
		if v, err := Parse(s); err == nil {
			got = v.String()
		}
		if want := referenceString(s); got != want {
			t.Fatalf("Parse(%q) = %q, reference %q", s, got, want)
		}
	})
}

package pep440

import (
	"fmt"
	"regexp"
	"strings"
)

// maxVersionLen bounds the length of a version string: real versions are
// short, and the bound keeps hostile manifests from costing regexp time.
const maxVersionLen = 256

// versionRe is packaging's VERSION_PATTERN, anchored, with surrounding
// whitespace allowed as packaging allows it.
var versionRe = regexp.MustCompile(`(?i)^\s*v?` +
	`(?:([0-9]+)!)?` + // epoch
	`([0-9]+(?:\.[0-9]+)*)` + // release
	`(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?([0-9]+)?)?` + // pre-release
	`(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?` + // post-release
	`(?:[-_.]?(dev)[-_.]?([0-9]+)?)?` + // dev release
	`(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?` + // local version
	`\s*$`)

// Submatch indexes into versionRe.
const (
	reEpoch = 1 + iota
	reRelease
	rePreL
	rePreN
	rePostN1
	rePostL
	rePostN2
	reDevL
	reDevN
	reLocal
)

// Pre-release kinds, in their order.
const (
	preNone = iota
	preAlpha
	preBeta
	preRC
)

// Version is a parsed PEP 440 version. Numbers are kept as decimal digit
// strings without leading zeros, so that any size compares correctly. The
// zero Version is not valid; use Parse.
type Version struct {
	raw     string
	epoch   string
	release []string
	preKind int
	preNum  string
	hasPost bool
	postNum string
	hasDev  bool
	devNum  string
	local   []string
}

// Parse parses a version in any spelling PEP 440 normalises, such as
// "1.0.0-alpha.1", "v2.0.POST3" or "1!2.0+ubuntu.1".
func Parse(s string) (Version, error) {
	if len(s) > maxVersionLen {
		return Version{}, fmt.Errorf("invalid version %.40q...: longer than %d bytes", s, maxVersionLen)
	}
	m := versionRe.FindStringSubmatch(s)
	if m == nil {
		return Version{}, fmt.Errorf("invalid version %q", s)
	}
	v := Version{raw: strings.TrimSpace(s), epoch: number(m[reEpoch])}
	parts := strings.Split(m[reRelease], ".")
	for i, p := range parts {
		parts[i] = number(p)
	}
	v.release = parts
	if l := strings.ToLower(m[rePreL]); l != "" {
		switch l {
		case "a", "alpha":
			v.preKind = preAlpha
		case "b", "beta":
			v.preKind = preBeta
		default: // c, rc, pre, preview
			v.preKind = preRC
		}
		v.preNum = number(m[rePreN])
	}
	switch {
	case m[rePostN1] != "":
		v.hasPost, v.postNum = true, number(m[rePostN1])
	case m[rePostL] != "":
		v.hasPost, v.postNum = true, number(m[rePostN2])
	}
	if m[reDevL] != "" {
		v.hasDev, v.devNum = true, number(m[reDevN])
	}
	if m[reLocal] != "" {
		v.local = strings.FieldsFunc(strings.ToLower(m[reLocal]), func(r rune) bool {
			return r == '-' || r == '_' || r == '.'
		})
		for i, p := range v.local {
			if isDigits(p) {
				v.local[i] = number(p)
			}
		}
	}
	return v, nil
}

// number strips leading zeros from a digit string; "" and "000" are "0".
func number(s string) string {
	s = strings.TrimLeft(s, "0")
	if s == "" {
		return "0"
	}
	return s
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String returns the normalised form, e.g. "1!2.0a1.post2.dev3+abc.4".
func (v Version) String() string {
	var b strings.Builder
	b.WriteString(v.Public())
	if len(v.local) > 0 {
		b.WriteByte('+')
		b.WriteString(strings.Join(v.local, "."))
	}
	return b.String()
}

// Original returns the version as it was written, without surrounding space.
func (v Version) Original() string { return v.raw }

// Public returns the normalised version without its local segment.
func (v Version) Public() string {
	var b strings.Builder
	b.WriteString(v.BaseVersion())
	if v.preKind != preNone {
		b.WriteString([...]string{"", "a", "b", "rc"}[v.preKind])
		b.WriteString(v.preNum)
	}
	if v.hasPost {
		b.WriteString(".post")
		b.WriteString(v.postNum)
	}
	if v.hasDev {
		b.WriteString(".dev")
		b.WriteString(v.devNum)
	}
	return b.String()
}

// BaseVersion returns the epoch and release segment alone, e.g. "1!2.0".
func (v Version) BaseVersion() string {
	var b strings.Builder
	if v.epoch != "" && v.epoch != "0" {
		b.WriteString(v.epoch)
		b.WriteByte('!')
	}
	b.WriteString(strings.Join(v.release, "."))
	return b.String()
}

// Release returns the release segment's numbers as digit strings.
func (v Version) Release() []string { return append([]string(nil), v.release...) }

// IsPrerelease reports whether v is a pre-release or a development release,
// which installers skip unless asked for them.
func (v Version) IsPrerelease() bool { return v.preKind != preNone || v.hasDev }

// IsPostrelease reports whether v has a post-release segment.
func (v Version) IsPostrelease() bool { return v.hasPost }

// IsDevrelease reports whether v has a development release segment.
func (v Version) IsDevrelease() bool { return v.hasDev }

// IsLocal reports whether v has a local version label.
func (v Version) IsLocal() bool { return len(v.local) > 0 }

// public returns v without its local label.
func (v Version) public() Version {
	v.local = nil
	return v
}

// base returns v reduced to its epoch and release.
func (v Version) base() Version {
	return Version{raw: v.raw, epoch: v.epoch, release: v.release}
}

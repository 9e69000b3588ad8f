package pep440

import (
	"fmt"
	"strings"
)

// maxVersionLen bounds the length of a version string: real versions are
// short, and the bound keeps hostile manifests from costing regexp time.
const maxVersionLen = 256

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
// "1.0.0-alpha.1", "v2.0.POST3" or "1!2.0+ubuntu.1". It accepts exactly what
// packaging's VERSION_PATTERN accepts (the tests hold it to that regular
// expression); it is hand-written because vulnerability matching parses
// hundreds of thousands of versions and the expression is several times slower.
func Parse(s string) (Version, error) {
	if len(s) > maxVersionLen {
		return Version{}, fmt.Errorf("invalid version %.40q...: longer than %d bytes", s, maxVersionLen)
	}
	v, ok := parseVersion(s)
	if !ok {
		return Version{}, fmt.Errorf("invalid version %q", s)
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

package pep440

import (
	"fmt"
	"regexp"
	"strings"
)

// maxRequirementLen bounds a requirement string; URLs make some long, none
// this long.
const maxRequirementLen = 16 << 10

// nameRe is PEP 508's distribution name, which also serves for extras.
var nameRe = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$`)

// Requirement is a parsed PEP 508 requirement string, such as
// `requests[socks]>=2.8.1,==2.8.* ; python_version < "2.7"` or
// `pip @ https://github.com/pypa/pip/archive/1.3.1.zip`.
type Requirement struct {
	// Name is the distribution name as written (not normalised).
	Name string
	// Extras are the extras as written, in order.
	Extras []string
	// Specifiers is the version specifier set; empty for a URL requirement.
	Specifiers Specifiers
	// URL is the direct reference after "@", or "".
	URL string
	// Marker is the environment marker; zero when there is none.
	Marker Marker
}

// ParseRequirement parses a PEP 508 requirement string.
func ParseRequirement(s string) (Requirement, error) {
	if len(s) > maxRequirementLen {
		return Requirement{}, fmt.Errorf("invalid requirement: longer than %d bytes", maxRequirementLen)
	}
	r, err := parseRequirement(s)
	if err != nil {
		return Requirement{}, fmt.Errorf("invalid requirement %q: %w", s, err)
	}
	return r, nil
}

func parseRequirement(s string) (Requirement, error) {
	var r Requirement
	rest := strings.TrimSpace(s)
	end := strings.IndexFunc(rest, func(c rune) bool {
		return !(c == '-' || c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
	})
	if end < 0 {
		end = len(rest)
	}
	r.Name, rest = rest[:end], trimLeft(rest[end:])
	if !nameRe.MatchString(r.Name) {
		return r, fmt.Errorf("expected a package name")
	}
	if strings.HasPrefix(rest, "[") {
		rb := strings.IndexByte(rest, ']')
		if rb < 0 {
			return r, fmt.Errorf("expected ] after extras")
		}
		if inner := strings.TrimSpace(rest[1:rb]); inner != "" {
			for _, e := range strings.Split(inner, ",") {
				e = strings.TrimSpace(e)
				if !nameRe.MatchString(e) {
					return r, fmt.Errorf("invalid extra %q", e)
				}
				r.Extras = append(r.Extras, e)
			}
		}
		rest = trimLeft(rest[rb+1:])
	}
	var marker string
	hasMarker := false
	if url, ok := strings.CutPrefix(rest, "@"); ok {
		url = trimLeft(url)
		end := strings.IndexAny(url, " \t")
		if end < 0 {
			end = len(url)
		}
		r.URL, rest = url[:end], trimLeft(url[end:])
		if r.URL == "" {
			return r, fmt.Errorf("expected a URL after @")
		}
		if rest != "" {
			if end == len(url) || rest[0] != ';' {
				return r, fmt.Errorf("expected a marker after the URL and a space")
			}
			marker, hasMarker = rest[1:], true
		}
	} else {
		spec := rest
		if i := strings.IndexByte(rest, ';'); i >= 0 {
			spec, marker, hasMarker = rest[:i], rest[i+1:], true
		}
		spec = strings.TrimSpace(spec)
		if strings.HasPrefix(spec, "(") {
			if !strings.HasSuffix(spec, ")") {
				return r, fmt.Errorf("expected ) after the version specifier")
			}
			spec = spec[1 : len(spec)-1]
		}
		if strings.HasSuffix(strings.TrimSpace(spec), ",") {
			return r, fmt.Errorf("trailing comma in the version specifier")
		}
		ss, err := ParseSpecifier(spec)
		if err != nil {
			return r, err
		}
		r.Specifiers = ss
	}
	if hasMarker {
		m, err := ParseMarker(marker)
		if err != nil {
			return r, err
		}
		r.Marker = m
	}
	return r, nil
}

func trimLeft(s string) string { return strings.TrimLeft(s, " \t") }

// String returns the requirement in normal form, e.g.
// `name[extra]>=1.0,<2 ; python_version < "3.8"`.
func (r Requirement) String() string {
	var b strings.Builder
	b.WriteString(r.Name)
	if len(r.Extras) > 0 {
		b.WriteString("[" + strings.Join(r.Extras, ",") + "]")
	}
	if r.URL != "" {
		b.WriteString(" @ " + r.URL)
	} else {
		b.WriteString(r.Specifiers.String())
	}
	if !r.Marker.IsZero() {
		b.WriteString(" ; " + r.Marker.String())
	}
	return b.String()
}

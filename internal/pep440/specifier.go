package pep440

import (
	"fmt"
	"regexp"
	"strings"
)

// maxSpecifierLen bounds a specifier set's text; real ones are short.
const maxSpecifierLen = 4096

// operators lists the PEP 440 comparison operators, longest first so that a
// prefix never shadows a longer operator.
var operators = [...]string{"===", "~=", "==", "!=", "<=", ">=", "<", ">"}

// wildcardBaseRe is the only shape a version may have before ".*": an epoch
// and a release segment, nothing else.
var wildcardBaseRe = regexp.MustCompile(`^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*$`)

// Specifier is one clause of a specifier set, such as ">=2.2" or "==1.4.*".
type Specifier struct {
	// Op is the operator: "~=", "==", "!=", "<=", ">=", "<", ">" or "===".
	Op string
	// Version is the operand as written, with ".*" for a wildcard.
	Version string

	v        Version // parsed operand; unset for === and for wildcards
	wildcard bool
	prefix   Version // the epoch and release a wildcard names
}

// Specifiers is a comma-separated set of specifiers that must all hold; the
// empty set admits every final release.
type Specifiers []Specifier

// ParseSpecifier parses a PEP 440 specifier set such as ">=1.0,!=1.3.*,<2".
// Empty clauses are skipped, as pip skips them.
func ParseSpecifier(s string) (Specifiers, error) {
	if len(s) > maxSpecifierLen {
		return nil, fmt.Errorf("invalid specifier: longer than %d bytes", maxSpecifierLen)
	}
	var ss Specifiers
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		sp, err := parseOne(part)
		if err != nil {
			return nil, err
		}
		ss = append(ss, sp)
	}
	return ss, nil
}

func parseOne(s string) (Specifier, error) {
	var sp Specifier
	for _, op := range operators {
		if strings.HasPrefix(s, op) {
			sp.Op = op
			break
		}
	}
	if sp.Op == "" {
		return sp, fmt.Errorf("invalid specifier %q: no operator", s)
	}
	sp.Version = strings.TrimSpace(s[len(sp.Op):])
	bad := func(why string) (Specifier, error) {
		return Specifier{}, fmt.Errorf("invalid specifier %q: %s", s, why)
	}
	if sp.Version == "" {
		return bad("no version")
	}
	if sp.Op == "===" {
		if strings.ContainsAny(sp.Version, " \t\r\n;)") {
			return bad("arbitrary equality takes one word")
		}
		return sp, nil
	}
	if base, ok := strings.CutSuffix(sp.Version, ".*"); ok {
		if sp.Op != "==" && sp.Op != "!=" {
			return bad("a wildcard is only allowed after == and !=")
		}
		if !wildcardBaseRe.MatchString(base) {
			return bad("a wildcard must follow a release segment")
		}
		p, err := Parse(base)
		if err != nil {
			return bad(err.Error())
		}
		sp.wildcard, sp.prefix = true, p
		return sp, nil
	}
	v, err := Parse(sp.Version)
	if err != nil {
		return bad(err.Error())
	}
	if v.IsLocal() && sp.Op != "==" && sp.Op != "!=" {
		return bad("a local version is only allowed after == and !=")
	}
	if sp.Op == "~=" && len(v.release) < 2 {
		return bad("~= needs at least two release numbers")
	}
	sp.v = v
	return sp, nil
}

// String returns the set as written, clauses joined by commas without spaces.
func (ss Specifiers) String() string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	return strings.Join(parts, ",")
}

// String returns the clause as its operator followed by its operand.
func (s Specifier) String() string { return s.Op + s.Version }

// Pinned returns the version the set pins when it is a single == (without a
// wildcard) or === clause.
func (ss Specifiers) Pinned() (string, bool) {
	if len(ss) != 1 || (ss[0].Op != "==" && ss[0].Op != "===") || ss[0].wildcard {
		return "", false
	}
	return ss[0].Version, true
}

// Contains reports whether v satisfies every clause, with PEP 440's rule for
// pre-releases: a pre-release or dev release is excluded unless a clause
// (other than !=) names a pre-release itself, as ">=2.0b1" does.
func (ss Specifiers) Contains(v Version) bool {
	if v.IsPrerelease() && !ss.allowsPrereleases() {
		return false
	}
	return ss.ContainsPre(v)
}

// ContainsPre reports whether v satisfies every clause, pre-releases
// included, as `pip install --pre` judges; vulnerability ranges want this.
func (ss Specifiers) ContainsPre(v Version) bool {
	for _, s := range ss {
		if !s.matches(v) {
			return false
		}
	}
	return true
}

// allowsPrereleases reports whether some inclusive clause names a
// pre-release.
func (ss Specifiers) allowsPrereleases() bool {
	for _, s := range ss {
		switch {
		case s.Op == "!=" || s.wildcard:
		case s.Op == "===":
			if v, err := Parse(s.Version); err == nil && v.IsPrerelease() {
				return true
			}
		case s.v.IsPrerelease():
			return true
		}
	}
	return false
}

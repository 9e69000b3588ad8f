package hygiene

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// Setting names, as pip.conf spells them (pip's long options without the dashes).
const (
	setIndexURL      = "index-url"
	setExtraIndexURL = "extra-index-url"
	setFindLinks     = "find-links"
	setTrustedHost   = "trusted-host"
	setIndexStrategy = "index-strategy"
	// setUVIndex is an extra uv index; with uv's default strategy it is no
	// dependency-confusion risk, but it must still use HTTPS.
	setUVIndex = "uv-index"
)

// setting is one package-index setting, wherever it was written.
type setting struct {
	name, value string
	// line and col locate it (col 0 when unknown); end is the column past it, or 0.
	line, col, end int
	// via says how it was given, for the message: "requirements option",
	// "pip.conf", "pip install option", "PIP_EXTRA_INDEX_URL".
	via string
}

// settings reports the problems of a file's package-index settings.
func (r *reporter) settings(path string, ss []setting, kind string) {
	for _, s := range ss {
		at := func(rule *analysis.Rule, msg string) hit {
			return hit{rule: rule, path: path, line: s.line, col: s.col, end: s.end, msg: msg, text: s.name + " " + s.value}
		}
		switch s.name {
		case setIndexURL, setExtraIndexURL, setFindLinks, setUVIndex:
			if plainHTTP(s.value) {
				r.add(at(InsecurePackageIndex, fmt.Sprintf("%s %s in %s uses plain HTTP: anyone on the network path can replace the packages", s.via, redactURL(s.value), kind)))
			}
			if s.name == setExtraIndexURL {
				r.add(at(ExtraIndexURL, fmt.Sprintf("%s %s in %s: pip merges it with the main index and installs the highest version from either, so a package published on PyPI under an internal name wins (dependency confusion)", s.via, redactURL(s.value), kind)))
			}
		case setTrustedHost:
			r.add(at(TrustedHost, fmt.Sprintf("%s %s in %s switches off TLS certificate checks (and allows plain HTTP) for that host", s.via, s.value, kind)))
		case setIndexStrategy:
			if strings.HasPrefix(s.value, "unsafe-") {
				r.add(at(ExtraIndexURL, fmt.Sprintf("%s %s in %s makes uv look every package up on all indexes, so a package published on PyPI under an internal name can win (dependency confusion)", s.via, s.value, kind)))
			}
		}
	}
}

// plainHTTP reports whether an index location is an http:// URL to another machine.
func plainHTTP(v string) bool {
	if len(v) < 7 || !strings.EqualFold(v[:7], "http://") {
		return false
	}
	u, err := url.Parse(v)
	if err != nil {
		return true
	}
	switch host := strings.ToLower(u.Hostname()); {
	case host == "localhost", strings.HasPrefix(host, "127."), host == "::1":
		return false
	}
	return true
}

// userinfoRe is the credential part of a URL, which the secrets analyzer reports;
// hygiene messages leave it out.
var userinfoRe = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.\-]*://)[^/@\s]*@`)

// redactURL hides a URL's user and password.
func redactURL(v string) string { return userinfoRe.ReplaceAllString(v, "${1}…@") }

// uvStrategy reads uv's index-strategy from uv.toml (table "") or pyproject's
// [tool.uv] (table "tool.uv").
func (r *reporter) uvStrategy(path string, data []byte, table string) {
	cur := ""
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			cur = strings.TrimSpace(strings.Trim(t, "[]"))
			continue
		}
		if cur != table {
			continue
		}
		if m := uvStrategyRe.FindStringSubmatch(t); m != nil {
			r.settings(path, []setting{{name: setIndexStrategy, value: m[1], line: i + 1, col: strings.Index(l, "index-strategy") + 1, via: "index-strategy"}}, "uv configuration")
		}
	}
}

// uvStrategyRe is a TOML "index-strategy = …" line.
var uvStrategyRe = regexp.MustCompile(`^index-strategy\s*=\s*["']([a-z\-]+)["']`)

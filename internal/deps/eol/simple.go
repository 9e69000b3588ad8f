package eol

import (
	"regexp"
	"strings"
)

// pythonVersionClaims reads pyenv's .python-version (also read by uv, Heroku and
// setup-python): one version per line, the first preferred; "system" and
// distributions such as "miniconda3-4.7" name no CPython line.
func pythonVersionClaims(data []byte) []claim {
	var out []claim
	for i, l := range lines(data) {
		for _, tok := range strings.Fields(stripComment(l)) {
			if c, ok := pinnedClaim(i+1, strings.Index(l, tok)+1, ".python-version", tok, parseInterpreter); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// runtimeTxtClaims reads Heroku's runtime.txt, "python-3.8.10".
func runtimeTxtClaims(data []byte) []claim {
	var out []claim
	for i, l := range lines(data) {
		tok := strings.TrimSpace(l)
		if rest, ok := strings.CutPrefix(tok, "python-"); ok {
			if c, ok := pinnedClaim(i+1, strings.Index(l, tok)+1, "runtime.txt", tok, func(string) (int, int, bool) { return parseMinor(rest) }); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// toolVersionsClaims reads asdf/mise .tool-versions: "python 3.8.12 3.9.1", every
// listed version being installed and used as a fallback.
func toolVersionsClaims(data []byte) []claim {
	var out []claim
	for i, l := range lines(data) {
		f := strings.Fields(stripComment(l))
		if len(f) < 2 || f[0] != "python" {
			continue
		}
		at := 0
		for _, tok := range f[1:] {
			at = strings.Index(l[at:], tok) + at
			if c, ok := pinnedClaim(i+1, at+1, ".tool-versions", tok, parseInterpreter); ok {
				out = append(out, c)
			}
			at += len(tok)
		}
	}
	return out
}

// appEngineRuntimeRe is Google App Engine's app.yaml "runtime: python38".
var appEngineRuntimeRe = regexp.MustCompile(`^runtime\s*:\s*["']?(python([23])([0-9]{1,2}))["']?\s*(?:#.*)?$`)

// appYAMLClaims reads the runtime of a Google App Engine app.yaml.
func appYAMLClaims(data []byte) []claim {
	var out []claim
	for i, l := range lines(data) {
		m := appEngineRuntimeRe.FindStringSubmatchIndex(l)
		if m == nil {
			continue
		}
		text := l[m[2]:m[3]]
		v := l[m[4]:m[5]] + "." + l[m[6]:m[7]]
		if c, ok := pinnedClaim(i+1, m[2]+1, "App Engine runtime", text, func(string) (int, int, bool) { return parseMinor(v) }); ok {
			out = append(out, c)
		}
	}
	return out
}

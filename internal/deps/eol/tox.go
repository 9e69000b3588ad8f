package eol

import (
	"regexp"
	"strconv"
	"strings"
)

// maxToxEnvs bounds the environments one envlist may expand to.
const maxToxEnvs = 4096

// toxFactorRe is a tox factor that names an interpreter: py38, py3.8, py310, 3.12
// (tox 4), pypy39. "py3", "py" and "pypy3" name no line.
var toxFactorRe = regexp.MustCompile(`^(?:py|pypy)?([23])\.?([0-9]{1,2})t?$`)

// toxSection is an INI section whose envlist the check reads.
type toxSection struct {
	name string
	// offset is added to line numbers (for an INI embedded in a TOML string).
	offset int
}

// toxINIClaims reads envlist/env_list of the named INI section: [tox] in tox.ini,
// [tox:tox] in setup.cfg, and [tox] in pyproject's legacy_tox_ini string.
func toxINIClaims(ls []string, sec toxSection, source string) []claim {
	var out []claim
	in := false
	for i := 0; i < len(ls); i++ {
		t := strings.TrimSpace(ls[i])
		if strings.HasPrefix(t, "[") {
			in = strings.TrimSpace(strings.Trim(t, "[]")) == sec.name
			continue
		}
		if !in {
			continue
		}
		key, value, ok := strings.Cut(t, "=")
		if !ok || strings.TrimSpace(key) != "envlist" && strings.TrimSpace(key) != "env_list" {
			continue
		}
		col := strings.Index(ls[i], value) + 1
		out = append(out, toxValueClaims(value, i+1+sec.offset, col, source)...)
		for j := i + 1; j < len(ls) && ls[j] != "" && (ls[j][0] == ' ' || ls[j][0] == '\t'); j++ {
			if v := strings.TrimSpace(ls[j]); v != "" && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, ";") {
				out = append(out, toxValueClaims(v, j+1+sec.offset, strings.Index(ls[j], v)+1, source)...)
			}
			i = j
		}
	}
	return out
}

// toxValueClaims reads one line of an envlist: environments separated by commas
// outside braces, each expanded.
func toxValueClaims(value string, line, col int, source string) []claim {
	var out []claim
	seen := map[[2]int]bool{}
	budget := 4 * maxToxEnvs
	for _, item := range splitOutsideBraces(stripComment(value)) {
		name := strings.TrimSpace(item)
		envs := factorsOf(name)
		if budget -= len(envs); budget < 0 {
			break
		}
		for _, env := range envs {
			for _, factor := range strings.Split(env, "-") {
				m := toxFactorRe.FindStringSubmatch(factor)
				if m == nil {
					continue
				}
				major, _ := strconv.Atoi(m[1])
				minor, _ := strconv.Atoi(m[2])
				if seen[[2]int{major, minor}] {
					continue
				}
				seen[[2]int{major, minor}] = true
				out = append(out, claim{line: line, col: col + strings.Index(value, name), kind: pinned, source: source,
					text: factor, major: major, minor: minor})
			}
		}
	}
	return out
}

// splitOutsideBraces splits at commas and blanks that are not inside {…}.
func splitOutsideBraces(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case ',', ' ', '\t':
			if depth == 0 {
				if i > start {
					out = append(out, s[start:i])
				}
				start = i + 1
			}
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// factorsOf returns the expanded factor groups of an environment name. The parts
// between dashes outside braces combine as a cartesian product, but a factor lies
// within one part, so each part is expanded on its own and the product is never
// built: "py{38,39}-django{32,42}" gives py38, py39, django32, django42.
func factorsOf(name string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i <= len(name); i++ {
		switch {
		case i == len(name) || name[i] == '-' && depth == 0:
			if len(out) < maxToxEnvs {
				out = append(out, expandEnv(name[start:i])...)
			}
			start = i + 1
		case name[i] == '{':
			depth++
		case name[i] == '}' && depth > 0:
			depth--
		}
	}
	return out
}

// expandEnv expands tox's generative names: "py{38,39}-django{32,42}" is four
// environments, and tox 4's numeric ranges "py3{8-10}" count up.
func expandEnv(name string) []string {
	open := strings.IndexByte(name, '{')
	if open < 0 {
		return []string{name}
	}
	end := strings.IndexByte(name[open:], '}')
	if end < 0 {
		return []string{name}
	}
	end += open
	var alts []string
	for _, a := range strings.Split(name[open+1:end], ",") {
		a = strings.TrimSpace(a)
		lo, hi, isRange := strings.Cut(a, "-")
		from, err1 := strconv.Atoi(lo)
		to, err2 := strconv.Atoi(hi)
		if isRange && err1 == nil && err2 == nil && from <= to && to-from <= 100 {
			for n := from; n <= to; n++ {
				alts = append(alts, strconv.Itoa(n))
			}
			continue
		}
		alts = append(alts, a)
	}
	var out []string
	for _, rest := range expandEnv(name[end+1:]) {
		for _, a := range alts {
			if len(out) >= maxToxEnvs {
				return out
			}
			out = append(out, name[:open]+a+rest)
		}
	}
	return out
}

// tomlStringRe is a quoted TOML string in an env_list array.
var tomlStringRe = regexp.MustCompile(`"([^"\\]*)"|'([^']*)'`)

// toxTOMLClaims reads tox 4's native TOML configuration: env_list in tox.toml (top
// level) or in pyproject's [tool.tox], and the INI string of legacy_tox_ini.
func toxTOMLClaims(ls []string, table string, source string) []claim {
	var out []claim
	cur := ""
	for i := 0; i < len(ls); i++ {
		t := strings.TrimSpace(ls[i])
		if strings.HasPrefix(t, "[") {
			cur = strings.TrimSpace(strings.Trim(t, "[]"))
			continue
		}
		if cur != table {
			continue
		}
		key, value, ok := strings.Cut(t, "=")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		switch {
		case !ok:
		case key == "env_list" && strings.HasPrefix(value, "["):
			j := i
			for ; j < len(ls); j++ {
				for _, m := range tomlStringRe.FindAllStringSubmatchIndex(ls[j], -1) {
					s, e := m[2], m[3]
					if s < 0 {
						s, e = m[4], m[5]
					}
					if j == i && s < strings.Index(ls[j], "[") {
						continue
					}
					out = append(out, toxValueClaims(ls[j][s:e], j+1, s+1, source)...)
				}
				if strings.Contains(stripComment(ls[j]), "]") {
					break
				}
			}
			i = j
		case key == "legacy_tox_ini":
			q := value[:min(3, len(value))]
			if q != `"""` && q != "'''" {
				continue
			}
			var body []string
			first := strings.TrimPrefix(value, q)
			if k := strings.Index(first, q); k >= 0 {
				body = append(body, first[:k])
			} else {
				body = append(body, first)
				for j := i + 1; j < len(ls); j++ {
					if k := strings.Index(ls[j], q); k >= 0 {
						body = append(body, ls[j][:k])
						break
					}
					body = append(body, ls[j])
				}
			}
			out = append(out, toxINIClaims(body, toxSection{name: "tox", offset: i}, "tox envlist")...)
			i += len(body) - 1
		}
	}
	return out
}

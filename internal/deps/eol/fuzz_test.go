package eol

import (
	"strings"
	"testing"
)

// FuzzParsers runs every raw reader over the same bytes: none may panic, and every
// claim must point at a line of the file and name a line of Python.
func FuzzParsers(f *testing.F) {
	for _, s := range []string{
		"ARG V=3.8\nFROM --platform=x python:${V:-3.9}-slim@sha256:ab AS b \\\n  # c\n",
		"# escape=`\nFROM python:3.7 `\n AS x\n",
		"[tox]\nenvlist = py{27,3{8-10}}-{a,b}, py3.12\n  pypy39\n[tox:tox]\nenv_list=py{\n",
		"[tool.tox]\nenv_list = [\"3.13\",\n 'py38']\nlegacy_tox_ini = \"\"\"\n[tox]\nenvlist = py37\n\"\"\"\n",
		"jobs:\n  m:\n    matrix:\n      py: [3.8, '3.10'\n      python-version:\n      - 3.9\n    container: python:$V\n  x: ${{ matrix['py'] }}\n",
		"python 3.8.1 system\nruntime: python27\npython-3.6.0\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := len(lines([]byte(s)))
		var all []claim
		all = append(all, dockerfileClaims([]byte(s))...)
		all = append(all, toxINIClaims(lines([]byte(s)), toxSection{name: "tox"}, "tox")...)
		all = append(all, toxTOMLClaims(lines([]byte(s)), "tool.tox", "tox")...)
		all = append(all, toxTOMLClaims(lines([]byte(s)), "", "tox")...)
		all = append(all, ciClaims([]byte(s), ciKind{versionKeys: []string{"python-version", "python"}, source: "ci"})...)
		all = append(all, pythonVersionClaims([]byte(s))...)
		all = append(all, runtimeTxtClaims([]byte(s))...)
		all = append(all, toolVersionsClaims([]byte(s))...)
		all = append(all, appYAMLClaims([]byte(s))...)
		for _, c := range all {
			if c.line < 1 || c.line > n || c.col < 0 {
				t.Fatalf("claim %+v outside the %d lines of the input", c, n)
			}
			if c.major < 0 || c.minor < 0 || strings.TrimSpace(c.source) == "" {
				t.Fatalf("bad claim %+v", c)
			}
		}
		if len(expandEnv(s)) > maxToxEnvs {
			t.Fatalf("expandEnv grew past %d", maxToxEnvs)
		}
	})
}

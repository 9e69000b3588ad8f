package hygiene

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analyzertest"
)

// want is one expected finding: its code, file, line and a regexp over the message.
type want struct {
	code, path string
	line       int
	msg        string
}

// run scans files (path -> content) with every rule on.
func run(t *testing.T, files map[string]string) []analysis.Finding {
	t.Helper()
	return runEnabled(t, files, func(string) bool { return true })
}

func runEnabled(t *testing.T, files map[string]string, enabled func(string) bool) []analysis.Finding {
	t.Helper()
	return analyzertest.RunProject(t, New(), files, enabled)
}

// check compares findings with wants by code, path and line, and each message with
// its regexp.
func check(t *testing.T, got []analysis.Finding, wants []want) {
	t.Helper()
	type key struct {
		Code, Path string
		Line       int
	}
	var g, w []key
	for _, f := range got {
		g = append(g, key{f.Code, f.Path, f.Line})
	}
	for _, x := range wants {
		w = append(w, key{x.code, x.path, x.line})
	}
	if diff := cmp.Diff(w, g); diff != "" {
		for _, f := range got {
			t.Logf("%s %s:%d %s", f.Code, f.Path, f.Line, f.Message)
		}
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
	for i, x := range wants {
		if !regexp.MustCompile(x.msg).MatchString(got[i].Message) {
			t.Errorf("%s %s:%d: message %q does not match %q", x.code, x.path, x.line, got[i].Message, x.msg)
		}
		if got[i].Fingerprint == "" || got[i].Snippet == "" {
			t.Errorf("%s %s:%d: fingerprint %q, snippet %q", x.code, x.path, x.line, got[i].Fingerprint, got[i].Snippet)
		}
	}
}

const (
	sha1  = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
	lock  = "[[package]]\nname = \"requests\"\nversion = \"2.32.3\"\n"
	chash = "0123456789abcdef0123456789abcdef01234567"
)

func TestPinning(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"unpinned_requirements", map[string]string{"requirements.txt": "requests>=2.0\nflask\ndjango==4.2.1\n-e .\n"},
			[]want{
				{"KR720", "requirements.txt", 1, `^requests>=2\.0 in a requirements file is not pinned`},
				{"KR721", "requirements.txt", 1, `^no lock file: 2 of the 3 dependencies declared in requirements\.txt are not pinned.*pip-compile`},
				{"KR720", "requirements.txt", 2, `^flask \(any version\) in a requirements file`},
			}},
		{"fully_pinned_is_a_lock", map[string]string{"requirements.txt": "requests==2.32.3\nidna===3.7\n"}, nil},
		{"lock_file_present", map[string]string{"requirements.txt": "requests>=2\n", "poetry.lock": lock}, nil},
		{"lock_of_a_sibling_project", map[string]string{"svc/requirements.txt": "requests>=2\n", "tools/poetry.lock": lock, "tools/pyproject.toml": "[tool.poetry]\nname = \"t\"\n[tool.poetry.dependencies]\nclick = \"^8\"\n"},
			[]want{
				{"KR720", "svc/requirements.txt", 1, `^requests>=2 `},
				{"KR721", "svc/requirements.txt", 1, `declared in svc/requirements\.txt`},
			}},
		{"lock_in_parent_directory", map[string]string{"packages/a/requirements.txt": "requests>=2\n", "uv.lock": "version = 1\n"}, nil},
		{"constraints_pin", map[string]string{"requirements.txt": "-c constraints.txt\nrequests\nflask\n", "constraints.txt": "requests==2.32.3\n"},
			[]want{
				{"KR721", "requirements.txt", 1, `1 of the 2 dependencies`},
				{"KR720", "requirements.txt", 3, `^flask \(any version\)`},
			}},
		{"constraints_file_ranges", map[string]string{"testing/constraints-3.10.txt": "urllib3<2.0.0\ngoogle-auth==2.14.1\n", "constraints.txt": "idna>=3\n"}, nil},
		{"pip_compile_input_skipped", map[string]string{"requirements.in": "requests>=2\n", "requirements.txt": "requests==2.32.3\n"}, nil},
		{"library_ranges_are_fine", map[string]string{"pyproject.toml": "[project]\nname = \"lib\"\ndependencies = [\"requests>=2\"]\n",
			"setup.py": "from setuptools import setup\nsetup(install_requires=['click>=8'])\n"}, nil},
		{"poetry_without_lock", map[string]string{"pyproject.toml": "[tool.poetry]\nname = \"app\"\n[tool.poetry.dependencies]\npython = \"^3.12\"\nrequests = \"^2.31\"\n"},
			[]want{{"KR721", "pyproject.toml", 1, `1 of the 1 dependencies declared in pyproject\.toml .*run poetry lock and commit poetry\.lock`}}},
		{"pipfile_without_lock", map[string]string{"Pipfile": "[packages]\nrequests = \"*\"\nflask = \"==3.0.0\"\n", "requirements.txt": "gunicorn==22.0.0\n"},
			[]want{
				{"KR721", "Pipfile", 1, `^no lock file: 1 of the 3 dependencies declared in Pipfile and 1 other manifests .*pipenv lock`},
				{"KR720", "Pipfile", 2, `^requests \(any version\) in a Pipfile`},
			}},
		{"pipfile_with_lock", map[string]string{"Pipfile": "[packages]\nrequests = \"*\"\n", "Pipfile.lock": `{"_meta": {}, "default": {"requests": {"version": "==2.32.3"}}, "develop": {}}`}, nil},
		{"conda_pip_section", map[string]string{"environment.yml": "dependencies:\n  - numpy\n  - pip:\n    - requests>=2\n"},
			[]want{{"KR720", "environment.yml", 4, `^requests>=2 in a conda environment`}}},
		{"partial_hashes", map[string]string{"requirements.txt": "requests==2.32.3 --hash=" + sha1 + "\nurllib3==2.2.2\nidna==3.7 \\\n    --hash=" + sha1 + "\n"},
			[]want{{"KR726", "requirements.txt", 2, `^urllib3==2\.2\.2 has no --hash while 2 other requirements of requirements\.txt have one: pip refuses`}}},
		{"partial_hashes_through_include", map[string]string{"requirements.txt": "-r requirements-base.txt\nrequests==2.32.3 --hash=" + sha1 + "\n", "requirements-base.txt": "urllib3==2.2.2\n"},
			[]want{{"KR726", "requirements-base.txt", 1, `urllib3==2\.2\.2 has no --hash`}}},
		{"require_hashes_given", map[string]string{"requirements.txt": "--require-hashes\nrequests==2.32.3 --hash=" + sha1 + "\nurllib3==2.2.2\n"}, nil},
		{"all_hashed", map[string]string{"requirements.txt": "requests==2.32.3 --hash=" + sha1 + "\nx @ https://h/x-1.0-py3-none-any.whl#sha256=" + chash + chash[:24] + "\n"}, nil},
		{"suppressed", map[string]string{"requirements.txt": "# krait: ignore[KR721]\nrequests>=2  # noqa: KR720\n"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { check(t, run(t, tc.files), tc.want) })
	}
}

func TestSources(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"vcs_branch_tag_none_commit", map[string]string{"requirements.txt": "a @ git+https://github.com/o/a@main\n" +
			"git+https://github.com/o/b.git@v1.2.0#egg=b\n" +
			"c @ git+ssh://git@github.com/o/c\n" +
			"d @ git+https://github.com/o/d@" + chash + "\n" +
			"e @ git+https://github.com/o/e@1a2b3c4\n" +
			"-e git+http://example.com/o/f@" + chash + "#egg=f\n"},
			[]want{
				{"KR722", "requirements.txt", 1, `^a is installed from git\+https://github\.com/o/a@main at "main", a branch or tag`},
				{"KR722", "requirements.txt", 2, `at "v1\.2\.0"`},
				{"KR722", "requirements.txt", 3, `^c is installed from git\+ssh://…@github\.com/o/c without a revision`},
				{"KR723", "requirements.txt", 6, `^f is fetched from git\+http://example\.com/o/f@.* over plain HTTP`},
			}},
		{"vcs_in_poetry_without_lock", map[string]string{"pyproject.toml": "[tool.poetry.dependencies]\nmylib = { git = \"https://github.com/o/mylib.git\", branch = \"develop\" }\n"},
			[]want{{"KR722", "pyproject.toml", 2, `"develop", a branch or tag`}}},
		{"vcs_in_poetry_with_lock", map[string]string{"pyproject.toml": "[tool.poetry.dependencies]\nmylib = { git = \"https://github.com/o/mylib.git\", branch = \"develop\" }\n", "poetry.lock": lock}, nil},
		{"vcs_in_pipfile", map[string]string{"Pipfile": "[packages]\nmylib = {git = \"https://github.com/o/mylib.git\", ref = \"master\"}\n"},
			[]want{{"KR722", "Pipfile", 2, `at "master"`}}},
		{"url_without_hash", map[string]string{"requirements.txt": "x @ https://files.example.com/x-1.0-py3-none-any.whl\nhttp://files.example.com/y-2.0.tar.gz\n"},
			[]want{
				{"KR727", "requirements.txt", 1, `^x is downloaded from https://files\.example\.com/x-1\.0-py3-none-any\.whl without a hash`},
				{"KR723", "requirements.txt", 2, `^y is downloaded from http://files\.example\.com/y-2\.0\.tar\.gz over plain HTTP without a hash`},
			}},
		{"url_with_hash_option", map[string]string{"requirements.txt": "x @ https://files.example.com/x-1.0-py3-none-any.whl --hash=" + sha1 + "\n"}, nil},
		{"requirements_options", map[string]string{"requirements.txt": "--index-url http://pypi.internal.example.com/simple\n--extra-index-url https://user:pw@pkgs.example.com/simple\n--trusted-host pypi.internal.example.com\n-f http://127.0.0.1:8000/wheels\nrequests==2.32.3\n"},
			[]want{
				{"KR723", "requirements.txt", 1, `^--index-url http://pypi\.internal\.example\.com/simple in requirements file uses plain HTTP`},
				{"KR725", "requirements.txt", 2, `^--extra-index-url https://…@pkgs\.example\.com/simple in requirements file: pip merges it`},
				{"KR724", "requirements.txt", 3, `^--trusted-host pypi\.internal\.example\.com in requirements file switches off TLS`},
			}},
		{"https_index_is_fine", map[string]string{"requirements.txt": "--index-url https://pypi.internal.example.com/simple\nrequests==2.32.3\n"}, nil},
		{"pipfile_sources", map[string]string{"Pipfile": "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\n\n[[source]]\nname = \"internal\"\nurl = \"http://pypi.internal/simple\"\nverify_ssl = false\n\n[packages]\nrequests = \"==2.32.3\"\n"},
			[]want{
				{"KR723", "Pipfile", 6, `Pipfile source "internal" at http://pypi\.internal/simple uses plain HTTP`},
				{"KR723", "Pipfile", 6, `verify_ssl = false`},
			}},
		{"pipfile_search_all_sources", map[string]string{"Pipfile": "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\n\n[[source]]\nname = \"corp\"\nurl = \"https://corp.example.com/simple\"\nverify_ssl = true\n\n[pipenv]\ninstall_search_all_sources = true\n\n[packages]\nrequests = \"==2.32.3\"\n"},
			[]want{{"KR725", "Pipfile", 6, `^Pipfile has 2 sources \(pypi, corp\) and install_search_all_sources = true`}}},
		{"pipfile_two_sources_index_restricted", map[string]string{"Pipfile": "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\n[[source]]\nname = \"corp\"\nurl = \"https://corp.example.com/simple\"\nverify_ssl = true\n[packages]\nrequests = \"==2.32.3\"\ncorp-utils = {version = \"==1.0\", index = \"corp\"}\n"}, nil},
		{"pipfile_one_source", map[string]string{"Pipfile": "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\nverify_ssl = true\n[packages]\nrequests = \"==2.32.3\"\n"}, nil},
		{"poetry_sources", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n[[tool.poetry.source]]\nname = \"corp\"\nurl = \"https://corp.example.com/simple\"\npriority = \"supplemental\"\n\n[[tool.poetry.source]]\nname = \"priv\"\nurl = \"https://priv.example.com/simple\"\npriority = \"explicit\"\n", "poetry.lock": lock},
			[]want{{"KR725", "pyproject.toml", 3, `^Poetry source "corp" has priority "supplemental"`}}},
		{"pdm_sources", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n[[tool.pdm.source]]\nname = \"corp\"\nurl = \"http://corp.example.com/simple\"\nverify_ssl = false\n", "pdm.lock": ""},
			[]want{
				{"KR723", "pyproject.toml", 3, `pdm source "corp" at http://corp`},
				{"KR723", "pyproject.toml", 3, `verify_ssl = false`},
				{"KR725", "pyproject.toml", 3, `^PDM source "corp" is searched together with PyPI`},
			}},
		{"pdm_respect_source_order", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n[[tool.pdm.source]]\nname = \"corp\"\nurl = \"https://corp.example.com/simple\"\n[tool.pdm.resolution]\nrespect-source-order = true\n", "pdm.lock": ""}, nil},
		{"uv_strategy", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n[tool.uv]\nindex-strategy = \"unsafe-best-match\"\n[[tool.uv.index]]\nname = \"corp\"\nurl = \"https://corp.example.com/simple\"\n", "uv.lock": "version = 1\n",
			"uv.toml": "index-strategy = \"first-index\"\n"},
			[]want{{"KR725", "pyproject.toml", 4, `^index-strategy unsafe-best-match in uv configuration makes uv look every package up on all indexes`}}},
		{"uv_default_strategy", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n[[tool.uv.index]]\nname = \"corp\"\nurl = \"https://corp.example.com/simple\"\n[tool.uv]\nextra-index-url = [\"https://other.example.com/simple\"]\n", "uv.lock": "version = 1\n"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { check(t, run(t, tc.files), tc.want) })
	}
}

func TestConfigAndCommands(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"pip_conf", map[string]string{"pip.conf": "[global]\nindex-url = http://pypi.corp/simple\nextra_index_url =\n    https://a.example.com/simple\n    https://b.example.com/simple\ntrusted-host = pypi.corp\n; extra-index-url = https://commented.example.com\n"},
			[]want{
				{"KR723", "pip.conf", 2, `^pip\.conf index-url http://pypi\.corp/simple in pip\.conf uses plain HTTP`},
				{"KR725", "pip.conf", 4, `https://a\.example\.com/simple`},
				{"KR725", "pip.conf", 5, `https://b\.example\.com/simple`},
				{"KR724", "pip.conf", 6, `pypi\.corp`},
			}},
		{"pip_ini_clean", map[string]string{"config/pip.ini": "[global]\nindex-url = https://pypi.corp/simple\ntimeout = 60\n"}, nil},
		{"dockerfile", map[string]string{"Dockerfile": "FROM python:3.13\n" +
			"ENV PIP_EXTRA_INDEX_URL=https://pkgs.example.com/simple\n" +
			"ENV PIP_TRUSTED_HOST pkgs.example.com\n" +
			"RUN pip install --no-cache-dir \\\n    -i http://mirror.example.com/simple \\\n    -r requirements.txt && echo done\n" +
			"RUN [\"pip3\", \"install\", \"--extra-index-url\", \"https://x.example.com/simple\", \"app\"]\n" +
			"RUN python -m pip install --upgrade pip\n" +
			"RUN echo --extra-index-url https://not-pip.example.com\n"},
			[]want{
				{"KR725", "Dockerfile", 2, `^PIP_EXTRA_INDEX_URL https://pkgs\.example\.com/simple in Dockerfile`},
				{"KR724", "Dockerfile", 3, `^PIP_TRUSTED_HOST pkgs\.example\.com in Dockerfile`},
				{"KR723", "Dockerfile", 5, `^pip option -i http://mirror\.example\.com/simple in Dockerfile uses plain HTTP`},
				{"KR725", "Dockerfile", 7, `^pip option --extra-index-url https://x\.example\.com/simple`},
			}},
		{"github_actions", map[string]string{".github/workflows/ci.yml": "env:\n  PIP_EXTRA_INDEX_URL: ${{ secrets.INDEX }}\njobs:\n  t:\n    steps:\n      - run: \"pip install --trusted-host h.example.com -r requirements.txt\"\n      - run: |\n          pip config set global.extra-index-url https://c.example.com/simple\n          uv pip install --index-strategy unsafe-best-match x\n"},
			[]want{
				{"KR725", ".github/workflows/ci.yml", 2, `^PIP_EXTRA_INDEX_URL \$\{\{`},
				{"KR724", ".github/workflows/ci.yml", 6, `^pip option --trusted-host h\.example\.com in CI configuration`},
				{"KR725", ".github/workflows/ci.yml", 8, `^pip config set global\.extra-index-url https://c\.example\.com/simple`},
				{"KR725", ".github/workflows/ci.yml", 9, `^uv option --index-strategy unsafe-best-match`},
			}},
		{"gitlab_and_makefile", map[string]string{".gitlab-ci.yml": "test:\n  script:\n    - export PIP_INDEX_URL=http://nexus.corp/simple\n    - uv pip install --extra-index-url https://ok.example.com/simple x\n",
			"Makefile": "install:\n\tpip install --extra-index-url=https://m.example.com/simple -e .\n\tpip-compile --trusted-host=t.example.com requirements.in\n"},
			[]want{
				{"KR723", ".gitlab-ci.yml", 3, `^PIP_INDEX_URL http://nexus\.corp/simple in CI configuration uses plain HTTP`},
				{"KR725", "Makefile", 2, `^pip option --extra-index-url https://m\.example\.com/simple in Makefile`},
				{"KR724", "Makefile", 3, `^pip option --trusted-host t\.example\.com in Makefile`},
			}},
		{"tox_ini", map[string]string{"tox.ini": "[testenv]\ninstall_command = python -m pip install --extra-index-url https://t.example.com/simple {opts} {packages}\nsetenv =\n    PIP_TRUSTED_HOST = t.example.com\n    OTHER = 1\n"},
			[]want{
				{"KR725", "tox.ini", 2, `^pip option --extra-index-url https://t\.example\.com/simple in tox\.ini`},
				{"KR724", "tox.ini", 4, `^PIP_TRUSTED_HOST t\.example\.com in tox\.ini`},
			}},
		{"suppressed_command", map[string]string{"Dockerfile": "RUN pip install --trusted-host h x  # nosec\n"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { check(t, run(t, tc.files), tc.want) })
	}
}

func TestSeverityOfMissingRevision(t *testing.T) {
	got := run(t, map[string]string{"requirements.txt": "a @ git+https://h.example.com/o/a\nb @ git+https://h.example.com/o/b@dev\n"})
	var sev []string
	for _, f := range got {
		if f.Code == "KR722" {
			sev = append(sev, f.Severity.String())
		}
	}
	if diff := cmp.Diff([]string{"high", "medium"}, sev); diff != "" {
		t.Errorf("severities (-want +got):\n%s", diff)
	}
}

func TestRulesSwitchedOff(t *testing.T) {
	files := map[string]string{"requirements.txt": "--trusted-host h\nrequests\n"}
	got := runEnabled(t, files, func(code string) bool { return code == "KR724" })
	if len(got) != 1 || got[0].Code != "KR724" {
		t.Errorf("want only KR724, got %v", got)
	}
	if got := runEnabled(t, files, func(string) bool { return false }); len(got) != 0 {
		t.Errorf("all rules off: got %v", got)
	}
}

func TestFingerprintsIgnoreLines(t *testing.T) {
	a := run(t, map[string]string{"requirements.txt": "--trusted-host h\nrequests==1.0\n"})
	b := run(t, map[string]string{"requirements.txt": "# pins\n\nrequests==1.0\n--trusted-host h\n"})
	if len(a) != 1 || len(b) != 1 || a[0].Fingerprint != b[0].Fingerprint {
		t.Fatalf("fingerprints differ or findings missing: %v / %v", a, b)
	}
}

func TestColumns(t *testing.T) {
	got := run(t, map[string]string{
		"Dockerfile": "RUN pip install -i http://m.example.com/simple x\n",
		"pip.conf":   "[global]\ntrusted-host = a.example.com b.example.com\n",
	})
	type span struct {
		Path           string
		Line, Col, End int
	}
	var spans []span
	for _, f := range got {
		spans = append(spans, span{f.Path, f.Line, f.Column, f.EndColumn})
	}
	want := []span{{"Dockerfile", 1, 17, 19}, {"pip.conf", 2, 16, 29}, {"pip.conf", 2, 30, 43}}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

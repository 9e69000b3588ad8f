package eol

import (
	"context"
	"regexp"
	"testing"
	"time"

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

// nov2026 is the day the issue was written: 3.8, 3.9 and 3.10 are end-of-life, 3.11
// ends in October 2027 and 3.15 is the newest release.
var nov2026 = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// run scans files (path -> content) as of now.
func run(t *testing.T, now time.Time, files map[string]string) []analysis.Finding {
	t.Helper()
	return analyzertest.RunProject(t, New(Options{Now: func() time.Time { return now }}), files, func(string) bool { return true })
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
		if got[i].Fingerprint == "" || got[i].Snippet == "" || got[i].Package != "python" {
			t.Errorf("%s %s:%d: fingerprint %q, snippet %q, package %q", x.code, x.path, x.line, got[i].Fingerprint, got[i].Snippet, got[i].Package)
		}
	}
}

func TestSources(t *testing.T) {
	const move = `move to 3\.15 \(supported until 2031-10\)`
	tests := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"docker_eol", map[string]string{"Dockerfile": "FROM python:3.8-slim\nRUN pip install x\n"},
			[]want{{"KR710", "Dockerfile", 1, `^Python 3\.8 \(Docker base image python:3\.8-slim\) reached end of life on 2024-10-07; ` + move + `$`}}},
		{"docker_supported", map[string]string{"Dockerfile": "FROM python:3.12-slim AS build\nFROM python:3-slim\nFROM python:latest\nFROM python\nFROM build\n"}, nil},
		{"docker_digest_platform", map[string]string{"docker/app.dockerfile": "FROM --platform=$BUILDPLATFORM docker.io/library/python:3.9@sha256:0123abcd AS base\n"},
			[]want{{"KR710", "docker/app.dockerfile", 1, `Python 3\.9 .*2025-10-31`}}},
		{"docker_arg_default", map[string]string{"Dockerfile.prod": "ARG PYTHON_VERSION=3.8\nARG VARIANT\nFROM python:${PYTHON_VERSION}-slim\nFROM python:${VARIANT}\nFROM python:${OTHER:-3.7}\n"},
			[]want{{"KR710", "Dockerfile.prod", 3, `Python 3\.8 \(Docker base image python:3\.8-slim\)`}, {"KR710", "Dockerfile.prod", 5, `Python 3\.7 .*2023-06-27`}}},
		{"docker_arg_after_from_ignored", map[string]string{"Dockerfile": "FROM python:3.12\nARG V=3.8\nFROM python:${V}\n"}, nil},
		{"docker_continuation", map[string]string{"Containerfile": "FROM \\\n  python:3.10-alpine\n"},
			[]want{{"KR710", "Containerfile", 1, `Python 3\.10 .*2026-10-31`}}},
		{"docker_python2_critical", map[string]string{"Dockerfile": "FROM python:2.7\n"},
			[]want{{"KR710", "Dockerfile", 1, `Python 2\.7 .*2020-01-01`}}},
		{"docker_soon", map[string]string{"Dockerfile": "FROM python:3.11.9-bookworm\n"},
			[]want{{"KR712", "Dockerfile", 1, `^Python 3\.11 \(Docker base image python:3\.11\.9-bookworm\) reaches end of life on 2027-10-31; plan the ` + move}}},
		{"docker_suppressed", map[string]string{"Dockerfile": "FROM python:3.8 # krait: ignore[KR710]\nFROM python:3.7 # nosec\n"}, nil},
		{"python_version_file", map[string]string{".python-version": "3.9.18\npypy3.8-7.3\nsystem\n3.12\n3.9\n"},
			[]want{{"KR710", ".python-version", 1, `Python 3\.9 \(\.python-version 3\.9\.18\)`}, {"KR710", ".python-version", 2, `Python 3\.8 \(\.python-version pypy3\.8-7\.3\)`}}},
		{"runtime_txt", map[string]string{"runtime.txt": "python-3.8.10\n"},
			[]want{{"KR710", "runtime.txt", 1, `Python 3\.8 \(runtime\.txt python-3\.8\.10\)`}}},
		{"runtime_txt_current", map[string]string{"runtime.txt": "python-3.13.1\n"}, nil},
		{"tool_versions", map[string]string{".tool-versions": "nodejs 20.1.0\npython 3.8.12 3.13.0 # fallback\n"},
			[]want{{"KR710", ".tool-versions", 2, `\.tool-versions 3\.8\.12`}}},
		{"app_engine", map[string]string{"app.yaml": "runtime: python38\n"},
			[]want{{"KR710", "app.yaml", 1, `Python 3\.8 \(App Engine runtime python38\)`}}},
		{"tox_envlist_braces", map[string]string{"tox.ini": "[tox]\nenvlist = py{38,312}-django{32,42}, lint\n    py310\n[testenv]\nenvlist = py37\n"},
			[]want{{"KR711", "tox.ini", 2, `^tox envlist tests Python 3\.8, 3\.10, which all reached end of life \(3\.10 on 2026-10-31\); the project still supports them \(a test matrix, not the interpreter it runs on\); raise the floor to >=3\.11`}}},
		{"tox_range", map[string]string{"tox.ini": "[tox]\nenv_list = 3.13, py3{9-10}\n"},
			[]want{{"KR711", "tox.ini", 2, `^tox envlist tests Python 3\.9, 3\.10, which all`}}},
		{"tox_in_setup_cfg", map[string]string{"setup.cfg": "[metadata]\nname = x\n[tox:tox]\nenvlist = py27,py313\n"},
			[]want{{"KR711", "setup.cfg", 4, `^tox envlist tests Python 2\.7, which reached end of life \(2\.7 on 2020-01-01\)`}}},
		{"tox_legacy_ini_in_pyproject", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\n\n[tool.tox]\nlegacy_tox_ini = \"\"\"\n[tox]\nenvlist = py39\n\"\"\"\n"},
			[]want{{"KR710", "pyproject.toml", 7, `Python 3\.9 \(tox envlist py39\)`}}},
		{"tox_toml", map[string]string{"tox.toml": "requires = [\"tox>=4\"]\nenv_list = [\"3.13\", \"3.8\", \"lint\"]\n"},
			[]want{{"KR711", "tox.toml", 2, `^tox env_list tests Python 3\.8, which reached end of life \(3\.8 on 2024-10-07\); the project still supports it \(`}}},
		{"github_matrix_float_trap", map[string]string{".github/workflows/ci.yml": `jobs:
  test:
    strategy:
      matrix:
        python: [3.9, "3.10", '3.13']
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python }}
`},
			[]want{{"KR711", ".github/workflows/ci.yml", 5, `^GitHub Actions tests Python 3\.9, 3\.10, which all reached end of life \(3\.10 on 2026-10-31\)`}}},
		{"github_block_list_and_scalar", map[string]string{".github/workflows/release.yaml": `jobs:
  a:
    strategy:
      matrix:
        python-version:
          - "3.8"   # oldest
          - 3.12
          - pypy-3.9
  b:
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: 3.x
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
    container: python:3.7-slim
  c:
    strategy:
      matrix:
        python-version: ["3.13", "3.8"]
        include:
          - python-version: "3.6"
            os: windows
        exclude:
          - python-version: "3.5"
            os: macos
        os: [ubuntu]
`},
			[]want{
				{"KR711", ".github/workflows/release.yaml", 6, `^GitHub Actions tests Python 3\.6, 3\.7, 3\.8, 3\.9, which all reached end of life \(3\.9 on 2025-10-31\)`},
			}},
		{"gitlab_image_variable", map[string]string{".gitlab-ci.yml": "variables:\n  PY: \"3.8\"\ntest:\n  image: python:$PY\nlint:\n  image:\n    name: python:3.13\n"},
			[]want{{"KR711", ".gitlab-ci.yml", 4, `^GitLab CI tests Python 3\.8, which reached`}}},
		{"github_single_version", map[string]string{".github/workflows/deploy.yml": "jobs:\n  deploy:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \"3.9\"\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \"3.9.18\"\n"},
			[]want{{"KR710", ".github/workflows/deploy.yml", 6, `^Python 3\.9 \(GitHub Actions\) reached end of life`}}},
		{"tox_single_env", map[string]string{"tox.ini": "[tox]\nenvlist = py38, lint\n"},
			[]want{{"KR710", "tox.ini", 2, `^Python 3\.8 \(tox envlist py38\) reached`}}},
		{"matrix_of_supported_versions", map[string]string{".github/workflows/ci.yml": "jobs:\n  t:\n    strategy:\n      matrix:\n        python-version: [\"3.11\", \"3.12\", \"3.13\"]\n"}, nil},
		{"travis_matrix", map[string]string{".travis.yml": "language: python\npython:\n  - \"2.7\"\n  - \"3.6\"\n  - \"3.12\"\n"},
			[]want{{"KR711", ".travis.yml", 3, `^Travis CI tests Python 2\.7, 3\.6, which all reached`}}},
		{"gitlab_jobs_per_version", map[string]string{".gitlab-ci.yml": "test-3.8:\n  image: python:3.8\ntest-3.12:\n  image: python:3.12\n"},
			[]want{{"KR711", ".gitlab-ci.yml", 2, `^GitLab CI tests Python 3\.8, which reached`}}},
		{"docker_stages_stay_pinned", map[string]string{"Dockerfile": "FROM python:3.9 AS build\nFROM python:3.12-slim\n"},
			[]want{{"KR710", "Dockerfile", 1, `^Python 3\.9 \(Docker base image`}}},
		{"circleci", map[string]string{".circleci/config.yml": "jobs:\n  build:\n    docker:\n      - image: cimg/python:3.8.12\n"},
			[]want{{"KR710", ".circleci/config.yml", 4, `Python 3\.8 \(CircleCI image cimg/python:3\.8\.12\)`}}},
		{"compose", map[string]string{"docker-compose.yml": "services:\n  web:\n    image: python:3.9-slim\n  db:\n    image: postgres:16\n"},
			[]want{{"KR710", "docker-compose.yml", 3, `Python 3\.9 \(Compose service image python:3\.9-slim\)`}}},
		{"requires_python_floor", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\nrequires-python = \">=3.8\"\n"},
			[]want{{"KR711", "pyproject.toml", 3, `^requires-python ">=3\.8" admits Python 3\.8, which reached end of life on 2024-10-07 \(this is only the lowest version the project supports\); raise the floor to >=3\.11, the oldest release still supported$`}}},
		{"requires_python_current", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\nrequires-python = \">=3.12\"\n"}, nil},
		{"requires_python_excludes_old", map[string]string{"pyproject.toml": "[project]\nname = \"x\"\nrequires-python = \">=2.7,!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*\"\n"},
			[]want{{"KR711", "pyproject.toml", 3, `admits Python 2\.7`}}},
		{"poetry_python", map[string]string{"pyproject.toml": "[tool.poetry]\nname = \"x\"\n[tool.poetry.dependencies]\npython = \"^3.9\"\n"},
			[]want{{"KR711", "pyproject.toml", 4, `tool\.poetry\.dependencies\.python ">=3\.9,<4\.0" admits Python 3\.9`}}},
		{"classifiers", map[string]string{"pyproject.toml": `[project]
name = "x"
classifiers = [
  "Programming Language :: Python :: 3",
  "Programming Language :: Python :: 3.9",
  "Programming Language :: Python :: 3.10",
  "Programming Language :: Python :: 3.11",
]
`},
			[]want{{"KR711", "pyproject.toml", 5, `^classifiers declare support for Python 3\.9, 3\.10, which all reached end of life \(3\.10 on 2026-10-31\)`}}},
		{"setup_py_called_twice", map[string]string{"setup.py": "from setuptools import setup\nkw = dict(name='x', classifiers=[\n    'Programming Language :: Python :: 2.7',\n    'Programming Language :: Python :: 3.1',\n])\ntry:\n    setup(**kw)\nexcept Exception:\n    setup(**kw)\n"},
			[]want{{"KR711", "setup.py", 3, `^classifiers declare support for Python 2\.7, 3\.1, which all reached`}}},
		{"setup_py", map[string]string{"setup.py": "from setuptools import setup\nsetup(name='x', python_requires='>=3.6')\n"},
			[]want{{"KR711", "setup.py", 2, `python_requires ">=3\.6" admits Python 3\.6`}}},
		{"setup_cfg", map[string]string{"setup.cfg": "[options]\npython_requires = >=3.7\n"},
			[]want{{"KR711", "setup.cfg", 2, `admits Python 3\.7`}}},
		{"pipfile_requires", map[string]string{"Pipfile": "[packages]\nrequests = \"*\"\n\n[requires]\npython_version = \"3.8\"\n"},
			[]want{{"KR710", "Pipfile", 5, `Python 3\.8 \(Pipfile \[requires\]\)`}}},
		{"conda", map[string]string{"environment.yml": "name: x\ndependencies:\n  - python=3.8\n  - numpy\n"},
			[]want{{"KR710", "environment.yml", 3, `Python 3\.8 \(conda environment =3\.8\)`}}},
		{"conda_range", map[string]string{"environment.yml": "name: x\ndependencies:\n  - python>=3.9\n"},
			[]want{{"KR711", "environment.yml", 3, `conda environment ">=3\.9" admits Python 3\.9`}}},
		{"prerelease_not_judged", map[string]string{".python-version": "3.16.0a1\n3.15-dev\n"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			check(t, run(t, nov2026, tc.files), tc.want)
		})
	}
}

func TestNow(t *testing.T) {
	files := map[string]string{"Dockerfile": "FROM python:3.10\n", "pyproject.toml": "[project]\nname = \"x\"\nrequires-python = \">=3.10\"\n"}
	tests := []struct {
		name string
		now  time.Time
		want []want
	}{
		{"before_eol_of_3_10", time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC),
			[]want{{"KR712", "Dockerfile", 1, `Python 3\.10 .*reaches end of life on 2026-10-31; plan the move to 3\.14 \(supported until 2030-10\)`}}},
		{"long_before", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), nil},
		{"on_the_day", time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC),
			[]want{
				{"KR710", "Dockerfile", 1, `reached end of life on 2026-10-31; move to 3\.15`},
				{"KR711", "pyproject.toml", 3, `raise the floor to >=3\.11`},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { check(t, run(t, tc.now, files), tc.want) })
	}
}

func TestFingerprintsIgnoreLines(t *testing.T) {
	a := run(t, nov2026, map[string]string{"Dockerfile": "FROM python:3.8\n"})
	b := run(t, nov2026, map[string]string{"Dockerfile": "# build\n\nFROM python:3.8\n"})
	if len(a) != 1 || len(b) != 1 || a[0].Fingerprint != b[0].Fingerprint {
		t.Fatalf("fingerprints differ or findings missing: %v / %v", a, b)
	}
}

func TestSeverities(t *testing.T) {
	got := run(t, nov2026, map[string]string{"Dockerfile": "FROM python:2.7\n", "setup.cfg": "[options]\npython_requires = >=2.7\n",
		"tox.ini": "[tox]\nenvlist = py27, py312\n", "tox/tox.ini": "[tox]\nenvlist = py38, py312\n"})
	var sev []string
	for _, f := range got {
		sev = append(sev, f.Code+" "+f.Severity.String())
	}
	if diff := cmp.Diff([]string{"KR710 critical", "KR711 medium", "KR711 medium", "KR711 low"}, sev); diff != "" {
		t.Errorf("severities (-want +got):\n%s", diff)
	}
}

func TestRulesSwitchedOff(t *testing.T) {
	a := New(Options{Now: func() time.Time { return nov2026 }})
	src := analysis.Source{Path: "Dockerfile", Rel: "Dockerfile", Data: []byte("FROM python:3.8\nFROM python:3.11\n")}
	p := analysis.NewProject("", nil, func(code string) bool { return code != "KR710" }).WithFiles([]analysis.Source{src})
	res, err := a.Analyze(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Code != "KR712" {
		t.Errorf("want only KR712, got %v", res.Findings)
	}
}

func TestSchedule(t *testing.T) {
	s := NewSchedule()
	rows := scheduleRows()
	if got := len(s.Releases()); got != len(rows) {
		t.Fatalf("%d of %d rows parsed", got, len(rows))
	}
	for _, r := range s.Releases() {
		if r.Released.IsZero() || r.EOL.IsZero() || !r.EOL.After(r.Released) {
			t.Errorf("%s: released %v, end of life %v", r.Version, r.Released, r.EOL)
		}
	}
	// The dates the issue and brief state.
	for v, eol := range map[string]string{"2.7": "2020-01-01", "3.6": "2021-12-23", "3.7": "2023-06-27", "3.8": "2024-10-07",
		"3.9": "2025-10-31", "3.10": "2026-10-31", "3.11": "2027-10-31", "3.12": "2028-10-31", "3.13": "2029-10-31", "3.14": "2030-10-31"} {
		major, minor, _ := splitVersion(v)
		r, ok := s.Lookup(major, minor)
		if !ok || r.EOL.Format(time.DateOnly) != eol {
			t.Errorf("%s: end of life %v, want %s", v, r.EOL, eol)
		}
	}
	if n, _ := s.Newest(nov2026); n.Version != "3.15" {
		t.Errorf("newest as of %v = %s", nov2026, n.Version)
	}
	if n, _ := s.Newest(time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)); n.Version != "3.14" {
		t.Errorf("newest before 3.15.0 = %s", n.Version)
	}
	if o, _ := s.OldestSupported(nov2026); o.Version != "3.11" {
		t.Errorf("oldest supported = %s", o.Version)
	}
}

func TestWants(t *testing.T) {
	a := New(Options{})
	for p, want := range map[string]bool{
		"Dockerfile": true, "docker/Dockerfile.dev": true, "x.dockerfile": true, "Containerfile": true,
		".github/workflows/ci.yml": true, "sub/.github/workflows/x.yaml": true, ".github/dependabot.yml": false,
		".gitlab-ci.yml": true, ".circleci/config.yml": true, "config.yml": false, "tox.ini": true,
		".python-version": true, "runtime.txt": true, "compose.yaml": true, "docker-compose.prod.yml": true, ".tool-versions": true, "requirements.txt": true,
		"pyproject.toml": true, "main.py": false, "README.md": false,
	} {
		if got := a.Wants(p); got != want {
			t.Errorf("Wants(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestColumns(t *testing.T) {
	got := run(t, nov2026, map[string]string{
		".github/workflows/ci.yml": "matrix:\n  python-version: [\"3.8\", 3.9]\n",
		"tox.ini":                  "[tox]\nenvlist = lint, py{38,312}-django\n",
	})
	type span struct {
		Path           string
		Line, Col, End int
	}
	var spans []span
	for _, f := range got {
		spans = append(spans, span{f.Path, f.Line, f.Column, f.EndColumn})
	}
	want := []span{{".github/workflows/ci.yml", 2, 20, 25}, {"tox.ini", 2, 17, 34}}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

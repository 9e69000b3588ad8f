package misc

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
	"github.com/kraitsec/krait/internal/python/parser"
)

// testSource has one finding for each rule below when it is application code.
const testSource = `import os
import tempfile


def helper(path):
    assert path
    os.chmod(path, 0o777)
    scratch = tempfile.mktemp()
    with open("/tmp/fixture.txt", "w") as f:
        f.write(scratch)
`

type pathFinding struct {
	Code       string
	Line       int
	Confidence analysis.Confidence
}

// TestTestCode checks how the rules treat test code, which fixtures (always
// named testdata/<CODE>.py) cannot show: asserts and temporary paths are not
// reported there, other findings lose confidence.
func TestTestCode(t *testing.T) {
	rules := []*analysis.Rule{AssertUsed, BadFilePermissions, HardcodedTempPath, InsecureMktemp}
	tests := []struct {
		name string
		path string
		want []pathFinding
	}{
		{"app_module", "app/storage.py", []pathFinding{
			{"KR901", 6, analysis.ConfidenceMedium},
			{"KR902", 7, analysis.ConfidenceHigh},
			{"KR903", 9, analysis.ConfidenceHigh},
			{"KR904", 8, analysis.ConfidenceHigh},
		}},
		{"tests_dir", "app/tests/helpers.py", []pathFinding{
			{"KR902", 7, analysis.ConfidenceLow},
			{"KR904", 8, analysis.ConfidenceLow},
		}},
		{"test_file", "test_storage.py", []pathFinding{
			{"KR902", 7, analysis.ConfidenceLow},
			{"KR904", 8, analysis.ConfidenceLow},
		}},
		{"conftest", "conftest.py", []pathFinding{
			{"KR902", 7, analysis.ConfidenceLow},
			{"KR904", 8, analysis.ConfidenceLow},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parser.Parse(tt.path, []byte(testSource))
			if err != nil {
				t.Fatal(err)
			}
			var got []pathFinding
			for _, r := range rules {
				fs, err := analysistest.RunRule(tt.path, f, r)
				if err != nil {
					t.Fatal(err)
				}
				for _, x := range fs {
					got = append(got, pathFinding{x.Code, x.Line, x.Confidence})
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

package cli

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// result is what one in-process run of krait gave.
type result struct {
	code           int
	stdout, stderr string
}

// runOpts lets a test replace the environment and the rule registry: categories, or
// rules that make up one category called "test".
type runOpts struct {
	env        map[string]string
	rules      []*analysis.Rule
	categories []rules.Category
	// analyzers replaces the analyzers beside the engine; nil runs none.
	analyzers func(*scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error)
	ctx       context.Context
}

func runKrait(t *testing.T, o runOpts, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	ctx := o.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	code := run(ctx, args, &app{
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(k string) string { return o.env[k] },
		registry: func() []rules.Category {
			if o.categories != nil {
				return o.categories
			}
			return []rules.Category{{Name: "test", Rules: o.rules}}
		},
		analyzers: func(cfg *scanConfig) ([]analysis.FileAnalyzer, []analysis.ProjectAnalyzer, error) {
			if o.analyzers == nil {
				return nil, nil, nil
			}
			return o.analyzers(cfg)
		},
	})
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// checkGolden compares got with testdata/golden/name, or rewrites it under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

package secrets

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

var kindRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestDetectorSamples runs every detector alone on its true-positive samples,
// which it must find, and on its false-positive samples, which it must not.
func TestDetectorSamples(t *testing.T) {
	seen := map[string]bool{}
	for i, det := range allDetectors() {
		t.Run(strings.ReplaceAll(det.kind, "-", "_"), func(t *testing.T) {
			if seen[det.kind] || !kindRe.MatchString(det.kind) {
				t.Errorf("kind %q: duplicate or not kebab case", det.kind)
			}
			seen[det.kind] = true
			if len(det.tp) == 0 || len(det.fp) == 0 {
				t.Fatalf("needs true- and false-positive samples")
			}
			for _, kw := range append(append([]string{}, det.keywords...), det.context...) {
				if len(kw) < 3 || strings.ToLower(kw) != kw {
					t.Errorf("keyword %q: want three or more lowercase bytes", kw)
				}
			}
			a := newAnalyzer(Options{NoGeneric: true, TestKeys: true}, []*detector{det})
			for j, tmpl := range det.tp {
				src, parts := expandSampleParts(tmpl, uint64(i*100+j))
				fs := check(a, "app/settings.txt", src)
				if len(fs) == 0 {
					t.Errorf("missed true positive %q", src)
					continue
				}
				f := fs[0]
				if f.Code != det.rule.Code || det.provide == nil && (f.Provider != det.provider || !strings.Contains(f.Message, det.provider)) {
					t.Errorf("%q: got %s %q %q", src, f.Code, f.Provider, f.Message)
				}
				for _, secret := range parts {
					if strings.Contains(f.Message, secret) || strings.Contains(f.Snippet, secret) {
						t.Errorf("%q: finding shows the secret: %q / %q", src, f.Message, f.Snippet)
					}
				}
			}
			for j, tmpl := range det.fp {
				src := expandSample(tmpl, uint64(i*100+50+j))
				for _, f := range check(a, "app/settings.txt", src) {
					t.Errorf("false positive on %q: %s %s", src, f.Code, f.Message)
				}
			}
		})
	}
}

// TestKinds checks the catalogue's size the issue asks for.
func TestKinds(t *testing.T) {
	if n := len(allDetectors()); n < 60 {
		t.Errorf("%d detector kinds, want at least 60", n)
	}
}

func check(a *Analyzer, rel, src string) []analysis.Finding {
	return a.Check(&analysis.Source{Path: rel, Rel: rel, Data: []byte(src)}, nil)
}

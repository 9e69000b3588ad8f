package config

import (
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

// FuzzLoad feeds arbitrary bytes to the parser as both file kinds. It must never panic;
// a config it accepts must merge and answer questions; an error names the file.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"",
		"select = [\"KR1\"]\nignore = [\"KR101\"]\n",
		"[tool.krait]\nmin-severity = \"high\"\nfail-on = \"never\"\n",
		"[tool.krait.per-file-ignores]\n\"tests/**\" = [\"KR901\"]\n\"!src/**\" = [\"injection\"]\n",
		"per-file-ignores = { \"a\" = [\"KR1\"], \"[\" = [1] }\nexclude = [\"build\"]\nbaseline = \"b.json\"\n",
		"tool = 1\n[tool.krait]\n",
		"[tool]\nkrait = [1, 2]\n",
		"a = [[[[[[[[[[1]]]]]]]]]]\n",
		"\"min_severity\" = 2024-01-01T00:00:00Z\nselct = {}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{KraitFile, PyprojectFile} {
			cfg, found, err := parse(name, data, name == PyprojectFile, testCatalog())
			if err != nil {
				if !strings.HasPrefix(err.Error(), name) {
					t.Fatalf("%s: error does not name the file: %v", name, err)
				}
				continue
			}
			if !found {
				if name == KraitFile {
					t.Fatalf("krait.toml parsed without error but not found")
				}
				continue
			}
			cfg.Dir = "."
			eff, err := Merge(cfg, Overrides{}, testCatalog())
			if err != nil {
				t.Fatalf("%s: Merge of a loaded config: %v", name, err)
			}
			for _, code := range testCatalog().Codes {
				eff.Keep(analysis.Finding{Code: code, Path: "tests/a.py", Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh})
			}
		}
	})
}

package pep440

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"slices"
	"testing"
)

// osvSnapshot is the OSV PyPI snapshot shared with the project's tests; it is
// third-party data and is never committed.
const osvSnapshot = "../../../shared/data/osv-pypi-all.zip"

type osvEntry struct {
	Affected []struct {
		Ranges []struct {
			Type   string
			Events []map[string]string
		}
		Versions []string
	}
}

// TestOSVVersions parses every version that the real PyPI advisories name:
// the explicit lists and the ECOSYSTEM range events. Nearly all must parse
// (the rest are pre-PEP 440 legacy strings, which must be errors, not
// crashes), and each entry's explicit list must sort without contradiction.
func TestOSVVersions(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("reads the 16k-advisory snapshot: slow under -short or -race, and it has no concurrency to check")
	}
	zr, err := zip.OpenReader(osvSnapshot)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent (shared test data is not in this checkout)", osvSnapshot)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var total, invalid int
	var invalidSample []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var e osvEntry
		if err := json.Unmarshal(data, &e); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for _, a := range e.Affected {
			var parsed []Version
			check := func(s string) {
				if s == "" {
					return
				}
				total++
				v, err := Parse(s)
				if err != nil {
					invalid++
					if len(invalidSample) < 5 {
						invalidSample = append(invalidSample, s)
					}
					return
				}
				parsed = append(parsed, v)
			}
			for _, r := range a.Ranges {
				if r.Type != "ECOSYSTEM" {
					continue
				}
				for _, ev := range r.Events {
					for _, s := range ev {
						check(s)
					}
				}
			}
			parsed = parsed[:0]
			for _, s := range a.Versions {
				check(s)
			}
			sorted := slices.SortedFunc(slices.Values(parsed), Compare)
			for i := 1; i < len(sorted); i++ {
				if Compare(sorted[i-1], sorted[i]) > 0 || Compare(sorted[i], sorted[i-1]) < 0 {
					t.Fatalf("%s: %s and %s compare inconsistently", f.Name, sorted[i-1], sorted[i])
				}
			}
		}
	}
	t.Logf("%d versions, %d not PEP 440 (e.g. %q)", total, invalid, invalidSample)
	if total == 0 || invalid*1000 > total {
		t.Errorf("%d of %d versions failed to parse; want under 0.1%%", invalid, total)
	}
}

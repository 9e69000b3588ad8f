package audit

import (
	"archive/zip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/pep440"
)

// lockedPins is what every file in testdata/locks pins, by normalised name. The
// files spell the names as their tools do (Django, PyYAML, Products.CMFPlone,
// jupyter_server, Flask-Cors, zope.interface) and keep post (3.7.4.post0) and
// local (+cpu) parts; requirements.txt writes Jinja2 with an explicit 0! epoch.
var lockedPins = map[string]string{
	"django": "2.2.0", "requests": "2.19.0", "pyyaml": "5.3", "pillow": "8.0.0",
	"urllib3": "1.24.1", "jinja2": "2.10", "products-cmfplone": "5.0.4",
	"jupyter-server": "1.0.0", "flask-cors": "3.0.8", "zope-interface": "5.1.0",
	"aiohttp": "3.7.4.post0", "torch": "1.13.1+cpu", "cryptography": "3.3.2",
	"lxml": "4.6.2", "werkzeug": "0.15.3", "paramiko": "2.4.1", "setuptools": "40.3.0",
}

// osvRange is one range of a raw OSV affected entry.
type osvRange struct {
	Type   string
	Events []map[string]string
}

// osvEntry is the part of a raw OSV record the oracle reads.
type osvEntry struct {
	ID        string
	Withdrawn string
	Affected  []struct {
		Package  struct{ Ecosystem, Name string }
		Versions []string
		Ranges   []osvRange
	}
}

// osvEvent is one range event with its version parsed.
type osvEvent struct {
	kind string
	at   pep440.Version
	zero bool
}

// oracleAffects says whether an OSV affected entry covers v, computed here from
// the raw record and independently of vulndb: the versions list, or an
// ECOSYSTEM range walked in version order (introduced opens, fixed closes at
// the version, last_affected closes after it).
func oracleAffects(versions []string, ranges []osvRange, v pep440.Version) bool {
	for _, s := range versions {
		if w, err := pep440.Parse(s); err == nil && w.Equal(v) {
			return true
		}
	}
	for _, r := range ranges {
		if r.Type != "ECOSYSTEM" {
			continue
		}
		var evs []osvEvent
		for _, e := range r.Events {
			for kind, s := range e {
				switch {
				case kind == "limit":
				case kind == "introduced" && s == "0":
					evs = append(evs, osvEvent{kind: kind, zero: true})
				default:
					if w, err := pep440.Parse(s); err == nil {
						evs = append(evs, osvEvent{kind: kind, at: w})
					}
				}
			}
		}
		slices.SortStableFunc(evs, func(a, b osvEvent) int {
			switch {
			case a.zero && b.zero:
				return 0
			case a.zero:
				return -1
			case b.zero:
				return 1
			}
			return a.at.Compare(b.at)
		})
		affected := false
		for _, e := range evs {
			switch e.kind {
			case "introduced":
				affected = affected || e.zero || v.Compare(e.at) >= 0
			case "fixed":
				affected = affected && v.Compare(e.at) < 0
			case "last_affected":
				affected = affected && v.Compare(e.at) <= 0
			}
		}
		if affected {
			return true
		}
	}
	return false
}

// TestSnapshotLocksNoneMissed audits each lock format's fixture against the
// real snapshot and checks that every (package, advisory) pair the raw OSV
// JSON gives for a pinned version is reported, under its id or an alias: no
// vulnerability may be missed for a pinned package, whatever the format or the
// spelling of its name and version.
func TestSnapshotLocksNoneMissed(t *testing.T) {
	db := snapshotDB(t)
	want := oraclePairs(t, lockedPins)
	if len(want) < 150 {
		t.Fatalf("only %d expected pairs: the oracle looks broken", len(want))
	}
	expected, per := map[string]bool{}, map[string]int{}
	for _, p := range want {
		expected[p[0]+"\x00"+p[1]] = true
		per[p[0]]++
	}
	// The spelling cases only test something if the oracle expects findings for
	// them; zope.interface has no advisory and must stay clean.
	for name := range lockedPins {
		if n := per[name]; (n == 0) != (name == "zope-interface") {
			t.Errorf("%s: %d expected pairs", name, n)
		}
	}
	for _, name := range []string{"poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "pylock.toml", "requirements.txt"} {
		t.Run(name[:len(name)-len(filepath.Ext(name))], func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "locks", name))
			if err != nil {
				t.Fatal(err)
			}
			res, err := New(Options{DBDir: db, Offline: true}).Analyze(context.Background(), project(map[string]string{name: string(data)}))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Errors) > 0 || len(res.Notices) > 0 {
				t.Errorf("errors %+v, notices %q", res.Errors, res.Notices)
			}
			reported := map[string]bool{}
			for _, f := range res.Findings {
				if f.Code != VulnerableDependency.Code {
					t.Errorf("%s:%d: unexpected %s: %s", f.Path, f.Line, f.Code, f.Message)
					continue
				}
				if pin := lockedPins[f.Package]; pin == "" || f.Version != pin && f.Version != "0!"+pin {
					t.Errorf("%s:%d: finding for %s %s, which is not pinned so", f.Path, f.Line, f.Package, f.Version)
				}
				if !expected[f.Package+"\x00"+f.VulnerabilityID] {
					t.Errorf("%s:%d: %s %s: %s reported, but the raw OSV JSON does not cover it", f.Path, f.Line, f.Package, f.Version, f.VulnerabilityID)
				}
				for _, id := range append([]string{f.VulnerabilityID}, f.VulnerabilityAliases...) {
					reported[f.Package+"\x00"+id] = true
				}
			}
			for _, p := range want {
				if !reported[p[0]+"\x00"+p[1]] {
					t.Errorf("%s %s: %s not reported", p[0], lockedPins[p[0]], p[1])
				}
			}
			t.Logf("%s: %d findings for %d expected (package, advisory) pairs", name, len(res.Findings), len(want))
		})
	}
}

// oraclePairs reads the snapshot's raw JSON and returns the (package, id)
// pairs whose affected entries cover the pins.
func oraclePairs(t *testing.T, pins map[string]string) [][2]string {
	t.Helper()
	locked := map[string]pep440.Version{}
	for name, s := range pins {
		v, err := pep440.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		locked[name] = v
	}
	zr, err := zip.OpenReader(snapshotPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out [][2]string
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var e osvEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatal(err)
		}
		if e.Withdrawn != "" {
			continue
		}
		for _, aff := range e.Affected {
			name := deps.Normalize(aff.Package.Name)
			v, ok := locked[name]
			if ok && aff.Package.Ecosystem == "PyPI" && oracleAffects(aff.Versions, aff.Ranges, v) {
				out = append(out, [2]string{name, e.ID})
				break
			}
		}
	}
	return out
}

package audit

import (
	"testing"

	"github.com/kraitsec/krait/internal/pep440"
	"github.com/kraitsec/krait/internal/vulndb"
)

// rng builds an ECOSYSTEM range from kind, version pairs ("i" introduced,
// "f" fixed, "l" last_affected, "x" limit).
func rng(kv ...string) vulndb.Range {
	kinds := map[string]vulndb.EventKind{"i": vulndb.Introduced, "f": vulndb.Fixed, "l": vulndb.LastAffected, "x": vulndb.Limit}
	r := vulndb.Range{Type: "ECOSYSTEM"}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Events = append(r.Events, vulndb.Event{Kind: kinds[kv[i]], Version: kv[i+1]})
	}
	return r
}

func TestCeiling(t *testing.T) {
	tests := []struct {
		name   string
		adv    vulndb.Advisory
		clears map[string]bool
	}{
		{"fixed", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "0", "f", "2.0")}},
			map[string]bool{"1.9": false, "2.0": true, "2.1": true}},
		{"last_affected", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "1.0", "l", "2.0")}},
			map[string]bool{"2.0": false, "2.0.1": true}},
		{"open_range", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "1.0")}},
			map[string]bool{"0.1": false, "99": false}},
		{"open_range_below_another_range", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "5.0"), rng("i", "0", "f", "6.0")}},
			map[string]bool{"6.0": false, "7": false}},
		{"reintroduced", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "0", "f", "1.0", "i", "2.0")}},
			map[string]bool{"1.5": false, "3": false}},
		{"unsorted_events", vulndb.Advisory{Ranges: []vulndb.Range{rng("f", "3.0", "i", "2.0", "f", "1.5", "i", "0")}},
			map[string]bool{"2.9": false, "3.0": true}},
		{"listed_above_range", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "0", "f", "1.0")}, Versions: []string{"1.4"}},
			map[string]bool{"1.4": false, "1.4.1": true}},
		{"tie_between_kinds", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "0", "f", "2.0"), rng("i", "1.0", "l", "2.0")}},
			map[string]bool{"2.0": false, "2.0.1": true}},
		{"unparsable", vulndb.Advisory{Ranges: []vulndb.Range{rng("i", "0", "f", "not a version")}},
			map[string]bool{"99": false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ceilingOf(&tt.adv)
			for s, want := range tt.clears {
				v, err := pep440.Parse(s)
				if err != nil {
					t.Fatal(err)
				}
				if got := c.clears(v); got != want {
					t.Errorf("clears(%s) = %v, want %v", s, got, want)
				}
				if want && vulndb.Affects(&tt.adv, s) {
					t.Errorf("the test is wrong: %s is affected", s)
				}
			}
		})
	}
}

func TestSafeUpgradeAgrees(t *testing.T) {
	advs := []vulndb.Advisory{
		{ID: "A", Ranges: []vulndb.Range{rng("i", "0", "f", "1.2", "i", "2.0", "f", "2.0.5")}},
		{ID: "B", Ranges: []vulndb.Range{rng("i", "1.0", "f", "1.3")}},
		{ID: "C", Ranges: []vulndb.Range{rng("i", "5.0"), rng("i", "0", "f", "6.0")}},
		{ID: "D", Ranges: []vulndb.Range{rng("i", "0", "f", "1.4.0rc1", "f", "1.4")}, Versions: []string{"1.4.1"}},
		{ID: "E", Ranges: []vulndb.Range{rng("i", "3.0", "l", "3.5", "f", "3.6")}},
	}
	for _, cur := range []string{"0.1", "1.0", "1.2", "1.3.0rc1", "1.4", "2.0.0", "2.0.5", "3.0", "4.0", "5.5", "7", "nonsense"} {
		for n := 1; n <= len(advs); n++ {
			want, _ := vulndb.SafeUpgrade(advs[:n], cur)
			if got := safeUpgrade(advs[:n], cur); got != want {
				t.Errorf("%d advisories, current %s: safeUpgrade = %q, vulndb.SafeUpgrade = %q", n, cur, got, want)
			}
		}
	}
}

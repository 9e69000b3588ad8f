package vulndb

import (
	"testing"

	"slices"

	"github.com/kraitsec/krait/internal/pep440"
)

func TestCeiling(t *testing.T) {
	tests := []struct {
		name   string
		adv    Advisory
		clears map[string]bool
	}{
		{"fixed", Advisory{Ranges: []Range{rng("i", "0", "f", "2.0")}},
			map[string]bool{"1.9": false, "2.0": true, "2.1": true}},
		{"last_affected", Advisory{Ranges: []Range{rng("i", "1.0", "la", "2.0")}},
			map[string]bool{"2.0": false, "2.0.1": true}},
		{"open_range", Advisory{Ranges: []Range{rng("i", "1.0")}},
			map[string]bool{"0.1": false, "99": false}},
		{"open_range_below_another_range", Advisory{Ranges: []Range{rng("i", "5.0"), rng("i", "0", "f", "6.0")}},
			map[string]bool{"6.0": false, "7": false}},
		{"reintroduced", Advisory{Ranges: []Range{rng("i", "0", "f", "1.0", "i", "2.0")}},
			map[string]bool{"1.5": false, "3": false}},
		{"unsorted_events", Advisory{Ranges: []Range{rng("f", "3.0", "i", "2.0", "f", "1.5", "i", "0")}},
			map[string]bool{"2.9": false, "3.0": true}},
		{"listed_above_range", Advisory{Ranges: []Range{rng("i", "0", "f", "1.0")}, Versions: []string{"1.4"}},
			map[string]bool{"1.4": false, "1.4.1": true}},
		{"tie_between_kinds", Advisory{Ranges: []Range{rng("i", "0", "f", "2.0"), rng("i", "1.0", "la", "2.0")}},
			map[string]bool{"2.0": false, "2.0.1": true}},
		{"unparsable", Advisory{Ranges: []Range{rng("i", "0", "f", "not a version")}},
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
				if want && Affects(&tt.adv, s) {
					t.Errorf("the test is wrong: %s is affected", s)
				}
			}
		})
	}
}

// naiveSafeUpgrade is SafeUpgrade by its definition: every fixed version above
// current, lowest first, tested against every advisory. SafeUpgrade must agree.
func naiveSafeUpgrade(advs []Advisory, current string) string {
	cur, err := pep440.Parse(current)
	if err != nil {
		return ""
	}
	var fixes []pep440.Version
	var names []string
	for i := range advs {
		for _, s := range advs[i].Fixed() {
			v, err := pep440.Parse(s)
			if err != nil || v.Compare(cur) <= 0 || v.IsPrerelease() && !cur.IsPrerelease() {
				continue
			}
			fixes, names = append(fixes, v), append(names, s)
		}
	}
	idx := make([]int, len(fixes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return fixes[a].Compare(fixes[b]) })
	for _, i := range idx {
		if !slices.ContainsFunc(advs, func(a Advisory) bool { return Affects(&a, names[i]) }) {
			return names[i]
		}
	}
	return ""
}

func TestSafeUpgradeAgrees(t *testing.T) {
	advs := []Advisory{
		{ID: "A", Ranges: []Range{rng("i", "0", "f", "1.2", "i", "2.0", "f", "2.0.5")}},
		{ID: "B", Ranges: []Range{rng("i", "1.0", "f", "1.3")}},
		{ID: "C", Ranges: []Range{rng("i", "5.0"), rng("i", "0", "f", "6.0")}},
		{ID: "D", Ranges: []Range{rng("i", "0", "f", "1.4.0rc1", "f", "1.4")}, Versions: []string{"1.4.1"}},
		{ID: "E", Ranges: []Range{rng("i", "3.0", "la", "3.5", "f", "3.6")}},
	}
	for _, cur := range []string{"0.1", "1.0", "1.2", "1.3.0rc1", "1.4", "2.0.0", "2.0.5", "3.0", "4.0", "5.5", "7", "nonsense"} {
		for n := 1; n <= len(advs); n++ {
			want := naiveSafeUpgrade(advs[:n], cur)
			if got, _ := SafeUpgrade(advs[:n], cur); got != want {
				t.Errorf("%d advisories, current %s: SafeUpgrade = %q, by definition %q", n, cur, got, want)
			}
		}
	}
}

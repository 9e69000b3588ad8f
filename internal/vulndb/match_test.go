package vulndb

import (
	"testing"
)

// rng builds an ECOSYSTEM range from alternating kind/version pairs.
func rng(kv ...string) Range {
	kinds := map[string]EventKind{"i": Introduced, "f": Fixed, "la": LastAffected, "l": Limit}
	r := Range{Type: "ECOSYSTEM"}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Events = append(r.Events, Event{Kind: kinds[kv[i]], Version: kv[i+1]})
	}
	return r
}

func adv(versions []string, ranges ...Range) *Advisory {
	return &Advisory{ID: "PYSEC-0000-1", Ranges: ranges, Versions: SortVersions(versions)}
}

func TestAffects(t *testing.T) {
	twoWindows := adv(nil, rng("i", "1.0.0", "f", "1.0.2", "i", "3.0.0", "f", "3.2.5"))
	tests := []struct {
		name    string
		adv     *Advisory
		version string
		want    bool
	}{
		{"below_fix", adv(nil, rng("i", "0", "f", "1.0.2")), "1.0.1", true},
		{"at_fix", adv(nil, rng("i", "0", "f", "1.0.2")), "1.0.2", false},
		{"above_fix", adv(nil, rng("i", "0", "f", "1.0.2")), "1.1", false},
		{"prerelease_of_fix", adv(nil, rng("i", "0", "f", "1.0.2")), "1.0.2rc1", true},
		{"dev_of_fix", adv(nil, rng("i", "0", "f", "1.0")), "1.0.dev3", true},
		{"fix_spelled_longer", adv(nil, rng("i", "0", "f", "1.0")), "1.0.0", false},
		{"post_of_fix", adv(nil, rng("i", "0", "f", "1.0")), "1.0.post1", false},
		{"post_fix", adv(nil, rng("i", "0", "f", "1.0.post1")), "1.0", true},
		{"local_of_fix", adv(nil, rng("i", "0", "f", "1.0")), "1.0+cpu", false},
		{"local_below_fix", adv(nil, rng("i", "0", "f", "1.0")), "0.9+cpu", true},
		{"below_introduced", adv(nil, rng("i", "1.0", "f", "2.0")), "0.9", false},
		{"at_introduced", adv(nil, rng("i", "1.0", "f", "2.0")), "1.0", true},
		{"epoch_fix", adv(nil, rng("i", "0", "f", "1!0.5")), "2.0", true},
		{"epoch_at_fix", adv(nil, rng("i", "0", "f", "1!0.5")), "1!0.5", false},
		{"epoch_zero_equals_none", adv(nil, rng("i", "0", "f", "0!1.0")), "1.0", false},
		{"first_window", twoWindows, "1.0.1", true},
		{"between_windows", twoWindows, "2.0", false},
		{"second_window", twoWindows, "3.1.9", true},
		{"after_windows", twoWindows, "3.2.5", false},
		{"last_affected_at", adv(nil, rng("i", "0", "la", "2.1.214")), "2.1.214", true},
		{"last_affected_above", adv(nil, rng("i", "0", "la", "2.1.214")), "2.1.215", false},
		{"last_affected_post", adv(nil, rng("i", "0", "la", "2.1")), "2.1.post1", false},
		{"limit_below", adv(nil, rng("i", "0", "l", "2.0")), "1.9", true},
		{"limit_at", adv(nil, rng("i", "0", "l", "2.0")), "2.0", false},
		{"limit_any_of_several", adv(nil, rng("i", "0", "l", "2.0", "l", "3.0")), "2.5", true},
		{"limit_star", adv(nil, rng("i", "0", "l", "*")), "99", true},
		{"unfixed", adv(nil, rng("i", "0")), "123.4", true},
		{"unsorted_events", adv(nil, rng("f", "2.0", "i", "1.0")), "1.5", true},
		{"unsorted_events_after", adv(nil, rng("f", "2.0", "i", "1.0")), "2.0", false},
		{"bad_fix_kept_affected", adv(nil, rng("i", "0", "f", "not a version")), "5.0", true},
		{"bad_introduced_is_zero", adv(nil, rng("i", "garbage", "f", "2.0")), "0.1", true},
		{"suffixed_last_affected", adv(nil, rng("i", "0", "la", "2.6.0-NA")), "2.6.0", true},
		{"suffixed_last_affected_local", adv(nil, rng("i", "0", "la", "2.6.0-cu124")), "2.6.0+cu124", true},
		{"suffixed_last_affected_above", adv(nil, rng("i", "0", "la", "2.6.0-NA")), "2.6.1", false},
		{"suffixed_last_affected_post", adv(nil, rng("i", "0", "la", "2.6.0-NA")), "2.6.0.post1", false},
		{"suffixed_fixed", adv(nil, rng("i", "0", "f", "0.2.0-n653")), "0.2.0", true},
		{"suffixed_fixed_above", adv(nil, rng("i", "0", "f", "0.2.0-n653")), "0.2.1", false},
		{"suffixed_introduced", adv(nil, rng("i", "1.0-beta-x", "f", "2.0")), "1.0", true},
		{"suffixed_introduced_below", adv(nil, rng("i", "1.0-beta-x", "f", "2.0")), "0.9", false},
		{"suffixed_limit", adv(nil, rng("i", "0", "l", "3.0-final")), "3.0+local", true},
		{"date_fix", adv(nil, rng("i", "0", "f", "2019-09-12")), "1.5", true},
		{"several_ranges", adv(nil, rng("i", "0", "f", "1.0"), rng("i", "5.0", "f", "5.1")), "5.0.3", true},
		{"listed", adv([]string{"0.8.4", "0.9"}), "0.9", true},
		{"listed_other_spelling", adv([]string{"0.8.4", "0.9"}), "0.9.0", true},
		{"listed_normalised_spelling", adv([]string{"1.0a1"}), "1.0-alpha.1", true},
		{"not_listed", adv([]string{"0.8.4", "0.9"}), "0.9.1", false},
		{"listed_or_range", adv([]string{"0.5"}, rng("i", "1.0", "f", "2.0")), "0.5", true},
		{"legacy_listed", adv([]string{"0.9", "snapshot-2"}), "snapshot-2", true},
		{"legacy_not_listed", adv([]string{"0.9"}, rng("i", "0")), "snapshot-2", false},
		{"no_ranges_no_versions", adv(nil), "1.0", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Affects(tt.adv, tt.version); got != tt.want {
				t.Errorf("Affects(%v, %q) = %v, want %v", tt.adv.Ranges, tt.version, got, tt.want)
			}
		})
	}
}

func TestAdmits(t *testing.T) {
	web := adv(nil, rng("i", "0", "f", "2.2.24", "i", "3.0", "f", "3.1.12"))
	tests := []struct {
		name      string
		adv       *Advisory
		spec      string
		want      bool
		wantBound string
	}{
		{"any", web, "", true, "3.1.12"},
		{"lower_only", web, ">=2.2", true, "3.1.12"},
		{"first_window_only", web, ">=2.2,<3", true, "2.2.24"},
		{"above_all", web, ">=3.2", false, ""},
		{"at_fix", web, ">=3.1.12", false, ""},
		{"strictly_above_old", web, ">3.1.11", true, "3.1.12"},
		{"between_windows", web, ">=2.2.24,<3.0", false, ""},
		{"pinned_vulnerable", web, "==2.2.23", true, "2.2.24"},
		{"pinned_fixed", web, "==2.2.24", false, ""},
		{"pinned_excluded", web, "==2.2.23,!=2.2.23", false, ""},
		{"compatible_release_safe", web, "~=3.1.12", false, ""},
		{"compatible_release", web, "~=3.1", true, "3.1.12"},
		{"compatible_release_patch", web, "~=2.2.0", true, "2.2.24"},
		{"wildcard", web, "==3.1.*", true, "3.1.12"},
		{"wildcard_safe", web, "==3.2.*", false, ""},
		{"wildcard_hole", web, ">=3.0,!=3.0.*,!=3.1.*", false, ""},
		{"wildcard_hole_partial", web, ">=3.0,!=3.1.*", true, "3.1.12"},
		{"upper_excludes_prereleases", adv(nil, rng("i", "3.1a1", "f", "3.1")), "<3.1", false, ""},
		{"upper_named_prerelease", adv(nil, rng("i", "3.1a1", "f", "3.1")), "<3.1rc1", true, "3.1"},
		{"unfixed", adv(nil, rng("i", "1.0")), ">=0.5", true, ""},
		{"last_affected", adv(nil, rng("i", "0", "la", "1.4")), ">=1.0", true, ""},
		{"listed_only", adv([]string{"1.5"}), ">=1.0,<2", true, ""},
		{"listed_excluded", adv([]string{"1.5"}), ">=1.6", false, ""},
		{"listed_with_fix_above", adv([]string{"0.5"}, rng("i", "1.0", "f", "2.0")), "<1", true, "2.0"},
		{"arbitrary_equality_unlisted", web, "===foobar", false, ""},
		{"unparsable_is_any", web, ">=>1", true, "3.1.12"},
		{"fix_inside_other_window", adv(nil, rng("i", "0", "f", "1.0"), rng("i", "0.5", "f", "1.5")), ">=0.1", true, "1.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bound := Admits(tt.adv, tt.spec)
			if got != tt.want || bound != tt.wantBound {
				t.Errorf("Admits(%v, %q) = %v, %q; want %v, %q", tt.adv.Ranges, tt.spec, got, bound, tt.want, tt.wantBound)
			}
		})
	}
}

func TestSafeUpgrade(t *testing.T) {
	a := *adv(nil, rng("i", "0", "f", "1.5"))
	b := *adv(nil, rng("i", "1.4", "f", "2.0", "i", "2.1", "f", "2.2"))
	pre := *adv(nil, rng("i", "0", "f", "2.0rc1"), rng("i", "3.0", "f", "3.1"))
	mal := Advisory{ID: "MAL-1", Malicious: true, Ranges: []Range{rng("i", "0")}}
	tests := []struct {
		name    string
		advs    []Advisory
		current string
		want    string
		wantOK  bool
	}{
		{"one", []Advisory{a}, "1.0", "1.5", true},
		{"fix_still_affected_by_other", []Advisory{a, b}, "1.0", "2.0", true},
		{"next_window", []Advisory{a, b}, "2.1.3", "2.2", true},
		{"lowest_overall", []Advisory{a, b}, "", "2.0", true},
		{"prerelease_skipped", []Advisory{pre}, "1.0", "3.1", true},
		{"prerelease_for_prerelease", []Advisory{pre}, "2.0b1", "2.0rc1", true},
		{"malicious", []Advisory{mal}, "1.0", "", false},
		{"nothing_above", []Advisory{a}, "1.5", "", false},
		{"bad_current", []Advisory{a}, "latest", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SafeUpgrade(tt.advs, tt.current)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("SafeUpgrade(%q) = %q, %v; want %q, %v", tt.current, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestSortVersions(t *testing.T) {
	got := SortVersions([]string{"1.0", "zzz", "1.0a1", "0.9", "1.0", "1!0.1", "1.0.post1", "1.0.dev0", "aaa"})
	want := []string{"0.9", "1.0.dev0", "1.0a1", "1.0", "1.0.post1", "1!0.1", "aaa", "zzz"}
	if len(got) != len(want) {
		t.Fatalf("SortVersions = %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("SortVersions = %q, want %q", got, want)
		}
	}
}

func TestFixedAndURL(t *testing.T) {
	a := adv(nil, rng("i", "0", "f", "1.0", "i", "2.0", "f", "2.1"), rng("i", "0", "f", "1.0"), rng("i", "3", "la", "3.5"))
	if got := a.Fixed(); len(got) != 2 || got[0] != "1.0" || got[1] != "2.1" {
		t.Errorf("Fixed = %q, want [1.0 2.1]", got)
	}
	if got := a.URL(); got != "https://osv.dev/vulnerability/PYSEC-0000-1" {
		t.Errorf("URL = %q", got)
	}
}

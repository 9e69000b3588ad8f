package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseSelector(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		spec    int
		wantErr string
	}{
		{"KR", "KR", specAll, ""},
		{"kr1", "KR1", specBand, ""},
		{" KR10 ", "KR10", specDecade, ""},
		{"KR101", "KR101", specCode, ""},
		{"Crypto", "crypto", specCategory, ""},
		// A prefix is accepted even when no rule has it yet: the bands are fixed.
		{"KR8", "KR8", specBand, ""},
		{"KR999", "", 0, "unknown rule KR999"},
		{"", "", 0, "empty rule selector"},
		{"KR1x", "", 0, `unknown rule selector "KR1x" (want a code such as KR101, a prefix such as KR1, or a category: crypto, injection, misc, secrets, untrusted)`},
		{"ALL", "", 0, `unknown rule selector "ALL" (want a code such as KR101, a prefix such as KR1, or a category: crypto, injection, misc, secrets, untrusted)`},
	}
	for _, tt := range tests {
		got, err := ParseSelector(tt.in, testCatalog())
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if gotErr != tt.wantErr || got.String() != tt.want || got.spec != tt.spec {
			t.Errorf("ParseSelector(%q) = %q (spec %d), %q; want %q (spec %d), %q",
				tt.in, got, got.spec, gotErr, tt.want, tt.spec, tt.wantErr)
		}
	}
	_, err := ParseSelector("web", Catalog{Codes: []string{"KR101"}})
	if want := `unknown rule selector "web" (want a code such as KR101 or a prefix such as KR1)`; err == nil || err.Error() != want {
		t.Errorf("ParseSelector without categories: error %v; want %q", err, want)
	}
}

// TestSelection pins the Ruff semantics: per layer, the most specific matching selector
// wins and an ignore wins a tie; a later layer with a select list decides afresh, one
// with only ignores can only disable.
func TestSelection(t *testing.T) {
	all := testCatalog().Codes
	tests := []struct {
		name                 string
		cfgSelect, cfgIgnore []string
		cliSelect, cliIgnore []string
		want                 []string // enabled codes
	}{
		{"nothing_set_means_all", nil, nil, nil, nil, all},
		{"empty_select_means_all", []string{}, nil, []string{}, nil, all},
		{"select_prefix", []string{"KR1"}, nil, nil, nil, []string{"KR101", "KR102", "KR105", "KR131"}},
		{"select_category", []string{"injection"}, nil, nil, nil, []string{"KR101", "KR102", "KR105"}},
		{"select_code", []string{"KR201"}, nil, nil, nil, []string{"KR201"}},
		{"ignore_only", nil, []string{"KR1", "KR9"}, nil, nil, []string{"KR201", "KR301"}},
		{"code_beats_prefix", []string{"KR105"}, []string{"KR1"}, nil, nil, []string{"KR105"}},
		{"prefix_ignore_in_select", []string{"KR1"}, []string{"KR10"}, nil, nil, []string{"KR131"}},
		{"category_beats_band", []string{"KR1"}, []string{"untrusted"}, nil, nil, []string{"KR101", "KR102", "KR105"}},
		{"decade_beats_category", []string{"KR10"}, []string{"injection"}, nil, nil, []string{"KR101", "KR102", "KR105"}},
		{"ignore_wins_tie", []string{"KR1"}, []string{"KR1"}, nil, nil, nil},
		{"ignore_wins_tie_code", []string{"KR101", "KR102"}, []string{"KR101"}, nil, nil, []string{"KR102"}},
		{"everything_but", []string{"KR"}, []string{"KR1", "KR201"}, nil, nil, []string{"KR301", "KR901"}},
		// The command line's --select replaces the config's selection, ignores included.
		{"cli_select_replaces", []string{"KR2"}, []string{"KR101"}, []string{"KR101"}, nil, []string{"KR101"}},
		// The command line's --ignore adds to the config's selection.
		{"cli_ignore_adds", []string{"KR1"}, []string{"KR101"}, nil, []string{"KR102"}, []string{"KR105", "KR131"}},
		{"cli_ignore_beats_config_code", []string{"KR101"}, nil, nil, []string{"KR"}, nil},
		{"cli_select_and_ignore", nil, []string{"KR3"}, []string{"KR"}, []string{"misc"}, []string{"KR101", "KR102", "KR105", "KR131", "KR201", "KR301"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &Config{Select: sel(t, tt.cfgSelect...), Ignore: sel(t, tt.cfgIgnore...)}
			eff, err := Merge(cfg, Overrides{Select: tt.cliSelect, Ignore: tt.cliIgnore}, testCatalog())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range all {
				if eff.EnabledCode(c) {
					got = append(got, c)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("enabled codes (-want +got):\n%s", diff)
			}
		})
	}
}

package pep440

import (
	"testing"
)

func mustParse(t testing.TB, s string) Version {
	t.Helper()
	v, err := Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return v
}

func TestParseNormalizes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1.0", "1.0"},
		{"v1.0", "1.0"},
		{" 1.0\n", "1.0"},
		{"1.0.0-alpha.1", "1.0.0a1"},
		{"1.0a", "1.0a0"},
		{"1.0ALPHA1", "1.0a1"},
		{"1.0-beta2", "1.0b2"},
		{"1.0c1", "1.0rc1"},
		{"1.0pre1", "1.0rc1"},
		{"1.0preview1", "1.0rc1"},
		{"1.0.RC.1", "1.0rc1"},
		{"1.0-1", "1.0.post1"},
		{"1.0post", "1.0.post0"},
		{"1.0.rev2", "1.0.post2"},
		{"1.0r3", "1.0.post3"},
		{"1.0_post_4", "1.0.post4"},
		{"1.0-dev", "1.0.dev0"},
		{"1.0dev5", "1.0.dev5"},
		{"1.0a1.post2.dev3", "1.0a1.post2.dev3"},
		{"0!1.0", "1.0"},
		{"2!1.0", "2!1.0"},
		{"007.01", "7.1"},
		{"1.0+Ubuntu-1", "1.0+ubuntu.1"},
		{"1.0+abc_007", "1.0+abc.7"},
		{"99999999999999999999999.1", "99999999999999999999999.1"},
	}
	for _, tt := range tests {
		v, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := v.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseRejectsLegacy(t *testing.T) {
	for _, s := range []string{
		"", "latest", "2.0-SNAPSHOT", "1.0.x", "1..0", "1.0+", "1.0+a..b", "1.0-", ".1",
		"1.0 2", "1!", "1.0a1a2", "dev", "1.0+ä", "french toast", "1.0\x00",
	} {
		if v, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", s, v)
		}
	}
}

// TestCompareOrder checks PEP 440's own ordering example, extended with
// epochs and local labels.
func TestCompareOrder(t *testing.T) {
	ordered := []string{
		"1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
		"1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345",
		"1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5",
		"1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1",
		"9.0", "10.0", "99999999999999999999", "1!0.1", "1!1.0",
	}
	vs := make([]Version, len(ordered))
	for i, s := range ordered {
		vs[i] = mustParse(t, s)
	}
	for i := range vs {
		for j := range vs {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := Compare(vs[i], vs[j]); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
}

func TestCompareEqual(t *testing.T) {
	pairs := [][2]string{
		{"1.0", "1.0.0"},
		{"1.0", "1"},
		{"1.0.0a1", "1.0.0-alpha.1"},
		{"1.0rc1", "1.0c1"},
		{"1.0.post0", "1.0-0"},
		{"0!1.0", "v1.0"},
		{"1.0+abc.007", "1.0+ABC-7"},
		{"01.02", "1.2"},
	}
	for _, p := range pairs {
		if a, b := mustParse(t, p[0]), mustParse(t, p[1]); !a.Equal(b) {
			t.Errorf("%s != %s", p[0], p[1])
		}
	}
}

func TestVersionParts(t *testing.T) {
	v := mustParse(t, "1!2.3rc4.post5.dev6+local.7")
	got := []string{v.Public(), v.BaseVersion(), v.Original()}
	want := []string{"1!2.3rc4.post5.dev6", "1!2.3", "1!2.3rc4.post5.dev6+local.7"}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("part %d = %q, want %q", i, got[i], want[i])
		}
	}
	if !v.IsPrerelease() || !v.IsPostrelease() || !v.IsDevrelease() || !v.IsLocal() {
		t.Errorf("flags of %s: pre %v post %v dev %v local %v", v, v.IsPrerelease(), v.IsPostrelease(), v.IsDevrelease(), v.IsLocal())
	}
	if mustParse(t, "1.0.post1").IsPrerelease() {
		t.Error("1.0.post1 is not a pre-release")
	}
	if !mustParse(t, "1.0.post1.dev1").IsPrerelease() {
		t.Error("1.0.post1.dev1 is a pre-release (it is a dev release)")
	}
}

package pep440

import (
	"testing"
)

func TestSpecifierContains(t *testing.T) {
	tests := []struct {
		spec, version string
		want          bool
	}{
		// Plain comparisons.
		{">=1.0", "1.0", true},
		{">=1.0", "0.9", false},
		{">=1.0,<2.0", "1.5", true},
		{">=1.0,<2.0", "2.0", false},
		{"<=1.0", "1.0.0", true},
		{"==1.0", "1.0.0", true},
		{"==1.0", "1.0+local", true},
		{"==1.0+local", "1.0", false},
		{"==1.0+local", "1.0+LOCAL", true},
		{"!=1.0", "1.0+local", false},
		{"!=1.0", "1.1", true},
		{"", "1.0", true},
		{"==2!1.0", "1.0", false},
		{"==2!1.0", "2!1.0", true},
		{">1.0", "1!0.5", true},
		// Pre-releases are excluded unless a clause names one.
		{">=1.0", "2.0a1", false},
		{">=1.0", "2.0.dev1", false},
		{"", "1.0rc1", false},
		{">=1.0b1", "2.0a1", true},
		{">=1.0", "2.0.post1", true},
		{"!=2.0b1", "2.0a1", false},
		{"==1.0.*", "1.0a1", false},
		{"<2.0", "2.0a1", false},
		{"<2.0", "1.9a1", false},
		{"<2.0a5", "2.0a1", true},
		{">1.0a1", "1.0a2", true},
		// < and > exclude pre-, post- and local versions of the named release.
		{"<2.0,>=1.0a1", "2.0rc1", false},
		{"<2.0,>=1.0a1", "1.5rc1", true},
		{">1.0", "1.0.post1", false},
		{">1.0.post1", "1.0.post2", true},
		{">1.0", "1.0+local", false},
		{">1.0", "1.1+local", true},
		{">=1.0", "1.0+local", true},
		{"<=1.0", "1.0+local", true},
		// Wildcards.
		{"==1.1.*", "1.1", true},
		{"==1.1.*", "1.1.0", true},
		{"==1.1.*", "1.1.5.post1", true},
		{"==1.1.*", "1.10", false},
		{"==1.1.*", "1.2", false},
		{"==1.*", "1.9+local", true},
		{"==1.0.0.*", "1", true},
		{"!=1.1.*", "1.1.3", false},
		{"!=1.1.*", "1.2", true},
		{"==1!1.*", "1.0", false},
		{"==1!1.*", "1!1.0", true},
		// Compatible release.
		{"~=2.2", "2.3", true},
		{"~=2.2", "2.2", true},
		{"~=2.2", "2.1", false},
		{"~=2.2", "3.0", false},
		{"~=2.2.0", "2.2.5", true},
		{"~=2.2.0", "2.3", false},
		{"~=1.4.5a4", "1.4.6", true},
		{"~=1.4.5a4", "1.4.5a5", true},
		{"~=1.4.5a4", "1.5", false},
		{"~=2.2.post3", "2.3", true},
		{"~=2.2.post3", "2.2.post2", false},
		{"~=1!1.0", "1!1.5", true},
		{"~=1!1.0", "1.5", false},
		// Arbitrary equality compares strings.
		{"===foobar", "1.0", false},
		{"===1.0", "1.0", true},
		{"===1.0", "1.0.0", false},
		{"===1.0", "v1.0", true},
		{"===1.0+LOCAL", "1.0+local", true},
	}
	for _, tt := range tests {
		ss, err := ParseSpecifier(tt.spec)
		if err != nil {
			t.Errorf("ParseSpecifier(%q): %v", tt.spec, err)
			continue
		}
		if got := ss.Contains(mustParse(t, tt.version)); got != tt.want {
			t.Errorf("%q.Contains(%q) = %v, want %v", tt.spec, tt.version, got, tt.want)
		}
	}
}

func TestSpecifierContainsPre(t *testing.T) {
	tests := []struct {
		spec, version string
		want          bool
	}{
		{">=1.0", "2.0a1", true},
		{"", "1.0rc1", true},
		{"<2.0", "1.9a1", true},
		{"<2.0", "2.0a1", false},
		{"==1.0.*", "1.0a1", true},
		{">=1.0,<1.5", "1.5.dev0", false},
	}
	for _, tt := range tests {
		ss, err := ParseSpecifier(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		if got := ss.ContainsPre(mustParse(t, tt.version)); got != tt.want {
			t.Errorf("%q.ContainsPre(%q) = %v, want %v", tt.spec, tt.version, got, tt.want)
		}
	}
}

func TestParseSpecifierString(t *testing.T) {
	tests := []struct{ in, want string }{
		{">= 1.0 , < 2", ">=1.0,<2"},
		{"==1.0.*", "==1.0.*"},
		{"~=1.4.5a4", "~=1.4.5a4"},
		{"===foo-bar", "===foo-bar"},
		{">=1,,", ">=1"},
		{"", ""},
	}
	for _, tt := range tests {
		ss, err := ParseSpecifier(tt.in)
		if err != nil {
			t.Errorf("ParseSpecifier(%q): %v", tt.in, err)
			continue
		}
		if got := ss.String(); got != tt.want {
			t.Errorf("ParseSpecifier(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseSpecifierErrors(t *testing.T) {
	for _, s := range []string{
		"1.0", "=1.0", "=>1.0", ">=", ">=1.0.*", "~=1.0.*", "~=1", "~=1.0+local",
		">=1.0+local", "<1.0+local", "==1.0a1.*", "==1.0+local.*", "==1.0.dev1.*",
		">=latest", "==1.0 ; x", "==*",
	} {
		if ss, err := ParseSpecifier(s); err == nil {
			t.Errorf("ParseSpecifier(%q) = %v, want an error", s, ss)
		}
	}
}

func TestPinned(t *testing.T) {
	tests := []struct {
		spec, want string
		ok         bool
	}{
		{"==1.2.3", "1.2.3", true},
		{"===1.2.3-custom", "1.2.3-custom", true},
		{"==1.2.*", "", false},
		{">=1.2", "", false},
		{"==1.2,!=1.3", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		ss, err := ParseSpecifier(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := ss.Pinned(); got != tt.want || ok != tt.ok {
			t.Errorf("%q.Pinned() = %q, %v; want %q, %v", tt.spec, got, ok, tt.want, tt.ok)
		}
	}
}

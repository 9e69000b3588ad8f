package pep440

import "testing"

func TestMarkerString(t *testing.T) {
	tests := []struct{ in, want string }{
		{`python_version<"3.8"`, `python_version < "3.8"`},
		{`os.name=='nt'`, `os_name == "nt"`},
		{`python_implementation == 'CPython'`, `platform_python_implementation == "CPython"`},
		{`'linux' in sys_platform`, `"linux" in sys_platform`},
		{`sys_platform not in 'win32 cygwin'`, `sys_platform not in "win32 cygwin"`},
		{`a_b == 'x'`, ``},
		{`(python_version>'3' or os_name=='nt') and extra=='test'`, `(python_version > "3" or os_name == "nt") and extra == "test"`},
		{`python_version>'3' or os_name=='nt' and extra=='test'`, `python_version > "3" or os_name == "nt" and extra == "test"`},
		{`platform_release == 'a"b'`, `platform_release == 'a"b'`},
	}
	for _, tt := range tests {
		m, err := ParseMarker(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseMarker(%q) = %q, want an error", tt.in, m)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseMarker(%q): %v", tt.in, err)
			continue
		}
		if got := m.String(); got != tt.want {
			t.Errorf("ParseMarker(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkerErrors(t *testing.T) {
	for _, s := range []string{
		"", "python_version", "python_version <", `python_version < "3`, `python_version < 3`,
		`python_version ~ "3"`, `python_version not "3"`, `(python_version < "3"`,
		`python_version < "3")`, `python_version < "3" and`, `python_version < "3" xor os_name == "nt"`,
		`python_versionx < "3"`, `python_version < "3" andos_name == "nt"`,
	} {
		if m, err := ParseMarker(s); err == nil {
			t.Errorf("ParseMarker(%q) = %q, want an error", s, m)
		}
	}
	deep := ""
	for range maxMarkerDepth + 1 {
		deep += "("
	}
	if _, err := ParseMarker(deep + `os_name == "nt"`); err == nil {
		t.Error("a marker nested past the limit parsed")
	}
}

func TestMarkerEvaluate(t *testing.T) {
	env := map[string]string{
		"python_version":      "3.11",
		"python_full_version": "3.11.4",
		"os_name":             "posix",
		"sys_platform":        "linux",
		"platform_release":    "5.15.0-generic",
		"extra":               "Test_Extra",
	}
	tests := []struct {
		marker string
		want   bool
	}{
		{`python_version < "3.8"`, false},
		{`python_version >= "3.8"`, true},
		{`python_version > "3.9"`, true}, // versions, not strings: "3.11" > "3.9"
		{`python_full_version == "3.11.*"`, true},
		{`python_version ~= "3.10"`, true},
		{`"3.12" > python_version`, true},
		{`python_full_version >= "3.12.0rc1"`, false},
		{`os_name == "nt" or sys_platform == "linux"`, true},
		{`os_name == "nt" and sys_platform == "linux"`, false},
		{`"lin" in sys_platform`, true},
		{`sys_platform not in "win32 cygwin"`, true},
		{`platform_release >= "5"`, true}, // not a version: string comparison
		{`extra == "test-extra"`, true},
		{`implementation_name == ""`, true},
		{`(os_name == "nt" or os_name == "posix") and python_version < "4"`, true},
	}
	for _, tt := range tests {
		m, err := ParseMarker(tt.marker)
		if err != nil {
			t.Fatalf("ParseMarker(%q): %v", tt.marker, err)
		}
		if got := m.Evaluate(env); got != tt.want {
			t.Errorf("%q.Evaluate = %v, want %v", tt.marker, got, tt.want)
		}
	}
	if !(Marker{}).Evaluate(env) {
		t.Error("the empty marker must hold")
	}
}

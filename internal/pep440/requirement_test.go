package pep440

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// reqView is what a test compares: the Requirement with its specifiers and
// marker rendered as text.
type reqView struct {
	Name, Spec, URL, Marker string
	Extras                  []string
}

func view(r Requirement) reqView {
	return reqView{Name: r.Name, Extras: r.Extras, Spec: r.Specifiers.String(), URL: r.URL, Marker: r.Marker.String()}
}

func TestParseRequirement(t *testing.T) {
	tests := []struct {
		in   string
		want reqView
	}{
		{"requests", reqView{Name: "requests"}},
		{"  Django>=2.2,<3 ", reqView{Name: "Django", Spec: ">=2.2,<3"}},
		{"zope.interface (>=4.0)", reqView{Name: "zope.interface", Spec: ">=4.0"}},
		{"name (== 1.0, != 1.0.1)", reqView{Name: "name", Spec: "==1.0,!=1.0.1"}},
		{"requests[security,socks]==2.8.*", reqView{Name: "requests", Extras: []string{"security", "socks"}, Spec: "==2.8.*"}},
		{"requests [ security ] >= 2", reqView{Name: "requests", Extras: []string{"security"}, Spec: ">=2"}},
		{"name[]", reqView{Name: "name"}},
		{`name;python_version<"2.7"`, reqView{Name: "name", Marker: `python_version < "2.7"`}},
		{`name>=1; os_name=='nt' and python_version >= '3.8'`, reqView{Name: "name", Spec: ">=1", Marker: `os_name == "nt" and python_version >= "3.8"`}},
		{"pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686",
			reqView{Name: "pip", URL: "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686"}},
		{`name[quux, strange]@http://example.com/a;b ; python_version<'2.7'`,
			reqView{Name: "name", Extras: []string{"quux", "strange"}, URL: "http://example.com/a;b", Marker: `python_version < "2.7"`}},
		{"pkg @ git+https://github.com/o/r.git@v1.2#egg=pkg", reqView{Name: "pkg", URL: "git+https://github.com/o/r.git@v1.2#egg=pkg"}},
		{"pkg===1.0-custom", reqView{Name: "pkg", Spec: "===1.0-custom"}},
		{"A.B-C_D~=1.0", reqView{Name: "A.B-C_D", Spec: "~=1.0"}},
	}
	for _, tt := range tests {
		r, err := ParseRequirement(tt.in)
		if err != nil {
			t.Errorf("ParseRequirement(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, view(r)); diff != "" {
			t.Errorf("ParseRequirement(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParseRequirementErrors(t *testing.T) {
	for _, s := range []string{
		"", "-e .", "./local", "name-", "_name", "name 1.0", "name==1.0,", "name[extra",
		"name[a b]", "name[-x]", "name @",
		"name (>=1.0", "name==1.0 ; ", "name==1.0 ; foo == 'x'", "name===",
		"name>=1.0 garbage", "name==latest",
	} {
		if r, err := ParseRequirement(s); err == nil {
			t.Errorf("ParseRequirement(%q) = %+v, want an error", s, view(r))
		}
	}
}

func TestRequirementString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A [x,y] (>=1 , <2) ; python_version<'3'", `A[x,y]>=1,<2 ; python_version < "3"`},
		{"A@ http://x/y.zip ;os_name=='nt'", `A @ http://x/y.zip ; os_name == "nt"`},
	}
	for _, tt := range tests {
		r, err := ParseRequirement(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		if again, err := ParseRequirement(r.String()); err != nil || again.String() != tt.want {
			t.Errorf("round trip of %q: %q, %v", tt.want, again.String(), err)
		}
	}
}

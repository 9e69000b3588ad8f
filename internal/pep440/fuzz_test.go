package pep440

import "testing"

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1.0", "1!2.0a1.post2.dev3+x.4", "v1.0-alpha.1", "1.0.post", "1..0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		// The normal form must parse to an equal version and be a fixed point.
		w, err := Parse(v.String())
		if err != nil {
			t.Fatalf("normal form %q of %q does not parse: %v", v, s, err)
		}
		if Compare(v, w) != 0 || w.String() != v.String() {
			t.Fatalf("normal form %q of %q is not stable: %q", v, s, w)
		}
	})
}

func FuzzParseRequirement(f *testing.F) {
	for _, s := range []string{
		"requests[socks]>=2.8.1,==2.8.*; python_version < '2.7'",
		"pip @ https://x/y.zip ; os_name == 'nt'",
		"a (~=1.0)", "a===x", `a; (python_version > "3" or extra == "x") and os_name not in "nt"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRequirement(s)
		if err != nil {
			return
		}
		again, err := ParseRequirement(r.String())
		if err != nil {
			t.Fatalf("normal form %q of %q does not parse: %v", r.String(), s, err)
		}
		if again.String() != r.String() {
			t.Fatalf("normal form of %q is not stable: %q then %q", s, r.String(), again.String())
		}
		v, _ := Parse("1.0")
		r.Specifiers.Contains(v)
		r.Marker.Evaluate(map[string]string{"python_version": "3.12"})
	})
}

package deps

import "testing"

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"Django":            "django",
		"zope.interface":    "zope-interface",
		"Typing_Extensions": "typing-extensions",
		"a-_.b":             "a-b",
		"ruamel.yaml.clib":  "ruamel-yaml-clib",
		"pip":               "pip",
	}
	for in, want := range tests {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

package typosquat

import (
	"fmt"
	"testing"
)

func TestCheckTwoEdits(t *testing.T) {
	c := NewChecker(fakeList([]string{
		"requests", "beautifulsoup4", "colorama", "httptools", "graphene", "pytest-cov", "tensorflow", "easydict", "pyflakes", "pycryptodome", "pycryptodomex",
	}), 0)
	tests := []struct {
		name, target, how string
	}{
		{"beautifulsou", "beautifulsoup4", "two letters changed"},
		{"beautifulosup", "beautifulsoup4", "two letters changed"},
		{"colorramma", "colorama", "two letters changed"},
		{"requetsa", "requests", "two letters changed"},
		{"tensofliw", "tensorflow", "two letters changed"},
		{"coloramqs", "colorama", "two letters changed"},
		{"beeautifulsoup", "beautifulsoup4", "two letters changed"}, // a letter doubled, the digit dropped
		{"colorram", "colorama", "two letters changed"},
		{"pycryptodomex2", "", ""},                          // one unreported edit from pycryptodomex
		{"pyfakefs", "", ""},                                // a letter moved: another word
		{"htmltools", "", ""},                               // two letters changed in place: another word
		{"graphyte", "", ""},                                // ditto
		{"pytest-cover", "", ""},                            // not one word
		{"xequestsy", "", ""},                               // first letter changed
		{"colorma", "colorama", "one letter dropped ('a')"}, // one edit wins
		{"easydicts", "easydict", "plural 's' added"},
		{"reqsts", "", ""}, // too short for two edits
	}
	for _, tt := range tests {
		t.Run(sanitize(tt.name), func(t *testing.T) {
			target, how, ok := c.Check(tt.name)
			if tt.target == "" {
				if ok {
					t.Errorf("Check(%q) = %q (%s), want no match", tt.name, target, how)
				}
				return
			}
			if !ok || target != tt.target || how != tt.how {
				t.Errorf("Check(%q) = %q, %q, %v; want %q, %q", tt.name, target, how, ok, tt.target, tt.how)
			}
		})
	}
}

func TestOSA(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"abc", "ab", 1}, {"ab", "abc", 1},
		{"colorama", "colorramma", 2}, {"ca", "abc", 3}, {"kitten", "sitting", 3},
	} {
		t.Run(tt.a+"_"+tt.b, func(t *testing.T) {
			if got := osa(tt.a, tt.b); got != tt.want {
				t.Errorf("osa(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestCheckPyPrefixed(t *testing.T) {
	c := NewChecker(fakeList([]string{"torch", "ijson", "mkdocs", "pandas", "typer"}), 0)
	tests := []struct {
		name, target, how string
	}{
		{"pytoch", "torch", "one letter dropped ('r') after a 'py' prefix"},
		{"pyttorch", "torch", "letter 't' doubled after a 'py' prefix"},
		{"pytypier", "typer", "one letter added ('i') after a 'py' prefix"},
		{"pytorch", "", ""},  // a bare 'py' added: a binding's usual name
		{"pyjson", "", ""},   // a letter dropped at the start of the word
		{"pytkdocs", "", ""}, // a letter changed at the start of the word
		{"pypandass", "pandas", "letter 's' doubled after a 'py' prefix"},
	}
	for _, tt := range tests {
		t.Run(sanitize(tt.name), func(t *testing.T) {
			target, how, ok := c.Check(tt.name)
			if tt.target == "" {
				if ok {
					t.Errorf("Check(%q) = %q (%s), want no match", tt.name, target, how)
				}
				return
			}
			if !ok || target != tt.target || how != tt.how {
				t.Errorf("Check(%q) = %q, %q, %v; want %q, %q", tt.name, target, how, ok, tt.target, tt.how)
			}
		})
	}
}

func TestCheckLongWordChanged(t *testing.T) {
	// The targets rank beyond plainTargets, where a plain letter change
	// counts only in a long word.
	names := make([]string, 0, plainTargets+3)
	for i := range plainTargets {
		names = append(names, fmt.Sprintf("filler-%d", i))
	}
	c := NewChecker(fakeList(append(names, "customtkinter", "croniter", "isodate")), 0)
	for _, tt := range []struct{ name, target string }{
		{"customekinter", "customtkinter"},
		{"cronitor", ""},
		{"isolate", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			target, how, ok := c.Check(tt.name)
			if target != tt.target || ok != (tt.target != "") {
				t.Errorf("Check(%q) = %q (%s), %v; want %q", tt.name, target, how, ok, tt.target)
			}
		})
	}
}

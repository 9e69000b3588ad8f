package filter

import (
	"testing"
	"unicode/utf8"
)

// FuzzClassify checks that Classify terminates on any input, answers a known
// class, and is consistent: blank input is Empty and nothing else is.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"", "changeme", "${X}", "{{ x }}", "s3cr3t-Passw0rd", "12345678",
		"550e8400-e29b-41d4-a716-446655440000", "/etc/x.key", "https://u:p@h/", "v1.2.3",
		"get()", "a.b", "%(x)s", "\x00\xff", "$2b$12$abcdefghijk"} {
		f.Add("password", s)
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		c := Classify(name, value)
		if c > lastClass {
			t.Fatalf("Classify(%q, %q) = %d, not a class", name, value, c)
		}
		blank := trimSpace(value) == ""
		if blank != (c == Empty) {
			t.Fatalf("Classify(%q, %q) = %v; blank=%v", name, value, c, blank)
		}
		if c == Short && utf8.RuneCountInString(trimSpace(value)) >= MinLength && utf8.ValidString(value) {
			t.Fatalf("Classify(%q, %q) = short for a long value", name, value)
		}
		_ = HighEntropy(value)
		_ = Name(name)
		_ = FixturePath(name)
		if pw, ok := ConnectionPassword(value); ok && (pw == "" || !containsString(value, pw)) {
			t.Fatalf("ConnectionPassword(%q) = %q, not part of the input", value, pw)
		}
	})
}

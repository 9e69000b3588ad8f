package pep440

import "testing"

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("1!2.10.3rc1.post2.dev3+ubuntu.1"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	x, y := mustParse(b, "2.10.3rc1"), mustParse(b, "2.10.3")
	for b.Loop() {
		Compare(x, y)
	}
}

func BenchmarkContains(b *testing.B) {
	ss, err := ParseSpecifier(">=1.4.2,<2.0,!=1.5.*")
	if err != nil {
		b.Fatal(err)
	}
	v := mustParse(b, "1.6.1")
	for b.Loop() {
		ss.Contains(v)
	}
}

func BenchmarkParseRequirement(b *testing.B) {
	for b.Loop() {
		if _, err := ParseRequirement(`requests[socks]>=2.8.1,==2.8.* ; python_version < "3.8"`); err != nil {
			b.Fatal(err)
		}
	}
}

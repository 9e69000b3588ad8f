package typosquat

import (
	"fmt"
	"testing"

	"github.com/kraitsec/krait/internal/supplychain/popular"
)

// testChecker protects the built-in list.
func testChecker(t testing.TB) *Checker {
	t.Helper()
	return NewChecker(popular.Builtin(), DefaultTargets)
}

func TestCheckFlags(t *testing.T) {
	c := testChecker(t)
	tests := []struct {
		name, target, how string
	}{
		{"requets", "requests", "one letter dropped ('s')"},
		{"equests", "requests", "first letter dropped ('r')"},
		{"reqeusts", "requests", "letters 'u' and 'e' swapped"},
		{"requestss", "requests", "letter 's' doubled"},
		{"urlib3", "urllib3", "doubled letter 'l' made single"},
		{"urllib", "urllib3", "version digit dropped ('3')"},
		{"requedts", "requests", "keyboard-adjacent 'd' for 's'"},
		{"djanga", "django", "one letter changed ('a' for 'o')"},
		{"jeIlyfish", "jellyfish", "look-alike 'i' for 'l'"},
		{"pi11ow", "pillow", "look-alike characters"},
		{"fastapl", "fastapi", "look-alike 'l' for 'i'"},
		{"beautifu1soup4", "beautifulsoup4", "look-alike '1' for 'l'"},
		{"requirernents-parser", "", ""}, // not popular enough to be a target
		{"sqlaIchemy", "sqlalchemy", "look-alike 'i' for 'l'"},
		{"rnatplotlib", "matplotlib", "look-alike characters"},
		{"pythondateutil", "python-dateutil", "separators changed"},
		{"Python_DateUtil", "", ""}, // PEP 503 normalises it to python-dateutil itself
		{"python3-dateutil", "python-dateutil", "'python' prefix changed to 'python3'"},
		{"scikitlearn", "scikit-learn", "separators changed"},
		{"discordpy", "discord-py", "separators changed"},
		{"python-requests", "requests", "'python' prefix added"},
		{"requests-python3", "requests", "'python3' suffix added"},
		{"p8llow", "pillow", "'8' for 'i'"},
		{"urllib33", "urllib3", "letter '3' doubled"},
		{"pygaame", "pygame", "letter 'a' doubled"},
		{"pyinsaller", "pyinstaller", "one letter dropped ('t')"},
		{"customtknter", "customtkinter", "one letter dropped ('i')"},
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

func TestCheckLeavesAlone(t *testing.T) {
	c := testChecker(t)
	for _, name := range []string{
		"requests", "Requests", "python_dateutil", "boto", "boto3", "discord", // popular themselves
		"six", "mock", "toml", "attr", // too short for one edit to mean anything
		"grequests", "aiofiles-extra", "whisperx", // a letter added at an end
		"elasticsearch8", "pyside7", "django5", // version digits
		"pytoml", "pyrequests", "requests-py", // a bare py added: a binding's usual name
		"kafka", "slugify", "dateutil", // an affix dropped leaves a plain word
		"types-aiobotocore-sts", "django-jinja2-extra", // the short component of a family name
		"uvicorn-worker", "numba-extra", "my-internal-lib", "",
	} {
		t.Run(sanitize(name), func(t *testing.T) {
			if target, how, ok := c.Check(name); ok {
				t.Errorf("Check(%q) = %q (%s), want no match", name, target, how)
			}
		})
	}
}

func TestCheckPrefersMostPopular(t *testing.T) {
	// "pandsa" is a swap of "pandas"; with a list where a rarer "pandsb" also
	// sits one edit away, the more popular target wins.
	l := popular.Builtin()
	names := append([]string{"pandas"}, l.Names...)
	names = append(names, "pandsb")
	c := NewChecker(fakeList(names), 0)
	if target, _, ok := c.Check("pandsa"); !ok || target != "pandas" {
		t.Errorf("Check(pandsa) = %q, %v; want pandas", target, ok)
	}
}

func TestLookAlikeAndKeys(t *testing.T) {
	for _, tt := range []struct {
		a, b      byte
		glyph, kb bool
	}{
		{'l', '1', true, false}, {'o', '0', true, true}, {'i', 'l', true, false},
		{'q', 'w', false, true}, {'e', 'd', false, true}, {'m', 'n', false, true}, {'u', '7', false, true},
		{'q', 'p', false, false}, {'a', 'a', false, false}, {'-', 'a', false, false},
	} {
		t.Run(fmt.Sprintf("%c_%c", tt.a, tt.b), func(t *testing.T) {
			if got := lookAlike(tt.a, tt.b); got != tt.glyph {
				t.Errorf("lookAlike = %v", got)
			}
			if got := keyboardAdjacent(tt.a, tt.b); got != tt.kb {
				t.Errorf("keyboardAdjacent = %v", got)
			}
		})
	}
}

// fakeList is a popular list of the given names, deduplicated.
func fakeList(names []string) *popular.List {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return popular.NewList(out, "test")
}

// sanitize makes a subtest name of a package name.
func sanitize(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "empty"
	}
	return string(b)
}

func BenchmarkCheck(b *testing.B) {
	c := testChecker(b)
	names := []string{"requets", "my-internal-lib", "python3-dateutil", "numpy", "sqlalchemy-utils-extra"}
	for i := 0; b.Loop(); i++ {
		c.Check(names[i%len(names)])
	}
}

package pylock

import (
	"testing"

	"github.com/kraitsec/krait/internal/deps/internal/depstest"
)

// FuzzExtract checks that Extract never panics, names the file in its errors and
// keeps every package inside the file (depstest.FuzzExtract).
func FuzzExtract(f *testing.F) {
	depstest.FuzzExtract(f, Extractor{}, "pylock.toml", []string{"pylock.toml"},
		"lock-version = \"1.0\"\npackages = [{name = \"a\", vcs = {type = \"git\"}, marker = \"'x' in extras\"}]\n")
}

package poetrylock

import (
	"testing"

	"github.com/kraitsec/krait/internal/deps/internal/depstest"
)

// FuzzExtract checks that Extract never panics, names the file in its errors and
// keeps every package inside the file (depstest.FuzzExtract).
func FuzzExtract(f *testing.F) {
	depstest.FuzzExtract(f, Extractor{}, "poetry.lock", []string{"v0.lock", "v1.lock", "v2.lock"},
		"package = [{name = \"a\", markers = {x = 1}, source = {type = \"git\"}}]\n")
}

package pdmlock

import (
	"testing"

	"github.com/kraitsec/krait/internal/deps/internal/depstest"
)

// FuzzExtract checks that Extract never panics, names the file in its errors and
// keeps every package inside the file (depstest.FuzzExtract).
func FuzzExtract(f *testing.F) {
	depstest.FuzzExtract(f, Extractor{}, "pdm.lock", []string{"pdm.lock", "pdm1.lock"},
		"package = [{name = \"a\", extras = [\"x\"]}, {name = \"a\", git = \"u\"}]\n")
}

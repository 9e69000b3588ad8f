package pipfilelock

import (
	"testing"

	"github.com/kraitsec/krait/internal/deps/internal/depstest"
)

// FuzzExtract checks that Extract never panics, names the file in its errors and
// keeps every package inside the file (depstest.FuzzExtract).
func FuzzExtract(f *testing.F) {
	depstest.FuzzExtract(f, Extractor{}, "Pipfile.lock", []string{"Pipfile.lock"},
		`{"default": {"a": {"git": "x", "editable": true}}, "develop": [1]}`)
}

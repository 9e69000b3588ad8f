package poetrylock

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
)

// lock160 builds a poetry.lock the size of a large application's: 160
// packages with 20 files each, about 430 KB.
func lock160() []byte {
	var b strings.Builder
	for i := range 160 {
		fmt.Fprintf(&b, "[[package]]\nname = \"package-%d\"\nversion = \"1.%d.0\"\ndescription = \"A package\"\noptional = false\npython-versions = \">=3.8\"\ngroups = [\"main\"]\nfiles = [\n", i, i)
		for j := range 20 {
			fmt.Fprintf(&b, "    {file = \"package_%d-1.%d.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64-%d.whl\", hash = \"sha256:%064x\"},\n", i, i, j, i*100+j)
		}
		fmt.Fprintf(&b, "]\n\n[package.dependencies]\nidna = \">=2.5\"\ncertifi = \">=2017.4.17\"\n\n")
	}
	b.WriteString("[metadata]\nlock-version = \"2.1\"\npython-versions = \"^3.12\"\ncontent-hash = \"00\"\n")
	return []byte(b.String())
}

func BenchmarkExtract160(b *testing.B) {
	data := lock160()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		pkgs, err := Extractor{}.Extract(context.Background(), deps.File{Path: "poetry.lock", Content: data})
		if err != nil || len(pkgs) != 160 {
			b.Fatal(len(pkgs), err)
		}
	}
}

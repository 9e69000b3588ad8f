package requirements

import (
	"context"
	"testing"

	"github.com/kraitsec/krait/internal/deps"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"a==1 \\\n --hash=sha256:x\n-r b.txt\n-e git+https://h/r#egg=r\n",
		"https://x/p-1.0.tar.gz; python_version<'3'\n./d[x]\n--index-url=http://i\n",
		"pkg[a,b] (>=1,<2) ; os_name == 'nt' # c\n-c c.txt\n",
	} {
		f.Add(s)
	}
	read := func(p string) ([]byte, error) { return []byte("-r a.txt\n-r b.txt\nx==1\n"), nil }
	f.Fuzz(func(t *testing.T, s string) {
		res, _ := New(read).ParseRequirements(context.Background(), deps.File{Path: "a.txt", Content: []byte(s)})
		for _, p := range res.Packages {
			if p.Name == "" || p.Line < 1 {
				t.Fatalf("package without a name or line: %+v", p)
			}
		}
	})
}

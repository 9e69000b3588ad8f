package secrets

import (
	"strings"
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
)

// FuzzCheck runs the analyzer on arbitrary bytes under every kind of path: it
// must not panic, and every finding must lie inside the file with its secret
// redacted from the snippet.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"DB_PASSWORD=Pq7mZ2xLr9Wd\n",
		"-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
		"url = 'postgres://a:b@c/d'\n",
		`{"source": ["password = \"Pq7mZ2xLr9Wd\"\n"]}`,
		"machine h login u password p\n",
		"- \"KEY=value\n",
		"variable \"db_password\" {\n default = \"x",
		"ID=AKIAQWERTYUIOPASDFGH DB=postgres://a:Zk2Lq9Wm4Xr7@db/app aws_secret_access_key=Zk2Lq9Wm4Xr7Pn3BZk2Lq9Wm4Xr7Pn3BZk2Lq9Wm\n",
		"secrets:\n  a: Zk2Lq9Wm4Xr7Pn3B\n[credentials]\nb = Zk2Lq9Wm4Xr7Pn3B\n",
	} {
		f.Add(s)
	}
	a := New(Options{TestKeys: true})
	paths := []string{"a.env", "a.py", "a.ipynb", "a.js", "a.txt", "poetry.lock", ".pgpass", "a.xml"}
	f.Fuzz(func(t *testing.T, src string) {
		for _, p := range paths {
			for _, fd := range check(a, p, src) {
				lines := strings.Count(src, "\n") + 1
				if fd.Line < 1 || fd.Line > lines || fd.EndLine < fd.Line || fd.Column < 1 {
					t.Fatalf("%s: finding out of the file: %+v", p, fd)
				}
				if fd.Confidence < analysis.ConfidenceLow || fd.Fingerprint == "" {
					t.Fatalf("%s: incomplete finding %+v", p, fd)
				}
			}
		}
	})
}

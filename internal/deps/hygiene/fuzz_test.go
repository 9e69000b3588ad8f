package hygiene

import (
	"strings"
	"testing"
)

// FuzzSettings runs the pip.conf reader and the command scanner over the same bytes:
// neither may panic, and every setting must point at a line of the input and carry
// a name the checks know.
func FuzzSettings(f *testing.F) {
	for _, s := range []string{
		"[global]\nindex-url = http://a/simple\nextra_index_url =\n  https://b https://c\n;x\n",
		"RUN pip install -ihttp://m/simple --extra-index-url=https://x \\\n  --trusted-host h && uv pip install --index-strategy unsafe-best-match\n",
		"ENV PIP_TRUSTED_HOST a b\nRUN [\"pip3\", \"install\", \"-f\", \"http://w\"]\n",
		"env:\n  PIP_EXTRA_INDEX_URL: ${{ secrets.X }}\n  - run: \"sh -c 'pip config set global.trusted-host h'\"\n",
		"pip install --index-url\n'unterminated \"quote\n|| ; && |",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := strings.Count(s, "\n") + 1
		all := append(pipConfSettings([]byte(s)), commandSettings([]byte(s), true)...)
		all = append(all, commandSettings([]byte(s), false)...)
		for _, st := range all {
			if st.line < 1 || st.line > n || st.col < 0 {
				t.Fatalf("setting %+v outside the %d lines of the input", st, n)
			}
			switch st.name {
			case setIndexURL, setExtraIndexURL, setFindLinks, setTrustedHost, setIndexStrategy, setUVIndex:
			default:
				t.Fatalf("setting with unknown name %+v", st)
			}
		}
		for _, u := range []string{s, "git+" + s} {
			_ = vcsRef(u)
			_ = redactURL(u)
			_ = plainHTTP(u)
		}
	})
}

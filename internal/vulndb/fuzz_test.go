package vulndb

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzMatch feeds arbitrary advisory JSON, versions and specifiers through
// the whole path an untrusted snapshot entry takes — parse, digest, merge,
// match — which must never panic.
func FuzzMatch(f *testing.F) {
	ents, err := os.ReadDir(filepath.Join("testdata", "osv"))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join("testdata", "osv", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "2.2.23", ">=2.2,<3")
	}
	f.Add([]byte(`{"id":"X","affected":[{"package":{"ecosystem":"PyPI","name":"a"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1!2.0.*"},{"limit":"v9"}]}]}]}`), "1!2", "~=1.2.3,!=1.2.*,===x")
	f.Fuzz(func(t *testing.T, data []byte, version, spec string) {
		v, err := ParseOSV(data)
		if err != nil {
			return
		}
		for _, a := range Digest(v) {
			advs := Merge([]Advisory{*a, *a})
			for i := range advs {
				Affects(&advs[i], version)
				Admits(&advs[i], spec)
			}
			SafeUpgrade(advs, version)
			if _, err := decodeAdvisories(encodeAdvisories(advs)); err != nil {
				t.Errorf("store round trip: %v", err)
			}
		}
	})
}

package vulndb

import (
	"os"
	"path/filepath"

	"github.com/kraitsec/krait/internal/deps"
)

// Source looks up the advisories of a package; *DB is the real one and
// Memory a fake for tests.
type Source interface {
	Lookup(name string) ([]Advisory, error)
}

// Memory is an in-memory Source keyed by PEP 503 normalised package name.
type Memory map[string][]Advisory

// Lookup returns the advisories stored under the normalised name.
func (m Memory) Lookup(name string) ([]Advisory, error) {
	return m[deps.Normalize(name)], nil
}

// DefaultDir returns the DB directory: $KRAIT_DB when set, else "krait" in
// the user cache directory.
func DefaultDir() (string, error) {
	if d := os.Getenv("KRAIT_DB"); d != "" {
		return d, nil
	}
	c, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(c, "krait"), nil
}

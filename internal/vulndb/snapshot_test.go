package vulndb

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// snapshotPath is the real OSV PyPI snapshot shared with the project; it is
// third-party data and never committed.
var snapshotPath = filepath.Join("..", "..", "..", "shared", "data", "osv-pypi-all.zip")

func needSnapshot(tb testing.TB) string {
	tb.Helper()
	if _, err := os.Stat(snapshotPath); err != nil {
		tb.Skipf("real OSV snapshot not present at %s (../shared/data/osv-pypi-all.zip): %v", snapshotPath, err)
	}
	return snapshotPath
}

func TestImportSnapshot(t *testing.T) {
	zipPath := needSnapshot(t)
	dir := t.TempDir()
	start := time.Now()
	meta, err := Import(context.Background(), zipPath, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("import took %v: %+v", time.Since(start), meta)
}

package vulndb

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// limits bound what a snapshot may hold, so that a hostile or broken mirror
// (a zip bomb, an endless download) cannot exhaust disk or memory.
type limits struct {
	// MaxZip is the largest zip accepted, downloaded or local, in bytes.
	MaxZip int64
	// MaxEntries is the most entries the zip may have.
	MaxEntries int
	// MaxEntrySize is the largest uncompressed entry, in bytes.
	MaxEntrySize int64
	// MaxTotal is the largest uncompressed total, in bytes.
	MaxTotal int64
}

// defaultLimits returns limits generous for OSV's PyPI all.zip (about 16k
// entries of at most 40 KB, 40 MB in all, in 2026) that still stop a bomb.
func defaultLimits() limits {
	return limits{
		MaxZip:       1 << 30,
		MaxEntries:   1_000_000,
		MaxEntrySize: 16 << 20,
		MaxTotal:     4 << 30,
	}
}

// Import builds the store in dir from a local OSV all.zip and swaps it in
// atomically; on any error the store already in dir is left as it was. The
// zip must be valid, hold at least one entry, and every entry must be OSV
// JSON about a PyPI package (withdrawn entries excepted), within the size
// limits of defaultLimits.
func Import(ctx context.Context, zipPath, dir string) (Meta, error) {
	return importZip(ctx, zipPath, dir, zipPath, defaultLimits(), time.Now())
}

// importZip verifies and converts the zip at zipPath; source says where it
// came from, in the meta and in error messages.
func importZip(ctx context.Context, zipPath, dir, source string, lim limits, now time.Time) (Meta, error) {
	meta := Meta{Source: source, ImportedAt: now.UTC()}
	f, err := os.Open(zipPath)
	if err != nil {
		return meta, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return meta, err
	}
	if st.Size() > lim.MaxZip {
		return meta, fmt.Errorf("%s: %d bytes, more than the %d allowed", source, st.Size(), lim.MaxZip)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return meta, fmt.Errorf("%s: %w", source, err)
	}
	meta.SHA256 = hex.EncodeToString(h.Sum(nil))
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return meta, fmt.Errorf("%s: not a valid zip: %w", source, err)
	}
	if len(zr.File) > lim.MaxEntries {
		return meta, fmt.Errorf("%s: %d entries, more than the %d allowed", source, len(zr.File), lim.MaxEntries)
	}
	records, err := readEntries(ctx, zr, lim, &meta)
	if err != nil {
		return meta, fmt.Errorf("%s: %w", source, err)
	}
	if meta.Entries == 0 {
		return meta, fmt.Errorf("%s: no OSV entries", source)
	}
	if err := writeStore(dir, meta, records); err != nil {
		return meta, err
	}
	meta.Packages = len(records)
	return meta, nil
}

// entryResult is what one zip entry contributes to the store.
type entryResult struct {
	entry     bool // false for a directory
	modified  time.Time
	withdrawn bool
	malicious bool
	advs      map[string]*Advisory
}

// readEntries decodes and digests every entry on all cores, then merges the
// advisories per package in entry order, so the store does not depend on
// scheduling. It counts entries in meta. Of several bad entries, the first in
// the zip is reported.
func readEntries(ctx context.Context, zr *zip.Reader, lim limits, meta *Meta) (map[string][]Advisory, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]entryResult, len(zr.File))
	var next, total atomic.Int64
	var mu sync.Mutex
	firstBad, firstErr := len(zr.File), error(nil)
	fail := func(i int, err error) {
		mu.Lock()
		defer mu.Unlock()
		if i < firstBad {
			firstBad, firstErr = i, err
		}
		cancel()
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 8) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(zr.File) || ctx.Err() != nil {
					return
				}
				r, err := readOne(zr.File[i], lim, &total)
				if err != nil {
					fail(i, err)
					return
				}
				results[i] = r
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	perPkg := map[string][]Advisory{}
	for _, r := range results {
		if !r.entry {
			continue
		}
		meta.Entries++
		if r.modified.After(meta.SnapshotModified) {
			meta.SnapshotModified = r.modified.UTC()
		}
		switch {
		case r.withdrawn:
			meta.Withdrawn++
			continue
		case r.malicious:
			meta.Malicious++
		}
		for name, a := range r.advs {
			perPkg[name] = append(perPkg[name], *a)
		}
	}
	for name, advs := range perPkg {
		perPkg[name] = Merge(advs)
	}
	return perPkg, nil
}

// readOne reads, verifies and digests one entry, adding its size to total.
func readOne(zf *zip.File, lim limits, total *atomic.Int64) (entryResult, error) {
	if zf.FileInfo().IsDir() {
		return entryResult{}, nil
	}
	data, err := readEntry(zf, lim.MaxEntrySize)
	if err != nil {
		return entryResult{}, fmt.Errorf("entry %s: %w", zf.Name, err)
	}
	if total.Add(int64(len(data))) > lim.MaxTotal {
		return entryResult{}, fmt.Errorf("more than %d bytes uncompressed", lim.MaxTotal)
	}
	v, err := ParseOSV(data)
	if err != nil {
		return entryResult{}, fmt.Errorf("entry %s: not valid OSV JSON: %w", zf.Name, err)
	}
	if err := checkPyPI(v); err != nil {
		return entryResult{}, fmt.Errorf("entry %s: %w", zf.Name, err)
	}
	return entryResult{
		entry:     true,
		modified:  v.Modified,
		withdrawn: v.Withdrawn != "",
		malicious: isMalicious(v.ID),
		advs:      Digest(v),
	}, nil
}

// readEntry reads one entry, refusing more than max bytes whatever the
// entry's header claims.
func readEntry(zf *zip.File, max int64) ([]byte, error) {
	if zf.UncompressedSize64 > uint64(max) {
		return nil, fmt.Errorf("%d bytes uncompressed, more than the %d allowed", zf.UncompressedSize64, max)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("more than %d bytes uncompressed", max)
	}
	return data, nil
}

// checkPyPI rejects an entry that concerns no PyPI package: a mirror of
// another ecosystem, or a file that merely looks like OSV. A withdrawn entry
// is exempt; it is dropped anyway.
func checkPyPI(v *OSV) error {
	if v.Withdrawn != "" {
		return nil
	}
	for _, a := range v.Affected {
		if isPyPI(a.Package.Ecosystem) {
			return nil
		}
	}
	if len(v.Affected) == 0 {
		return errors.New("no affected package")
	}
	return fmt.Errorf("no PyPI package among the affected (first: %s %q)", v.Affected[0].Package.Ecosystem, v.Affected[0].Package.Name)
}

// isMalicious reports whether an OSV id is a malicious-packages entry.
func isMalicious(id string) bool { return strings.HasPrefix(id, "MAL-") }

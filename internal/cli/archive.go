package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/kraitsec/krait/internal/report"
	"github.com/kraitsec/krait/internal/supplychain/archive"
)

// errKindArchive is an archive, or a member of one, that could not be extracted.
const errKindArchive = "archive"

// unpacked is a package archive named on the command line, extracted into a
// private temporary directory that the scan walks in its place.
type unpacked struct {
	archive, dir string
}

// unpackArchives replaces each wheel, sdist or zip among cfg.paths with the private
// directory it was extracted into (within archive.DefaultLimits), and returns the
// extractions, the archives' problems as file errors, and a cleanup that removes the
// directories. An archive that cannot be extracted at all is an error for that
// archive alone: it is dropped from the scan.
func unpackArchives(ctx context.Context, cfg *scanConfig) ([]unpacked, []report.FileError, func()) {
	var done []unpacked
	var errs []report.FileError
	paths := cfg.paths[:0:0]
	for _, p := range cfg.paths {
		info, err := os.Stat(p)
		if err != nil || !info.Mode().IsRegular() || !archive.IsArchive(p) {
			paths = append(paths, p)
			continue
		}
		res, err := archive.ExtractTemp(ctx, p, archive.DefaultLimits())
		if err != nil {
			msg := err.Error()
			if errors.Is(err, archive.ErrLimit) {
				msg = "not extracted: " + msg
			}
			errs = append(errs, report.FileError{Path: p, Kind: errKindArchive, Message: oneLine(msg)})
			continue
		}
		done = append(done, unpacked{archive: p, dir: res.Dir})
		for _, pr := range res.Problems {
			at := p
			if pr.Member != "" {
				at = p + "/" + pr.Member
			}
			errs = append(errs, report.FileError{Path: at, Kind: errKindArchive, Message: oneLine(pr.Message)})
		}
		paths = append(paths, res.Dir)
	}
	cfg.paths = paths
	return done, errs, func() {
		for _, u := range done {
			os.RemoveAll(u.dir)
		}
	}
}

// archivePath shows a path inside an extraction as the member of its archive:
// /tmp/krait-archive-1/pkg/__init__.py → dist/pkg-1.0.whl/pkg/__init__.py.
func archivePath(p string, us []unpacked) string {
	for _, u := range us {
		if p == u.dir {
			return u.archive
		}
		if rest, ok := strings.CutPrefix(p, u.dir+string(filepath.Separator)); ok {
			return u.archive + "/" + filepath.ToSlash(rest)
		}
	}
	return p
}

// relabelArchives rewrites every path of res that lies in an extraction.
func relabelArchives(res *scanResult, us []unpacked) {
	if len(us) == 0 {
		return
	}
	for i := range res.findings {
		res.findings[i].Path = archivePath(res.findings[i].Path, us)
	}
	for i := range res.errors {
		res.errors[i].Path = archivePath(res.errors[i].Path, us)
	}
	for i := range res.skipped {
		res.skipped[i].Path = archivePath(res.skipped[i].Path, us)
	}
}

package archive

import (
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// zip extracts a zip archive (wheels, eggs, zips) of the given size.
func (x *extractor) zip(f *os.File, size int64) error {
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return fmt.Errorf("not a valid zip: %w", err)
	}
	if len(zr.File) > x.lim.MaxFiles {
		return fmt.Errorf("%w: %d members, more than the %d allowed", ErrLimit, len(zr.File), x.lim.MaxFiles)
	}
	// All output counts against the archive's own size, which a header
	// cannot fake.
	x.consumed = func() int64 { return size }
	for _, zf := range zr.File {
		if err := x.count(); err != nil {
			return err
		}
		if err := x.zipMember(zf); err != nil {
			var m errMember
			if errors.As(err, &m) {
				x.res.problem(zf.Name, "%v", m.err)
				continue
			}
			return err
		}
	}
	return nil
}

// zipMember extracts one zip member; refusals are reported as problems.
func (x *extractor) zipMember(zf *zip.File) error {
	p, err := memberPath(zf.Name, x.lim)
	if err != nil {
		return errMember{err}
	}
	mode := zf.Mode()
	switch {
	case mode&fs.ModeSymlink != 0:
		return errMember{errors.New("symbolic link skipped")}
	case mode.IsDir():
		if err := x.mkdir(p); err != nil {
			return errMember{err}
		}
		return nil
	case !mode.IsRegular():
		return errMember{fmt.Errorf("special file (%v) skipped", mode.Type())}
	}
	rc, err := zf.Open()
	if err != nil {
		return errMember{err}
	}
	defer rc.Close()
	err = x.write(p, rc, int64(min(zf.CompressedSize64, 1<<62)))
	var m errMember
	if err == nil || errors.As(err, &m) || errors.Is(err, ErrLimit) || x.ctx.Err() != nil {
		return err
	}
	// A bad checksum or a size header that lies: this member only.
	return errMember{fmt.Errorf("damaged: %w", err)}
}

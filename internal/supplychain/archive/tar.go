package archive

import (
	"archive/tar"
	"bufio"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// tar extracts a tarball, plain or compressed.
func (x *extractor) tar(f *os.File, format string) error {
	raw := &countingReader{r: bufio.NewReader(f)}
	x.consumed = func() int64 { return raw.n }
	var r io.Reader = raw
	switch format {
	case FormatTarGz:
		zr, err := gzip.NewReader(raw)
		if err != nil {
			return fmt.Errorf("not a valid gzip stream: %w", err)
		}
		defer zr.Close()
		r = zr
	case FormatTarBz2:
		r = bzip2.NewReader(raw)
	}
	tr := tar.NewReader(r)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if x.ctx.Err() != nil {
				return x.ctx.Err()
			}
			// The stream cannot be resynchronised: keep what was extracted.
			x.res.problem("", "archive damaged or truncated after %d members: %v", x.members, err)
			return nil
		}
		if err := x.count(); err != nil {
			return err
		}
		err = x.tarMember(hdr, tr)
		var m errMember
		switch {
		case err == nil:
		case errors.As(err, &m):
			x.res.problem(hdr.Name, "%v", m.err)
		case errors.Is(err, ErrLimit) || x.ctx.Err() != nil:
			return err
		default:
			x.res.problem(hdr.Name, "archive damaged or truncated: %v", err)
			return nil
		}
	}
}

// tarMember extracts one tar entry; refusals are reported as problems.
func (x *extractor) tarMember(hdr *tar.Header, tr *tar.Reader) error {
	switch hdr.Typeflag {
	case tar.TypeXGlobalHeader:
		return nil
	case tar.TypeSymlink, tar.TypeLink:
		kind := "symbolic"
		if hdr.Typeflag == tar.TypeLink {
			kind = "hard"
		}
		return errMember{fmt.Errorf("%s link to %q skipped", kind, hdr.Linkname)}
	case tar.TypeChar, tar.TypeBlock, tar.TypeFifo:
		return errMember{errors.New("device or FIFO skipped")}
	}
	p, err := memberPath(hdr.Name, x.lim)
	if err != nil {
		return errMember{err}
	}
	switch hdr.Typeflag {
	case tar.TypeDir:
		if err := x.mkdir(p); err != nil {
			return errMember{err}
		}
		return nil
	case tar.TypeReg:
		// The sizes counted are the bytes read, not hdr.Size.
		return x.write(p, tr, -1)
	}
	return errMember{fmt.Errorf("entry type %q skipped", hdr.Typeflag)}
}

package archive

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
)

// Extract unpacks the archive at archivePath into destDir, which it creates
// with mode 0700 if needed; files are written 0600 and directories 0700,
// through an os.Root so that nothing lands outside destDir. A member that is
// refused (absolute, "..", a link, a device, too deep, a duplicate, damaged)
// becomes a Result.Problem and extraction goes on; damage to the archive's
// stream ends it with a Problem. A limit breached stops it with an error
// wrapping ErrLimit. Once extraction has begun, the Result (what was
// extracted so far) is returned even with an error; the caller removes
// destDir.
func Extract(ctx context.Context, archivePath, destDir string, lim Limits) (*Result, error) {
	lim = lim.withDefaults()
	f, err := os.Open(archivePath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", archivePath)
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	format := sniff(head[:n])
	if format == "" {
		return nil, fmt.Errorf("%s: not a zip, tar, tar.gz or tar.bz2 archive", archivePath)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(destDir, 0o700); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(destDir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	x := &extractor{ctx: ctx, root: root, lim: lim, res: &Result{Dir: destDir, Format: format}, dirs: map[string]bool{}}
	if format == FormatZip {
		err = x.zip(f, st.Size())
	} else {
		err = x.tar(f, format)
	}
	if err != nil {
		err = fmt.Errorf("%s: %w", archivePath, err)
	}
	return x.res, err
}

// ExtractTemp extracts into a new private temp directory (mode 0700) and
// returns it as Result.Dir; the caller removes it. On error the directory is
// already removed.
func ExtractTemp(ctx context.Context, archivePath string, lim Limits) (*Result, error) {
	dir, err := os.MkdirTemp("", "krait-archive-*")
	if err != nil {
		return nil, err
	}
	res, err := Extract(ctx, archivePath, dir, lim)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return res, nil
}

// withDefaults fills the zero fields of lim from DefaultLimits.
func (lim Limits) withDefaults() Limits {
	d := DefaultLimits()
	if lim.MaxTotal <= 0 {
		lim.MaxTotal = d.MaxTotal
	}
	if lim.MaxFile <= 0 {
		lim.MaxFile = d.MaxFile
	}
	if lim.MaxFiles <= 0 {
		lim.MaxFiles = d.MaxFiles
	}
	if lim.MaxRatio <= 0 {
		lim.MaxRatio = d.MaxRatio
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = d.MaxDepth
	}
	return lim
}

// extractor holds one extraction's state.
type extractor struct {
	ctx     context.Context
	root    *os.Root
	lim     Limits
	res     *Result
	members int
	// dirs are the directories made so far.
	dirs map[string]bool
	// buf is the copy buffer, reused across members.
	buf []byte
	// consumed reports the compressed bytes read so far, for the overall
	// ratio; nil when unknown.
	consumed func() int64
}

// count counts one more member against MaxFiles.
func (x *extractor) count() error {
	x.members++
	if x.members > x.lim.MaxFiles {
		return fmt.Errorf("%w: more than %d members", ErrLimit, x.lim.MaxFiles)
	}
	return x.ctx.Err()
}

// mkdir makes a directory and its parents inside the root.
func (x *extractor) mkdir(p string) error {
	if p == "." || x.dirs[p] {
		return nil
	}
	if err := x.root.MkdirAll(p, 0o700); err != nil {
		return err
	}
	for d := p; d != "." && !x.dirs[d]; d = path.Dir(d) {
		x.dirs[d] = true
	}
	return nil
}

// errMember marks a failure of one member (reported, then extraction goes
// on), as opposed to a limit or a damaged stream.
type errMember struct{ err error }

func (e errMember) Error() string { return e.err.Error() }
func (e errMember) Unwrap() error { return e.err }

// write copies a member's content from r into the file p, enforcing MaxFile,
// MaxTotal and the ratios; compressed is the member's compressed size, or -1
// when unknown. A failure to create the file is an errMember; a limit is
// ErrLimit; a read error is returned as is.
func (x *extractor) write(p string, r io.Reader, compressed int64) error {
	if err := x.mkdir(path.Dir(p)); err != nil {
		return errMember{err}
	}
	out, err := x.root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return errMember{errors.New("duplicate member, or a file where a directory is")}
	}
	if err != nil {
		return errMember{err}
	}
	n, err := x.copy(out, r, compressed)
	if cerr := out.Close(); err == nil && cerr != nil {
		err = errMember{cerr}
	}
	x.res.Bytes += n
	if err != nil {
		// A half-written file would be scanned as if it were whole.
		x.root.Remove(p)
		return err
	}
	x.res.Files = append(x.res.Files, p)
	if hasArchiveSuffix(p) {
		x.res.Nested = append(x.res.Nested, p)
	}
	return nil
}

// copy is io.Copy checking the limits on every chunk, so that a bomb stops
// after at most one chunk past a limit.
func (x *extractor) copy(w io.Writer, r io.Reader, compressed int64) (int64, error) {
	if x.buf == nil {
		x.buf = make([]byte, 32<<10)
	}
	buf := x.buf
	var n int64
	for {
		if err := x.ctx.Err(); err != nil {
			return n, err
		}
		k, rerr := r.Read(buf)
		if k > 0 {
			n += int64(k)
			if err := x.check(n, compressed); err != nil {
				return n, err
			}
			if _, err := w.Write(buf[:k]); err != nil {
				return n, errMember{err}
			}
		}
		if rerr == io.EOF {
			return n, nil
		}
		if rerr != nil {
			return n, rerr
		}
	}
}

// check tests the limits after n bytes of the current member.
func (x *extractor) check(n, compressed int64) error {
	total := x.res.Bytes + n
	switch {
	case n > x.lim.MaxFile:
		return fmt.Errorf("%w: member larger than %d bytes", ErrLimit, x.lim.MaxFile)
	case total > x.lim.MaxTotal:
		return fmt.Errorf("%w: more than %d bytes in all", ErrLimit, x.lim.MaxTotal)
	case compressed >= 0 && n > ratioFloor && float64(n) > x.lim.MaxRatio*float64(max(compressed, 1)):
		return fmt.Errorf("%w: member expands more than %g times (zip bomb?)", ErrLimit, x.lim.MaxRatio)
	}
	if x.consumed != nil && total > ratioFloor {
		if c := x.consumed(); float64(total) > x.lim.MaxRatio*float64(max(c, 1)) {
			return fmt.Errorf("%w: archive expands more than %g times (decompression bomb?)", ErrLimit, x.lim.MaxRatio)
		}
	}
	return nil
}

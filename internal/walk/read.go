package walk

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// sniffLen is how much of a file is searched for a NUL byte, as git does.
const sniffLen = 8 << 10

// SkipError reports that a file was read but is not worth analysing.
type SkipError struct {
	Path   string
	Reason Reason
}

// Error says which file was skipped and why.
func (e *SkipError) Error() string { return fmt.Sprintf("%s: skipped (%s)", e.Path, e.Reason) }

// ReadFile reads f in full, at most once per scan. It returns a *SkipError when the
// file turns out to be binary or has grown past maxSize (0 means DefaultMaxFileSize)
// since it was found. Python sources are never rejected as binary: the parser's
// verdict on a NUL byte is more useful than silence.
func ReadFile(f File, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	fh, err := os.Open(f.Path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, maxSize+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxSize {
		return nil, &SkipError{Path: f.Path, Reason: ReasonTooLarge}
	}
	if f.Kind != Python && IsBinary(data) {
		return nil, &SkipError{Path: f.Path, Reason: ReasonBinary}
	}
	return data, nil
}

// IsBinary reports whether data looks binary: a NUL byte in its first 8 KiB.
func IsBinary(data []byte) bool {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	return bytes.IndexByte(data, 0) >= 0
}

// Package archive extracts Python package archives (wheels, sdists, zips and
// tarballs) for scanning, safely: into a private directory, within limits on
// size, ratio, file count and path depth, counted on the bytes actually
// decompressed. Members that would land outside the directory, links and
// device files are skipped and reported; nested archives are left packed.
package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// Limits bound what one extraction may produce.
type Limits struct {
	// MaxTotal is the most bytes all members may decompress to, and MaxFile
	// the most one member may.
	MaxTotal int64
	MaxFile  int64
	// MaxFiles is the most members (of any kind) the archive may hold.
	MaxFiles int
	// MaxRatio is the largest decompressed-to-compressed ratio of a member
	// (zip) or of the archive so far (all formats), once past ratioFloor bytes.
	MaxRatio float64
	// MaxDepth is the most components a member's path may have.
	MaxDepth int
}

// DefaultLimits are generous for real packages (the largest wheels, such as
// CUDA libraries, are a few hundred MiB) and stop bombs early.
func DefaultLimits() Limits {
	return Limits{MaxTotal: 512 << 20, MaxFile: 256 << 20, MaxFiles: 20_000, MaxRatio: 100, MaxDepth: 32}
}

// ratioFloor is the output below which the ratio is not checked: small, very
// regular files (an empty __init__.py padded by headers, a page of zeros)
// compress far better than 100:1 and are harmless.
const ratioFloor = 1 << 20

// maxNameLen bounds a member's path, beyond any file system's.
const maxNameLen = 4096

// ErrLimit is wrapped by the error of an extraction stopped by a limit.
var ErrLimit = errors.New("archive limit exceeded")

// Problem is a member that was not extracted, or damage that ended the
// extraction early.
type Problem struct {
	// Member is the member's name as the archive gives it ("" for the archive).
	Member  string
	Message string
}

// Result is what an extraction produced.
type Result struct {
	// Dir is the directory the members were extracted into.
	Dir string
	// Format is "zip", "tar", "tar.gz" or "tar.bz2".
	Format string
	// Files are the regular files written, slash-separated and relative to
	// Dir, in archive order; Nested are those among them that are archives
	// themselves, which are not extracted.
	Files  []string
	Nested []string
	// Bytes is the total written.
	Bytes int64
	// Problems are the members skipped and the damage met, in archive order.
	Problems []Problem
}

func (r *Result) problem(member, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{member, fmt.Sprintf(format, args...)})
}

// Format names, as Result.Format gives them.
const (
	FormatZip    = "zip"
	FormatTar    = "tar"
	FormatTarGz  = "tar.gz"
	FormatTarBz2 = "tar.bz2"
)

// archiveSuffixes are the names IsArchive recognises without reading.
var archiveSuffixes = []string{".whl", ".zip", ".egg", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar"}

// IsArchive reports whether the file at name is an archive Extract reads: by
// its name, else by its first bytes.
func IsArchive(name string) bool {
	if hasArchiveSuffix(name) {
		return true
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return sniff(head[:n]) != ""
}

func hasArchiveSuffix(name string) bool {
	lower := strings.ToLower(name)
	for _, s := range archiveSuffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// sniff tells the format from an archive's first bytes; "" when unknown.
// The name is never trusted: a ".whl" that is a tarball is read as one.
func sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return FormatZip
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return FormatTarGz
	case bytes.HasPrefix(head, []byte("BZh")):
		return FormatTarBz2
	case len(head) >= 262 && bytes.Equal(head[257:262], []byte("ustar")):
		return FormatTar
	}
	return ""
}

// memberPath checks a member's name and returns it cleaned and
// slash-separated, or why it is refused. Backslashes count as separators, as
// Windows tools write them.
func memberPath(name string, lim Limits) (string, error) {
	switch {
	case name == "":
		return "", errors.New("empty name")
	case len(name) > maxNameLen:
		return "", fmt.Errorf("name longer than %d bytes", maxNameLen)
	case strings.ContainsRune(name, 0):
		return "", errors.New("NUL byte in name")
	}
	p := strings.ReplaceAll(name, `\`, "/")
	if strings.HasPrefix(p, "/") || len(p) >= 2 && p[1] == ':' {
		return "", errors.New("absolute path")
	}
	for _, c := range strings.Split(p, "/") {
		if c == ".." {
			return "", errors.New("path leaves the archive root (..)")
		}
	}
	p = path.Clean(p)
	if p == "." {
		return "", errors.New("names the archive root")
	}
	if depth := strings.Count(p, "/") + 1; depth > lim.MaxDepth {
		return "", fmt.Errorf("path %d levels deep, more than the %d allowed", depth, lim.MaxDepth)
	}
	return p, nil
}

//go:build unix

package walk

import (
	"io/fs"
	"syscall"
)

// fileKey identifies a file or directory independently of the path it was reached by.
type fileKey struct{ dev, ino uint64 }

func keyOf(info fs.FileInfo) (fileKey, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}

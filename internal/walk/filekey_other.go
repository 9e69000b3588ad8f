//go:build !unix

package walk

import "io/fs"

// fileKey identifies a file or directory independently of the path it was reached by.
// Without device and inode numbers nothing is deduplicated; symlink loops are still
// stopped by the ancestor check in follow and by the depth limit.
type fileKey struct{}

func keyOf(fs.FileInfo) (fileKey, bool) { return fileKey{}, false }

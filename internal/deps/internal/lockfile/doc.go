// Package lockfile holds what the lock-file extractors of internal/deps share:
// a TOML decoder that is safe on hostile input and keeps the line of every
// locked package, a line index for byte offsets, and the conventions for a
// package's Source and URL.
package lockfile

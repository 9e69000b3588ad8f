// Package deps is the dependency inventory: one extractor per manifest or lock
// format (in internal/deps/<format>), each turning one file into the packages
// it declares, every package keeping its file and line.
package deps

import "context"

// Package is one dependency as one file declares it.
type Package struct {
	// Name is the PEP 503 normalised name (lowercase, runs of -_. as one -).
	Name string
	// RawName is the name as written in the file.
	RawName string
	// Version is the exact version when the file pins one (==X, ===X, a lock
	// entry, an installed dist-info), else "".
	Version string
	// Specifier is the PEP 440 version specifier as written (">=2.2,<3"), or "".
	Specifier string
	// Extras and Marker are the PEP 508 extras and environment marker, if any.
	Extras []string
	Marker string
	// Source says where the package comes from: "" for the index, or "vcs",
	// "url", "path" or "editable" with URL holding the reference.
	Source string
	URL    string
	// Hashes are the pinned artifact hashes ("sha256:…"), if any.
	Hashes []string
	// Groups names the optional/dev groups the dependency belongs to; empty for
	// the main runtime dependencies.
	Groups []string
	// Direct is true when the file is a manifest or the lock marks the package as
	// a direct dependency.
	Direct bool
	// File and Line locate the declaration (1-based line; 0 when unknown).
	File string
	Line int
}

// File is one file handed to an extractor: its path as reported and its bytes,
// read once by the caller.
type File struct {
	Path    string
	Content []byte
}

// Extractor reads one manifest or lock format.
type Extractor interface {
	// Name names the format, e.g. "requirements", "poetry.lock".
	Name() string
	// Matches reports whether the file at path (slash-separated, relative to
	// the scan root) is in this format, from its name alone.
	Matches(path string) bool
	// Extract returns the packages the file declares. A malformed file gives an
	// error that names the file and, where possible, the line.
	Extract(ctx context.Context, f File) ([]Package, error)
}

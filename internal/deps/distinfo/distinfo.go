// Package distinfo reads installed Python distributions: the METADATA of a
// *.dist-info directory (PKG-INFO for the older *.egg-info and *.egg formats),
// and, for a whole virtual environment or site-packages directory, each
// distribution's requirements, how it was installed (PEP 610 direct_url.json,
// PEP 376 REQUESTED) and the import names it provides (top_level.txt and
// RECORD), which map a distribution to the modules the code imports.
package distinfo

import (
	"context"
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
)

// Extractor reads one installed distribution's metadata file.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "dist-info" }

// Matches reports whether the file is the metadata of an installed
// distribution: *.dist-info/METADATA anywhere, and the PKG-INFO of an egg. A
// *.egg-info outside site-packages or dist-packages is what setuptools leaves
// in a project's own source tree, the project itself, so it does not match.
func (Extractor) Matches(p string) bool {
	dir, base := path.Split(p)
	dir = strings.TrimSuffix(dir, "/")
	switch {
	case base == "METADATA":
		return strings.HasSuffix(dir, ".dist-info")
	case base == "PKG-INFO" && path.Base(dir) == "EGG-INFO":
		return strings.HasSuffix(path.Dir(dir), ".egg")
	case base == "PKG-INFO":
		return strings.HasSuffix(dir, ".egg-info") && inSitePackages(dir)
	case strings.HasSuffix(base, ".egg-info"):
		// distutils installed a single PKG-INFO-format file under this name.
		return inSitePackages(dir)
	}
	return false
}

func inSitePackages(dir string) bool {
	for _, part := range strings.Split(dir, "/") {
		if part == "site-packages" || part == "dist-packages" {
			return true
		}
	}
	return false
}

// Extract returns the one distribution the file describes, on the line of its
// Name field.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m, err := ParseMetadata(f.Path, f.Content)
	if err != nil {
		return nil, err
	}
	return []deps.Package{m.Package(f.Path)}, nil
}

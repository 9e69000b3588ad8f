package audit

import (
	"path/filepath"
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// distroSiteRe matches the metadata of a package installed by a Linux
// distribution's package manager, in the site directories pip leaves to it:
// Debian and Ubuntu's /usr/lib/python3/dist-packages, Fedora and RHEL's
// /usr/lib{,64}/python3.X/site-packages. pip itself installs under /usr/local,
// a virtual environment or a user directory.
var distroSiteRe = regexp.MustCompile(`(?:^|/)usr/lib(?:64)?/python[23](?:\.[0-9]+)?/(?:dist|site)-packages/[^/]+\.(?:dist|egg)-info(?:/|$)`)

// distroPackage reports whether the file declaring a dependency is the metadata
// of a distribution's package; a relative path is taken from the project root.
func distroPackage(root, path string) bool {
	if !filepath.IsAbs(path) && root != "" {
		path = filepath.Join(root, path)
	}
	return distroSiteRe.MatchString(filepath.ToSlash(path))
}

// distroCaveat lowers a KR701 finding on a distribution's package to medium
// confidence: its metadata gives the upstream version, and distributions
// backport security fixes without changing it (Debian 12's cryptography
// 38.0.4 carries fixes released upstream in 41.x and 42.x).
func distroCaveat(f analysis.Finding) analysis.Finding {
	f.Confidence = analysis.ConfidenceMedium
	f.Message += "; installed by the system package manager, whose build may carry a backported fix: check the distribution's security tracker"
	return f
}

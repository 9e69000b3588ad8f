package requirements

import (
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/pep440"
)

// FromRequirement turns a parsed PEP 508 requirement into a direct Package
// declared at file:line. The other manifest extractors share it, so that a
// requirement string reads the same in every format.
func FromRequirement(r pep440.Requirement, file string, line int) deps.Package {
	p := deps.Package{
		Name:      deps.Normalize(r.Name),
		RawName:   r.Name,
		Specifier: r.Specifiers.String(),
		Extras:    r.Extras,
		Marker:    r.Marker.String(),
		Direct:    true,
		File:      file,
		Line:      line,
	}
	p.Version, _ = r.Specifiers.Pinned()
	if r.URL != "" {
		p.Source, p.URL = SourceOf(r.URL), r.URL
	}
	return p
}

// vcsSchemes are the prefixes pip reads as version-control references.
var vcsSchemes = [...]string{"git+", "hg+", "svn+", "bzr+"}

// SourceOf classifies a direct reference: "vcs" for git+https://… and the
// like, "path" for file: URLs and local paths, "url" for anything else.
func SourceOf(ref string) string {
	lower := strings.ToLower(ref)
	for _, s := range vcsSchemes {
		if strings.HasPrefix(lower, s) {
			return "vcs"
		}
	}
	if strings.HasPrefix(lower, "file:") || !strings.Contains(lower, "://") {
		return "path"
	}
	return "url"
}

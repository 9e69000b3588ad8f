package requirements

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/pep440"
)

var (
	// eggRe is pip's #egg= fragment, which names a URL's project.
	eggRe = regexp.MustCompile(`[#&]egg=([^&]*)`)
	// pathExtrasRe splits "./pkg[dev,test]" into a path and extras.
	pathExtrasRe = regexp.MustCompile(`^(.+)\[([^\]]+)\]$`)
)

// archiveExts are the distribution file extensions pip installs from.
var archiveExts = [...]string{".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar", ".zip"}

// ParseLine reads one requirement line as pip does: a PEP 508 requirement, a
// URL or a path, optionally after -e/--editable, followed by per-requirement
// options (--hash). Global options and includes are not lines it reads. A
// local path without a discernible name gives a Package with an empty Name.
func ParseLine(text, file string, line int) (deps.Package, error) {
	text = strings.TrimSpace(text)
	editable := false
	for _, prefix := range [...]string{"--editable=", "--editable ", "-e"} {
		if rest, ok := strings.CutPrefix(text, prefix); ok {
			text, editable = strings.TrimSpace(rest), true
			break
		}
	}
	pkg, err := parseLine(text, file, line)
	if err == nil && editable {
		pkg.Source = "editable"
	}
	return pkg, err
}

// parseLine reads a requirement and its options.
func parseLine(text, file string, line int) (deps.Package, error) {
	reqText, optTokens := splitArgs(text)
	pkg, err := parseReq(reqText, file, line)
	if err != nil {
		return deps.Package{}, fmt.Errorf("%s:%d: %w", file, line, err)
	}
	for _, o := range parseOptions(optTokens) {
		if o.name == "--hash" && o.value != "" {
			pkg.Hashes = append(pkg.Hashes, o.value)
		}
	}
	return pkg, nil
}

// parseReq reads a PEP 508 requirement, or the URL or path forms pip also
// takes: https://…/pkg-1.0.whl, git+https://…@ref#egg=name, ./dir[extra].
func parseReq(s, file string, line int) (deps.Package, error) {
	if s == "" {
		return deps.Package{}, fmt.Errorf("an option line without a requirement")
	}
	isArchive := archiveName(s) != ""
	if !isArchive {
		r, err := pep440.ParseRequirement(s)
		if err == nil {
			return FromRequirement(r, file, line), nil
		}
		if !looksLikeLocation(s) {
			return deps.Package{}, err
		}
	}
	return parseLocation(s, file, line)
}

// looksLikeLocation reports whether s is a URL or a path rather than a name.
func looksLikeLocation(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "file:") ||
		strings.HasPrefix(s, ".") || strings.HasPrefix(s, "~") || strings.ContainsAny(s, `/\`)
}

// parseLocation reads a URL or path requirement, with an optional marker.
func parseLocation(s, file string, line int) (deps.Package, error) {
	sep := ";"
	if strings.Contains(s, "://") {
		// A URL may hold ";" itself; pip wants "; " before a marker there.
		sep = "; "
	}
	loc, marker, hasMarker := strings.Cut(s, sep)
	loc = strings.TrimSpace(loc)
	pkg := deps.Package{Direct: true, File: file, Line: line, Source: SourceOf(loc), URL: loc}
	if hasMarker {
		m, err := pep440.ParseMarker(marker)
		if err != nil {
			return deps.Package{}, err
		}
		pkg.Marker = m.String()
	}
	if m := pathExtrasRe.FindStringSubmatch(loc); m != nil && !strings.Contains(loc, "#") {
		pkg.URL = m[1]
		for _, e := range strings.Split(m[2], ",") {
			pkg.Extras = append(pkg.Extras, strings.TrimSpace(e))
		}
	}
	if m := eggRe.FindStringSubmatch(loc); m != nil {
		name := m[1]
		if ex := pathExtrasRe.FindStringSubmatch(name); ex != nil {
			name = ex[1]
			for _, e := range strings.Split(ex[2], ",") {
				pkg.Extras = append(pkg.Extras, strings.TrimSpace(e))
			}
		}
		pkg.RawName = name
	} else if name, version := archiveNameVersion(loc); name != "" {
		pkg.RawName, pkg.Version = name, version
		if version != "" {
			pkg.Specifier = "==" + version
		}
	}
	pkg.Name = deps.Normalize(pkg.RawName)
	return pkg, nil
}

// archiveName returns the file name of a distribution archive that s points
// to, or "".
func archiveName(s string) string {
	if i := strings.IndexAny(s, "#?; "); i >= 0 {
		s = s[:i]
	}
	base := path.Base(strings.ReplaceAll(s, `\`, "/"))
	lower := strings.ToLower(base)
	for _, ext := range archiveExts {
		if strings.HasSuffix(lower, ext) && len(base) > len(ext) {
			return base
		}
	}
	return ""
}

// archiveNameVersion reads the project name and version from a wheel or sdist
// file name: name-1.0-py3-none-any.whl, name-with-dashes-1.0.tar.gz.
func archiveNameVersion(loc string) (name, version string) {
	base := archiveName(loc)
	if base == "" {
		return "", ""
	}
	lower := strings.ToLower(base)
	if strings.HasSuffix(lower, ".whl") {
		parts := strings.Split(base[:len(base)-4], "-")
		if len(parts) < 2 {
			return "", ""
		}
		return parts[0], parts[1]
	}
	for _, ext := range archiveExts {
		if strings.HasSuffix(lower, ext) {
			base = base[:len(base)-len(ext)]
			break
		}
	}
	// The version is what follows the first dash that starts a valid version.
	for i := 0; i < len(base); i++ {
		if base[i] == '-' && i > 0 {
			if _, err := pep440.Parse(base[i+1:]); err == nil {
				return base[:i], base[i+1:]
			}
		}
	}
	return "", ""
}

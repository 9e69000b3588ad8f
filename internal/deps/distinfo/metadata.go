package distinfo

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
)

// maxFile bounds the bytes read from one metadata file. A METADATA file carries
// the long description after its headers, rarely more than a megabyte.
const maxFile = 32 << 20

// Metadata is what krait reads from a distribution's core metadata.
type Metadata struct {
	// Name and Version are the distribution's, as written.
	Name    string
	Version string
	// RequiresPython is the Requires-Python specifier, or "".
	RequiresPython string
	// RequiresDist holds the PEP 508 requirements, markers included.
	RequiresDist []string
	// NameLine is the 1-based line of the Name field.
	NameLine int
}

// ParseMetadata parses core metadata (METADATA, PKG-INFO): RFC 822 style
// headers, continued on lines that start with white space, up to the first
// empty line. path names the file in errors.
func ParseMetadata(path string, data []byte) (Metadata, error) {
	var m Metadata
	if len(data) > maxFile {
		return m, fmt.Errorf("%s: file too large (%d bytes; the limit is %d)", path, len(data), maxFile)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var key string
	var value []string // a header's lines, joined when the header ends
	flush := func() {
		v := strings.TrimSpace(strings.Join(value, " "))
		switch strings.ToLower(key) {
		case "name":
			m.Name = cmp.Or(m.Name, v)
		case "version":
			m.Version = cmp.Or(m.Version, v)
		case "requires-python":
			m.RequiresPython = cmp.Or(m.RequiresPython, v)
		case "requires-dist":
			if v != "" {
				m.RequiresDist = append(m.RequiresDist, v)
			}
		}
		key, value = "", value[:0]
	}
	for n := 1; len(data) > 0; n++ {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			break // the body: the long description
		}
		if line[0] == ' ' || line[0] == '\t' {
			if key != "" {
				value = append(value, strings.TrimSpace(string(line)))
			}
			continue
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			break // not a header: a body without the empty line
		}
		flush()
		key, value = string(bytes.TrimSpace(k)), append(value, string(v))
		if strings.EqualFold(key, "name") && m.NameLine == 0 {
			m.NameLine = n
		}
	}
	flush()
	switch {
	case m.Name == "" || deps.Normalize(m.Name) == "":
		return m, fmt.Errorf("%s: metadata without a valid Name field", path)
	case m.Version == "":
		return m, fmt.Errorf("%s:%d: metadata of %s without a Version field", path, m.NameLine, m.Name)
	}
	return m, nil
}

// Package is the installed distribution as a deps.Package declared in file.
func (m Metadata) Package(file string) deps.Package {
	return deps.Package{
		Name:    deps.Normalize(m.Name),
		RawName: m.Name,
		Version: m.Version,
		File:    file,
		Line:    m.NameLine,
	}
}

// Package pipfilelock reads Pipenv's Pipfile.lock: the "default" and "develop"
// sections and any other package category. Entries with no pinned version
// (VCS, path, editable or "*") are kept with their Source, URL and an empty
// Version rather than dropped.
package pipfilelock

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/kraitsec/krait/internal/deps"
	"github.com/kraitsec/krait/internal/deps/internal/lockfile"
)

// Extractor reads Pipfile.lock files.
type Extractor struct{}

// Name names the format.
func (Extractor) Name() string { return "Pipfile.lock" }

// Matches reports whether the file is named Pipfile.lock.
func (Extractor) Matches(p string) bool { return path.Base(p) == "Pipfile.lock" }

type meta struct {
	Sources []struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"sources"`
}

type entry struct {
	Version      string   `json:"version"`
	Hashes       []string `json:"hashes"`
	Index        string   `json:"index"`
	Markers      string   `json:"markers"`
	Extras       []string `json:"extras"`
	Editable     bool     `json:"editable"`
	Path         string   `json:"path"`
	File         string   `json:"file"`
	Git          string   `json:"git"`
	Hg           string   `json:"hg"`
	Svn          string   `json:"svn"`
	Bzr          string   `json:"bzr"`
	Ref          string   `json:"ref"`
	Subdirectory string   `json:"subdirectory"`
}

// Extract returns the packages of every section, each with the line of its key.
// A package locked in two sections is returned once per section.
func (Extractor) Extract(ctx context.Context, f deps.File) ([]deps.Package, error) {
	if len(f.Content) > lockfile.MaxSize {
		return nil, fmt.Errorf("%s: file too large (%d bytes; the limit is %d)", f.Path, len(f.Content), lockfile.MaxSize)
	}
	r := &reader{path: f.Path, data: f.Content, lines: lockfile.NewLines(f.Content)}
	r.dec = json.NewDecoder(bytes.NewReader(f.Content))
	out, indexes, err := r.read(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		// The index is named in _meta, which may come after the packages.
		if name := out[i].URL; out[i].Source == "" && name != "" {
			out[i].URL = lockfile.IndexURL(indexes[name])
		}
	}
	return out, nil
}

type reader struct {
	path  string
	data  []byte
	lines *lockfile.Lines
	dec   *json.Decoder
}

// read walks the top-level object. Packages from an index carry the index name
// in URL until Extract resolves it against the returned name→URL map.
func (r *reader) read(ctx context.Context) ([]deps.Package, map[string]string, error) {
	if err := r.delim('{'); err != nil {
		return nil, nil, err
	}
	var out []deps.Package
	indexes := make(map[string]string)
	for r.dec.More() {
		section, err := r.key()
		if err != nil {
			return nil, nil, err
		}
		if section == "_meta" {
			var m meta
			if err := r.value(&m); err != nil {
				return nil, nil, err
			}
			for _, s := range m.Sources {
				indexes[s.Name] = s.URL
			}
			continue
		}
		if tok, err := r.peekObject(); err != nil {
			return nil, nil, err
		} else if !tok {
			continue
		}
		for r.dec.More() {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			raw, err := r.key()
			if err != nil {
				return nil, nil, err
			}
			line := r.lines.Line(int(r.dec.InputOffset()) - 1)
			var e entry
			if err := r.value(&e); err != nil {
				return nil, nil, err
			}
			name, err := lockfile.Name(r.path, line, raw)
			if err != nil {
				return nil, nil, err
			}
			out = append(out, pkg(name, raw, section, e, r.path, line))
		}
		if err := r.delim('}'); err != nil {
			return nil, nil, err
		}
	}
	if err := r.delim('}'); err != nil {
		return nil, nil, err
	}
	if _, err := r.dec.Token(); err != io.EOF {
		return nil, nil, r.errorf("unexpected data after the top-level object")
	}
	return out, indexes, nil
}

func pkg(name, raw, section string, e entry, file string, line int) deps.Package {
	p := deps.Package{
		Name:    name,
		RawName: raw,
		Extras:  e.Extras,
		Marker:  e.Markers,
		Hashes:  lockfile.Dedupe(e.Hashes),
		File:    file,
		Line:    line,
	}
	if section != "default" {
		p.Groups = []string{section}
	}
	v := strings.TrimSpace(e.Version)
	switch {
	case strings.HasPrefix(v, "==="):
		p.Version = strings.TrimSpace(v[3:])
	case strings.HasPrefix(v, "==") && !strings.ContainsAny(v, ",*"):
		p.Version = strings.TrimSpace(v[2:])
	case v != "*":
		p.Specifier = v
	}
	for _, v := range [...]struct{ vcs, repo string }{{"git", e.Git}, {"hg", e.Hg}, {"svn", e.Svn}, {"bzr", e.Bzr}} {
		if v.repo != "" {
			p.Source, p.URL = lockfile.SourceVCS, lockfile.VCSURL(v.vcs, v.repo, e.Ref, e.Subdirectory)
			return p
		}
	}
	switch local := e.Path != "" || (e.File != "" && !strings.Contains(e.File, "://")); {
	case e.Editable && (e.Path != "" || e.File != ""):
		p.Source, p.URL = lockfile.SourceEditable, e.Path+e.File
	case local:
		p.Source, p.URL = lockfile.SourcePath, e.Path+e.File
	case e.File != "":
		p.Source, p.URL = lockfile.SourceURL, e.File
	default:
		p.URL = e.Index // resolved by Extract
	}
	return p
}

// key reads an object key.
func (r *reader) key() (string, error) {
	tok, err := r.dec.Token()
	if err != nil {
		return "", r.wrap(err)
	}
	s, ok := tok.(string)
	if !ok {
		return "", r.errorf("expected a key, found %v", tok)
	}
	return s, nil
}

// value decodes the next value into v.
func (r *reader) value(v any) error {
	start := r.dec.InputOffset()
	if err := r.dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			// The offset counts from where this Decode started reading.
			return fmt.Errorf("%s:%d: invalid lock entry: %v", r.path, r.lines.Line(int(start+te.Offset)-1), te)
		}
		return r.wrap(err)
	}
	return nil
}

// peekObject consumes the '{' opening a section and reports true, or skips a
// value that is not an object and reports false.
func (r *reader) peekObject() (bool, error) {
	var raw json.RawMessage
	if b := bytes.TrimLeft(r.data[r.dec.InputOffset():], " \t\r\n:"); len(b) > 0 && b[0] == '{' {
		return true, r.delim('{')
	}
	return false, r.value(&raw)
}

func (r *reader) delim(want json.Delim) error {
	tok, err := r.dec.Token()
	if err != nil {
		return r.wrap(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return r.errorf("expected %q, found %v", want, tok)
	}
	return nil
}

// wrap places a decoding error on its line.
func (r *reader) wrap(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("%s:%d: invalid JSON: %v", r.path, r.lines.Line(int(se.Offset)-1), se)
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%s:%d: invalid JSON: unexpected end of file", r.path, r.lines.Line(len(r.data)))
	}
	return fmt.Errorf("%s: invalid JSON: %v", r.path, err)
}

func (r *reader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.path, r.lines.Line(int(r.dec.InputOffset())), fmt.Sprintf(format, args...))
}

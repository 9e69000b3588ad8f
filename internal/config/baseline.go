package config

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/kraitsec/krait/internal/analysis"
)

// BaselineVersion is the baseline format this krait writes and reads.
const BaselineVersion = 1

// Baseline is a set of accepted findings, identified by fingerprint. It stores no
// message or snippet, so that a secret in the code never ends up in the baseline.
type Baseline struct {
	Version int `json:"version"`
	// CreatedAt is an optional RFC 3339 time. WriteBaseline leaves it out so that
	// regenerating an unchanged baseline gives the same bytes and no VCS diff.
	CreatedAt string  `json:"created_at,omitempty"`
	Entries   []Entry `json:"entries"`

	fingerprints map[string]bool // set by LoadBaseline; Contains scans Entries without it
}

// Entry is one accepted finding. Code and Path are for people reading the file;
// matching uses only the fingerprint, which survives line moves.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Code        string `json:"code"`
	Path        string `json:"path"`
}

// WriteBaseline writes the findings as a baseline: indented JSON, entries sorted by
// path, code and fingerprint, so that the same findings always give the same bytes.
// Two findings with one fingerprint give two entries (see Filter). A finding without
// a fingerprint is an error, since its entry would match every other such finding.
func WriteBaseline(w io.Writer, findings []analysis.Finding) error {
	b := Baseline{Version: BaselineVersion, Entries: make([]Entry, 0, len(findings))}
	for _, f := range findings {
		if f.Fingerprint == "" {
			return fmt.Errorf("baseline: finding %s at %s:%d has no fingerprint", f.Code, f.Path, f.Line)
		}
		b.Entries = append(b.Entries, Entry{Fingerprint: f.Fingerprint, Code: f.Code, Path: filepath.ToSlash(f.Path)})
	}
	slices.SortFunc(b.Entries, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Code, y.Code), cmp.Compare(x.Fingerprint, y.Fingerprint))
	})
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// LoadBaseline reads and checks a baseline file; errors name the file and, for
// malformed JSON, the line and column.
func LoadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	return parseBaseline(path, data)
}

// parseBaseline checks data, which came from the file at path.
func parseBaseline(path string, data []byte) (*Baseline, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: invalid baseline: empty file", path)
	}
	var probe struct {
		Version  *json.RawMessage `json:"version"`
		Entries  *json.RawMessage `json:"entries"`
		Findings *json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, jsonError(path, data, err)
	}
	if probe.Entries == nil {
		hint := ""
		if probe.Findings != nil {
			hint = "; this looks like a scan report"
		}
		return nil, fmt.Errorf("%s: not a krait baseline (no \"entries\"%s; write one with `krait baseline -o FILE`)", path, hint)
	}
	if probe.Version == nil {
		return nil, fmt.Errorf("%s: invalid baseline: no \"version\"", path)
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, jsonError(path, data, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d is not supported (this krait reads version %d)", path, b.Version, BaselineVersion)
	}
	b.fingerprints = make(map[string]bool, len(b.Entries))
	for i, e := range b.Entries {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: invalid baseline: entry %d has no fingerprint", path, i+1)
		}
		b.fingerprints[e.Fingerprint] = true
	}
	return &b, nil
}

// jsonError places a decoding error at its line and column when the decoder says
// where it was.
func jsonError(path string, data []byte, err error) error {
	var offset int64 = -1
	msg := err.Error()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		offset = se.Offset
	case errors.As(err, &te):
		offset = te.Offset
		msg = fmt.Sprintf("%s: want %s, got %s", te.Field, jsonKind(te.Type), te.Value)
		if te.Field == "" {
			msg = fmt.Sprintf("want an object, got %s", te.Value)
		}
	}
	if offset < 0 || offset > int64(len(data)) {
		return fmt.Errorf("%s: invalid baseline: %s", path, msg)
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	// The offset counts the offending byte, so the column is that of before's last byte.
	col := max(len(before)-(bytes.LastIndexByte(before, '\n')+1), 1)
	return fmt.Errorf("%s:%d:%d: invalid baseline: %s", path, line, col, msg)
}

// Contains reports whether the baseline has an entry with the finding's fingerprint.
func (b *Baseline) Contains(f analysis.Finding) bool {
	if f.Fingerprint == "" {
		return false
	}
	if b.fingerprints != nil {
		return b.fingerprints[f.Fingerprint]
	}
	return slices.ContainsFunc(b.Entries, func(e Entry) bool { return e.Fingerprint == f.Fingerprint })
}

// Filter splits a scan's findings against the baseline. Each entry accounts for one
// finding: if the baseline holds a fingerprint once and the scan finds it twice (the
// same line pasted into the same function), one of the two is new and kept. fixed
// lists the entries that matched no finding, for "N baseline entries are fixed".
func (b *Baseline) Filter(findings []analysis.Finding) (kept []analysis.Finding, fixed []Entry) {
	left := make(map[string]int, len(b.Entries))
	for _, e := range b.Entries {
		left[e.Fingerprint]++
	}
	kept = findings[:0:0]
	for _, f := range findings {
		if f.Fingerprint != "" && left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			continue
		}
		kept = append(kept, f)
	}
	for _, e := range b.Entries {
		if left[e.Fingerprint] > 0 {
			left[e.Fingerprint]--
			fixed = append(fixed, e)
		}
	}
	return kept, fixed
}

// jsonKind names what JSON value decodes into t, for people who never saw the Go type.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	}
	return "number"
}

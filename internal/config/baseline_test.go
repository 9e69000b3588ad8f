package config

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

func fp(code, path, fingerprint string) analysis.Finding {
	return analysis.Finding{
		Code: code, Path: path, Fingerprint: fingerprint, Line: 3,
		Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh,
		Message: "password = 'hunter2hunter2'", Snippet: "password = 'hunter2hunter2'",
	}
}

func TestWriteBaseline(t *testing.T) {
	findings := []analysis.Finding{
		fp("KR301", "b.py", "f3"),
		fp("KR101", "b.py", "f2"),
		fp("KR101", "a.py", "f1"),
		fp("KR101", "a.py", "f1"), // the same line pasted twice in one function
	}
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, findings); err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "entries": [
    {
      "fingerprint": "f1",
      "code": "KR101",
      "path": "a.py"
    },
    {
      "fingerprint": "f1",
      "code": "KR101",
      "path": "a.py"
    },
    {
      "fingerprint": "f2",
      "code": "KR101",
      "path": "b.py"
    },
    {
      "fingerprint": "f3",
      "code": "KR301",
      "path": "b.py"
    }
  ]
}
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("baseline mismatch (-want +got):\n%s", diff)
	}
	if strings.Contains(buf.String(), "hunter2") {
		t.Error("the baseline holds a message or snippet")
	}
	// Stable: any order of the same findings gives the same bytes.
	var again bytes.Buffer
	if err := WriteBaseline(&again, []analysis.Finding{findings[2], findings[0], findings[3], findings[1]}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("WriteBaseline depends on the order of the findings")
	}
}

func TestWriteBaselineEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"version\": 1,\n  \"entries\": []\n}\n"; buf.String() != want {
		t.Errorf("empty baseline = %q; want %q", buf.String(), want)
	}
}

func TestWriteBaselineNoFingerprint(t *testing.T) {
	err := WriteBaseline(&bytes.Buffer{}, []analysis.Finding{fp("KR101", "a.py", "")})
	if want := "baseline: finding KR101 at a.py:3 has no fingerprint"; err == nil || err.Error() != want {
		t.Errorf("error = %v; want %q", err, want)
	}
}

// TestBaselineRoundTrip writes today's findings, edits the code, and checks which
// findings are new and which entries are fixed.
func TestBaselineRoundTrip(t *testing.T) {
	today := []analysis.Finding{
		fp("KR101", "a.py", "f1"),
		fp("KR101", "a.py", "f1"),
		fp("KR201", "a.py", "f2"),
		fp("KR301", "b.py", "f3"),
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, today); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := LoadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}

	// f1 still appears twice (moved lines keep their fingerprint), f2 was fixed,
	// f3 appears twice now (one copy is new), f4 is new.
	moved := fp("KR101", "a.py", "f1")
	moved.Line = 40
	tomorrow := []analysis.Finding{moved, moved, fp("KR301", "b.py", "f3"), fp("KR301", "b.py", "f3"), fp("KR901", "c.py", "f4"), fp("KR101", "d.py", "")}
	kept, fixed := b.Filter(tomorrow)
	wantKept := []analysis.Finding{fp("KR301", "b.py", "f3"), fp("KR901", "c.py", "f4"), fp("KR101", "d.py", "")}
	if diff := cmp.Diff(wantKept, kept); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Entry{{Fingerprint: "f2", Code: "KR201", Path: "a.py"}}, fixed); diff != "" {
		t.Errorf("fixed (-want +got):\n%s", diff)
	}

	// Nothing found any more: every entry is fixed, in file order.
	kept, fixed = b.Filter(nil)
	if len(kept) != 0 || len(fixed) != 4 {
		t.Errorf("Filter(nil) = %d kept, %d fixed; want 0, 4", len(kept), len(fixed))
	}

	for _, tt := range []struct {
		f    analysis.Finding
		want bool
	}{
		{fp("KR101", "elsewhere.py", "f1"), true},
		{fp("KR901", "c.py", "f4"), false},
		{fp("KR101", "a.py", ""), false},
	} {
		if got := b.Contains(tt.f); got != tt.want {
			t.Errorf("Contains(%q) = %v; want %v", tt.f.Fingerprint, got, tt.want)
		}
		// A Baseline built by hand, without LoadBaseline's index, answers the same.
		byHand := &Baseline{Version: BaselineVersion, Entries: b.Entries}
		if got := byHand.Contains(tt.f); got != tt.want {
			t.Errorf("by hand: Contains(%q) = %v; want %v", tt.f.Fingerprint, got, tt.want)
		}
	}
}

func TestLoadBaselineAcceptsCreatedAtAndUnknownFields(t *testing.T) {
	data := `{"version": 1, "created_at": "2025-01-02T03:04:05Z", "tool": "krait 9.9",
	  "entries": [{"fingerprint": "f1", "code": "KR101", "path": "a.py", "note": "x"}]}`
	b, err := parseBaseline("b.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if b.CreatedAt != "2025-01-02T03:04:05Z" || !b.Contains(fp("KR101", "a.py", "f1")) {
		t.Errorf("parsed %+v", b)
	}
}

func TestLoadBaselineErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"syntax", "{\n  \"version\": 1,\n  \"entries\": [,]\n}", `b.json:3:15: invalid baseline: invalid character ',' looking for beginning of value`},
		{"truncated", `{"version": 1, "entries": [`, `b.json:1:27: invalid baseline: unexpected end of JSON input`},
		{"empty", " \n", `b.json: invalid baseline: empty file`},
		{"not_object", `[1, 2]`, `b.json:1:1: invalid baseline: want an object, got array`},
		{"scan_report", `{"version": "0.1.0", "findings": [], "errors": []}`, "b.json: not a krait baseline (no \"entries\"; this looks like a scan report; write one with `krait baseline -o FILE`)"},
		{"no_entries", `{"version": 1}`, "b.json: not a krait baseline (no \"entries\"; write one with `krait baseline -o FILE`)"},
		{"no_version", `{"entries": []}`, `b.json: invalid baseline: no "version"`},
		{"version_string", `{"version": "1", "entries": []}`, `b.json:1:15: invalid baseline: version: want number, got string`},
		{"future_version", `{"version": 2, "entries": []}`, `b.json: baseline version 2 is not supported (this krait reads version 1)`},
		{"entries_not_array", `{"version": 1, "entries": {}}`, `b.json:1:27: invalid baseline: entries: want array, got object`},
		{"fingerprint_number", `{"version": 1, "entries": [{"fingerprint": 7}]}`, `b.json:1:44: invalid baseline: entries.fingerprint: want string, got number`},
		{"no_fingerprint", `{"version": 1, "entries": [{"fingerprint": "a"}, {"code": "KR101"}]}`, `b.json: invalid baseline: entry 2 has no fingerprint`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseBaseline("b.json", []byte(tt.data))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant    %s", err, tt.want)
			}
		})
	}
}

func TestLoadBaselineMissing(t *testing.T) {
	_, err := LoadBaseline(filepath.Join(t.TempDir(), "none.json"))
	if err == nil || !strings.HasPrefix(err.Error(), "reading baseline: open ") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error = %v; want a not-exist error saying it was reading the baseline", err)
	}
}

package conformance

import (
	"strings"
	"testing"
)

func TestFirstDiff(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		off       int
	}{
		{"equal", "Module(x)", "Module(x)", -1},
		{"both_empty", "", "", -1},
		{"middle", "Module(abc)", "Module(abd)", 9},
		{"first_byte", "abc", "xbc", 0},
		{"got_shorter", "abcdef", "abc", 3},
		{"got_longer", "abc", "abcdef", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FirstDiff(tt.want, tt.got); got != tt.off {
				t.Errorf("FirstDiff(%q, %q) = %d, want %d", tt.want, tt.got, got, tt.off)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	long := strings.Repeat("x", 200)
	tests := []struct {
		name      string
		want, got string
		contains  []string
	}{
		{"equal", "a", "a", nil},
		{"short", "Name(id='a')", "Name(id='b')", []string{
			"column 9",
			"cpython: Name(id='⟨here⟩a')⟨end⟩",
			"krait:   Name(id='⟨here⟩b')⟨end⟩",
		}},
		{"long_context_is_cut", long + "A" + long, long + "B" + long, []string{
			"column 200",
			"cpython: …" + strings.Repeat("x", DiffContext) + "⟨here⟩A" + strings.Repeat("x", DiffContext-1) + "…",
		}},
		{"multibyte_not_split", "s='é'", "s='è'", []string{
			"cpython: s='⟨here⟩é'⟨end⟩",
			"krait:   s='⟨here⟩è'⟨end⟩",
		}},
		{"missing_tail", "abc", "", []string{"column 0", "krait:   ⟨here⟩⟨end⟩"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diff(tt.want, tt.got)
			if tt.contains == nil {
				if d != "" {
					t.Fatalf("Diff of equal strings = %q, want empty", d)
				}
				return
			}
			for _, c := range tt.contains {
				if !strings.Contains(d, c) {
					t.Errorf("Diff(%q, %q) =\n%s\nwant it to contain %q", tt.want, tt.got, d, c)
				}
			}
		})
	}
}

func TestClassifyAndErrorPos(t *testing.T) {
	tests := []struct {
		name     string
		line     string
		kind     Kind
		row, col int
		hasPos   bool
	}{
		{"dump", "Module(body=[], type_ignores=[])", Accepted, 0, 0, false},
		{"syntax_error", "SyntaxError: 3:7: invalid syntax", Rejected, 3, 7, true},
		{"negative_col", "SyntaxError: 0:-1: unknown encoding: uft-8", Rejected, 0, -1, true},
		{"other_exception", "SyntaxError: 0:0: MemoryError: boom", Rejected, 0, 0, true},
		{"no_position", "SyntaxError: nope", Rejected, 0, 0, false},
		{"missing", "", Missing, 0, 0, false},
		{"broken", "panic: runtime error", Broken, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if k := Classify(tt.line); k != tt.kind {
				t.Errorf("Classify(%q) = %v, want %v", tt.line, k, tt.kind)
			}
			row, col, ok := ErrorPos(tt.line)
			if row != tt.row || col != tt.col || ok != tt.hasPos {
				t.Errorf("ErrorPos(%q) = %d, %d, %v; want %d, %d, %v", tt.line, row, col, ok, tt.row, tt.col, tt.hasPos)
			}
		})
	}
}

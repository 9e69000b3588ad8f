package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFileLines checks File.Lines, which the tokenizer collects: the offset
// in File.Source where each line starts.
func TestFileLines(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []int
	}{
		{"empty", "", []int{0}},
		{"one_line", "x = 1\n", []int{0, 6}},
		{"no_final_newline", "x = 1\ny", []int{0, 6}},
		{"blank_lines", "\n\nx\n\n", []int{0, 1, 2, 4, 5}},
		{"crlf", "x = 1\r\ny = 2\r\n", []int{0, 6, 12}},
		{"triple_quoted", "s = '''a\nb\n\nc'''\n", []int{0, 9, 11, 12, 17}},
		{"continuation", "x = 1 + \\\n  2\n", []int{0, 10, 14}},
		{"comments", "# a\n  # b\nx\n", []int{0, 4, 10, 12}},
		{"fstring", "f'''{\nx\n}'''\n", []int{0, 6, 8, 13}},
		{"bom", "\xef\xbb\xbfx\n", []int{0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("lines.py", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, f.Lines); diff != "" {
				t.Errorf("Lines (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(lineStarts(f.Source), f.Lines); diff != "" {
				t.Errorf("Lines differ from Source's line starts (-want +got):\n%s", diff)
			}
		})
	}
}

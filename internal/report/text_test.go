package report

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kraitsec/krait/internal/analysis"
)

func TestSnippetLines(t *testing.T) {
	type line struct {
		Number           int
		Text, Pad, Marks string
	}
	tests := []struct {
		name string
		f    analysis.Finding
		want []line
	}{
		{
			name: "indented_span",
			f:    analysis.Finding{Line: 3, Column: 5, EndLine: 3, EndColumn: 11, Snippet: "    eval(x) # c"},
			want: []line{{3, "eval(x) # c", "", "^^^^^^"}},
		},
		{
			name: "middle_of_line",
			f:    analysis.Finding{Line: 1, Column: 5, EndLine: 1, EndColumn: 9, Snippet: "x = eval(y)"},
			want: []line{{1, "x = eval(y)", "    ", "^^^^"}},
		},
		{
			name: "wide_prefix",
			f:    analysis.Finding{Line: 1, Column: 7, EndLine: 1, EndColumn: 8, Snippet: "名前x"},
			want: []line{{1, "名前x", "    ", "^"}},
		},
		{
			name: "tab_inside_prefix",
			f:    analysis.Finding{Line: 1, Column: 4, EndLine: 1, EndColumn: 5, Snippet: "a\tbc"},
			want: []line{{1, "a\tbc", " \t ", "^"}},
		},
		{
			name: "control_in_prefix",
			f:    analysis.Finding{Line: 1, Column: 3, EndLine: 1, EndColumn: 4, Snippet: "\x1b x"},
			want: []line{{1, `\x1b x`, "     ", "^"}},
		},
		{
			name: "column_past_end",
			f:    analysis.Finding{Line: 1, Column: 9, EndLine: 1, EndColumn: 12, Snippet: "abc"},
			want: []line{{1, "abc", "   ", "^"}},
		},
		{
			name: "multi_line_marks_first_line_to_its_end",
			f:    analysis.Finding{Line: 7, Column: 2, EndLine: 8, EndColumn: 3, Snippet: "\tf(a,  \n\t  b)"},
			want: []line{{7, "f(a,  ", "", "^^^^"}, {8, "  b)", "", ""}},
		},
		{
			name: "crlf",
			f:    analysis.Finding{Line: 2, Column: 1, EndLine: 2, EndColumn: 2, Snippet: "x\r\n"},
			want: []line{{2, "x", "", "^"}},
		},
		{
			name: "no_column",
			f:    analysis.Finding{Line: 2, Snippet: "x = 1"},
			want: []line{{2, "x = 1", "", ""}},
		},
		{
			name: "no_snippet",
			f:    analysis.Finding{Line: 2, Column: 1},
		},
		{
			name: "engine_cut",
			f:    analysis.Finding{Line: 1, Column: 1, EndLine: 9, EndColumn: 2, Snippet: "f(\n  a,\n…"},
			want: []line{{1, "f(", "", "^^"}, {2, "  a,", "", ""}, {0, "…", "", ""}},
		},
		{
			name: "long_snippet_cut",
			f:    analysis.Finding{Line: 1, Column: 1, EndLine: 7, EndColumn: 2, Snippet: "a\nb\nc\nd\ne\nf\ng"},
			want: []line{{1, "a", "", "^"}, {2, "b", "", ""}, {3, "c", "", ""}, {4, "d", "", ""}, {5, "e", "", ""}, {0, "…", "", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []line
			for _, l := range snippetLines(tt.f) {
				got = append(got, line{l.number, l.text, l.pad, l.marks})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("snippetLines (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "a = 'é' # 名", "a = 'é' # 名"},
		{"tab_kept", "a\tb", "a\tb"},
		{"escape_sequence", "\x1b[2Jx", `\x1b[2Jx`},
		{"newline", "a\nb", `a\x0ab`},
		{"nul_and_del", "\x00\x7f", `\x00\x7f`},
		{"c1_control", "a\u0085b", `a\x85b`},
		{"bidi_override", "user\u202eadmin", `user\u202eadmin`},
		{"bidi_isolates", "\u2066x\u2069", `\u2066x\u2069`},
		{"line_separator", "a\u2028b", `a\u2028b`},
		{"invalid_utf8", "a\xffb", `a\xffb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sanitize(tt.in); got != tt.want {
				t.Errorf("sanitize(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"abc", 3}, {"名前", 4}, {"e\u0301", 1}, {"ｶ", 1}, {"Ａ", 2}, {"", 0},
	}
	for _, tt := range tests {
		if got := displayWidth(tt.in); got != tt.want {
			t.Errorf("displayWidth(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

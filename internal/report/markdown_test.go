package report

import "testing"

func TestMarkdownEscapes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "eval of user input", "eval of user input"},
		{"pipe", "a | b", `a \| b`},
		{"backtick", "use `x`", "use \\`x\\`"},
		{"html", "<b>&", "&lt;b&gt;&amp;"},
		{"emphasis_and_links", "*a* _b_ [c](d) ~e~ !f #1", `\*a\* \_b\_ \[c\](d) \~e\~ \!f \#1`},
		{"mention", "@app.route", "@&#8203;app.route"},
		{"newline", "a\r\nb\tc", "a b c"},
		{"control", "a\x1bb", `a\\x1bb`},
		{"backslash", `a\b`, `a\\b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdText(tt.in); got != tt.want {
				t.Errorf("mdText(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownCode(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "a.py:1:2", "`a.py:1:2`"},
		{"backtick_inside", "a`b.py", "``a`b.py``"},
		{"backtick_edge", "`a", "`` `a ``"},
		{"pipe", "a|b.py", "`a\\|b.py`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdCode(tt.in); got != tt.want {
				t.Errorf("mdCode(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDemoteHeadings(t *testing.T) {
	in := "## What it does\ntext\n```python\n# a comment\n```\n### Example"
	want := "**What it does**\ntext\n```python\n# a comment\n```\n**Example**"
	if got := demoteHeadings(in); got != want {
		t.Errorf("demoteHeadings = %q; want %q", got, want)
	}
}

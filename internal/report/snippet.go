package report

import (
	"strings"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
)

// maxSnippetLines bounds the source shown under one finding; a finding on a long
// statement shows its first lines.
const maxSnippetLines = 5

// snippetLine is one source line of a snippet, ready to print.
type snippetLine struct {
	number int
	text   string // sanitized
	// pad and marks, when marks is set, go on the line below: pad lines the marks up
	// under the reported columns.
	pad, marks string
}

// snippetLines splits a finding's snippet, which holds the source lines from Line
// to EndLine as they are in the file, removes their common indentation and marks the
// reported columns on the first line: up to EndColumn when the finding ends on that
// line, else to the end of the line. A last line "…" says the engine cut the snippet.
func snippetLines(f analysis.Finding) []snippetLine {
	if f.Snippet == "" || f.Line <= 0 {
		return nil
	}
	raw := strings.Split(strings.TrimRight(f.Snippet, "\r\n"), "\n")
	for i, s := range raw {
		raw[i] = strings.TrimRight(s, "\r")
	}
	cut := len(raw) > maxSnippetLines
	if cut {
		raw = raw[:maxSnippetLines]
	}
	if raw[len(raw)-1] == "…" {
		raw, cut = raw[:len(raw)-1], true
	}
	indent := commonIndent(raw)
	lines := make([]snippetLine, 0, len(raw)+1)
	for i, s := range raw {
		lines = append(lines, snippetLine{number: f.Line + i, text: sanitize(s[min(indent, len(s)):])})
	}
	if len(raw) > 0 && f.Column > indent {
		lines[0].pad, lines[0].marks = marker(raw[0][min(indent, len(raw[0])):], f.Column-indent, f)
	}
	if cut {
		lines = append(lines, snippetLine{text: "…"})
	}
	return lines
}

// commonIndent is the number of leading blanks that every non-blank line shares.
func commonIndent(lines []string) int {
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	return max(indent, 0)
}

// marker returns the indent and the carets that underline the finding on its first
// line, measured in terminal cells of the sanitized text. col is the finding's byte
// column in first, which has lost its indentation.
func marker(first string, col int, f analysis.Finding) (pad, marks string) {
	start := runeStart(first, col-1)
	end := len(strings.TrimRight(first, " \t"))
	if f.EndLine == f.Line && f.EndColumn > f.Column {
		end = max(runeStart(first, col-1+f.EndColumn-f.Column), start)
	}
	n := 1
	if end > start {
		n = max(displayWidth(sanitize(first[start:end])), 1)
	}
	return blankLike(sanitize(first[:start])), strings.Repeat("^", n)
}

// runeStart clamps a byte offset into s and moves it back to the start of a rune, so a
// column from a differently decoded file never splits a character.
func runeStart(s string, off int) int {
	off = min(max(off, 0), len(s))
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

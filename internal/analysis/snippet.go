package analysis

import (
	"strings"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
)

// Limits that keep a report readable when a finding spans a large expression.
const (
	maxSnippetLines = 5
	maxSnippetBytes = 400
	// maxTextBytes bounds the text hashed into a fingerprint.
	maxTextBytes = 4096
)

// snippet returns the source lines of pos as they are in the file (reporters remove
// the common indentation and line the carets up with the columns), with trailing
// space removed, at most maxSnippetLines of them and a last line "…" when cut. A
// compound statement shows only its first line.
func snippet(f *parser.File, pos ast.Pos, header bool) string {
	if f == nil || pos.Lineno < 1 || pos.Lineno > len(f.Lines) {
		return ""
	}
	last := min(max(pos.EndLineno, pos.Lineno), len(f.Lines), pos.Lineno+maxSnippetLines-1)
	if header {
		last = pos.Lineno
	}
	lines := make([]string, 0, last-pos.Lineno+1)
	for l := pos.Lineno; l <= last; l++ {
		lines = append(lines, strings.TrimRight(lineText(f, l), " \t\r\f\n"))
	}
	s := strings.Join(lines, "\n")
	if last < pos.EndLineno && !header {
		s += "\n…"
	}
	return capBytes(s, maxSnippetBytes)
}

// lineText returns line l (1-based) without its line break.
func lineText(f *parser.File, l int) string {
	start := f.Lines[l-1]
	end := len(f.Source)
	if l < len(f.Lines) {
		end = f.Lines[l]
	}
	return strings.TrimRight(string(f.Source[start:end]), "\r\n")
}

// capBytes cuts s to at most n bytes on a rune boundary, marking the cut.
func capBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// nodeText is the source text a finding points at, for its fingerprint; a compound
// statement contributes its first line only, so that editing its body does not
// change the finding's identity.
func nodeText(f *parser.File, pos ast.Pos, header bool) string {
	start, ok := offset(f, pos.Lineno, pos.ColOffset)
	if !ok {
		return ""
	}
	end, ok := offset(f, pos.EndLineno, pos.EndColOffset)
	if header || !ok || end < start {
		end = start
		for end < len(f.Source) && f.Source[end] != '\n' {
			end++
		}
	}
	end = min(end, start+maxTextBytes)
	return string(f.Source[start:end])
}

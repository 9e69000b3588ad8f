package misc

import (
	"bytes"
	"sort"
	"strconv"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/parser"
)

// TrojanSource flags Unicode bidirectional control characters in source code.
var TrojanSource = &analysis.Rule{
	Code:       "KR906",
	Name:       "trojan-source",
	Summary:    "bidirectional control character in source code",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceHigh,
	CWE:        []int{838},
	Aliases:    []string{"B613", "PLE2502"},
	File:       runTrojanSource,
	Doc: `## What it does
Flags Unicode bidirectional formatting characters in a Python file: the embeddings
and overrides U+202A to U+202E and the isolates U+2066 to U+2069, which reorder the
text around them, with high severity; and the right-to-left and left-to-right marks
U+200F and U+200E, which have legitimate uses in right-to-left text, with low
severity and confidence. Python rejects these characters outside strings and
comments, so they can only hide in those. One finding is reported per line.

## Why is this bad?
An editor, a terminal or a code review page renders these characters instead of
showing them, so a line can display in an order different from the one Python
reads. A comment can appear to end before code that is in fact inside it, or a
string can appear to close early, and a reviewer approves logic that is not what
runs ("Trojan Source", CVE-2021-42574).

## Example
The characters are written here as escapes; in an attack they are raw and
invisible, and a reviewer sees a comparison against "user" followed by a comment,
while Python compares against a longer string:
~~~python
access_level = "user"
if access_level != "none\u202e\u2066":  # Check if admin\u2069\u2066
    grant_admin()
~~~

## Use instead
Remove the control characters. Where right-to-left text must stay in a string,
spell it with escapes (` + "`\"\\u202e\"`" + `), which display as what they are.

## References
- [Trojan Source: Invisible Vulnerabilities](https://trojansource.codes/)
- [CVE-2021-42574](https://nvd.nist.gov/vuln/detail/CVE-2021-42574)
- [Unicode Standard Annex #9: Unicode Bidirectional Algorithm](https://www.unicode.org/reports/tr9/)
- [CWE-838: Inappropriate Encoding for Output Context](https://cwe.mitre.org/data/definitions/838.html)
`,
}

// bidiName returns the name of the bidirectional control character encoded by
// the three UTF-8 bytes at b (E2 80 xx or E2 81 xx), and whether it reorders
// text (an embedding, override or isolate) rather than merely marking it.
func bidiName(b []byte) (name string, reorders bool) {
	if len(b) < 3 || b[0] != 0xE2 {
		return "", false
	}
	switch b[1] {
	case 0x80:
		switch b[2] {
		case 0x8E:
			return "U+200E LEFT-TO-RIGHT MARK", false
		case 0x8F:
			return "U+200F RIGHT-TO-LEFT MARK", false
		case 0xAA:
			return "U+202A LEFT-TO-RIGHT EMBEDDING", true
		case 0xAB:
			return "U+202B RIGHT-TO-LEFT EMBEDDING", true
		case 0xAC:
			return "U+202C POP DIRECTIONAL FORMATTING", true
		case 0xAD:
			return "U+202D LEFT-TO-RIGHT OVERRIDE", true
		case 0xAE:
			return "U+202E RIGHT-TO-LEFT OVERRIDE", true
		}
	case 0x81:
		switch b[2] {
		case 0xA6:
			return "U+2066 LEFT-TO-RIGHT ISOLATE", true
		case 0xA7:
			return "U+2067 RIGHT-TO-LEFT ISOLATE", true
		case 0xA8:
			return "U+2068 FIRST STRONG ISOLATE", true
		case 0xA9:
			return "U+2069 POP DIRECTIONAL ISOLATE", true
		}
	}
	return "", false
}

func runTrojanSource(p *analysis.Pass) {
	f := p.File
	if f == nil {
		return
	}
	src := f.Source
	// Every character of interest starts with 0xE2; most files have none.
	for off := bytes.IndexByte(src, 0xE2); off >= 0; {
		name, reorders := bidiName(src[off:])
		if name == "" {
			off = nextE2(src, off+1)
			continue
		}
		line := lineOf(f, off)
		end := len(src)
		if line < len(f.Lines) {
			end = f.Lines[line]
		}
		// Collect the rest of the line so that it gives one finding, named
		// after its first reordering character if it has one.
		count, strong, at := 0, reorders, off
		for o := off; o >= 0 && o < end; o = nextE2(src, o+1) {
			if n, r := bidiName(src[o:]); n != "" {
				count++
				if r && !strong {
					strong, name, at = true, n, o
				}
			}
		}
		col := at - f.Lines[line-1]
		pos := ast.Pos{Lineno: line, ColOffset: col, EndLineno: line, EndColOffset: col + 3}
		where := "a string"
		if inComment(f, line, col) {
			where = "a comment"
		}
		msg := name + " in " + where
		if count > 1 {
			msg += " (" + strconv.Itoa(count) + " control characters on this line)"
		}
		d := analysis.Diagnostic{Pos: pos}
		if strong {
			d.Message = msg + ": the line may display in a different order from the one Python reads"
		} else {
			d.Message = msg + ": invisible direction marks can disguise the text; use an escape such as \\u200f"
			d.Severity, d.Confidence = analysis.SeverityLow, analysis.ConfidenceLow
		}
		p.ReportDiagnostic(d)
		off = nextE2(src, end)
	}
}

// nextE2 returns the offset of the next 0xE2 byte at or after from, or -1.
func nextE2(src []byte, from int) int {
	if from >= len(src) {
		return -1
	}
	i := bytes.IndexByte(src[from:], 0xE2)
	if i < 0 {
		return -1
	}
	return from + i
}

// lineOf returns the 1-based line holding byte offset off.
func lineOf(f *parser.File, off int) int {
	return sort.Search(len(f.Lines), func(i int) bool { return f.Lines[i] > off })
}

// inComment reports whether the column (a byte offset in the line) lies in
// the line's comment.
func inComment(f *parser.File, line, col int) bool {
	i := sort.Search(len(f.Comments), func(i int) bool { return f.Comments[i].Line >= line })
	return i < len(f.Comments) && f.Comments[i].Line == line && f.Comments[i].Col <= col
}

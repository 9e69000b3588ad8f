package secrets

import (
	"encoding/json"
	"regexp"
	"strings"
)

// codeBindingRe finds a name bound to a string literal in a line of Python code:
// `password = "…"`, `connect(password="…")`, `{"api_key": "…"}`,
// `os.environ["TOKEN"] = "…"`.
var codeBindingRe = regexp.MustCompile(`(?:^|[^A-Za-z0-9_\-])([A-Za-z_][A-Za-z0-9_]*)["']?\]?\s*(?::=|=>|[:=])\s*[bru]?(["'])([^"'\\\n]{1,512})["']`)

// bindingValue returns where the literal of a codeBindingRe match m in line
// starts and ends. The expression stops at either quote; a value that holds
// the other one ("{{ lookup('env', 'X') }}") runs on to the quote that opened it.
func bindingValue(line string, m []int) (start, end int, ok bool) {
	q := line[m[4]]
	if line[m[7]] == q {
		return m[6], m[7], true
	}
	end = closingQuote(line, m[7], q)
	if end < 0 {
		return 0, 0, false
	}
	return m[6], end, true
}

// notebook checks the code and outputs of a Jupyter notebook. nbformat writes
// one JSON string per line of a cell, so each file line that is a JSON string
// is decoded and checked as a line of code, and a finding keeps the notebook's
// own line.
func (s *scan) notebook() {
	if !s.enabled(GenericSecret.Code) && !s.enabled(HighEntropySecret.Code) {
		return
	}
	s.eachLine(s.notebookLine)
}

// notebookLine checks one line of the notebook file that starts at offset at.
func (s *scan) notebookLine(raw string, at int) {
	if !mayHoldSecret(raw) {
		return
	}
	t := strings.TrimSpace(raw)
	t = strings.TrimSuffix(t, ",")
	if len(t) < 2 || t[0] != '"' || t[len(t)-1] != '"' || !strings.ContainsAny(t, "=:") {
		return
	}
	var code string
	if json.Unmarshal([]byte(t), &code) != nil {
		return
	}
	trimmed := strings.TrimSpace(code)
	if strings.HasPrefix(trimmed, "#") {
		return
	}
	for _, m := range codeBindingRe.FindAllStringSubmatchIndex(code, -1) {
		if vs, ve, ok := bindingValue(code, m); ok {
			s.notebookValue(raw, at, code[m[2]:m[3]], code[vs:ve])
		}
	}
	// IPython magics and shell escapes: %env KEY=value, !export KEY=value.
	if c, ok := strings.CutPrefix(trimmed, "%env "); ok {
		trimmed = c
	} else if c, ok := strings.CutPrefix(trimmed, "!"); ok {
		trimmed = c
	} else {
		return
	}
	if a, ok := parseAssignment(trimmed); ok {
		s.notebookValue(raw, at, lastSegment(a.name), a.value)
	}
}

// notebookValue judges a value of a notebook line, at its place in the file.
func (s *scan) notebookValue(raw string, at int, name, value string) {
	off := strings.Index(raw, value)
	if off < 0 {
		return // escaped in the file; the value is not where a finding could point
	}
	s.judgeValue(name, value, at+off)
}

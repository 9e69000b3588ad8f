package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// ANSI styles, used only with Options.Color.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiRed     = "\x1b[31m"
	ansiYellow  = "\x1b[33m"
	ansiBlue    = "\x1b[34m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
	ansiDim     = "\x1b[2m"
)

// textReporter writes the human format: findings grouped by file, each with its source
// line and a marker under the reported columns, then the errors, then a summary.
type textReporter struct{ o Options }

func (t textReporter) paint(style, s string) string {
	if !t.o.Color || s == "" {
		return s
	}
	return style + s + ansiReset
}

func severityStyle(s analysis.Severity) string {
	switch s {
	case analysis.SeverityCritical:
		return ansiBold + ansiMagenta
	case analysis.SeverityHigh:
		return ansiBold + ansiRed
	case analysis.SeverityMedium:
		return ansiYellow
	}
	return ansiBlue
}

// Write implements Reporter.
func (t textReporter) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for gi, g := range groupByFile(r.Findings) {
		if gi > 0 {
			fmt.Fprintln(bw)
		}
		fmt.Fprintf(bw, "%s (%s)\n", t.paint(ansiBold, sanitize(g.path)), plural(len(g.indexes), "finding"))
		for n, i := range g.indexes {
			if n > 0 {
				fmt.Fprintln(bw)
			}
			t.finding(bw, r.Findings[i], r.Flows[i])
		}
	}
	if len(r.Errors) > 0 {
		if len(r.Findings) > 0 {
			fmt.Fprintln(bw)
		}
		fmt.Fprintln(bw, t.paint(ansiBold+ansiRed, fmt.Sprintf("Errors (%d):", len(r.Errors))))
		for _, e := range r.Errors {
			fmt.Fprintf(bw, "  %s: %s error: %s\n",
				sanitize(location(e.Path, e.Line, e.Column)), sanitize(e.Kind), sanitize(e.Message))
		}
	}
	if !t.o.Quiet {
		t.summary(bw, r)
	}
	return bw.Flush()
}

// finding writes one finding: its header, its source lines and its flow.
func (t textReporter) finding(w io.Writer, f analysis.Finding, flow []FlowStep) {
	fmt.Fprintf(w, "%s: %s %s %s",
		sanitize(location(f.Path, f.Line, f.Column)),
		t.paint(ansiBold, sanitize(f.Code)),
		t.paint(severityStyle(f.Severity), fmt.Sprintf("[%s/%s]", f.Severity, f.Confidence)),
		sanitize(f.Message))
	if f.Name != "" {
		fmt.Fprintf(w, " %s", t.paint(ansiDim, "("+sanitize(f.Name)+")"))
	}
	fmt.Fprintln(w)
	lines := snippetLines(f)
	gutter := 1
	for _, l := range lines {
		gutter = max(gutter, len(strconv.Itoa(l.number)))
	}
	for _, l := range lines {
		num := ""
		if l.number > 0 {
			num = strconv.Itoa(l.number)
		}
		fmt.Fprintf(w, "  %*s %s %s\n", gutter, num, t.paint(ansiDim, "|"), l.text)
		if l.marks != "" {
			fmt.Fprintf(w, "  %*s %s %s%s\n", gutter, "", t.paint(ansiDim, "|"), l.pad,
				t.paint(severityStyle(f.Severity), l.marks))
		}
	}
	for i, s := range flow {
		label := "  flow:"
		if i > 0 {
			label = strings.Repeat(" ", len(label))
		}
		fmt.Fprintf(w, "%s %d. %s: %s\n", t.paint(ansiCyan, label), i+1,
			sanitize(location(s.Path, s.Line, s.Column)), sanitize(s.Message))
	}
}

// summary writes the counts by severity and by rule, then the scan's totals.
func (t textReporter) summary(w io.Writer, r *Result) {
	if len(r.Findings) > 0 || len(r.Errors) > 0 {
		fmt.Fprintln(w)
	}
	if len(r.Findings) > 0 {
		fmt.Fprintf(w, "%s: %s\n", plural(len(r.Findings), "finding"), countSeverities(r.Findings))
		counts := countRules(r.Findings)
		codeWidth, nameWidth := 0, 0
		for _, c := range counts {
			codeWidth = max(codeWidth, len(sanitize(c.code)))
			nameWidth = max(nameWidth, displayWidth(sanitize(c.name)))
		}
		for _, c := range counts {
			name := sanitize(c.name)
			fmt.Fprintf(w, "  %-*s  %s%s  %d\n", codeWidth, sanitize(c.code), name,
				strings.Repeat(" ", nameWidth-displayWidth(name)), c.n)
		}
	}
	var parts []string
	if len(r.Findings) == 0 {
		parts = append(parts, "no findings")
	} else {
		parts = append(parts, plural(len(r.Findings), "finding"))
	}
	parts = append(parts, plural(len(r.Errors), "error"))
	line := strings.Join(parts, ", ")
	if s := r.Stats; s != nil {
		skipped := 0
		for _, n := range s.Skipped {
			skipped += n
		}
		if skipped > 0 {
			line += fmt.Sprintf(", %d skipped", skipped)
		}
		line = fmt.Sprintf("Scanned %s (%s): %s", plural(s.Files, "file"), plural(int(s.Lines), "line"), line)
	}
	fmt.Fprintln(w, t.paint(ansiBold, line+"."))
}

package cli

import (
	"fmt"
	"io"
	"strings"
)

// ANSI sequences; used only when writing to a terminal.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiRed   = "\x1b[31m"
)

type textOptions struct {
	colour bool
	quiet  bool
}

func (o textOptions) paint(style, s string) string {
	if !o.colour {
		return s
	}
	return style + s + ansiReset
}

// writeText prints findings, then the files that could not be analysed grouped under
// one heading, then a one-line summary (left out with -q).
func writeText(w io.Writer, res *scanResult, o textOptions) {
	for _, f := range res.findings {
		fmt.Fprintf(w, "%s:%d:%d: %s %s [%s, %s confidence]\n",
			f.Path, f.Line, f.Column, o.paint(ansiBold, f.Code), f.Message, f.Severity, f.Confidence)
	}
	if len(res.errors) > 0 {
		if len(res.findings) > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, o.paint(ansiBold+ansiRed, fmt.Sprintf("Errors (%d):", len(res.errors))))
		for _, e := range res.errors {
			fmt.Fprintf(w, "  %s: %s error: %s\n", errorLocation(e), e.Kind, e.Message)
		}
	}
	if o.quiet {
		return
	}
	if len(res.findings) > 0 || len(res.errors) > 0 {
		fmt.Fprintln(w)
	}
	var parts []string
	if len(res.findings) == 0 {
		parts = append(parts, "no findings")
	} else {
		parts = append(parts, plural(len(res.findings), "finding"))
	}
	parts = append(parts, plural(len(res.errors), "error"))
	if n := len(res.skipped); n > 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", n))
	}
	fmt.Fprintln(w, o.paint(ansiBold, fmt.Sprintf("Scanned %s (%s): %s.",
		plural(res.files, "file"), plural(int(res.lines), "line"), strings.Join(parts, ", "))))
}

func errorLocation(e fileError) string {
	if e.Line == 0 {
		return e.Path
	}
	return fmt.Sprintf("%s:%d:%d", e.Path, e.Line, e.Column)
}

package report

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// markdownReporter writes GitHub-flavoured Markdown for a pull-request comment: counts
// by severity, one table of findings, the errors, and each reported rule's help folded
// away in a <details> block.
type markdownReporter struct{}

// Write implements Reporter.
func (markdownReporter) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	if len(r.Findings) == 0 {
		fmt.Fprintln(bw, "### krait: no findings")
	} else {
		fmt.Fprintf(bw, "### krait: %s\n", plural(len(r.Findings), "finding"))
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| Severity | Findings |")
		fmt.Fprintln(bw, "| --- | ---: |")
		c := countSeverities(r.Findings)
		for _, s := range severitiesDown() {
			fmt.Fprintf(bw, "| %s | %d |\n", s, c[s])
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| Severity | Rule | Location | Message |")
		fmt.Fprintln(bw, "| --- | --- | --- | --- |")
		for i, f := range r.Findings {
			msg := mdText(f.Message)
			if flow := r.Flows[i]; len(flow) > 0 {
				steps := make([]string, len(flow))
				for j, s := range flow {
					steps[j] = mdCode(location(s.Path, s.Line, s.Column))
				}
				msg += "<br>flow: " + strings.Join(steps, " → ")
			}
			fmt.Fprintf(bw, "| %s | %s %s | %s | %s |\n", levelName(f.Severity), mdCode(f.Code), mdText(f.Name),
				mdCode(location(f.Path, f.Line, f.Column)), msg)
		}
	}
	if len(r.Errors) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "#### Errors (%d)\n\n", len(r.Errors))
		fmt.Fprintln(bw, "| Location | Kind | Message |")
		fmt.Fprintln(bw, "| --- | --- | --- |")
		for _, e := range r.Errors {
			fmt.Fprintf(bw, "| %s | %s | %s |\n", mdCode(location(e.Path, e.Line, e.Column)), mdText(e.Kind), mdText(e.Message))
		}
	}
	if rules := reportedRules(r, true); len(rules) > 0 {
		fmt.Fprintln(bw)
		for _, rule := range rules {
			markdownRule(bw, rule)
		}
	}
	if s := r.Stats; s != nil {
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "<sub>krait %s scanned %s (%s).</sub>\n", mdText(r.Version), plural(s.Files, "file"), plural(int(s.Lines), "line"))
	}
	return bw.Flush()
}

// markdownRule writes a rule's help folded under a one-line summary. The doc is krait's
// own Markdown and goes in as it is; everything else is escaped.
func markdownRule(w io.Writer, rule *analysis.Rule) {
	summary := fmt.Sprintf("<code>%s</code> %s", html.EscapeString(rule.Code), mdHTML(rule.Name))
	if rule.Summary != "" {
		summary += ": " + mdHTML(rule.Summary)
	}
	if rule.Doc == "" && len(rule.CWE) == 0 {
		return
	}
	fmt.Fprintf(w, "<details>\n<summary>%s</summary>\n\n", summary)
	if rule.Doc != "" {
		fmt.Fprintf(w, "%s\n\n", demoteHeadings(strings.TrimSpace(rule.Doc)))
	}
	if len(rule.CWE) > 0 {
		links := make([]string, len(rule.CWE))
		for i, id := range rule.CWE {
			links[i] = fmt.Sprintf("[CWE-%d](%s)", id, cweURL(id))
		}
		fmt.Fprintf(w, "%s\n\n", strings.Join(links, ", "))
	}
	fmt.Fprintln(w, "</details>")
}

// demoteHeadings turns the doc's section headings into bold lines, which sit better
// inside a folded block of a comment than full-size headings; code blocks are left as
// they are.
func demoteHeadings(doc string) string {
	lines := strings.Split(doc, "\n")
	fenced := false
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "```"):
			fenced = !fenced
		case !fenced && strings.HasPrefix(l, "#"):
			if title := strings.TrimSpace(strings.TrimLeft(l, "#")); title != "" {
				lines[i] = "**" + title + "**"
			}
		}
	}
	return strings.Join(lines, "\n")
}

// mdText escapes text for a table cell: Markdown punctuation is backslash-escaped, HTML
// is entity-escaped, a pipe cannot end the cell, and line breaks become spaces. GitHub
// ignores escapes when it looks for @mentions, so a zero-width space follows each @ to
// keep a decorator in a message from notifying a user of that name.
func mdText(s string) string {
	s = sanitize(oneLine(s))
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '~', '#', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '@':
			b.WriteString("@&#8203;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode puts s in a code span fenced by more backticks than it holds; a pipe is still
// escaped, since GitHub splits table cells before it finds code spans.
func mdCode(s string) string {
	s = strings.ReplaceAll(sanitize(oneLine(s)), "|", `\|`)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// lineBreaks turns line breaks and tabs into spaces; like a compiled regexp, it is
// built once and safe for concurrent use.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// oneLine puts text on one line, for a table cell.
func oneLine(s string) string {
	return lineBreaks.Replace(s)
}

// mdHTML escapes text that goes inside an HTML element, such as <summary>.
func mdHTML(s string) string {
	return strings.ReplaceAll(html.EscapeString(sanitize(s)), "@", "@&#8203;")
}

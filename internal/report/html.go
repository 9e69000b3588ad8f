package report

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// htmlReporter writes one self-contained page: no script, no external style sheet or
// font, every value escaped by html/template.
type htmlReporter struct{ page *template.Template }

func newHTMLReporter(Options) (Reporter, error) {
	t, err := template.New("report").Parse(htmlPage)
	if err != nil {
		return nil, fmt.Errorf("html report template: %w", err)
	}
	return htmlReporter{t}, nil
}

type htmlData struct {
	Version  string
	Total    int
	Counts   []htmlCount
	Files    []htmlFile
	Errors   []htmlError
	Rules    []htmlRule
	Scanned  string
	Measured string
}

type htmlCount struct {
	Severity string
	N        int
}

type htmlFile struct {
	Path     string
	Findings []htmlFinding
}

type htmlFinding struct {
	Code, Name, Severity, Confidence, Location, Message string
	Snippet                                             string
	Flow                                                []htmlError
}

// htmlError is a located message: a file error or a flow step.
type htmlError struct {
	Location, Kind, Message string
}

type htmlRule struct {
	Code, Name, Summary, Doc string
	CWE                      []htmlCWE
}

type htmlCWE struct {
	ID  int
	URL string
}

// Write implements Reporter.
func (h htmlReporter) Write(w io.Writer, r *Result) error {
	d := htmlData{Version: sanitize(r.Version), Total: len(r.Findings)}
	c := countSeverities(r.Findings)
	for _, s := range severitiesDown() {
		d.Counts = append(d.Counts, htmlCount{s.String(), c[s]})
	}
	for _, g := range groupByFile(r.Findings) {
		file := htmlFile{Path: sanitize(g.path)}
		for _, i := range g.indexes {
			f := r.Findings[i]
			hf := htmlFinding{
				Code: sanitize(f.Code), Name: sanitize(f.Name), Severity: levelName(f.Severity),
				Confidence: levelName(f.Confidence), Location: sanitize(location(f.Path, f.Line, f.Column)),
				Message: sanitize(f.Message), Snippet: htmlSnippet(f),
			}
			for _, s := range r.Flows[i] {
				hf.Flow = append(hf.Flow, htmlError{Location: sanitize(location(s.Path, s.Line, s.Column)), Message: sanitize(s.Message)})
			}
			file.Findings = append(file.Findings, hf)
		}
		d.Files = append(d.Files, file)
	}
	for _, e := range r.Errors {
		d.Errors = append(d.Errors, htmlError{
			Location: sanitize(location(e.Path, e.Line, e.Column)), Kind: sanitize(e.Kind), Message: sanitize(e.Message),
		})
	}
	for _, rule := range reportedRules(r, true) {
		hr := htmlRule{Code: rule.Code, Name: rule.Name, Summary: rule.Summary, Doc: strings.TrimSpace(rule.Doc)}
		for _, id := range rule.CWE {
			hr.CWE = append(hr.CWE, htmlCWE{id, cweURL(id)})
		}
		d.Rules = append(d.Rules, hr)
	}
	if s := r.Stats; s != nil {
		d.Scanned = fmt.Sprintf("Scanned %s (%s), %s.", plural(s.Files, "file"), plural(int(s.Lines), "line"), plural(len(r.Errors), "error"))
		if m := s.Measured; m != nil {
			d.Measured = fmt.Sprintf("%.3fs, %.0f lines/s.", m.Seconds, m.LinesPerSecond)
		}
	}
	return h.page.Execute(w, d)
}

// htmlSnippet lays out a finding's source as the text format does, for a <pre>.
func htmlSnippet(f analysis.Finding) string {
	lines := snippetLines(f)
	gutter := 1
	for _, l := range lines {
		gutter = max(gutter, len(strconv.Itoa(l.number)))
	}
	var b strings.Builder
	for _, l := range lines {
		num := ""
		if l.number > 0 {
			num = strconv.Itoa(l.number)
		}
		fmt.Fprintf(&b, "%*s | %s\n", gutter, num, l.text)
		if l.marks != "" {
			fmt.Fprintf(&b, "%*s | %s%s\n", gutter, "", l.pad, l.marks)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

const htmlPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>krait report</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; tab-size: 4; }
.finding { margin: 1rem 0 1.5rem; }
.sev { font-weight: bold; text-transform: uppercase; font-size: .8rem; padding: .1rem .4rem; border-radius: .3rem; color: #fff; }
.critical { background: #8250df; } .high { background: #cf222e; } .medium { background: #9a6700; } .low { background: #0969da; }
.muted { color: #59636e; }
</style>
</head>
<body>
<h1>krait report</h1>
<p class="muted">krait {{.Version}}{{with .Scanned}} · {{.}}{{end}}{{with .Measured}} {{.}}{{end}}</p>
<table>
<tr><th>Severity</th><th>Findings</th></tr>
{{range .Counts}}<tr><td>{{.Severity}}</td><td>{{.N}}</td></tr>
{{end}}<tr><th>total</th><th>{{.Total}}</th></tr>
</table>
{{range .Files}}<h2>{{.Path}}</h2>
{{range .Findings}}<div class="finding">
<p><span class="sev {{.Severity}}">{{.Severity}}</span> <code>{{.Location}}</code> <strong>{{.Code}}</strong> {{.Message}} <span class="muted">({{.Name}}, {{.Confidence}} confidence)</span></p>
{{with .Snippet}}<pre>{{.}}</pre>
{{end}}{{with .Flow}}<ol class="flow">
{{range .}}<li><code>{{.Location}}</code> {{.Message}}</li>
{{end}}</ol>
{{end}}</div>
{{end}}{{end}}{{with .Errors}}<h2>Errors</h2>
<table>
<tr><th>Location</th><th>Kind</th><th>Message</th></tr>
{{range .}}<tr><td><code>{{.Location}}</code></td><td>{{.Kind}}</td><td>{{.Message}}</td></tr>
{{end}}</table>
{{end}}{{with .Rules}}<h2>Rules</h2>
{{range .}}<details>
<summary><strong>{{.Code}}</strong> {{.Name}}{{with .Summary}}: {{.}}{{end}}</summary>
{{with .Doc}}<pre>{{.}}</pre>
{{end}}{{with .CWE}}<p>{{range $i, $c := .}}{{if $i}}, {{end}}<a href="{{$c.URL}}">CWE-{{$c.ID}}</a>{{end}}</p>
{{end}}</details>
{{end}}{{end}}</body>
</html>
`

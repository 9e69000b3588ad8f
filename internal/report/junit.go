package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// junitReporter writes JUnit XML for CI dashboards. A test suite is a file, because a
// file is what a developer opens to fix a failure and a file that could not be read
// has nowhere else to go; a test case is a finding, which fails, or a file error,
// which errs. A clean scan is one passing test case, so that dashboards show green.
type junitReporter struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr,omitempty"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	// Text is escaped by xmlText: encoding/xml would write its line breaks as &#xA;,
	// and the body is what a dashboard shows as the failure's output.
	Text string `xml:",innerxml"`
}

// Write implements Reporter.
func (junitReporter) Write(w io.Writer, r *Result) error {
	root := junitSuites{Name: "krait"}
	if r.Stats != nil && r.Stats.Measured != nil {
		root.Time = strconv.FormatFloat(r.Stats.Seconds, 'f', 3, 64)
	}
	at := make(map[string]int)
	suite := func(path string) *junitSuite {
		i, ok := at[path]
		if !ok {
			i = len(root.Suites)
			at[path] = i
			root.Suites = append(root.Suites, junitSuite{Name: sanitize(path)})
		}
		return &root.Suites[i]
	}
	text := textReporter{}
	for _, g := range groupByFile(r.Findings) {
		s := suite(g.path)
		for _, i := range g.indexes {
			f := r.Findings[i]
			var detail bytes.Buffer
			text.finding(&detail, f, r.Flows[i])
			s.Cases = append(s.Cases, junitCase{
				Name:      junitCaseName(f.Code, f.Name, f.Line, f.Column),
				ClassName: sanitize(f.Path),
				File:      sanitize(f.Path),
				Line:      f.Line,
				Failure: &junitProblem{
					Message: sanitize(f.Message), Type: levelName(f.Severity),
					Text: xmlText(strings.TrimRight(detail.String(), "\n")),
				},
			})
			s.Failures++
		}
	}
	for _, e := range r.Errors {
		s := suite(e.Path)
		s.Cases = append(s.Cases, junitCase{
			Name:      fmt.Sprintf("%s error", sanitize(e.Kind)),
			ClassName: sanitize(e.Path),
			File:      sanitize(e.Path),
			Line:      e.Line,
			Error: &junitProblem{
				Message: sanitize(e.Message), Type: sanitize(e.Kind),
				Text: xmlText(sanitize(fmt.Sprintf("%s: %s error: %s", location(e.Path, e.Line, e.Column), e.Kind, e.Message))),
			},
		})
		s.Errors++
	}
	if len(root.Suites) == 0 {
		root.Suites = []junitSuite{{Name: "krait", Cases: []junitCase{{Name: "no findings", ClassName: "krait"}}}}
	}
	for i := range root.Suites {
		s := &root.Suites[i]
		s.Tests = len(s.Cases)
		root.Tests += s.Tests
		root.Failures += s.Failures
		root.Errors += s.Errors
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitCaseName names a finding's test case by rule and position, which keeps the names
// in one suite apart.
func junitCaseName(code, name string, line, col int) string {
	s := strings.TrimSpace(sanitize(code) + " " + sanitize(name))
	if line > 0 {
		s += " at " + strings.TrimPrefix(location("", line, col), ":")
	}
	return s
}

// xmlEscaper escapes character data, keeping line breaks and tabs as they are.
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// xmlText escapes character data. Text is sanitized before, so no character that XML
// forbids is left.
func xmlText(s string) string {
	return xmlEscaper.Replace(s)
}

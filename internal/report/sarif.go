package report

import (
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kraitsec/krait/internal/analysis"
)

// Fixed SARIF values.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the base that repo-relative URIs are resolved against; GitHub code
	// scanning maps it to the checkout.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names krait's fingerprint; the version changes if the hash does.
	fingerprintKey = "krait/v1"
	// InformationURI is krait's home page, shown by SARIF viewers.
	InformationURI = "https://github.com/kraitsec/krait"
)

// sarifReporter writes SARIF 2.1.0 as GitHub code scanning reads it.
type sarifReporter struct{}

// Write implements Reporter.
func (sarifReporter) Write(w io.Writer, r *Result) error {
	rules := reportedRules(r, false)
	index := make(map[string]int, len(rules))
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "krait", Version: r.Version, InformationURI: InformationURI,
			Rules: make([]sarifReportingDescriptor, len(rules)),
		}},
		Results:    make([]sarifResult, len(r.Findings)),
		ColumnKind: "utf16CodeUnits",
	}
	for i, rule := range rules {
		index[rule.Code] = i
		run.Tool.Driver.Rules[i] = sarifRule(rule)
	}
	for i, f := range r.Findings {
		run.Results[i] = sarifFinding(r.Root, f, index[f.Code], r.Flows[i])
	}
	inv := sarifInvocation{ExecutionSuccessful: r.Stats == nil || r.Stats.Files > 0 || len(r.Errors) == 0}
	for _, e := range r.Errors {
		n := sarifNotification{
			Message:    sarifMessage{Text: fmt.Sprintf("%s error: %s", e.Kind, e.Message)},
			Level:      "error",
			Descriptor: &sarifDescriptorRef{ID: e.Kind},
			Locations:  []sarifLocation{{PhysicalLocation: physicalLocation(r.Root, e.Path, e.Line, e.Column, 0, 0, "")}},
		}
		if e.Kind == "" {
			n.Descriptor = nil
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}
	if filepath.IsAbs(r.Root) {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: fileURI(r.Root) + "/"}}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRule describes a rule, with the property bag GitHub uses to rank and tag alerts.
func sarifRule(rule *analysis.Rule) sarifReportingDescriptor {
	help := rule.Doc
	if help == "" {
		help = ruleSummary(rule)
	}
	tags := []string{"security"}
	for _, id := range rule.CWE {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", id))
	}
	return sarifReportingDescriptor{
		ID:                   rule.Code,
		Name:                 rule.Name,
		ShortDescription:     sarifMessage{Text: ruleSummary(rule)},
		FullDescription:      sarifMessage{Text: ruleDescription(rule)},
		Help:                 sarifMessage{Text: help, Markdown: help},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rule.Severity)},
		Properties: sarifRuleProperties{
			Tags: tags, Precision: sarifPrecision(rule.Confidence),
			SecuritySeverity: securitySeverity(rule.Severity),
		},
	}
}

func sarifFinding(root string, f analysis.Finding, ruleIndex int, flow []FlowStep) sarifResult {
	// GitHub places an alert only by its region's startLine, so a finding about a whole
	// file (line 0) points at its first line.
	loc := physicalLocation(root, f.Path, max(f.Line, 1), f.Column, f.EndLine, f.EndColumn, f.Snippet)
	res := sarifResult{
		RuleID:    f.Code,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(f.Severity),
		Message:   sarifMessage{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: loc}},
		Properties: &sarifResultProperties{
			Severity: levelName(f.Severity), Confidence: levelName(f.Confidence),
			Package: f.Package, Version: f.Version,
			VulnerabilityID: f.VulnerabilityID, VulnerabilityAliases: f.VulnerabilityAliases,
			FixedIn: f.FixedIn, Imported: f.Imported, Imitates: f.Imitates, RiskScore: f.RiskScore,
			Provider: f.Provider, Commit: f.Commit, Author: f.Author, Date: f.Date,
		},
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{fingerprintKey: f.Fingerprint}
	}
	if len(flow) > 0 {
		steps := make([]sarifThreadFlowLocation, len(flow))
		for i, s := range flow {
			steps[i] = sarifThreadFlowLocation{Location: sarifLocation{
				PhysicalLocation: physicalLocation(root, s.Path, max(s.Line, 1), s.Column, s.EndLine, s.EndColumn, ""),
				Message:          &sarifMessage{Text: s.Message},
			}}
		}
		res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: steps}}}}
	}
	return res
}

// physicalLocation places a span; a zero line leaves the region out (the whole file),
// and a zero column or end leaves that part out. With the source lines in snippet, byte
// columns become the UTF-16 columns SARIF counts by default.
func physicalLocation(root, p string, line, col, endLine, endCol int, snippet string) sarifPhysicalLocation {
	uri, base := artifactURI(root, p)
	loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifactLocation{URI: uri, URIBaseID: base}}
	if line <= 0 {
		return loc
	}
	lines := strings.Split(snippet, "\n")
	lineText := func(l int) string {
		if i := l - line; snippet != "" && i >= 0 && i < len(lines) {
			return lines[i]
		}
		return ""
	}
	reg := &sarifRegion{StartLine: line}
	if col > 0 {
		reg.StartColumn = utf16Column(lineText(line), col)
	}
	if endLine >= line {
		reg.EndLine = endLine
		if endCol > 0 && (endLine > line || endCol >= col) {
			reg.EndColumn = utf16Column(lineText(endLine), endCol)
		}
	}
	if snippet != "" {
		reg.Snippet = &sarifMessage{Text: snippet}
	}
	loc.Region = reg
	return loc
}

// utf16Column converts a 1-based byte column in text, the source line, to the 1-based
// UTF-16 column SARIF counts by default. Bytes past the end of text count one each,
// which is exact for ASCII and all that can be done without the line.
func utf16Column(text string, col int) int {
	if col <= 1 || !utf8.ValidString(text) {
		return col
	}
	off := min(col-1, len(text))
	past := col - 1 - off
	units := 0
	for _, r := range text[:runeStart(text, off)] {
		units += utf16.RuneLen(r)
	}
	return units + past + 1
}

// artifactURI makes p a URI relative to root with the %SRCROOT% base, or a file URI when
// p is absolute and outside root.
func artifactURI(root, p string) (uri, base string) {
	if root != "" {
		if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, "../") &&
			!strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p = rel
		}
	}
	if filepath.IsAbs(p) {
		return fileURI(p), ""
	}
	clean := path.Clean(filepath.ToSlash(p))
	return (&url.URL{Path: clean}).String(), srcRoot
}

// fileURI is the file: URI of an absolute path.
func fileURI(p string) string {
	p = filepath.ToSlash(filepath.Clean(p))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive, C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// sarifLevel maps a severity to a SARIF level: GitHub shows error, warning and note.
func sarifLevel(s analysis.Severity) string {
	switch s {
	case analysis.SeverityCritical, analysis.SeverityHigh:
		return "error"
	case analysis.SeverityMedium:
		return "warning"
	}
	return "note"
}

// securitySeverity places a severity inside GitHub's bands: critical from 9.0, high
// from 7.0, medium from 4.0, low below.
func securitySeverity(s analysis.Severity) string {
	switch s {
	case analysis.SeverityCritical:
		return "9.0"
	case analysis.SeverityHigh:
		return "7.0"
	case analysis.SeverityMedium:
		return "5.0"
	case analysis.SeverityLow:
		return "3.0"
	}
	return ""
}

// sarifPrecision maps a confidence to GitHub's precision names.
func sarifPrecision(c analysis.Confidence) string {
	if c < analysis.ConfidenceLow || c > analysis.ConfidenceHigh {
		return ""
	}
	return c.String()
}

// levelName is a severity or confidence name, or "" when it is not set.
func levelName(v encoding.TextMarshaler) string {
	b, err := v.MarshalText()
	if err != nil {
		return ""
	}
	return string(b)
}

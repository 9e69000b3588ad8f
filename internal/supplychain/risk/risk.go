// Package risk combines the supply-chain findings (KR8xx) of a package into
// one risk score from 0 to 10, with the evidence behind it.
//
// Each finding is a signal whose weight depends on its rule and its severity.
// Signals combine like independent probabilities, 1 - Π(1 - p), so the score
// grows with every signal but never past 10, and each added signal moves it
// less (diminishing returns). Repeats of a rule count for a quarter of their
// weight, and all of them together for at most half again the strongest. Some combinations are worse than their parts, such as a credential
// read next to a webhook, or decoded code in a setup script; each raises the
// score further. One low-severity signal stays under 1, one medium signal
// under 2; a single high signal of a strong rule (decode-and-execute, a
// reverse shell) is enough for 7 or more.
package risk

import (
	"math"
	"sort"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// Package is the risk of one package: its root, its score and the findings
// that make it up.
type Package struct {
	// Root is the package root the findings belong to (see Roots).
	Root string `json:"root"`
	// Score is from 0 (no signal) to 10, with one decimal.
	Score float64 `json:"score"`
	// Evidence lists the findings, the strongest first.
	Evidence []Evidence `json:"evidence"`
	// Combinations names the combinations of signals that raised the score.
	Combinations []string `json:"combinations,omitempty"`
}

// Evidence is one finding behind a score.
type Evidence struct {
	Code     string            `json:"code"`
	Name     string            `json:"name"`
	Severity analysis.Severity `json:"severity"`
	Path     string            `json:"path"`
	Line     int               `json:"line"`
	Message  string            `json:"message"`
}

// weights is what one high-severity finding of a rule weighs (0 to 1); see
// severityFactor for the others. Unknown KR8xx codes weigh otherWeight.
var weights = map[string]float64{
	"KR801": 1.0,  // known malicious package (OSV MAL-*)
	"KR802": 0.35, // typosquat name
	"KR810": 0.5,  // install command override
	"KR811": 0.5,  // network at install/import time
	"KR812": 0.45, // process at install/import time
	"KR813": 0.4,  // exec at install/import time
	"KR814": 0.75, // decode and execute
	"KR815": 0.5,  // obfuscated import
	"KR816": 0.4,  // obfuscated string
	"KR817": 0.65, // persistence write
	"KR818": 0.7,  // credential or environment harvest with a send
	"KR819": 0.6,  // webhook exfiltration
	"KR820": 0.9,  // reverse shell
	"KR821": 0.55, // packer
	"KR822": 0.6,  // executable .pth line
}

const (
	otherWeight = 0.2
	// repeatShare is how much a second or later finding of the same rule counts.
	repeatShare = 0.25
	// repeatCap bounds what all the findings of one rule weigh together,
	// relative to the strongest of them.
	repeatCap = 1.5
)

// severityFactor scales a rule's weight by the finding's severity: a rule
// that reports a benign-looking case as low says it is weak evidence.
func severityFactor(s analysis.Severity) float64 {
	switch s {
	case analysis.SeverityLow:
		return 0.1
	case analysis.SeverityMedium:
		return 0.3
	}
	return 1
}

// combination is a set of signals worth more together than apart: every
// group must have one of its codes present.
type combination struct {
	name   string
	groups [][]string
	boost  float64
}

var combinations = []combination{
	{"download and run at install", [][]string{{"KR811"}, {"KR812", "KR813"}}, 0.5},
	{"credential theft sent to a webhook", [][]string{{"KR818"}, {"KR819"}}, 0.5},
	{"harvest and send at install", [][]string{{"KR818"}, {"KR811", "KR810"}}, 0.4},
	{"hidden payload in install-time code", [][]string{{"KR814", "KR815", "KR816", "KR821"}, {"KR810", "KR811", "KR812", "KR813"}}, 0.4},
	{"persistence of a payload", [][]string{{"KR817", "KR822"}, {"KR811", "KR812", "KR814", "KR820"}}, 0.4},
	{"typosquat with install-time code", [][]string{{"KR802"}, {"KR810", "KR811", "KR812", "KR813", "KR814", "KR817", "KR818", "KR819", "KR820", "KR821"}}, 0.5},
}

// Score groups the KR8xx findings by package root, with the roots that the
// findings' own paths show (Roots(paths of findings)), and scores each.
func Score(findings []analysis.Finding) []Package {
	paths := make([]string, len(findings))
	for i, f := range findings {
		paths[i] = f.Path
	}
	return ScoreBy(findings, Roots(paths))
}

// ScoreBy is Score with the package root of each path given by root. Packages
// come out by descending score, then by root.
func ScoreBy(findings []analysis.Finding, root func(path string) string) []Package {
	byRoot := map[string][]analysis.Finding{}
	for _, f := range findings {
		if strings.HasPrefix(f.Code, "KR8") {
			r := root(f.Path)
			byRoot[r] = append(byRoot[r], f)
		}
	}
	out := make([]Package, 0, len(byRoot))
	for r, fs := range byRoot {
		out = append(out, scorePackage(r, fs))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Root < out[j].Root
	})
	return out
}

// Annotate scores findings as ScoreBy does and sets each KR8xx finding's
// RiskScore to its package's score.
func Annotate(findings []analysis.Finding, root func(path string) string) []Package {
	pkgs := ScoreBy(findings, root)
	score := make(map[string]float64, len(pkgs))
	for _, p := range pkgs {
		score[p.Root] = p.Score
	}
	for i := range findings {
		if strings.HasPrefix(findings[i].Code, "KR8") {
			findings[i].RiskScore = score[root(findings[i].Path)]
		}
	}
	return pkgs
}

func scorePackage(root string, fs []analysis.Finding) Package {
	p := Package{Root: root}
	perCode := map[string][]float64{}
	for _, f := range fs {
		w, ok := weights[f.Code]
		if !ok {
			w = otherWeight
		}
		perCode[f.Code] = append(perCode[f.Code], w*severityFactor(f.Severity))
		p.Evidence = append(p.Evidence, Evidence{Code: f.Code, Name: f.Name, Severity: f.Severity, Path: f.Path, Line: f.Line, Message: f.Message})
	}
	miss := 1.0 // the chance that none of the signals means harm
	for _, ws := range perCode {
		sort.Sort(sort.Reverse(sort.Float64Slice(ws)))
		codeMiss := 1 - ws[0]
		for _, w := range ws[1:] {
			codeMiss *= 1 - repeatShare*w
		}
		// Repeats never count for more than half again the strongest one.
		miss *= max(codeMiss, 1-repeatCap*ws[0])
	}
	for _, c := range combinations {
		if c.matches(perCode) {
			miss *= 1 - c.boost
			p.Combinations = append(p.Combinations, c.name)
		}
	}
	p.Score = math.Round((1-miss)*100) / 10
	sort.SliceStable(p.Evidence, func(i, j int) bool {
		a, b := p.Evidence[i], p.Evidence[j]
		switch {
		case a.Severity != b.Severity:
			return a.Severity > b.Severity
		case a.Path != b.Path:
			return a.Path < b.Path
		case a.Line != b.Line:
			return a.Line < b.Line
		}
		return a.Code < b.Code
	})
	return p
}

// matches reports whether every group of the combination has a code present
// at medium severity or above.
func (c combination) matches(perCode map[string][]float64) bool {
	for _, g := range c.groups {
		found := false
		for _, code := range g {
			for _, w := range perCode[code] {
				if w >= weights[code]*severityFactor(analysis.SeverityMedium) {
					found = true
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

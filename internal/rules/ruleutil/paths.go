package ruleutil

import "github.com/kraitsec/krait/internal/analysis"

// The path facts below are asked for by rules on many nodes of a file; the
// pass computes each once per file.
var (
	testPathFact        = &analysis.FileKey[bool]{Compute: func(p *analysis.Pass) bool { return IsTestPath(p.Path) }}
	devSettingsPathFact = &analysis.FileKey[bool]{Compute: func(p *analysis.Pass) bool { return IsDevSettingsPath(p.Path) }}
	settingsPathFact    = &analysis.FileKey[bool]{Compute: func(p *analysis.Pass) bool { return IsSettingsPath(p.Path) }}
)

// InTestFile is IsTestPath of the file the pass checks.
func InTestFile(p *analysis.Pass) bool { return analysis.FileFact(p, testPathFact) }

// InDevSettingsFile is IsDevSettingsPath of the file the pass checks.
func InDevSettingsFile(p *analysis.Pass) bool { return analysis.FileFact(p, devSettingsPathFact) }

// InSettingsFile is IsSettingsPath of the file the pass checks.
func InSettingsFile(p *analysis.Pass) bool { return analysis.FileFact(p, settingsPathFact) }

package misc

import (
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// inTestCode returns conf, or low confidence when the file is test code,
// where permissions and temporary files describe a fixture rather than
// production behaviour. Call it only when reporting: it allocates.
func inTestCode(p *analysis.Pass, conf analysis.Confidence) analysis.Confidence {
	if ruleutil.IsTestPath(p.Path) {
		return analysis.ConfidenceLow
	}
	return conf
}

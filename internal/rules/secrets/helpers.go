package secrets

import (
	"fmt"
	"strconv"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// testConfidence returns low confidence in test code, where credentials are
// mostly fixtures, and def elsewhere (0 keeps the rule's default).
func testConfidence(p *analysis.Pass, def analysis.Confidence) analysis.Confidence {
	if ruleutil.InTestFile(p) {
		return analysis.ConfidenceLow
	}
	return def
}

// sprintfName fills a message fragment's %q with a name.
func sprintfName(format, name string) string { return fmt.Sprintf(format, name) }

// quoteName quotes a name for a message.
func quoteName(name string) string { return strconv.Quote(name) }

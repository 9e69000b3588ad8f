package secrets

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
	"github.com/kraitsec/krait/internal/python/semantic"
	"github.com/kraitsec/krait/internal/rules/ruleutil"
)

// testConfidence returns low confidence in test code, where credentials are
// mostly fixtures, and def elsewhere (0 keeps the rule's default).
func testConfidence(p *analysis.Pass, def analysis.Confidence) analysis.Confidence {
	if ruleutil.IsTestPath(p.Path) {
		return analysis.ConfidenceLow
	}
	return def
}

// sprintfName fills a message fragment's %q with a name.
func sprintfName(format, name string) string { return fmt.Sprintf(format, name) }

// quoteName quotes a name for a message.
func quoteName(name string) string { return strconv.Quote(name) }

// importedTail returns the last component of what an imported name refers
// to (`from requests.auth import HTTPBasicAuth as Basic` gives
// "HTTPBasicAuth"), or the name itself when no import binds it.
func importedTail(p *analysis.Pass, n *ast.Name) string {
	u := p.Model.Use(n)
	if u == nil || u.Kind != semantic.UseSymbol || u.Binding == nil {
		return n.ID
	}
	switch u.Binding.Kind {
	case semantic.BindImport, semantic.BindImportFrom:
		q := u.Binding.Qualified
		return q[strings.LastIndexByte(q, '.')+1:]
	}
	return n.ID
}

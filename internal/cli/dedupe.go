package cli

import "github.com/kraitsec/krait/internal/analysis"

// genericSecretRules are the engine's rules for a literal bound to a secret-like
// name. Where the secrets analyzer recognises the literal itself (a provider's key,
// a credential in a URL) on the same line, its finding says more, and one secret
// should give one finding.
var genericSecretRules = map[string]bool{"KR301": true, "KR302": true, "KR303": true, "KR305": true, "KR603": true}

// dropSupersededSecrets removes the generic-secret findings of one file that share a
// line with a secrets-analyzer finding. It filters in place.
func dropSupersededSecrets(fs []analysis.Finding) []analysis.Finding {
	var lines map[int]bool
	for _, f := range fs {
		if f.Analyzer == analysis.AnalyzerSecrets {
			if lines == nil {
				lines = map[int]bool{}
			}
			lines[f.Line] = true
		}
	}
	if lines == nil {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if f.Analyzer == analysis.AnalyzerRules && genericSecretRules[f.Code] && lines[f.Line] {
			continue
		}
		out = append(out, f)
	}
	return out
}

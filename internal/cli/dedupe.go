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

// redactAcross hides every secret that a finding reports from every finding of the
// same file (and commit, for --history): a rule that flags a call for another reason
// shows the same line in its snippet. Then it clears the findings' Secret fields, so
// that nothing past this point holds a credential.
func redactAcross(fs []analysis.Finding) {
	type at struct{ path, commit string }
	var secrets map[at][]string
	for _, f := range fs {
		if f.Secret == "" {
			continue
		}
		if secrets == nil {
			secrets = map[at][]string{}
		}
		k := at{f.Path, f.Commit}
		secrets[k] = append(secrets[k], f.Secret)
	}
	if secrets == nil {
		return
	}
	for i := range fs {
		f := &fs[i]
		for _, s := range secrets[at{f.Path, f.Commit}] {
			f.Snippet, f.Message = analysis.RedactSecret(f.Snippet, s), analysis.RedactSecret(f.Message, s)
		}
		f.Secret = ""
	}
}

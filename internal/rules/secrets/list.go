// Package secrets holds the rules for secrets in code: hard-coded credentials and secrets in logs (KR301–KR329).
package secrets

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		HardcodedPasswordString,
		HardcodedPasswordArgument,
		HardcodedPasswordDefault,
		SecretInLog,
		HardcodedSigningKey,
	}
}

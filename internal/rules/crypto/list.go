// Package crypto holds the cryptography and randomness rules (KR2xx).
package crypto

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		WeakHash,
		WeakCipher,
		ECBMode,
		InsecureRandom,
		PycryptoImport,
		IPMIImport,
		WeakKey,
		JWTUnverified,
		PasswordFastHash,
		StaticIV,
	}
}

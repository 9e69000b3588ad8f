// Package errhandling holds the rules for error handling, debug modes and verbose responses (KR5xx).
package errhandling

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		TryExceptPass,
		TryExceptContinue,
		BareExcept,
		FlaskDebug,
		DjangoDebug,
		ExceptionInResponse,
	}
}

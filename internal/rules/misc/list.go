// Package misc holds the other rules: temporary files, permissions, archives, trojan source, asserts (KR9xx).
package misc

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		AssertUsed,
		BadFilePermissions,
		HardcodedTempPath,
		InsecureMktemp,
		TarfileExtraction,
		TrojanSource,
		PermissiveUmask,
		ArchivePathTraversal,
	}
}

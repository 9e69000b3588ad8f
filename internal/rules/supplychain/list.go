// Package supplychain holds the install-time and payload heuristics (KR810–KR849):
// code that runs when a package is installed or imported and reaches the network,
// spawns processes or executes data, and the marks of hidden payloads (decoded
// code fed to exec, obfuscated strings, packers, reverse shells, exfiltration).
// Each rule is one signal; internal/supplychain/risk combines them into a score
// per package.
package supplychain

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		InstallCommandOverride,
		InstallTimeNetwork,
		InstallTimeProcess,
		InstallTimeExec,
		DecodeExec,
		ObfuscatedImport,
		ObfuscatedString,
		PersistenceWrite,
		CredentialExfiltration,
		WebhookExfiltration,
		ReverseShell,
		PackerSignature,
	}
}

// Package network holds the network and TLS rules (KR4xx).
package network

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		TLSVerifyDisabled,
		UnverifiedSSLContext,
		InsecureTLSVersion,
		WrapSocketUnverified,
		RequestWithoutTimeout,
		TelnetClient,
		FTPClient,
		SSHAutoAddHostKey,
		SNMPInsecureVersion,
		SNMPWeakSecurity,
		CleartextHTTPURL,
		TLSWarningsDisabled,
	}
}

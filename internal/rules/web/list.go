// Package web holds the web configuration and access-control rules (KR6xx).
package web

import "github.com/kraitsec/krait/internal/analysis"

// All returns the package's rules, one line each, ordered by code.
func All() []*analysis.Rule {
	return []*analysis.Rule{
		BindAllInterfaces,
		AllowedHostsWildcard,
		HardcodedSecretKey,
		InsecureCookieSetting,
		SSLRedirectDisabled,
		CORSWildcardCredentials,
		CSRFExempt,
		CSRFDisabled,
		CookieWithoutFlags,
		Httpoxy,
	}
}

package filter

import "github.com/kraitsec/krait/internal/rules/ruleutil"

// NameKind says whether a variable, key, header or argument name names a secret.
type NameKind uint8

// The kinds of name Name tells apart.
const (
	// NotSecret is any other name, including names about a credential that are
	// not one: token_type, password_length, secret_name, auth_url, tokenizer.
	NotSecret NameKind = iota
	// Credential names a password, token, API key or other credential.
	Credential
	// SigningKey names a web framework's signing key: SECRET_KEY, JWT_SECRET_KEY.
	SigningKey
)

// Name classifies a name written in snake, kebab, camel or upper case. The last
// word is the head of the compound, so "password_reset_url" is a URL,
// "DB_PASSWORD" and "stripeSecretKey" are credentials and "NextToken" is a
// cursor. Besides the Python rules' classifier (ruleutil.SecretName), a name
// ending in the word "auth" (basic_auth, REDIS_AUTH) or in "key" after a word
// such as consumer or webhook (CONSUMER_KEY) is a credential.
func Name(name string) NameKind {
	if !mayName(name) {
		return NotSecret
	}
	if containsString(name, "::") {
		return NotSecret // a type name: "AWS::IAM::AccessKey"
	}
	if notCredentialCompound(name) {
		return NotSecret
	}
	switch ruleutil.SecretName(name) {
	case ruleutil.CredentialName:
		return Credential
	case ruleutil.SigningKeyName:
		return SigningKey
	}
	if authName(name) || keyName(name) || bareShortName(name) {
		return Credential
	}
	return NotSecret
}

// bareShortName reports "pass" and "pw" as whole names: the Python rules'
// classifier wants them after another word (DB_PASS), but as a key of its own
// (`pass = …` under an INI section, `{"pass": …}`) each names a password.
func bareShortName(name string) bool {
	switch name {
	case "pass", "Pass", "PASS", "pw", "PW":
		return true
	}
	return false
}

// keyName reports names whose last word is "key" after a word that makes it a
// credential the Python rules' classifier does not list: CONSUMER_KEY,
// WEBHOOK_KEY, deployKey. A license or product key is not a credential.
func keyName(name string) bool {
	if len(name) < 6 || !hasFold(name, "key") {
		return false
	}
	var buf [maxNameWords]string
	w := ruleutil.SplitName(name, buf[:0])
	n := len(w)
	if n < 2 || n > 4 || w[n-1] != "key" {
		return false
	}
	switch w[n-2] {
	case "client", "consumer", "webhook", "deploy", "admin", "root", "integration", "partner",
		"merchant", "write", "gateway", "payment", "bot":
		return true
	}
	return false
}

// IsSecretName reports whether Name finds a credential or a signing key.
func IsSecretName(name string) bool { return Name(name) != NotSecret }

// maxNameWords bounds the words of a name that authName looks at.
const maxNameWords = 12

// authName reports names whose last word is "auth" and whose other words do
// not make it a switch or a setting: REDIS_AUTH, basic_auth, but not use_auth.
func authName(name string) bool {
	if len(name) < 4 || !hasFold(name, "auth") {
		return false
	}
	var buf [maxNameWords]string
	w := ruleutil.SplitName(name, buf[:0])
	if len(w) == 0 || len(w) > 3 || w[len(w)-1] != "auth" {
		return false // a long name ending in Auth is a flag or a code: ProcessorDoesNotSupportIncrementalAuth
	}
	for _, x := range w[:len(w)-1] {
		switch x {
		case "use", "enable", "enabled", "disable", "disabled", "require", "requires", "required",
			"is", "has", "no", "skip", "allow", "with", "without", "needs", "need", "type", "mode",
			"method", "oauth", "default", "two", "multi", "factor", "2":
			return false
		}
	}
	return true
}

// notCredentialCompound reports names whose last word is a credential word but
// whose word before it makes the name a request field or a reference: the
// idempotency and pagination tokens of cloud APIs (ClientRequestToken,
// input_token) and the names of Kubernetes secrets (existingSecret).
func notCredentialCompound(name string) bool {
	if len(name) < 6 || !hasFold(name, "token") && !hasFold(name, "secret") {
		return false
	}
	var buf [maxNameWords]string
	w := ruleutil.SplitName(name, buf[:0])
	n := len(w)
	if n < 2 {
		return false
	}
	switch w[n-1] {
	case "token", "tokens":
		switch w[n-2] {
		case "request", "client", "change", "creation", "idempotency", "purchase", "lifecycle",
			"action", "input", "output", "continuation", "pagination", "resume", "sync", "cancel",
			"cancellation", "marker", "batch", "page", "next", "start", "end", "stop", "eos", "bos", "pad":
			return true
		}
	case "secret", "secrets":
		switch w[n-2] {
		case "existing", "external", "sealed", "kubernetes", "k8s", "create", "mount", "use":
			return true
		}
	}
	return false
}

// mayName rejects almost every name in one pass, without allocating: a secret's
// name contains one of these fragments.
func mayName(s string) bool {
	if len(s) < 2 || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		var found bool
		switch s[i] | 0x20 {
		case 'p':
			found = hasFoldAt(s, i, "pass") || hasFoldAt(s, i, "pw")
		case 's':
			found = hasFoldAt(s, i, "secret")
		case 't':
			found = hasFoldAt(s, i, "token")
		case 'k':
			found = hasFoldAt(s, i, "key")
		case 'c':
			found = hasFoldAt(s, i, "cred")
		case 'a':
			found = hasFoldAt(s, i, "auth")
		}
		if found {
			return true
		}
	}
	return false
}

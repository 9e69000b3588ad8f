package ruleutil

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitName(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"db_password", []string{"db", "password"}},
		{"apiKey", []string{"api", "key"}},
		{"APIKey", []string{"api", "key"}},
		{"API_KEY", []string{"api", "key"}},
		{"NextToken", []string{"next", "token"}},
		{"X-Api-Key", []string{"x", "api", "key"}},
		{"password2", []string{"password", "2"}},
		{"OAuth2Token", []string{"o", "auth", "2", "token"}},
		{"__secret__", []string{"secret"}},
		{"", nil},
	}
	for _, tt := range tests {
		var buf [maxNameWords]string
		got := splitName(tt.in, buf[:0])
		if len(got) == 0 {
			got = nil
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("splitName(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSecretName(t *testing.T) {
	tests := []struct {
		in   string
		want SecretNameKind
	}{
		// Credentials in every casing.
		{"password", CredentialName},
		{"PASSWORD", CredentialName},
		{"db_password", CredentialName},
		{"dbPassword", CredentialName},
		{"DBPassword", CredentialName},
		{"passwd", CredentialName},
		{"pwd", CredentialName},
		{"admin_pw", CredentialName},
		{"DB_PASS", CredentialName},
		{"smtpPass", CredentialName},
		{"passphrase", CredentialName},
		{"pass_phrase", CredentialName},
		{"PassWord", CredentialName},
		{"secret", CredentialName},
		{"client_secret", CredentialName},
		{"clientSecret", CredentialName},
		{"token", CredentialName},
		{"auth_token", CredentialName},
		{"AUTH_TOKEN", CredentialName},
		{"authtoken", CredentialName},
		{"access_token", CredentialName},
		{"github_token", CredentialName},
		{"api_key", CredentialName},
		{"apikey", CredentialName},
		{"apiKey", CredentialName},
		{"API_KEY", CredentialName},
		{"X-API-Key", CredentialName},
		{"access_key", CredentialName},
		{"aws_secret_access_key", CredentialName},
		{"private_key", CredentialName},
		{"privateKey", CredentialName},
		{"credentials", CredentialName},
		{"Authorization", CredentialName},
		{"x-auth-token", CredentialName},
		{"oauth_token_secret", CredentialName},
		{"new_password", CredentialName},
		{"password_confirm", CredentialName},
		{"password2", CredentialName},
		{"API_KEY_PROD", CredentialName},
		{"mypassword", CredentialName},
		{"JWT_SECRET", CredentialName},
		{"s3_secret_key", CredentialName},
		{"encryption_key", CredentialName},
		// Framework signing keys, reported by the web rules.
		{"SECRET_KEY", SigningKeyName},
		{"secret_key", SigningKeyName},
		{"secretKey", SigningKeyName},
		{"JWT_SECRET_KEY", SigningKeyName},
		{"DJANGO_SECRET_KEY", SigningKeyName},
		// About a credential without being one.
		{"NextToken", NotSecretName},
		{"next_token", NotSecretName},
		{"token_type", NotSecretName},
		{"tokenType", NotSecretName},
		{"password_field_name", NotSecretName},
		{"PASSWORD_MIN_LENGTH", NotSecretName},
		{"min_password_length", NotSecretName},
		{"token_url", NotSecretName},
		{"TOKEN_ENDPOINT", NotSecretName},
		{"secret_name", NotSecretName},
		{"SECRET_ARN", NotSecretName},
		{"API_KEY_HEADER", NotSecretName},
		{"TOKEN_HEADER", NotSecretName},
		{"password_reset_url", NotSecretName},
		{"csrf_token_name", NotSecretName},
		{"csrf_token", NotSecretName},
		{"csrftoken", NotSecretName},
		{"eos_token", NotSecretName},
		{"pad_token", NotSecretName},
		{"max_tokens", NotSecretName},
		{"token_count", NotSecretName},
		{"password_hash", NotSecretName},
		{"SECURITY_PASSWORD_SALT", NotSecretName},
		{"private_key_path", NotSecretName},
		{"PRIVATE_KEY_FILE", NotSecretName},
		{"public_key", NotSecretName},
		{"key", NotSecretName},
		{"cache_key", NotSecretName},
		{"primary_key", NotSecretName},
		{"password_key", NotSecretName},
		{"secret_key_name", NotSecretName},
		{"tokenizer", NotSecretName},
		{"tokens", NotSecretName},
		{"bypass", NotSecretName},
		{"compass", NotSecretName},
		{"passenger", NotSecretName},
		{"is_password_set", NotSecretName},
		{"wrong_password", NotSecretName},
		{"PASSWORD_ENV_VAR", NotSecretName},
		{"credentials_file", NotSecretName},
		{"authorization_url", NotSecretName},
		{"keyword", NotSecretName},
		{"pw_hash", NotSecretName},
		{"Access-Control-Allow-Credentials", NotSecretName},
		{"", NotSecretName},
	}
	for _, tt := range tests {
		if got := SecretName(tt.in); got != tt.want {
			t.Errorf("SecretName(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsPlaceholderSecret(t *testing.T) {
	tests := []struct {
		value, name string
		want        bool
	}{
		{"s3cr3t-Passw0rd", "password", false},
		{"changeme", "password", false},
		{"admin123", "ADMIN_PASSWORD", false},
		{"secret", "password", false},
		{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_key", false},
		{"postgres://u:p@db/x", "password", false},
		{"correct horse", "passphrase", false},
		{"", "password", true},
		{"  ", "password", true},
		{"ab", "password", true},
		{"xxx", "password", true},
		{"aaaaaaa", "secret", false},
		{"********", "password", true},
		{"<password>", "password", true},
		{"<YOUR_API_KEY>", "api_key", true},
		{"${DB_PASSWORD}", "password", true},
		{"{{ password }}", "password", true},
		{"{password}", "password", true},
		{"Bearer {}", "authorization", true},
		{"%(password)s", "password", true},
		{"%DB_PASSWORD%", "password", true},
		{"$DB_PASSWORD", "password", true},
		{"DB_PASSWORD", "password", true},
		{"your-api-key", "api_key", true},
		{"YOUR_API_KEY_HERE", "api_key", true},
		{"put-your-token-here", "token", true},
		{"password", "PASSWORD", true},
		{"api-key", "API_KEY", true},
		{"access_token", "token", true},
		{"Bearer", "authorization", true},
		{"None", "password", true},
		{"TODO", "token", true},
		{"/etc/secrets/key.pem", "private_key", true},
		{"keys/private.pem", "private_key", true},
		{"credentials.json", "credentials", true},
		{"https://example.com/token", "token", true},
		{"Please enter your password", "password", true},
		{"$2b$12$abcdefghijklmnopqrstuv", "password", true},
		{"pbkdf2:sha256:260000$x$y", "password", true},
		{"lambda", "token", true},
		{"async", "TOKEN", true},
		{"ghp_16C7e42F292c6912E7710c838347Ae178B4a", "token", false},
		{"a1b2c3d4e5", "token", false},
		{"lambda", "auth_token", false},
		{"_password_reset_token", "INTERNAL_RESET_SESSION_TOKEN", true},
		{"admin-pass", "password", false},
		{"true", "Access-Control-Allow-Credentials", true},
		{"super_s3cret", "password", false},
	}
	for _, tt := range tests {
		if got := IsPlaceholderSecret(tt.value, tt.name); got != tt.want {
			t.Errorf("IsPlaceholderSecret(%q, %q) = %v, want %v", tt.value, tt.name, got, tt.want)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"hunter2hunter2", `"hunt…"`},
		{"abcdef", `"abc…"`},
		{"abcd", `"ab…"`},
		{"a", `"…"`},
		{"", `"…"`},
		{"pässwörd", `"päss…"`},
		{"a\"b\ncd", `"a?b…"`},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

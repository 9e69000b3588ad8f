package filter

import "testing"

func TestName(t *testing.T) {
	tests := []struct {
		name string
		want NameKind
	}{
		{"password", Credential},
		{"PASSWORD", Credential},
		{"passwd", Credential},
		{"pass", Credential},
		{"PW", Credential},
		{"passing", NotSecret},
		{"pwd_admin", NotSecret},
		{"db_pwd", Credential},
		{"secret", Credential},
		{"token", Credential},
		{"api_key", Credential},
		{"apiKey", Credential},
		{"API_KEY", Credential},
		{"api-key", Credential},
		{"apikey", Credential},
		{"access_key", Credential},
		{"private_key", Credential},
		{"privateKey", Credential},
		{"client_secret", Credential},
		{"clientSecret", Credential},
		{"CLIENT-SECRET", Credential},
		{"DB_PASSWORD", Credential},
		{"stripeSecretKey", Credential},
		{"auth_token", Credential},
		{"X-API-Key", Credential},
		{"basic_auth", Credential},
		{"REDIS_AUTH", Credential},
		{"auth", Credential},
		{"SECRET_KEY", SigningKey},
		{"CONSUMER_KEY", Credential},
		{"license_key", NotSecret},
		{"webhookKey", Credential},
		{"SEGMENT_WRITE_KEY", Credential},
		{"sort_key", NotSecret},
		{"primary_key", NotSecret},
		{"cache_key", NotSecret},
		{"foreign_key", NotSecret},
		{"user_key_id", NotSecret},
		{"JWT_SECRET_KEY", SigningKey},

		{"password_length", NotSecret},
		{"token_type", NotSecret},
		{"secret_name", NotSecret},
		{"auth_url", NotSecret},
		{"max_token", NotSecret},
		{"max_tokens", NotSecret},
		{"tokenizer", NotSecret},
		{"passwordless", NotSecret},
		{"pwd_context", NotSecret},
		{"password_hash", NotSecret},
		{"key_file", NotSecret},
		{"password_file", NotSecret},
		{"token_path", NotSecret},
		{"secret_id", NotSecret},
		{"token_env", NotSecret},
		{"password_var", NotSecret},
		{"password_field", NotSecret},
		{"password_label", NotSecret},
		{"token_regex", NotSecret},
		{"secret_pattern", NotSecret},
		{"token_endpoint", NotSecret},
		{"NextToken", NotSecret},
		{"csrf_token", NotSecret},
		{"use_auth", NotSecret},
		{"auth_type", NotSecret},
		{"oauth", NotSecret},
		{"author", NotSecret},
		{"monkey", NotSecret},
		{"", NotSecret},
		{"ChangeToken", NotSecret},
		{"ClientRequestToken", NotSecret},
		{"ClientToken", NotSecret},
		{"input_token", NotSecret},
		{"output_token", NotSecret},
		{"PurchaseToken", NotSecret},
		{"existingSecret", NotSecret},
		{"external_secret", NotSecret},
		{"secretKeyRef", NotSecret},
		{"secret_ref", NotSecret},
		{"secret_arn", NotSecret},
		{"refresh_token", Credential},
		{"bot_token", Credential},
		{"webhook_secret", Credential},
		{"AWS::IAM::AccessKey", NotSecret},
		{"ProcessorDoesNotSupportIncrementalAuth", NotSecret},
	}
	for _, tt := range tests {
		t.Run("n_"+tt.name, func(t *testing.T) {
			if got := Name(tt.name); got != tt.want {
				t.Errorf("Name(%q) = %v, want %v", tt.name, got, tt.want)
			}
			if got := IsSecretName(tt.name); got != (tt.want != NotSecret) {
				t.Errorf("IsSecretName(%q) = %v", tt.name, got)
			}
		})
	}
}

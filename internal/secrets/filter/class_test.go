package filter

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name, key, value string
		want             Class
	}{
		// Real-looking secrets.
		{"password", "DB_PASSWORD", "s3cr3t-Passw0rd", Plausible},
		{"weak_password", "password", "hunter2hunter2", Plausible},
		{"digits_word", "ADMIN_PASS", "admin123", Plausible},
		{"passphrase_words", "passphrase", "correct horse battery staple", Plausible},
		{"base64_slash", "aws_secret", "Zk9/qL3pM+x8Tq2vR7sN0wYbC4dE6fGhJ1kL5mN9", Plausible},
		{"base64_leading_slash", "secret", "/K7MDENGbPxRfiCYqL3pM+x8Tq2vR7sN0w", Plausible},
		{"hex_key_no_hash_name", "api_key", "a9f8e7d6c5b4a3f2e1d0a9f8e7d6c5b4", Plausible},
		{"jwt", "token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhYmMifQ.dGhpcyBpcyBzaWduYXR1cmU", Plausible},
		{"url_with_credentials", "DATABASE_URL", "postgres://app:Sup3rS3cret@db:5432/app", Plausible},
		{"symbols", "pwd", "m@ilP4ss!", Plausible},
		{"password123", "password", "password123", Plausible},
		{"symbols_words", "password", "P@55w0rd!", Plausible},
		{"dotted_mixed", "token", "ya29.a0AfH6SMBx3e2Zs", Plausible},
		{"six_chars", "pin", "k8#Lq2", Plausible},

		// Empty, short, placeholders.
		{"empty", "password", "", Empty},
		{"blank", "password", "   \t", Empty},
		{"short", "password", "ab1", Short},
		{"short5", "password", "k8#Lq", Short},
		{"changeme", "password", "changeme", Placeholder},
		{"change_me", "password", "change_me", Placeholder},
		{"change-me", "password", "Change-Me", Placeholder},
		{"xxx", "api_key", "xxx", Placeholder},
		{"image_default", "POSTGRES_PASSWORD", "postgres", Placeholder},
		{"image_default_guest", "RABBITMQ_DEFAULT_PASS", "guest", Placeholder},
		{"ellipsis", "OPENAI_API_KEY", "sk-...", Placeholder},
		{"unicode_ellipsis", "token", "ghp_…", Placeholder},
		{"percent_d_in_password", "MAIL_PASSWORD", "%dN5qtjsB9QULutW", Plausible},
		{"x_mask", "api_key", "xxxx-xxxx-xxxx", Placeholder},
		{"x_in_key", "stripe", "sk_live_xxxxxxxxxxxxxxxx", Placeholder},
		{"stars", "password", "********", Placeholder},
		{"stars_inside", "token", "ghp_****abcd", Placeholder},
		{"your_key", "api_key", "your-api-key", Placeholder},
		{"your_key_here", "api_key", "YOUR_API_KEY_HERE", Placeholder},
		{"insert", "token", "insert-token-here", Placeholder},
		{"example", "password", "example", Placeholder},
		{"example_inside", "password", "my-example-pass", Placeholder},
		{"dummy", "token", "dummy-token-123", Placeholder},
		{"sample", "secret", "sample_secret_value", Placeholder},
		{"test", "password", "test", Placeholder},
		{"test123", "password", "test123", Placeholder},
		{"fake", "api_key", "fake", Placeholder},
		{"redacted", "token", "[REDACTED]", Template},
		{"redacted_bare", "token", "REDACTED", Placeholder},
		{"none", "password", "None", Placeholder},
		{"null", "password", "null", Placeholder},
		{"value_password", "password", "password", Placeholder},
		{"value_secret", "api_secret", "secret", Placeholder},
		{"todo", "token", "TODO", Placeholder},
		{"name_repeated", "db_password", "DB-Password", Placeholder},
		{"not_a_real", "password", "not-a-real-password", Placeholder},
		{"test_pass", "password", "testPass", Placeholder},
		{"test_pw", "password", "testpw", Placeholder},
		{"bad_pass", "password", "badpass", Placeholder},
		{"some_pass", "password", "somepass", Placeholder},
		{"my_token_digits", "token", "mytoken42", Placeholder},
		{"test_in_real", "password", "testimony-Xq81", Plausible},
		{"punctuation", "password", "-", Placeholder},
		{"bearer", "auth", "Bearer", Placeholder},

		// Templates and lookups.
		{"dollar_brace", "password", "${DB_PASSWORD}", EnvLookup},
		{"dollar_brace_default", "password", "${DB_PASSWORD:-dev}", EnvLookup},
		{"dollar", "password", "$DB_PASSWORD", EnvLookup},
		{"percent_win", "password", "%DB_PASSWORD%", EnvLookup},
		{"env_name", "password", "DB_PASSWORD", EnvLookup},
		{"os_environ", "password", `os.environ["DB_PASSWORD"]`, EnvLookup},
		{"os_getenv", "password", "os.getenv('X')", EnvLookup},
		{"process_env", "token", "process.env.API_TOKEN", EnvLookup},
		{"ruby_env", "token", "ENV['API_TOKEN']", EnvLookup},
		{"env_call", "token", `env("API_TOKEN")`, EnvLookup},
		{"shell_subst", "token", "$(cat /run/secrets/token)", EnvLookup},
		{"onepassword", "token", "op://vault/item/field", EnvLookup},
		{"jinja", "password", "{{ db_password }}", Template},
		{"jinja_inside", "password", "prefix-{{ vault_pw }}", Template},
		{"percent_named", "password", "%(password)s", Template},
		{"format_field", "password", "{password}", Template},
		{"format_index", "dsn", "postgres-{0}", Template},
		{"angle", "api_key", "<your-key>", Template},
		{"angle_inside", "auth", "Bearer <token>", Template},
		{"percent_s", "token", "token=%s", Template},
		{"percent_d_colon", "password", "user%d:%s", Template},

		// Shapes.
		{"repeated", "password", "aaaaaaaa", Repeated},
		{"repeated_unit", "password", "abcabcabc", Repeated},
		{"sequential_digits", "password", "12345678", Sequential},
		{"sequential_letters", "password", "abcdefg", Sequential},
		{"qwerty", "password", "qwerty", Sequential},
		{"qwerty123", "password", "Qwerty123", Sequential},
		{"abc_123", "password", "abc-123456", Sequential},
		{"reverse", "password", "987654321", Sequential},
		{"keyboard_digits_hex", "token", "1234567890abcdef", Sequential},
		{"uuid", "request_id", "550e8400-e29b-41d4-a716-446655440000", UUID},
		{"uuid_braces", "heroku_api_key", "{550E8400-E29B-41D4-A716-446655440000}", UUID},
		{"sha256_named", "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hash},
		{"md5_checksum", "checksum", "d41d8cd98f00b204e9800998ecf8427e", Hash},
		{"commit", "commit_sha", "da39a3ee5e6b4b0d3255bfef95601890afd80709", Hash},
		{"integrity", "integrity", "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==", Hash},
		{"digest_prefix", "image", "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hash},
		{"bcrypt", "password", "$2b$12$KIXQJ9h1rG6x8w9u1R3b0eZ7l2m3n4o5p6q7r8s9t0u1v2w3x4y5z", Hash},
		{"django_hash", "password", "pbkdf2_sha256$260000$abc$def0123456789", Hash},
		{"ssha", "userPassword", "{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", Hash},
		{"aws_example_id", "aws_access_key_id", "AKIAIOSFODNN7" + "EXAMPLE", Example},
		{"aws_example_secret", "aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY", Example},
		{"stripe_doc", "stripe_key", "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc", Example},
		{"jwt_io", "token", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", Example},
		{"example_mark", "api_key", "AKIAZZZZZZZZ" + "EXAMPLE1", Example},
		{"abs_path", "private_key", "/etc/ssl/private/server.key", Path},
		{"home_path", "key_file", "~/.ssh/id_rsa", Path},
		{"rel_path", "private_key", "./secrets/db_password", Path},
		{"windows_path", "cert", `C:\certs\client.pfx`, Path},
		{"file_ext", "private_key", "keys/server.pem", Path},
		{"secret_manager_name", "db_password", "prod/billing/db-password", Path},
		{"base64_two_slashes", "secret", "aB3k/zQ9d/pW7x", Plausible},
		{"url", "token_url", "https://auth.example.com/oauth/token", URL},
		{"url_user_only", "url", "https://git@github.com/org/repo", URL},
		{"version", "token", "1.2.3", Version},
		{"version_v", "token", "v2.0.0-rc1", Version},
		{"oid", "SERVER_AUTH", "1.3.6.1.5.5.7.3.1", Version},
		{"call", "password", "get_password()", Code},
		{"call_args", "token", "secrets.token_hex(32)", Code},
		{"attribute", "password", "settings.DB_PASSWORD", Code},
		{"self_attr", "password", "self.password", Code},
		{"snake_name", "input_token", "next_token", Identifier},
		{"camel_name", "output_token", "nextToken", Identifier},
		{"pascal_acronym", "ACCESS_KEY", "AWSAccessKeyId", Identifier},
		{"header_name", "ACL_CREDENTIALS", "Access-Control-Allow-Credentials", Identifier},
		{"colon_name", "_SAR_APP_KEY", "serverlessrepo:applicationId", Identifier},
		{"kebab_words", "AWS_SECRET_ACCESS_KEY", "role-secret-key", Identifier},
		{"letters_random", "token", "xKpQzRtLmNvBwQ", Plausible},
		{"letters_word", "password", "letmein", Plausible},
		{"foobar", "AWS_SECRET_ACCESS_KEY", "FOOBARSECRET", Placeholder},
		{"regex", "jsonnet_token", `[^\W\d]\w*`, Regex},
		{"regex_anchored", "token_re", "^sk_live_.+$", Regex},
		{"lookahead", "token", `name(?=\()`, Regex},
		{"token_word", "input_token", "Marker", Identifier},
		{"key_word", "sort_key", "Position", Identifier},
		{"password_word", "password", "letmein", Plausible},
		{"unnamed_word", "", "letmein", Plausible},
		{"arn", "policy_token", "arn:aws:iam::aws:policy/IAMUserChangePassword", Identifier},
		{"secret_arn", "db_secret", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf", EnvLookup},
		{"urn", "token", "urn:ietf:params:oauth:grant-type:jwt-bearer", Identifier},
		{"field_path", "token", "Jobs[-1].JobId", Identifier},
		{"field_path_long", "token", "StreamDescription.Shards[-1].ShardId", Identifier},
		{"stripe_test", "stripe_key", "sk_test_" + "51HqLyjWDarjtT1zdp7dcXyZ", TestKey},
		{"braintree_sandbox", "token", "access_token$sandbox$" + "q8Lz2vX9mK4wR7tY$3pB6zN1", TestKey},
		{"rfc6749", "auth", "czZCaGRSa3F0" + "MzpnWDFmQmF0M2JW", Example},
		{"pyjwt_readme", "token", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg", Example},
		{"prose", "password", "Please enter your password", Text},
		{"prose_colon", "token", "Token expired, log in again:", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Classify(tt.key, tt.value); got != tt.want {
				t.Errorf("Classify(%q, %q) = %v, want %v", tt.key, tt.value, got, tt.want)
			}
		})
	}
}

func TestNoise(t *testing.T) {
	for c := Plausible; c <= lastClass; c++ {
		want := c != Plausible && c != UUID && c != Example
		if got := c.Noise(); got != want {
			t.Errorf("%v.Noise() = %v, want %v", c, got, want)
		}
		if c.String() == "unknown" {
			t.Errorf("class %d has no name", c)
		}
	}
}

func TestIsKnownExample(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"inside_line", "aws_access_key_id = AKIAIOSFODNN7" + "EXAMPLE", true},
		{"marked", "key: AKIAQQQQQQQQ" + "EXAMPLE", true},
		{"real_shape", "key: AKIAQQQQQQQQQQQQQQQQ", false},
		{"lower_example", "see example.com", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsKnownExample(tt.text); got != tt.want {
				t.Errorf("IsKnownExample(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestClassifyLongValue(t *testing.T) {
	long := strings.Repeat("Ab3+", maxClassify)
	if got := Classify("key", long); got != Plausible {
		t.Errorf("Classify(long) = %v, want plausible", got)
	}
}

func TestClassifyAllocs(t *testing.T) {
	values := []string{"s3cr3t-Passw0rd", "changeme", "${DB_PASSWORD}", "{{ x }}", "12345678",
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "/etc/ssl/x.key",
		"Please enter your password", "settings.DB_PASSWORD"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, v := range values {
			Classify("sha256_password", v)
		}
	})
	if allocs != 0 {
		t.Errorf("Classify allocates %v times per run, want 0", allocs)
	}
}

func BenchmarkClassify(b *testing.B) {
	values := []string{"s3cr3t-Passw0rd", "changeme", "${DB_PASSWORD}", "aaaaaaaa",
		"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzzz"}
	for b.Loop() {
		for _, v := range values {
			Classify("password", v)
		}
	}
}

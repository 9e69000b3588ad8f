package secrets

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// TestConfidence checks the confidence overrides that fixtures cannot
// express: test paths, fallbacks, comparisons and print.
func TestConfidence(t *testing.T) {
	tests := []struct {
		name string
		rule *analysis.Rule
		path string
		src  string
		want []analysis.Confidence
	}{
		{"assign", HardcodedPasswordString, "app/config.py", `DB_PASSWORD = "s3cr3t-pass"`, []analysis.Confidence{analysis.ConfidenceMedium}},
		{"assign_in_tests", HardcodedPasswordString, "tests/test_db.py", `DB_PASSWORD = "s3cr3t-pass"`, []analysis.Confidence{analysis.ConfidenceLow}},
		{"fallback", HardcodedPasswordString, "app/config.py", "import os\nDB_PASSWORD = os.getenv('DB_PASSWORD', 'dev-pass-1')", []analysis.Confidence{analysis.ConfidenceLow}},
		{"compare", HardcodedPasswordString, "app/auth.py", "def f(password):\n    return password == 'letmein'", []analysis.Confidence{analysis.ConfidenceLow}},
		{"compare_random", HardcodedPasswordString, "app/auth.py", "def f(password):\n    return password == 'q8#Lz!2@vX9$mK4&'", []analysis.Confidence{analysis.ConfidenceMedium}},
		{"assign_random", HardcodedPasswordString, "app/config.py", `API_TOKEN = "Zk9qL3pMx8Tq2vR7sN0wYbC4dE6f"`, []analysis.Confidence{analysis.ConfidenceHigh}},
		{"assign_random_in_tests", HardcodedPasswordString, "tests/conftest.py", `API_TOKEN = "Zk9qL3pMx8Tq2vR7sN0wYbC4dE6f"`, []analysis.Confidence{analysis.ConfidenceMedium}},
		{"assign_random_in_docs", HardcodedPasswordString, "docs/conf.py", `API_TOKEN = "Zk9qL3pMx8Tq2vR7sN0wYbC4dE6f"`, []analysis.Confidence{analysis.ConfidenceMedium}},
		{"bearer", HardcodedPasswordString, "app/config.py", `HEADERS = {"Authorization": "Bearer Zk9qL3pMx8Tq2vR7sN0wYbC4dE6f"}`, []analysis.Confidence{analysis.ConfidenceHigh}},
		{"bearer_placeholder", HardcodedPasswordString, "app/config.py", `HEADERS = {"Authorization": "Bearer YOUR_TOKEN"}`, nil},
		{"label_with_spaces", HardcodedPasswordString, "app/config.py", `opaquelocktoken = "RFC 2518"`, nil},
		{"phrase", HardcodedPasswordString, "app/config.py", `passphrase = "correct horse"`, []analysis.Confidence{analysis.ConfidenceLow}},
		{"token_word", HardcodedPasswordString, "app/config.py", `paging = {"input_token": "marker"}`, nil},
		{"token_field_name", HardcodedPasswordString, "app/config.py", `paging = {"input_token": "next_token"}`, nil},
		{"regex", HardcodedPasswordString, "app/lexer.py", `name_token = r'[^\W\d]\w*'`, nil},
		{"assign_word", HardcodedPasswordString, "app/config.py", `PASSWORD = "letmein"`, []analysis.Confidence{analysis.ConfidenceLow}},
		{"assign_example_key", HardcodedPasswordString, "app/config.py", `aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" "EXAMPLEKEY"`, nil},
		{"signing_key_example", HardcodedSigningKey, "app/auth.py", "import jwt\njwt.encode({}, 'AKIAIOSFODNN7' 'EXAMPLE')", nil},
		{"compare_in_tests", HardcodedPasswordString, "tests/test_auth.py", "def f(password):\n    return password == 'letmein'", []analysis.Confidence{analysis.ConfidenceLow}},
		{"argument_in_tests", HardcodedPasswordArgument, "app/tests.py", "client.login(username='a', password='pw-123')", []analysis.Confidence{analysis.ConfidenceLow}},
		{"default", HardcodedPasswordDefault, "app/db.py", "def connect(password='pw-123'):\n    pass", []analysis.Confidence{analysis.ConfidenceMedium}},
		{"log", SecretInLog, "app/auth.py", "import logging\nlogging.info('pw %s', password)", []analysis.Confidence{analysis.ConfidenceMedium}},
		{"log_bare_token", SecretInLog, "app/auth.py", "import logging\nlogging.info('tok %s', token)", []analysis.Confidence{analysis.ConfidenceLow}},
		{"print", SecretInLog, "app/cli.py", "print(api_key)", []analysis.Confidence{analysis.ConfidenceLow}},
		{"print_bare_token", SecretInLog, "app/lexer.py", "print(token)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			analysistest.CheckConfidences(t, tt.rule, tt.path, tt.src, tt.want)
		})
	}
}

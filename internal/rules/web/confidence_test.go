package web

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// TestConfidence checks the confidence overrides that fixtures cannot
// express: test and development paths and classes, fallbacks, cookie names.
func TestConfidence(t *testing.T) {
	tests := []struct {
		name string
		rule *analysis.Rule
		path string
		src  string
		want []analysis.Confidence
	}{
		{"secret_key", HardcodedSecretKey, "shop/settings.py", "SECRET_KEY = 'abc-123-def'", []analysis.Confidence{analysis.ConfidenceHigh}},
		{"secret_key_fallback", HardcodedSecretKey, "shop/settings.py", "import os\nSECRET_KEY = os.environ.get('SECRET_KEY', 'abc-123-def')", []analysis.Confidence{analysis.ConfidenceMedium}},
		{"secret_key_in_tests", HardcodedSecretKey, "tests/settings.py", "SECRET_KEY = 'abc-123-def'", []analysis.Confidence{analysis.ConfidenceLow}},
		{"cookie_setting", InsecureCookieSetting, "shop/settings.py", "SESSION_COOKIE_SECURE = False", []analysis.Confidence{analysis.ConfidenceHigh}},
		{"cookie_setting_dev_class", InsecureCookieSetting, "app/config.py", "class DevelopmentConfig:\n    SESSION_COOKIE_SECURE = False", []analysis.Confidence{analysis.ConfidenceLow}},
		{"cookie_setting_dev_path", InsecureCookieSetting, "shop/settings/local.py", "SESSION_COOKIE_SECURE = False", []analysis.Confidence{analysis.ConfidenceLow}},
		{"allowed_hosts_dev", AllowedHostsWildcard, "shop/settings/dev.py", "ALLOWED_HOSTS = ['*']", []analysis.Confidence{analysis.ConfidenceLow}},
		{"csrf_disabled_testing", CSRFDisabled, "app/config.py", "class TestingConfig:\n    WTF_CSRF_ENABLED = False", nil},
		{"csrf_disabled_in_tests", CSRFDisabled, "tests/conftest.py", "WTF_CSRF_ENABLED = False", nil},
		{"csrf_exempt_webhook", CSRFExempt, "shop/views.py", "from django.views.decorators.csrf import csrf_exempt\n@csrf_exempt\ndef stripe_webhook(request):\n    pass", []analysis.Confidence{analysis.ConfidenceLow}},
		{"cookie_session", CookieWithoutFlags, "app.py", "resp.set_cookie('session', sid)", []analysis.Confidence{analysis.ConfidenceHigh}},
		{"cookie_theme", CookieWithoutFlags, "app.py", "resp.set_cookie('theme', 'dark')", []analysis.Confidence{analysis.ConfidenceMedium}},
		{"cookie_in_tests", CookieWithoutFlags, "tests/test_app.py", "resp.set_cookie('session', sid)", nil},
		{"bind_in_tests", BindAllInterfaces, "tests/test_server.py", "app.run(host='0.0.0.0')", []analysis.Confidence{analysis.ConfidenceLow}},
		{"ssl_redirect_dev", SSLRedirectDisabled, "shop/settings/dev.py", "SECURE_SSL_REDIRECT = False", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			analysistest.CheckConfidences(t, tt.rule, tt.path, tt.src, tt.want)
		})
	}
}

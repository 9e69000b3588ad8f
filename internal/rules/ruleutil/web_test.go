package ruleutil

import "testing"

func TestSettingsPaths(t *testing.T) {
	tests := []struct {
		path                   string
		test, dev, settingsMod bool
	}{
		{"shop/settings.py", false, false, true},
		{"shop/settings/base.py", false, false, true},
		{"shop/settings/production.py", false, false, true},
		{"shop/settings/dev.py", false, true, true},
		{"shop/settings/local.py", false, true, true},
		{"shop/settings_local.py", false, true, true},
		{"shop/test_settings.py", true, true, true},
		{`shop\settings\testing.py`, false, true, true},
		{"app/config.py", false, false, true},
		{"app/conf.py", false, false, true},
		{"tests/test_views.py", true, true, false},
		{"src/shop/views_test.py", true, true, false},
		{"conftest.py", true, true, false},
		{"app/views.py", false, false, false},
		{"app/latest.py", false, false, false},
		{"app/contest/views.py", false, false, false},
		{"testdata/KR505.py", false, false, false},
	}
	for _, tt := range tests {
		if got := IsTestPath(tt.path); got != tt.test {
			t.Errorf("IsTestPath(%q) = %v, want %v", tt.path, got, tt.test)
		}
		if got := IsDevSettingsPath(tt.path); got != tt.dev {
			t.Errorf("IsDevSettingsPath(%q) = %v, want %v", tt.path, got, tt.dev)
		}
		if got := IsSettingsPath(tt.path); got != tt.settingsMod {
			t.Errorf("IsSettingsPath(%q) = %v, want %v", tt.path, got, tt.settingsMod)
		}
	}
}

package errhandling

import (
	"testing"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
)

// TestConfidence checks the confidence overrides that fixtures cannot
// express: settings and dev paths, certain and likely Flask apps, tracebacks.
func TestConfidence(t *testing.T) {
	tests := []struct {
		name string
		rule *analysis.Rule
		path string
		src  string
		want []analysis.Confidence
	}{
		{"debug_django", DjangoDebug, "shop/settings.py", "INSTALLED_APPS = [\"django.contrib.auth\"]\nDEBUG = True", []analysis.Confidence{analysis.ConfidenceHigh}},
		{"debug_settings_path", DjangoDebug, "app/config.py", "DEBUG = True", []analysis.Confidence{analysis.ConfidenceMedium}},
		{"debug_plain_module", DjangoDebug, "app/views.py", "DEBUG = True", nil},
		{"debug_dev_settings", DjangoDebug, "shop/settings/dev.py", "INSTALLED_APPS = [\"django.contrib.auth\"]\nDEBUG = True", []analysis.Confidence{analysis.ConfidenceLow}},
		{"debug_env_default", DjangoDebug, "shop/settings.py", "INSTALLED_APPS = [\"django.contrib.auth\"]\nimport os\nDEBUG = os.environ.get('DEBUG', True)", []analysis.Confidence{analysis.ConfidenceLow}},
		{"flask_certain", FlaskDebug, "app.py", "from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)", []analysis.Confidence{analysis.ConfidenceHigh}},
		{"flask_likely", FlaskDebug, "run.py", "from flask import current_app\nfrom factory import app\napp.run(debug=True)", []analysis.Confidence{analysis.ConfidenceMedium}},
		{"flask_not_flask", FlaskDebug, "run.py", "from factory import app\napp.run(debug=True)", nil},
		{"leak_traceback", ExceptionInResponse, "views.py", "import traceback\nfrom flask import jsonify\ndef v():\n    try:\n        pass\n    except Exception:\n        return jsonify(traceback.format_exc())", []analysis.Confidence{analysis.ConfidenceHigh}},
		{"leak_message", ExceptionInResponse, "views.py", "from flask import jsonify\ndef v():\n    try:\n        pass\n    except Exception as e:\n        return jsonify(str(e))", []analysis.Confidence{analysis.ConfidenceMedium}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			analysistest.CheckConfidences(t, tt.rule, tt.path, tt.src, tt.want)
		})
	}
}

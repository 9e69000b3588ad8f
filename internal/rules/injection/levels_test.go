package injection

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/analysis/analysistest"
	"github.com/kraitsec/krait/internal/python/parser"
)

// TestLevels checks the severity and confidence that findings carry, which
// the fixtures (matching messages only) do not see.
func TestLevels(t *testing.T) {
	type level struct {
		Severity   analysis.Severity
		Confidence analysis.Confidence
	}
	high, low := analysis.SeverityHigh, analysis.SeverityLow
	tests := []struct {
		name string
		rule *analysis.Rule
		src  string
		want []level
	}{
		{"shell_built", SubprocessShell, "import subprocess\ndef f(x):\n    subprocess.run(f'ls {x}', shell=True)\n",
			[]level{{high, analysis.ConfidenceHigh}}},
		{"shell_variable", SubprocessShell, "import subprocess\ndef f(x):\n    subprocess.run(x, shell=True)\n",
			[]level{{high, analysis.ConfidenceMedium}}},
		{"shell_const", SubprocessShell, "import subprocess\nsubprocess.run('ls', shell=True)\n",
			[]level{{low, analysis.ConfidenceHigh}}},
		{"shell_unknown_flag", SubprocessShell, "import subprocess\ndef f(x, s):\n    subprocess.run(f'ls {x}', shell=s)\n",
			[]level{{analysis.SeverityMedium, analysis.ConfidenceMedium}}},
		{"os_system_quoted", StartProcessShell, "import os, shlex\ndef f(x):\n    os.system('ls ' + shlex.quote(x))\n",
			[]level{{low, analysis.ConfidenceMedium}}},
		{"paramiko_unproven", ParamikoExec, "def f(c, x):\n    c.exec_command('ls ' + x)\n",
			[]level{{analysis.SeverityMedium, analysis.ConfidenceMedium}}},
		{"argv_request_program", SubprocessWithoutShell, "import subprocess\nfrom flask import request\nsubprocess.run([request.args['tool'], '-v'])\n",
			[]level{{high, analysis.ConfidenceMedium}}},
		{"argv_request_args", SubprocessWithoutShell, "import subprocess\nfrom flask import request\nsubprocess.run(['ping', request.args['host']])\n",
			[]level{{analysis.SeverityMedium, analysis.ConfidenceMedium}}},
		{"argv_variable_args", SubprocessWithoutShell, "import subprocess\ndef f(h):\n    subprocess.run(['ping', h])\n",
			[]level{{low, analysis.ConfidenceLow}}},
		{"argv_opaque", SubprocessWithoutShell, "import subprocess\ndef f(argv):\n    subprocess.run(argv)\n",
			[]level{{low, analysis.ConfidenceLow}}},
		{"eval_const", EvalUsed, "eval('1 + 1')\n",
			[]level{{low, analysis.ConfidenceLow}}},
		{"sql_with_params", SQLInjection, "def f(cur, t, x):\n    cur.execute(f'SELECT * FROM {t} WHERE a = %s', (x,))\n",
			[]level{{analysis.SeverityMedium, analysis.ConfidenceLow}}},
		{"sql_not_sql_text", SQLInjection, "def f(cur, x):\n    cur.execute(f'job {x}')\n",
			[]level{{high, analysis.ConfidenceMedium}}},
		{"sql_string_quoted", SQLString, "def f(x):\n    return \"SELECT a FROM t WHERE b = '%s'\" % x\n",
			[]level{{analysis.SeverityMedium, analysis.ConfidenceMedium}}},
		{"sql_string_unquoted", SQLString, "def f(x):\n    return 'SELECT a FROM t WHERE b = %s' % x\n",
			[]level{{analysis.SeverityMedium, analysis.ConfidenceLow}}},
		{"listen_verify", LoggingListen, "import logging.config\nlogging.config.listen(9999, verify=check)\n",
			[]level{{low, analysis.ConfidenceLow}}},
		{"import", SubprocessImport, "import subprocess\n",
			[]level{{low, analysis.ConfidenceLow}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parser.Parse("t.py", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			findings, err := analysistest.RunRule("t.py", f, tt.rule)
			if err != nil {
				t.Fatal(err)
			}
			var got []level
			for _, fd := range findings {
				got = append(got, level{fd.Severity, fd.Confidence})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("levels (-want +got):\n%s", diff)
			}
		})
	}
}

package report

import "github.com/kraitsec/krait/internal/analysis"

// fullResult exercises every part of every format: several files, every severity, a
// taint flow, file errors, wide and combining characters, a bidirectional control,
// Markdown and HTML metacharacters, an @mention, a file-level finding and a code that
// has no rule description.
func fullResult() *Result {
	return &Result{
		Version: "1.2.3",
		Root:    ".",
		Findings: []analysis.Finding{
			{
				Code: "KR101", Name: "subprocess-shell-true", Message: "subprocess.run called with shell=True and a command built from request data",
				Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh, CWE: []int{78},
				Path: "app/views.py", Line: 14, Column: 9, EndLine: 14, EndColumn: 40,
				Snippet:     "        subprocess.run(cmd, shell=True)  # run it",
				Fingerprint: "3f2a9c0d11b2e7a4", Analyzer: "rules", Aliases: []string{"B602", "S602"},
			},
			{
				Code: "KR102", Name: "sql-string-concat", Message: "SQL built with `+` from <user> input | table & \"name\" (see *docs*)",
				Severity: analysis.SeverityCritical, Confidence: analysis.ConfidenceMedium, CWE: []int{89},
				Path: "app/views.py", Line: 20, Column: 5, EndLine: 22, EndColumn: 6,
				Snippet:     "    cur.execute(\"SELECT * FROM t WHERE a = '\"\n        + name\n        + \"'\")",
				Fingerprint: "77aa01c9e0f3d254", Analyzer: "rules", Aliases: []string{"B608", "S608"},
			},
			{
				Code: "KR301", Name: "hardcoded-password", Message: "hard-coded password \"hunt…\" assigned to PASSWORD",
				Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceHigh, CWE: []int{259, 798},
				Path: "app/settings.py", Line: 3, Column: 1, EndLine: 3, EndColumn: 21,
				Snippet:     "PASSWORD = \"hunt…\"",
				Fingerprint: "c0ffee0012345678", Analyzer: "secrets",
			},
			{
				Code: "KR201", Name: "weak-hash", Message: "md5 is not a safe hash for données",
				Severity: analysis.SeverityLow, Confidence: analysis.ConfidenceLow, CWE: []int{328},
				Path: "lib/ünïcode.py", Line: 2, Column: 10, EndLine: 2, EndColumn: 40,
				Snippet:     "名前 = hashlib.md5(\"e\u0301té\".encode())",
				Fingerprint: "0123456789abcdef", Analyzer: "rules", Aliases: []string{"B324", "S324"},
			},
			{
				Code: "KR901", Name: "bidi-control-character", Message: "bidirectional control U+202E in a string can hide code",
				Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh, CWE: []int{1007},
				Path: "lib/ünïcode.py", Line: 5, Column: 16, EndLine: 5, EndColumn: 19,
				Snippet:     "\taccess = \"user\u202e \u2066# admin\u2069\u2066\"",
				Fingerprint: "fedcba9876543210", Analyzer: "rules",
			},
			{
				Code: "KR701", Name: "unpinned-requirement", Message: "requirement flask is not pinned; @app.route handlers run whatever version installs",
				Severity: analysis.SeverityLow, Confidence: analysis.ConfidenceMedium,
				Path: "requirements.txt", Fingerprint: "aaaabbbbccccdddd", Analyzer: "deps",
			},
		},
		Flows: map[int][]FlowStep{
			0: {
				{Path: "app/views.py", Line: 11, Column: 11, EndLine: 11, EndColumn: 36, Message: "request.args.get(\"cmd\") returns user input"},
				{Path: "app/views.py", Line: 12, Column: 5, EndLine: 12, EndColumn: 8, Message: "assigned to cmd"},
				{Path: "app/views.py", Line: 14, Column: 9, EndLine: 14, EndColumn: 40, Message: "reaches subprocess.run(shell=True)"},
			},
		},
		Errors: []FileError{
			{Path: "broken.py", Line: 2, Column: 3, Kind: "syntax", Message: "invalid syntax"},
			{Path: "data/private dir", Kind: "read", Message: "permission denied"},
		},
		Stats: &Stats{
			Files: 4, Lines: 120, Bytes: 3456, Skipped: map[string]int{"too-large": 2, "binary": 1},
			Measured: &Measured{Seconds: 0.25, LinesPerSecond: 480, PeakRSSBytes: 12 << 20},
		},
		Rules: []*analysis.Rule{
			{
				Code: "KR101", Name: "subprocess-shell-true", Summary: "subprocess call with shell=True",
				Severity: analysis.SeverityHigh, Confidence: analysis.ConfidenceHigh, CWE: []int{78},
				Aliases: []string{"B602", "S602"},
				Doc: "## What it does\nChecks for `subprocess` calls with `shell=True`.\n\n" +
					"## Why is this bad?\nThe shell interprets the command, so input can inject commands.\n\n" +
					"## Example\n```python\nsubprocess.run(cmd, shell=True)\n```\n\n" +
					"## Use instead\n```python\nsubprocess.run(shlex.split(cmd))\n```\n\n" +
					"## References\n- [subprocess security](https://docs.python.org/3/library/subprocess.html#security-considerations)\n",
			},
			{
				Code: "KR102", Name: "sql-string-concat", Summary: "SQL query built by string concatenation",
				Severity: analysis.SeverityCritical, Confidence: analysis.ConfidenceMedium, CWE: []int{89},
				Doc: "## What it does\nChecks for SQL built with `+`, `%` or f-strings.\n",
			},
			{
				Code: "KR201", Name: "weak-hash", Summary: "weak hash function",
				Severity: analysis.SeverityLow, Confidence: analysis.ConfidenceLow, CWE: []int{328},
			},
			{
				Code: "KR999", Name: "not-reported", Summary: "a rule that ran and found nothing",
				Severity: analysis.SeverityMedium, Confidence: analysis.ConfidenceMedium,
			},
		},
	}
}

// cleanResult is a scan that found nothing.
func cleanResult() *Result {
	return &Result{Version: "1.2.3", Root: ".", Stats: &Stats{Files: 2, Lines: 10, Bytes: 200}}
}

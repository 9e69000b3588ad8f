// Package config reads krait's configuration, merges it with the command line, and
// reads and writes baselines.
//
// # Files
//
// Load looks in the scan root only (no search upwards) for krait.toml, whose keys sit
// at the top level, and otherwise for the [tool.krait] table of pyproject.toml. If both
// files exist, krait.toml wins and pyproject.toml is not read. Keys are kebab-case:
//
//	[tool.krait]
//	select = ["KR1", "crypto"]          # codes, code prefixes or categories; empty = all
//	ignore = ["KR105"]
//	per-file-ignores = { "tests/**" = ["KR901"], "!src/**" = ["KR3"] }
//	exclude = ["build", "**/migrations/*.py"]
//	min-severity = "medium"             # low, medium, high, critical
//	min-confidence = "low"              # low, medium, high
//	fail-on = "high"                    # a severity, or never
//	baseline = "krait-baseline.json"    # relative to the scan root
//
// Globs are doublestar patterns over slash-separated paths relative to the scan root;
// like --exclude, a per-file pattern also matches a file's base name and its
// directories, so "tests" covers everything below tests/. A leading "!" applies the
// entry to the files the pattern does not match. Unknown keys, bad values and unknown
// rule codes are errors naming the file, the line and the key, e.g.
//
//	pyproject.toml:7: [tool.krait] min-severity: invalid severity "hihg" (want low, medium, high or critical)
//
// The scanned tree is untrusted, so Load reads only a regular file inside the root,
// of at most 1 MiB and 10000 keys and tables (the TOML decoder is quadratic in the
// keys of one table). A config can also switch rules off: scanning someone else's
// code with its own config trusts it that far.
//
// # Wiring
//
// A scan command does, with cat built from the rule registry:
//
//	cfg, src, err := config.Load(root, cat) // src is "" when there is no config file
//	ov := config.Overrides{Select: f.selects, Ignore: f.ignores, Exclude: f.exclude}
//	if fs.Changed("min-severity") { ov.MinSeverity = f.minSeverity } // likewise
//	                                // min-confidence, fail-on and baseline
//	eff, err := config.Merge(cfg, ov, cat)
//	// walk with walk.Options{Exclude: eff.Exclude}; run only rules with eff.Enabled(r)
//	// keep findings with eff.Keep(f); then, if eff.Baseline != "":
//	bl, err := config.LoadBaseline(eff.Baseline)
//	findings, fixed := bl.Filter(findings) // report len(fixed) entries as fixed
//	// exit 1 if eff.Fails(f) for any reported finding
//
// and `krait baseline -o FILE` calls WriteBaseline with the kept findings. Matching
// is by fingerprint alone, so fingerprints must hash the path relative to the scan
// root for a baseline to match when krait runs from another directory.
package config

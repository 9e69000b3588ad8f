package config

import (
	"cmp"
	"fmt"
	"path"
	"path/filepath"
	"slices"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/walk"
)

// Overrides are the command-line flags that can override the config, as typed. An
// empty value means the flag was not given; so the caller passes a flag's value only
// when the flag was set (pflag's Changed), never its default.
type Overrides struct {
	// Select and Ignore form a second selection layer on top of the config's; see Merge.
	Select, Ignore []string
	// MinSeverity, MinConfidence and FailOn replace the config's values.
	MinSeverity, MinConfidence, FailOn string
	// Baseline replaces the config's baseline; it is a path as the user typed it.
	Baseline string
	// Exclude adds to the config's excludes.
	Exclude []string
}

// Effective is the merged configuration a scan runs with.
type Effective struct {
	// MinSeverity and MinConfidence are the lowest levels Keep lets through.
	MinSeverity   analysis.Severity
	MinConfidence analysis.Confidence
	// FailOn is the lowest severity that fails the run (exit 1), or FailNever.
	FailOn analysis.Severity
	// Baseline is the baseline file to open, ready for LoadBaseline, or "" for none.
	Baseline string
	// Exclude is the config's globs followed by the flags', for walk.Options.Exclude.
	Exclude []string

	root    string // the config's Dir, as given
	absRoot string // root made absolute, for findings whose paths are absolute
	layers  []layer
	perFile []PerFileIgnore
}

// Merge combines a config with the command-line flags; cfg may be nil for no config.
// Flags that were set replace the config's values, except --exclude, which adds to
// them. Rule selection follows Ruff: the config's select/ignore are one layer and the
// flags' another. A layer with a select list decides afresh which rules run (so
// --select KR101 runs KR101 even if the config ignores it); a layer with only an ignore
// list disables rules on top of the one before (so --ignore adds to the config's).
// Within a layer the most specific matching selector wins, an ignore winning a tie:
// KR < KR1 < category < KR10 < KR101. With no select anywhere, every rule runs.
// Flag values are validated here, against cat, and errors name the flag.
func Merge(cfg *Config, flags Overrides, cat Catalog) (*Effective, error) {
	if cfg == nil {
		cfg = &Config{Dir: "."}
	}
	e := &Effective{
		MinSeverity:   cmp.Or(cfg.MinSeverity, analysis.SeverityLow),
		MinConfidence: cmp.Or(cfg.MinConfidence, analysis.ConfidenceLow),
		FailOn:        cmp.Or(cfg.FailOn, analysis.SeverityLow),
		Exclude:       slices.Concat(cfg.Exclude, flags.Exclude),
		root:          cmp.Or(cfg.Dir, "."),
		layers:        []layer{{selects: cfg.Select, ignores: cfg.Ignore}},
		perFile:       cfg.PerFileIgnores,
	}
	if abs, err := filepath.Abs(e.root); err == nil {
		e.absRoot = abs
	}
	if cfg.Baseline != "" {
		e.Baseline = cfg.Baseline
		if !filepath.IsAbs(e.Baseline) {
			e.Baseline = filepath.Join(e.root, e.Baseline)
		}
	}
	if flags.Baseline != "" {
		e.Baseline = flags.Baseline
	}
	var err error
	var cli layer
	if cli.selects, err = parseSelectors(flags.Select, cat); err != nil {
		return nil, fmt.Errorf("--select: %v", err)
	}
	if cli.ignores, err = parseSelectors(flags.Ignore, cat); err != nil {
		return nil, fmt.Errorf("--ignore: %v", err)
	}
	e.layers = append(e.layers, cli)
	if flags.MinSeverity != "" {
		if e.MinSeverity, err = analysis.ParseSeverity(flags.MinSeverity); err != nil {
			return nil, fmt.Errorf("--min-severity: %v", err)
		}
	}
	if flags.MinConfidence != "" {
		if e.MinConfidence, err = analysis.ParseConfidence(flags.MinConfidence); err != nil {
			return nil, fmt.Errorf("--min-confidence: %v", err)
		}
	}
	if flags.FailOn != "" {
		if e.FailOn, err = parseFailOn(flags.FailOn); err != nil {
			return nil, fmt.Errorf("--fail-on: %v", err)
		}
	}
	for _, g := range flags.Exclude {
		if err := walk.CheckExclude(g); err != nil {
			return nil, fmt.Errorf("--exclude: %v", err)
		}
	}
	return e, nil
}

// Enabled reports whether a rule runs at all; the engine skips disabled rules.
func (e *Effective) Enabled(r *analysis.Rule) bool { return e.EnabledCode(r.Code) }

// EnabledCode reports whether findings with the code are wanted, for analyzers whose
// checks are not analysis.Rule values (secrets, dependencies).
func (e *Effective) EnabledCode(code string) bool {
	on := true
	for _, l := range e.layers {
		on = l.apply(code, on)
	}
	return on
}

// Keep reports whether a finding is reported: its rule is enabled, no per-file ignore
// covers it, and it reaches the minimum severity and confidence. The baseline is
// applied separately (Baseline.Filter), because it needs the whole list.
func (e *Effective) Keep(f analysis.Finding) bool {
	if f.Severity < e.MinSeverity || f.Confidence < e.MinConfidence {
		return false
	}
	if !e.EnabledCode(f.Code) {
		return false
	}
	if len(e.perFile) == 0 {
		return true
	}
	rel, inside := e.rel(f.Path)
	for _, p := range e.perFile {
		if !slices.ContainsFunc(p.Ignore, func(s Selector) bool { return s.Matches(f.Code) }) {
			continue
		}
		if inside && matchPath(p.Pattern, rel) != p.Negate {
			return false
		}
	}
	return true
}

// Fails reports whether a finding makes the run exit 1.
func (e *Effective) Fails(f analysis.Finding) bool {
	return e.FailOn != FailNever && f.Severity >= e.FailOn
}

// rel returns p as a slash-separated path below the config's directory. inside is
// false for a file outside it, to which no per-file pattern applies.
func (e *Effective) rel(p string) (rel string, inside bool) {
	root := e.root
	if filepath.IsAbs(p) != filepath.IsAbs(root) {
		abs, err := filepath.Abs(p)
		if err != nil || e.absRoot == "" {
			return "", false
		}
		p, root = abs, e.absRoot
	}
	r, err := filepath.Rel(root, p)
	if err != nil || !filepath.IsLocal(r) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// matchPath matches a per-file pattern the way --exclude matches paths: against the
// whole relative path, its base name, and each of its directories, so that "tests",
// "tests/**" and "test_*.py" all mean what a user expects.
func matchPath(pattern, rel string) bool {
	if ok, _ := doublestar.Match(pattern, path.Base(rel)); ok {
		return true
	}
	for p := rel; p != "."; p = path.Dir(p) {
		if ok, _ := doublestar.Match(pattern, p); ok {
			return true
		}
	}
	return false
}

package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kraitsec/krait/internal/analysis"
)

// File names looked for in the scan root, in order of precedence.
const (
	KraitFile     = "krait.toml"
	PyprojectFile = "pyproject.toml"
)

// maxConfigSize bounds what Load reads: a scanned tree is untrusted, and a config file
// larger than this is a mistake or an attack, not a configuration.
const maxConfigSize = 1 << 20

// FailNever is the FailOn value that makes no finding fail the run.
const FailNever analysis.Severity = -1

// Config is one configuration file, validated. Zero values mean "not set".
type Config struct {
	// Dir is the directory the file was looked for in; relative paths in the file
	// (per-file-ignores, exclude, baseline) are relative to it.
	Dir string
	// Select and Ignore choose rules; an empty Select means every rule.
	Select []Selector
	Ignore []Selector
	// PerFileIgnores drops the named rules' findings in matching files.
	PerFileIgnores []PerFileIgnore
	// Exclude holds doublestar globs for paths the walk skips.
	Exclude []string
	// MinSeverity and MinConfidence drop findings below them.
	MinSeverity   analysis.Severity
	MinConfidence analysis.Confidence
	// FailOn is the lowest severity that fails the run, or FailNever.
	FailOn analysis.Severity
	// Baseline is the baseline file as written, relative to Dir unless absolute.
	Baseline string
}

// PerFileIgnore is one per-file-ignores entry.
type PerFileIgnore struct {
	// Pattern is a doublestar glob over slash-separated paths relative to Config.Dir.
	Pattern string
	// Negate, from a leading "!", applies Ignore to the files the pattern does not match.
	Negate bool
	// Ignore lists the rules whose findings are dropped.
	Ignore []Selector
}

// Load reads the configuration in root: krait.toml if present (its keys at the top
// level), otherwise the [tool.krait] table of pyproject.toml. When both files exist
// krait.toml wins and pyproject.toml is not read at all, as ruff.toml does for Ruff.
// It returns the config and the path of the file it came from; with no file, or a
// pyproject.toml without [tool.krait], it returns an empty Config (Dir set) and "".
// Every key and value is validated; rule codes are checked against cat.
func Load(root string, cat Catalog) (*Config, string, error) {
	for _, name := range []string{KraitFile, PyprojectFile} {
		path := filepath.Join(root, name)
		data, err := readConfig(root, path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		cfg, found, err := parse(path, data, name == PyprojectFile, cat)
		if err != nil {
			return nil, "", err
		}
		if !found {
			break
		}
		cfg.Dir = root
		return cfg, path, nil
	}
	return &Config{Dir: root}, "", nil
}

// readConfig reads a config file if it is a regular file inside root. A symlink that
// leaves the scanned tree, or a FIFO or device that could block or never end, is an
// error rather than something to read.
func readConfig(root, path string) ([]byte, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return nil, err
		}
		realRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			return nil, err
		}
		if rel, err := filepath.Rel(realRoot, target); err != nil || !filepath.IsLocal(rel) {
			return nil, fmt.Errorf("%s: symlink to %s, outside %s", path, target, root)
		}
		if info, err = os.Stat(target); err != nil {
			return nil, err
		}
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxConfigSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxConfigSize)
	}
	return data, nil
}

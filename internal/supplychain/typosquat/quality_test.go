package typosquat

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/kraitsec/krait/internal/supplychain/popular"
)

// sharedTop is hugovk's list as the team keeps it beside the repository.
const sharedTop = "../../../../shared/data/top-pypi-packages.json"

// knownSquats are names of malicious packages that imitated a popular one, as
// reported in advisories and news (SK-CSIRT 2017, the 2018-2019 PyPI
// removals, the Phylum, Checkmarx, Check Point and Sonatype reports of
// 2022-2024), written down from memory with the project each imitated.
var knownSquats = []struct{ name, target string }{
	{"urlib3", "urllib3"}, {"urllib", "urllib3"}, {"setup-tools", "setuptools"},
	{"colourama", "colorama"}, {"colorsama", "colorama"}, {"coloarama", "colorama"},
	{"colorrama", "colorama"}, {"colorama2", "colorama"},
	{"diango", "django"}, {"djago", "django"}, {"dajngo", "django"}, {"djanga", "django"},
	{"jeIlyfish", "jellyfish"}, {"python3-dateutil", "python-dateutil"},
	{"python-dateutils", "python-dateutil"}, {"dateutil", "python-dateutil"},
	{"reqeusts", "requests"}, {"requets", "requests"}, {"reuqests", "requests"},
	{"requesst", "requests"}, {"requestss", "requests"}, {"rquests", "requests"},
	{"reqests", "requests"}, {"requestes", "requests"}, {"requsts", "requests"},
	{"request-toolbelt", "requests-toolbelt"},
	{"beautifulsoup", "beautifulsoup4"}, {"beautfulsoup4", "beautifulsoup4"},
	{"beautifulsup4", "beautifulsoup4"}, {"beatifulsoup4", "beautifulsoup4"},
	{"pilllow", "pillow"}, {"pilow", "pillow"}, {"piilow", "pillow"},
	{"tensorfow", "tensorflow"}, {"tenserflow", "tensorflow"}, {"tensorflw", "tensorflow"},
	{"tensorflwo", "tensorflow"},
	{"matploltib", "matplotlib"}, {"mathplotlib", "matplotlib"}, {"matplotlb", "matplotlib"},
	{"numpyy", "numpy"}, {"nunpy", "numpy"}, {"numpi", "numpy"},
	{"pandsa", "pandas"}, {"pandass", "pandas"}, {"pnadas", "pandas"},
	{"selenim", "selenium"}, {"seleniumm", "selenium"}, {"selenuim", "selenium"},
	{"scikit-lern", "scikit-learn"}, {"sckit-learn", "scikit-learn"}, {"scikitlearn", "scikit-learn"},
	{"dlscord.py", "discord-py"}, {"discordpy", "discord-py"}, {"discord.pyy", "discord-py"},
	{"cryptograpy", "cryptography"}, {"crytography", "cryptography"}, {"cryptographyy", "cryptography"},
	{"pycryptodom", "pycryptodome"}, {"pyscopg2", "psycopg2"}, {"psycog2", "psycopg2"},
	{"pymafka", "pykafka"}, {"python-binanse", "python-binance"}, {"xgbost", "xgboost"},
	{"troch", "torch"}, {"flaks", "flask"}, {"aiohtpp", "aiohttp"}, {"pyymal", "pyyaml"},
	{"setuptool", "setuptools"}, {"openai-python", "openai"}, {"python-openai", "openai"},
	{"boto-3", "boto3"}, {"bot03", "boto3"}, {"sqlalchemyy", "sqlalchemy"},
	{"fastapii", "fastapi"}, {"pyautogiu", "pyautogui"}, {"seaborm", "seaborn"},
	{"pydantc", "pydantic"}, {"openpyx1", "openpyxl"}, {"ur11ib3", "urllib3"},
}

// loadShared reads the shared top list, or skips.
func loadShared(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(sharedTop)
	if err != nil {
		t.Skipf("shared data not present at %s (the repository's ../shared/data): %v", sharedTop, err)
	}
	var doc struct {
		Rows []struct {
			Project string `json:"project"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(doc.Rows))
	for i, r := range doc.Rows {
		names[i] = r.Project
	}
	return names
}

// importTop stores names as a downloaded list and loads it back.
func importTop(t *testing.T, names []string) *popular.List {
	t.Helper()
	type row struct {
		Project       string `json:"project"`
		DownloadCount int64  `json:"download_count"`
	}
	doc := struct {
		Rows []row `json:"rows"`
	}{}
	for i, n := range names {
		doc.Rows = append(doc.Rows, row{n, int64(len(names) - i)})
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	file := t.TempDir() + "/top.json"
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := popular.Import(t.Context(), file, dir); err != nil {
		t.Fatal(err)
	}
	l, err := popular.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestQualityLegitimate checks the quality bar: among the projects ranked
// 5,001 to 15,000, which are legitimate, at most 1% are flagged as
// typosquats of the top 5,000 (the checker knowing only the top 5,000).
func TestQualityLegitimate(t *testing.T) {
	names := loadShared(t)
	if len(names) < 6000 {
		t.Skipf("shared list has only %d names", len(names))
	}
	c := NewChecker(importTop(t, names[:5000]), 5000)
	flagged := 0
	for _, n := range names[5000:] {
		if target, how, ok := c.Check(n); ok {
			flagged++
			t.Logf("%s → %s (%s)", n, target, how)
		}
	}
	rate := float64(flagged) / float64(len(names)-5000)
	t.Logf("flagged %d of %d legitimate names (%.2f%%)", flagged, len(names)-5000, 100*rate)
	if rate > 0.01 {
		t.Errorf("flagged %.2f%% of legitimate names, want at most 1%%", 100*rate)
	}
}

// TestQualityKnownSquats checks the quality bar: at least 90% of known
// malicious typosquats are flagged with the right target, with the built-in
// list and with the shared top list.
func TestQualityKnownSquats(t *testing.T) {
	lists := map[string]func(t *testing.T) *popular.List{
		"builtin": func(t *testing.T) *popular.List { return popular.Builtin() },
		"shared":  func(t *testing.T) *popular.List { return importTop(t, loadShared(t)) },
	}
	for name, load := range lists {
		t.Run(name, func(t *testing.T) {
			c := NewChecker(load(t), DefaultTargets)
			right := 0
			for _, s := range knownSquats {
				target, how, ok := c.Check(s.name)
				if ok && target == s.target {
					right++
					continue
				}
				t.Logf("%s: got %q (%s, %v), want %s", s.name, target, how, ok, s.target)
			}
			t.Logf("%d of %d known typosquats flagged with the right target", right, len(knownSquats))
			if right*10 < len(knownSquats)*9 {
				t.Errorf("%d of %d known typosquats flagged with the right target, want 90%%", right, len(knownSquats))
			}
		})
	}
}

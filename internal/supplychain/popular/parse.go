package popular

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"

	"github.com/kraitsec/krait/internal/deps"
)

// MinRows is the fewest rows a downloaded or imported list may have: hugovk's
// list has 15,000, so a much shorter one is truncated or not that list.
const MinRows = 1000

// maxRows bounds a list so that a hostile mirror cannot make krait index
// millions of names.
const maxRows = 1_000_000

// validName is PEP 508's project name.
var validName = regexp.MustCompile(`^(?i:[a-z0-9]|[a-z0-9][a-z0-9._-]*[a-z0-9])$`)

// topJSON is the shape of hugovk's top-pypi-packages JSON.
type topJSON struct {
	LastUpdate string   `json:"last_update"`
	Rows       []topRow `json:"rows"`
}

// topRow is one project of the list.
type topRow struct {
	Project       string `json:"project"`
	DownloadCount int64  `json:"download_count"`
}

// Sniff reports whether data, the start of a file (a few hundred bytes are
// enough), is a JSON object such as a popular-packages list, as opposed to an
// OSV zip, which starts with "PK".
func Sniff(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '{'
}

// parseTop verifies a top-pypi-packages JSON and returns its normalised
// names, most downloaded first, and its last_update stamp.
func parseTop(data []byte) (names []string, lastUpdate string, err error) {
	if !Sniff(data) {
		return nil, "", fmt.Errorf("not a popular-packages JSON (want {\"rows\": [{\"project\", \"download_count\"}]})")
	}
	var top topJSON
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, "", fmt.Errorf("not a popular-packages JSON: %w", err)
	}
	switch {
	case len(top.Rows) < MinRows:
		return nil, "", fmt.Errorf("popular-packages JSON has %d rows, fewer than the %d expected", len(top.Rows), MinRows)
	case len(top.Rows) > maxRows:
		return nil, "", fmt.Errorf("popular-packages JSON has %d rows, more than the %d allowed", len(top.Rows), maxRows)
	}
	for i, r := range top.Rows {
		if !validName.MatchString(r.Project) {
			return nil, "", fmt.Errorf("popular-packages JSON: row %d: invalid project name %q", i+1, r.Project)
		}
		if r.DownloadCount < 0 {
			return nil, "", fmt.Errorf("popular-packages JSON: row %d (%s): negative download count", i+1, r.Project)
		}
	}
	// The list comes sorted; sorting again costs little and makes the ranks
	// right for a mirror that reorders rows.
	rows := top.Rows
	slices.SortStableFunc(rows, func(a, b topRow) int {
		return cmp.Compare(b.DownloadCount, a.DownloadCount)
	})
	seen := make(map[string]bool, len(rows))
	names = make([]string, 0, len(rows))
	for _, r := range rows {
		n := deps.Normalize(r.Project)
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return names, top.LastUpdate, nil
}

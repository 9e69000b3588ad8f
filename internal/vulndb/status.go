package vulndb

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// DefaultMaxAge is the age past which a store counts as stale: OSV's PyPI data
// changes daily.
const DefaultMaxAge = 7 * 24 * time.Hour

// DBStatus describes the store in a DB directory.
type DBStatus struct {
	// Path is the store file's path.
	Path string
	// Present is false when there is no store; Err is set when there is one
	// that cannot be opened.
	Present bool
	Err     error
	// Meta is the store's description, and Size its file size in bytes.
	Meta Meta
	Size int64
	// Age is the time since the store was imported.
	Age time.Duration
}

// Status reports on the store in dir at time now. A missing or damaged store
// is described, not returned as an error.
func Status(dir string, now time.Time) DBStatus {
	s := DBStatus{Path: filepath.Join(dir, FileName)}
	db, err := Open(dir)
	if errors.Is(err, ErrNoDB) {
		return s
	}
	s.Present = true
	if err != nil {
		s.Err = err
		return s
	}
	defer db.Close()
	s.Meta = db.Meta()
	if st, err := os.Stat(db.Path()); err == nil {
		s.Size = st.Size()
	}
	s.Age = now.Sub(s.Meta.ImportedAt)
	return s
}

// Stale reports whether the store is missing, damaged or older than maxAge.
func (s DBStatus) Stale(maxAge time.Duration) bool {
	return !s.Present || s.Err != nil || s.Age > maxAge
}

// String is the one-line report `krait db status` prints and a scan prints
// when the store is missing or stale.
func (s DBStatus) String() string {
	switch {
	case !s.Present:
		return fmt.Sprintf("no vulnerability database at %s; run `krait db update`", s.Path)
	case s.Err != nil:
		return fmt.Sprintf("vulnerability database unusable: %v; run `krait db update`", s.Err)
	}
	m := s.Meta
	return fmt.Sprintf("vulnerability database %s: %d advisories (%d known-malicious) for %d packages, %d withdrawn skipped; from %s; imported %s ago, newest entry %s",
		s.Path, m.Entries-m.Withdrawn, m.Malicious, m.Packages, m.Withdrawn, m.Source,
		roundAge(s.Age), m.SnapshotModified.Format(time.DateOnly))
}

// roundAge renders an age to the precision a person wants: minutes under a
// day, else days.
func roundAge(d time.Duration) string {
	switch {
	case d < 0:
		return "0s"
	case d < time.Minute:
		return d.Round(time.Second).String()
	case d < 24*time.Hour:
		return d.Round(time.Minute).String()
	}
	days := int(d / (24 * time.Hour))
	if days == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", days)
}

package popular

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"
)

// DefaultMaxAge is the age past which a downloaded list counts as stale; the
// ranking moves slowly, so a month is fine.
const DefaultMaxAge = 30 * 24 * time.Hour

// Info describes the popular-packages list in a DB directory.
type Info struct {
	// Path is the store file's path.
	Path string
	// Present is false when nothing was downloaded: scans use the built-in list.
	Present bool
	// Source is the URL or file the list came from; Count its number of names;
	// LastUpdate the list's own date stamp; SHA256 the digest of its JSON.
	Source     string
	Count      int
	LastUpdate string
	SHA256     string
	// ImportedAt is when it was stored, and Age the time since.
	ImportedAt time.Time
	Age        time.Duration
}

// infoOf describes a stored list.
func infoOf(dir string, m meta, now time.Time) Info {
	return Info{
		Path: filepath.Join(dir, FileName), Present: true,
		Source: m.Source, Count: m.Count, LastUpdate: m.LastUpdate, SHA256: m.SHA256,
		ImportedAt: m.ImportedAt, Age: now.Sub(m.ImportedAt),
	}
}

// Status reports on the list in dir at time now. No list is not an error
// (Present is false); a damaged one is.
func Status(dir string, now time.Time) (Info, error) {
	m, _, err := readStore(dir)
	if errors.Is(err, ErrNoList) {
		return Info{Path: filepath.Join(dir, FileName)}, nil
	}
	if err != nil {
		return Info{Path: filepath.Join(dir, FileName), Present: true}, err
	}
	return infoOf(dir, m, now), nil
}

// Stale reports whether the list is missing or older than maxAge.
func (i Info) Stale(maxAge time.Duration) bool { return !i.Present || i.Age > maxAge }

// String is the one-line report for `krait db status` and `krait db update`.
func (i Info) String() string {
	if !i.Present {
		return fmt.Sprintf("no popular-packages list at %s; typosquat checks use the built-in list of %d names; run `krait db update`", i.Path, Builtin().Len())
	}
	s := fmt.Sprintf("popular-packages list %s: %d names from %s", i.Path, i.Count, i.Source)
	if i.LastUpdate != "" {
		s += " (list of " + i.LastUpdate + ")"
	}
	return s + "; imported " + roundAge(i.Age) + " ago"
}

// roundAge renders an age to minutes under a day, else days.
func roundAge(d time.Duration) string {
	switch {
	case d < 0:
		return "0s"
	case d < time.Minute:
		return d.Round(time.Second).String()
	case d < 24*time.Hour:
		return d.Round(time.Minute).String()
	}
	if days := int(d / (24 * time.Hour)); days != 1 {
		return fmt.Sprintf("%d days", days)
	}
	return "1 day"
}

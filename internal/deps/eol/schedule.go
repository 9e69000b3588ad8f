package eol

import (
	"strconv"
	"time"
)

// Release is one CPython feature release (a major.minor line) and its support window.
type Release struct {
	// Version is "major.minor", e.g. "3.8".
	Version string
	// Major and Minor are the parsed parts of Version.
	Major, Minor int
	// Released is the date of the x.y.0 final release; EOL is the day the line
	// stopped (or stops) receiving security fixes.
	Released, EOL time.Time
}

// day builds a UTC date; the table below is the only caller.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		// The table is a literal checked by TestSchedule; an unparsable date cannot ship.
		return time.Time{}
	}
	return t
}

// releaseRow is the text form of a Release, as the release PEPs give it.
type releaseRow struct{ version, released, eol string }

// scheduleRows returns CPython's release history and plan, from the release-schedule PEPs
// (PEP 361 for 2.6/3.0, PEP 373 for 2.7, PEPs 375–745 for 3.1–3.14, PEP 790 for 3.15)
// and the devguide's status page; PEP 602 fixes the end of life at five years after
// 3.9, in October. The older 2.x lines end at their last security release.
func scheduleRows() []releaseRow {
	return []releaseRow{
		{"2.0", "2000-10-16", "2001-06-22"},
		{"2.1", "2001-04-15", "2002-04-09"},
		{"2.2", "2001-12-21", "2003-05-30"},
		{"2.3", "2003-07-29", "2008-03-11"},
		{"2.4", "2004-11-30", "2008-12-19"},
		{"2.5", "2006-09-19", "2011-05-26"},
		{"2.6", "2008-10-01", "2013-10-29"},
		{"2.7", "2010-07-03", "2020-01-01"},
		{"3.0", "2008-12-03", "2009-06-27"},
		{"3.1", "2009-06-27", "2012-04-09"},
		{"3.2", "2011-02-20", "2016-02-20"},
		{"3.3", "2012-09-29", "2017-09-29"},
		{"3.4", "2014-03-16", "2019-03-18"},
		{"3.5", "2015-09-13", "2020-09-30"},
		{"3.6", "2016-12-23", "2021-12-23"},
		{"3.7", "2018-06-27", "2023-06-27"},
		{"3.8", "2019-10-14", "2024-10-07"},
		{"3.9", "2020-10-05", "2025-10-31"},
		{"3.10", "2021-10-04", "2026-10-31"},
		{"3.11", "2022-10-24", "2027-10-31"},
		{"3.12", "2023-10-02", "2028-10-31"},
		{"3.13", "2024-10-07", "2029-10-31"},
		{"3.14", "2025-10-07", "2030-10-31"},
		{"3.15", "2026-10-01", "2031-10-31"},
	}
}

// Schedule is CPython's release schedule, indexed by version.
type Schedule struct {
	releases []Release
	byKey    map[[2]int]int
}

// NewSchedule returns the embedded schedule.
func NewSchedule() *Schedule {
	rows := scheduleRows()
	s := &Schedule{byKey: make(map[[2]int]int, len(rows))}
	for _, r := range rows {
		major, minor, ok := splitVersion(r.version)
		if !ok {
			continue
		}
		s.byKey[[2]int{major, minor}] = len(s.releases)
		s.releases = append(s.releases, Release{Version: r.version, Major: major, Minor: minor, Released: day(r.released), EOL: day(r.eol)})
	}
	return s
}

// Releases returns every release line in the schedule, oldest first.
func (s *Schedule) Releases() []Release { return append([]Release(nil), s.releases...) }

// Lookup returns the release line major.minor, if the schedule knows it.
func (s *Schedule) Lookup(major, minor int) (Release, bool) {
	i, ok := s.byKey[[2]int{major, minor}]
	if !ok {
		return Release{}, false
	}
	return s.releases[i], true
}

// Newest returns the newest line released (as a final, not a pre-release) on or
// before now.
func (s *Schedule) Newest(now time.Time) (Release, bool) {
	var best Release
	found := false
	for _, r := range s.releases {
		if !r.Released.After(now) && (!found || r.Major > best.Major || r.Major == best.Major && r.Minor > best.Minor) {
			best, found = r, true
		}
	}
	return best, found
}

// OldestSupported returns the oldest released line still receiving fixes at now.
func (s *Schedule) OldestSupported(now time.Time) (Release, bool) {
	for _, r := range s.releases {
		if !r.Released.After(now) && now.Before(r.EOL) {
			return r, true
		}
	}
	return Release{}, false
}

// splitVersion reads "major.minor".
func splitVersion(v string) (major, minor int, ok bool) {
	i := 0
	for i < len(v) && v[i] != '.' {
		i++
	}
	if i == 0 || i >= len(v)-1 {
		return 0, 0, false
	}
	a, err1 := strconv.Atoi(v[:i])
	b, err2 := strconv.Atoi(v[i+1:])
	return a, b, err1 == nil && err2 == nil
}

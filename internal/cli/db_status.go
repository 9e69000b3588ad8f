package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/supplychain/popular"
	"github.com/kraitsec/krait/internal/vulndb"
)

func newDBStatusCmd(a *app, dbDir func() (string, error)) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the databases' source, entry count and age",
		Long: "Status describes the vulnerability database and the popular-packages list: where\n" +
			"each came from, how many entries it holds and how old it is, with a warning when\n" +
			"it is older than a week. Exit status 2 means there is no usable vulnerability\n" +
			"database, so that a CI step can run 'krait db status || krait db update'.",
		Args: wrapArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := checkFormat(cmd, format, []string{"text", "json"}, []string{"text", "json"})
			if err != nil {
				return err
			}
			dir, err := dbDir()
			if err != nil {
				return err
			}
			st := collectDBStatus(dir, a.clock())
			if f == "json" {
				err = writeJSON(a.stdout, st)
			} else {
				err = writeDBStatus(a.stdout, st)
			}
			if err != nil {
				return err
			}
			if !st.Vulnerabilities.Present || st.Vulnerabilities.Error != "" {
				a.code = ExitError
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `FORMAT`: text|json")
	return cmd
}

// dbStatusJSON is the output of `krait db status -f json`.
type dbStatusJSON struct {
	Vulnerabilities osvStatusJSON      `json:"vulnerabilities"`
	Popular         *popularStatusJSON `json:"popular"`
}

// osvStatusJSON describes the vulnerability store; counts are zero when it is absent.
type osvStatusJSON struct {
	Path    string `json:"path"`
	Present bool   `json:"present"`
	// Error says why a store that is there cannot be used.
	Error            string     `json:"error,omitempty"`
	Source           string     `json:"source,omitempty"`
	SHA256           string     `json:"sha256,omitempty"`
	UpdatedAt        *time.Time `json:"updated_at,omitempty"`
	SnapshotModified *time.Time `json:"snapshot_modified,omitempty"`
	AgeSeconds       int64      `json:"age_seconds"`
	Stale            bool       `json:"stale"`
	Advisories       int        `json:"advisories"`
	Malicious        int        `json:"malicious"`
	Withdrawn        int        `json:"withdrawn"`
	Packages         int        `json:"packages"`
	Size             int64      `json:"size"`
}

// popularStatusJSON describes the popular-packages list in use.
type popularStatusJSON struct {
	Path string `json:"path"`
	// Present is false when nothing was downloaded or imported and the built-in
	// list is used.
	Present    bool       `json:"present"`
	Error      string     `json:"error,omitempty"`
	Source     string     `json:"source"`
	UpdatedAt  *time.Time `json:"updated_at,omitempty"`
	AgeSeconds int64      `json:"age_seconds"`
	Stale      bool       `json:"stale"`
	Names      int        `json:"names"`
}

func collectDBStatus(dir string, now time.Time) *dbStatusJSON {
	return &dbStatusJSON{Vulnerabilities: osvStatusOf(vulndb.Status(dir, now)), Popular: popularStatus(dir, now)}
}

// osvStatusOf describes the vulnerability store for db status and deps -f json.
func osvStatusOf(s vulndb.DBStatus) osvStatusJSON {
	o := osvStatusJSON{Path: s.Path, Present: s.Present, Stale: s.Stale(vulndb.DefaultMaxAge)}
	switch {
	case !s.Present:
	case s.Err != nil:
		o.Error = s.Err.Error()
	default:
		m := s.Meta
		imported, modified := m.ImportedAt.UTC(), m.SnapshotModified.UTC()
		o.Source, o.SHA256, o.UpdatedAt, o.SnapshotModified = m.Source, m.SHA256, &imported, &modified
		o.AgeSeconds = int64(max(s.Age, 0) / time.Second)
		o.Advisories, o.Malicious, o.Withdrawn, o.Packages = m.Entries-m.Withdrawn, m.Malicious, m.Withdrawn, m.Packages
		o.Size = s.Size
	}
	return o
}

func writeDBStatus(w io.Writer, st *dbStatusJSON) error {
	o := st.Vulnerabilities
	var b []byte
	line := func(label, format string, args ...any) {
		b = fmt.Appendf(b, "  %-9s %s\n", label, fmt.Sprintf(format, args...))
	}
	b = fmt.Appendf(b, "vulnerability database %s\n", o.Path)
	switch {
	case !o.Present:
		line("missing", "run 'krait db update' (or 'krait db import FILE')")
	case o.Error != "":
		line("unusable", "%s; run 'krait db update'", o.Error)
	default:
		line("source", "%s", o.Source)
		entries := fmt.Sprintf("%s OSV %s", thousands(o.Advisories), noun(o.Advisories, "advisory", "advisories"))
		if o.Malicious > 0 {
			entries += fmt.Sprintf(" (%s known-malicious)", thousands(o.Malicious))
		}
		entries += fmt.Sprintf(" for %s %s", thousands(o.Packages), noun(o.Packages, "package", "packages"))
		if o.Withdrawn > 0 {
			entries += fmt.Sprintf("; %s withdrawn skipped", thousands(o.Withdrawn))
		}
		line("entries", "%s", entries)
		line("updated", "%s, %s; newest entry %s", humanAge(time.Duration(o.AgeSeconds)*time.Second),
			o.UpdatedAt.Format(time.DateOnly), o.SnapshotModified.Format(time.DateOnly))
		line("size", "%s", byteSize(o.Size))
		if o.Stale {
			line("warning", "older than %d days; run 'krait db update'", int(vulndb.DefaultMaxAge/(24*time.Hour)))
		}
	}
	if p := st.Popular; p != nil {
		b = fmt.Appendf(b, "popular packages %s\n", p.Path)
		switch {
		case p.Error != "":
			line("unusable", "%s; using the built-in list; run 'krait db update'", p.Error)
		case !p.Present:
			line("source", "%s (none downloaded; 'krait db update' fetches the full list)", p.Source)
			line("entries", "%s %s", thousands(p.Names), noun(p.Names, "name", "names"))
		default:
			line("source", "%s", p.Source)
			line("entries", "%s %s", thousands(p.Names), noun(p.Names, "name", "names"))
			line("updated", "%s, %s", humanAge(time.Duration(p.AgeSeconds)*time.Second), p.UpdatedAt.Format(time.DateOnly))
			if p.Stale {
				line("warning", "older than %d days; run 'krait db update'", int(popular.DefaultMaxAge/(24*time.Hour)))
			}
		}
	}
	_, err := w.Write(b)
	return err
}

// humanAge says how long ago something happened, to the precision a person wants.
func humanAge(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute") + " ago"
	case d < 24*time.Hour:
		return plural(int(d/time.Hour), "hour") + " ago"
	}
	return plural(int(d/(24*time.Hour)), "day") + " ago"
}

// writeJSON writes v as indented JSON, as every krait JSON output is.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// byteSize renders a file size in the largest binary unit that keeps it above one.
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

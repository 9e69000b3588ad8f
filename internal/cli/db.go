package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/kraitsec/krait/internal/vulndb"
)

// clock is the time the commands report ages against.
func (a *app) clock() time.Time {
	if a.now != nil {
		return a.now()
	}
	return time.Now()
}

func newDBCmd(a *app) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "db",
		Short: "Manage the local vulnerability database and popular-packages list",
		Long: "The database holds OSV's PyPI advisories, converted to a store that a scan opens in\n" +
			"milliseconds, and the list of popular PyPI packages that typosquats are checked\n" +
			"against. Both live in --db DIR (default $KRAIT_DB, else the user cache dir).",
		Args: wrapArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(a.stderr)
			_ = cmd.Usage()
			return usagef(cmd, "no subcommand given")
		},
	}
	cmd.PersistentFlags().StringVar(&dir, "db", "", "database `DIR` (default $KRAIT_DB, else the user cache dir)")
	dbDir := func() (string, error) {
		if dir == "" {
			dir = defaultDBDir(a.getenv)
		}
		if dir == "" {
			return "", errors.New("no database directory: set --db or $KRAIT_DB")
		}
		return dir, nil
	}
	cmd.AddCommand(newDBUpdateCmd(a, dbDir), newDBImportCmd(a, dbDir), newDBStatusCmd(a, dbDir))
	return cmd
}

func newDBUpdateCmd(a *app, dbDir func() (string, error)) *cobra.Command {
	var osvURL, popularURL string
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Download the PyPI advisories from OSV and the popular-packages list",
		Long: "Update downloads OSV's PyPI all.zip and the list of popular PyPI packages,\n" +
			"verifies each, and swaps it in atomically: an interrupted or corrupt download\n" +
			"leaves the previous copy as it was. One failed download does not undo the other;\n" +
			"the exit status is 2 if either failed.",
		Example: "  krait db update\n  krait db update --url https://mirror.example/osv/PyPI/all.zip",
		Args:    wrapArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := dbDir()
			if err != nil {
				return err
			}
			return runDBUpdate(cmd.Context(), a, dir, osvURL, popularURL)
		},
	}
	cmd.Flags().StringVar(&osvURL, "url", "", "download the advisories from this mirror `URL` instead of OSV")
	cmd.Flags().StringVar(&popularURL, "popular-url", "", "download the popular-packages JSON from this `URL`")
	return cmd
}

// runDBUpdate fetches both data sets, reporting each outcome; one failure gives exit
// status 2 once the other download has had its chance.
func runDBUpdate(ctx context.Context, a *app, dir, osvURL, popularURL string) error {
	client := &http.Client{Transport: newDownloadProgress(a, http.DefaultTransport)}
	failed := false
	meta, err := vulndb.Update(ctx, osvURL, dir, client)
	switch {
	case errors.Is(err, context.Canceled):
		return err
	case err != nil:
		failed = true
		fmt.Fprintf(a.stderr, "krait: vulnerability database not updated: %v\n", err)
	default:
		fmt.Fprintf(a.stdout, "updated the vulnerability database: %s from %s\n", osvCounts(meta), meta.Source)
	}
	if err := updatePopular(ctx, a, dir, popularURL, client); err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		failed = true
		fmt.Fprintf(a.stderr, "krait: popular-packages list not updated: %v\n", err)
	}
	if failed {
		return errReported
	}
	return nil
}

func newDBImportCmd(a *app, dbDir func() (string, error)) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Import a local OSV zip or popular-packages JSON",
		Long: "Import reads FILE, which is either an OSV PyPI all.zip or a popular-packages\n" +
			"JSON ({\"rows\": [{\"project\", \"download_count\"}]}), tells which it got, and swaps\n" +
			"it in atomically as 'krait db update' does.",
		Example: "  krait db import all.zip\n  krait db import top-pypi-packages.min.json",
		Args:    wrapArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := dbDir()
			if err != nil {
				return err
			}
			msg, err := importFile(cmd.Context(), dir, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(a.stdout, msg)
			return nil
		},
	}
}

// A zip file starts with a local file header, or, when empty, with the end of
// its central directory.
const (
	zipLocalHeader = "PK\x03\x04"
	zipEmpty       = "PK\x05\x06"
)

// importFile tells an OSV zip from a popular-packages JSON by content, not by name,
// imports it and says what it imported.
func importFile(ctx context.Context, dir, file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	head := make([]byte, 4)
	n, err := io.ReadFull(f, head)
	f.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	if h := string(head[:n]); h == zipLocalHeader || h == zipEmpty {
		meta, err := vulndb.Import(ctx, file, dir)
		if err != nil {
			return "", err
		}
		return "imported " + osvCounts(meta), nil
	}
	if msg, ok, err := importPopular(ctx, dir, file); ok || err != nil {
		return msg, err
	}
	return "", fmt.Errorf("%s is neither an OSV zip nor a popular-packages JSON", file)
}

// osvCounts says what a snapshot held: "16,532 OSV advisories for 9,876 packages".
func osvCounts(m vulndb.Meta) string {
	return fmt.Sprintf("%s OSV %s for %s %s", thousands(m.Entries-m.Withdrawn), noun(m.Entries-m.Withdrawn, "advisory", "advisories"),
		thousands(m.Packages), noun(m.Packages, "package", "packages"))
}

func noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// thousands writes n with comma separators, as people read counts.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// downloadProgress shows a byte-count bar on stderr for each download, only for a
// person watching: stderr must be a terminal, and CI logs get none.
type downloadProgress struct {
	a    *app
	base http.RoundTripper
}

func newDownloadProgress(a *app, base http.RoundTripper) http.RoundTripper {
	if !isTerminal(a.stderr) || a.getenv("CI") != "" {
		return base
	}
	return &downloadProgress{a: a, base: base}
}

// RoundTrip wraps the response body so that reading it moves the bar.
func (p *downloadProgress) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := p.base.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	bar := progressbar.NewOptions64(resp.ContentLength,
		progressbar.OptionSetWriter(p.a.stderr),
		progressbar.OptionSetDescription("downloading "+req.URL.Host+req.URL.Path),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	resp.Body = &barBody{ReadCloser: resp.Body, bar: bar}
	return resp, nil
}

// barBody advances its bar by what is read and clears it when closed.
type barBody struct {
	io.ReadCloser
	bar *progressbar.ProgressBar
}

func (b *barBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	_ = b.bar.Add(n)
	return n, err
}

func (b *barBody) Close() error {
	_ = b.bar.Finish()
	return b.ReadCloser.Close()
}
